package io.rrralgorithms.jobs.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.capture.CaptureFeeds;
import io.rrralgorithms.connectors.capture.CaptureReader;
import io.rrralgorithms.jobs.SharedData;
import io.rrralgorithms.jobs.book.BookTop;
import io.rrralgorithms.models.spec.FeatureValues;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The features table's spec v2 columns on real captures: computed from data at or before each
 * second's end (a replay cut short gives the same rows up to a few seconds before the cut), the
 * history columns consistent with earlier rows, and BBOs used only where they carry the exchange's
 * time (Binance USDⓈ-M's bookTicker; spot's has none, and its receive time is on another clock).
 */
class FeaturesV2Test {
    private static final Path USDM = SharedData.market("binance-usdm/btcusdt_20240718.gz");
    private static final Path SPOT = SharedData.market("binance-spot/btcusdt_20240808.gz");

    private static List<FeatureRow> replay(Path file, int maxFrames) throws Exception {
        List<FeatureRow> rows = new ArrayList<>();
        InProcessPipeline p = new InProcessPipeline(ReplayFeatures.DEFAULT_DEPTH_LEVELS,
                ReplayFeatures.DEFAULT_MAX_PENDING_DIFFS, ReplayFeatures.DEFAULT_OUT_OF_ORDERNESS_MS,
                new InProcessPipeline.Listener() {
                    @Override
                    public void featureRow(FeatureRow row, BookTop sample) {
                        rows.add(row);
                    }
                });
        try (CaptureReader r = CaptureFeeds.INFERRED.open(file)) {
            for (int n = 0; r.hasNext() && n < maxFrames; n++) {
                p.frame(r.next());
            }
        }
        p.finish();
        return rows;
    }

    @Test
    void rowsDoNotDependOnLaterFrames() throws Exception {
        List<FeatureRow> full = replay(USDM, Integer.MAX_VALUE);
        List<FeatureRow> cut = replay(USDM, 6_000);
        long lastCut = cut.stream().mapToLong(r -> r.timeMs).max().orElseThrow();
        Map<Long, FeatureRow> byTime = new HashMap<>();
        full.forEach(r -> byTime.put(r.timeMs, r));
        int compared = 0;
        for (FeatureRow c : cut) {
            // the watermark trails by the out-of-orderness: seconds well before the cut were closed with everything
            if (c.timeMs > lastCut - 5_000L) {
                continue;
            }
            FeatureRow f = byTime.get(c.timeMs);
            assertNotNull(f, "row at " + c.timeMs);
            FeatureValues a = FeatureRowValues.of(c);
            FeatureValues b = FeatureRowValues.of(f);
            for (String col : FeatureRowValues.COLUMNS) {
                assertEquals(Double.doubleToLongBits(b.value(col)), Double.doubleToLongBits(a.value(col)),
                        col + " at " + c.timeMs);
            }
            compared++;
        }
        assertTrue(compared > 30, "compared " + compared + " rows");
        assertTrue(full.size() > cut.size() + 30);
    }

    @Test
    void historyColumnsFollowTheEarlierRowsAndBboNeedsAnExchangeTime() throws Exception {
        List<FeatureRow> usdm = replay(USDM, Integer.MAX_VALUE);
        Map<Long, FeatureRow> byTime = new HashMap<>();
        usdm.forEach(r -> byTime.put(r.timeMs, r));
        int checked = 0;
        int withBbo = 0;
        for (FeatureRow r : usdm) {
            if (!r.bookValid) {
                continue;
            }
            FeatureRow prev = byTime.get(r.timeMs - 1000L);
            if (prev != null && prev.bookValid) {
                assertEquals(Math.log(r.mid.doubleValue() / prev.mid.doubleValue()), r.ret1s, 1e-15, "ret_1s");
                FeatureRow prev2 = byTime.get(r.timeMs - 2000L);
                if (prev2 != null && prev2.bookValid) {
                    assertEquals(prev.ret1s, r.retLag1s, 1e-15, "ret_lag_1s");
                }
                double ofi5 = 0;
                for (long k = 0; k < 5; k++) {
                    FeatureRow e = byTime.get(r.timeMs - k * 1000L);
                    ofi5 += e == null ? 0 : e.ofi;
                }
                assertEquals(ofi5, r.ofi5s, 1e-9 * Math.max(1, Math.abs(ofi5)), "ofi_5s");
                checked++;
            }
            assertTrue(r.depthImbalance1 >= -1 && r.depthImbalance1 <= 1);
            assertTrue(r.bidSlope > 0 && r.askSlope > 0 && r.depthTotal > 0);
            if (r.bboUpdates > 0) {
                withBbo++;
                assertTrue(r.bboBid < r.bboAsk, "BBO at " + r.timeMs);
            }
        }
        assertTrue(checked > 100, "checked " + checked);
        assertTrue(withBbo > 100, "USDⓈ-M bookTicker carries E: its BBOs are used (" + withBbo + " rows)");

        List<FeatureRow> spot = replay(SPOT, 20_000);
        assertTrue(spot.size() > 100);
        for (FeatureRow r : spot) {
            assertEquals(0, r.bboUpdates, "spot bookTicker has no exchange time: not used");
            assertNull(r.bboBid);
        }
    }
}
