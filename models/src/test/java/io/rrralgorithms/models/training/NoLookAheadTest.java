package io.rrralgorithms.models.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.models.spec.FeatureSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Spec v2's inputs (own columns, history, cross-instrument inputs) use data at or before t only, and
 * labels only data after t: rewriting every row after t0 leaves every input of the rows at or
 * before t0 as it was and changes exactly the labels that reach past t0.
 */
class NoLookAheadTest {
    private static final long T0 = 1_723_075_200_000L;
    private static final int H = 5;

    private static List<FeatureRecord> market(long seed) {
        List<FeatureRecord> out = new ArrayList<>();
        out.addAll(SyntheticV2.instrument("binance-spot:BTCUSDT", T0, 120, 60_000, 1, new Random(seed)));
        out.addAll(SyntheticV2.instrument("binance-usdm:BTCUSDT", T0, 120, 60_030, 1, new Random(seed + 1)));
        out.addAll(SyntheticV2.instrument("binance-spot:ETHUSDT", T0, 120, 2_500, 20, new Random(seed + 2)));
        return out;
    }

    @Test
    void inputsAtOrBeforeTNeverSeeLaterRowsAndLabelsOnlyDo() {
        long cut = T0 + 60_000L;
        List<FeatureRecord> original = market(1);
        List<FeatureRecord> rewritten = new ArrayList<>();
        List<FeatureRecord> other = market(99);
        for (int i = 0; i < original.size(); i++) {
            rewritten.add(original.get(i).timeMs() <= cut ? original.get(i) : other.get(i));
        }
        Labeler labeler = new Labeler(FeatureSpec.V2, H, 10);
        Map<String, LabeledRow> a = byKey(labeler.label(original));
        Map<String, LabeledRow> b = byKey(labeler.label(rewritten));
        int compared = 0;
        int labelsChanged = 0;
        for (var e : a.entrySet()) {
            LabeledRow x = e.getValue();
            if (x.timeMs() > cut) {
                continue;
            }
            LabeledRow y = b.get(e.getKey());
            assertArrayEquals(x.inputs(), y.inputs(), e.getKey());
            assertEquals(x.history().length, y.history().length);
            for (int k = 0; k < x.history().length; k++) {
                assertArrayEquals(x.history()[k], y.history()[k], e.getKey() + " history " + k);
            }
            assertEquals(x.prevReturn(), y.prevReturn());
            if (x.timeMs() + H * 1000L <= cut) {
                assertEquals(x.label(), y.label(), e.getKey());
            } else {
                assertNotEquals(x.label(), y.label(), e.getKey() + ": its label reads the rewritten future");
                labelsChanged++;
            }
            compared++;
        }
        assertEquals(3 * H, labelsChanged); // H seconds x 3 instruments
        assertTrue(compared > 3 * 40, "compared " + compared);
    }

    @Test
    void crossInstrumentInputsComeFromTheOtherInstrumentsPreviousSecond() {
        List<FeatureRecord> records = market(3);
        Map<String, FeatureRecord> raw = new HashMap<>();
        records.forEach(r -> raw.put(r.instrument() + "@" + r.timeMs(), r));
        Map<String, LabeledRow> rows = byKey(new Labeler(FeatureSpec.V2, 1).label(records));
        int basis = FeatureSpec.V2.inputNames().indexOf("basis_bps");
        int leader = FeatureSpec.V2.inputNames().indexOf("leader_ret_1s_bps");
        long t = T0 + 30_000L;
        LabeledRow spot = rows.get("binance-spot:BTCUSDT@" + t);
        double peer = raw.get("binance-usdm:BTCUSDT@" + (t - 1000)).mid();
        double own = raw.get("binance-spot:BTCUSDT@" + (t - 1000)).mid();
        assertEquals((float) ((peer / own - 1) * 1e4), spot.inputs()[basis], 1e-3);
        assertEquals(0f, spot.inputs()[leader]); // BTC has no leader
        LabeledRow eth = rows.get("binance-spot:ETHUSDT@" + t);
        double btcRet = raw.get("binance-spot:BTCUSDT@" + (t - 1000)).values().value("ret_1s");
        assertEquals((float) (btcRet * 1e4), eth.inputs()[leader], 1e-4); // the same feed's BTC leads
        assertEquals(0f, eth.inputs()[basis]); // no ETH on another market
        // the first second has no previous second of anyone: absent, 0
        assertEquals(0f, rows.get("binance-spot:BTCUSDT@" + T0).inputs()[basis]);
    }

    private static Map<String, LabeledRow> byKey(List<LabeledRow> rows) {
        Map<String, LabeledRow> m = new HashMap<>();
        rows.forEach(r -> m.put(r.instrument() + "@" + r.timeMs(), r));
        return m;
    }
}
