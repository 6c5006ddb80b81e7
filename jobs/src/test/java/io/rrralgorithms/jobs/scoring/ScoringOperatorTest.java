package io.rrralgorithms.jobs.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.jobs.features.FeatureRow;
import io.rrralgorithms.models.spec.FeatureSpec;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.TwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator alone, in Flink's test harness: when it flushes, how it swaps, what a restore reloads. */
class ScoringOperatorTest {
    static final FeatureSpec SPEC = FeatureSpec.V1;
    static final float[] W_A = TestModels.weights(SPEC, 1);
    static final float[] W_B = TestModels.weights(SPEC, 3);

    @TempDir
    Path tmp;

    Path modelA;
    Path modelB;
    Path corrupt;

    @BeforeEach
    void models() throws Exception {
        modelA = TestModels.linear(tmp.resolve("a"), "A", SPEC, W_A, 0f);
        modelB = TestModels.linear(tmp.resolve("b"), "B", SPEC, W_B, 1f);
        corrupt = TestModels.corrupt(tmp.resolve("c"), "C", SPEC);
    }

    static ScoringOptions options(int batch, String modelDir) {
        return new ScoringOptions(true, modelDir, "t", batch, Duration.ofMillis(500), null, "v1");
    }

    static TwoInputStreamOperatorTestHarness<FeatureRow, ModelAnnouncement, Score> harness(ScoringOptions o)
            throws Exception {
        return new TwoInputStreamOperatorTestHarness<>(new ScoringOperator(o));
    }

    static FeatureRow row(String symbol, long timeMs, boolean valid) {
        FeatureRow r = new FeatureRow();
        r.feed = "binance-spot";
        r.nativeSymbol = symbol;
        r.symbol = symbol;
        r.timeMs = timeMs;
        r.bookValid = valid;
        if (valid) {
            r.mid = new BigDecimal("60000.05");
            r.spread = new BigDecimal("0.1");
            r.microprice = 60000.06;
            r.depthImbalance = 0.2;
            r.realizedVol1m = 0.0001;
        }
        r.ofi = 1.5;
        r.volume1s = 300_000_000L;
        r.buyVolume1s = 200_000_000L;
        r.sellVolume1s = 100_000_000L;
        r.volume1m = 900_000_000L;
        r.buyVolume1m = 400_000_000L;
        r.sellVolume1m = 500_000_000L;
        r.vwap1m = 60000.0;
        return r;
    }

    static void feed(TwoInputStreamOperatorTestHarness<FeatureRow, ModelAnnouncement, Score> h, FeatureRow r)
            throws Exception {
        h.processElement1(new StreamRecord<>(r, r.timeMs));
    }

    static void announce(TwoInputStreamOperatorTestHarness<FeatureRow, ModelAnnouncement, Score> h, String v, Path dir)
            throws Exception {
        h.processElement2(new StreamRecord<>(new ModelAnnouncement(v, dir.toString(), 1L)));
    }

    static List<String> scores(TwoInputStreamOperatorTestHarness<FeatureRow, ModelAnnouncement, Score> h) {
        List<String> out = new ArrayList<>();
        for (Object o : h.getOutput()) {
            if (o instanceof StreamRecord<?> sr && sr.getValue() instanceof Score s) {
                out.add(s.nativeSymbol + "@" + s.featureTimeMs + ":" + s.modelVersion);
            } else if (o instanceof Watermark w) {
                out.add("wm " + w.getTimestamp());
            }
        }
        return out;
    }

    static List<String> events(TwoInputStreamOperatorTestHarness<FeatureRow, ModelAnnouncement, Score> h) {
        List<String> out = new ArrayList<>();
        var side = h.getSideOutput(ScoringOperator.MODEL_EVENTS);
        if (side != null) {
            side.forEach(sr -> out.add(sr.getValue().kind + " " + sr.getValue().modelVersion));
        }
        return out;
    }

    @Test
    void flushesOnBatchSizeLatencyBudgetBarrierAndEnd() throws Exception {
        try (var h = harness(options(3, null))) {
            h.open();
            feed(h, row("X", 1000, true)); // no model yet: counted, dropped
            announce(h, "A", modelA);
            feed(h, row("X", 1000, false)); // unscorable: counted, dropped
            feed(h, row("X", 2000, true));
            feed(h, row("Y", 2000, true));
            assertEquals(List.of(), scores(h));
            feed(h, row("X", 3000, true)); // third row: batch full
            assertEquals(List.of("X@2000:A", "Y@2000:A", "X@3000:A"), scores(h));
            h.getOutput().clear();

            feed(h, row("X", 4000, true));
            h.processWatermark1(new Watermark(4200));
            // within the budget: not scored yet, and the watermark is held just before the buffered row
            assertEquals(List.of("wm 3999"), scores(h));
            h.processWatermark1(new Watermark(4500));
            assertEquals(List.of("wm 3999", "X@4000:A", "wm 4500"), scores(h));
            h.getOutput().clear();

            feed(h, row("X", 5000, true));
            h.prepareSnapshotPreBarrier(1L);
            assertEquals(List.of("X@5000:A"), scores(h));
            h.getOutput().clear();

            feed(h, row("X", 6000, true));
            h.endInput1();
            assertEquals(List.of("X@6000:A"), scores(h));
            assertEquals(List.of("swapped A"), events(h));
        }
    }

    @Test
    void aFailedLoadKeepsTheOldModelAndASwapScoresEarlierRowsWithTheOldOne() throws Exception {
        try (var h = harness(options(64, null))) {
            h.open();
            announce(h, "A", modelA);
            feed(h, row("X", 1000, true));
            announce(h, "C", corrupt);
            announce(h, "B", modelA); // the directory holds A: refused as well
            feed(h, row("X", 2000, true));
            h.prepareSnapshotPreBarrier(1L);
            assertEquals(List.of("X@1000:A", "X@2000:A"), scores(h));
            h.getOutput().clear();

            feed(h, row("X", 3000, true));
            announce(h, "B", modelB); // the buffered row goes out with A first
            feed(h, row("X", 4000, true));
            announce(h, "B", modelB); // already serving: nothing happens
            h.prepareSnapshotPreBarrier(2L);
            assertEquals(List.of("X@3000:A", "X@4000:B"), scores(h));
            assertEquals(List.of("swapped A", "load_failed C", "load_failed B", "swapped B"), events(h));
            var failed = h.getSideOutput(ScoringOperator.MODEL_EVENTS).stream().map(StreamRecord::getValue)
                    .filter(e -> e.kind.equals(ModelEvent.LOAD_FAILED)).toList();
            assertTrue(failed.get(0).detail.contains("A keeps serving"), failed.get(0).detail);
            assertTrue(failed.get(1).detail.contains("holds A"), failed.get(1).detail);
        }
    }

    @Test
    void aRestoreReloadsTheAnnouncedModel() throws Exception {
        OperatorSubtaskState snapshot;
        try (var h = harness(options(64, modelA.toString()))) {
            h.open();
            feed(h, row("X", 1000, true));
            announce(h, "B", modelB);
            feed(h, row("X", 2000, true));
            h.prepareSnapshotPreBarrier(1L); // the task calls it before every snapshot; the harness does not
            snapshot = h.snapshot(1L, 1L);
            assertEquals(List.of("X@1000:A", "X@2000:B"), scores(h));
            assertEquals(List.of("loaded A", "swapped B"), events(h));
        }
        try (var h = harness(options(64, modelA.toString()))) {
            h.initializeState(snapshot);
            h.open();
            feed(h, row("X", 3000, true));
            h.prepareSnapshotPreBarrier(2L);
            assertEquals(List.of("X@3000:B"), scores(h));
            assertEquals(List.of("loaded B"), events(h));
        }
    }

    @Test
    void aCorruptInitialModelLeavesNoModelAndTheOperatorRunsOn() throws Exception {
        try (var h = harness(options(1, corrupt.toString()))) {
            h.open();
            feed(h, row("X", 1000, true));
            assertEquals(List.of(), scores(h));
            assertEquals(List.of("load_failed C"), events(h));
            announce(h, "A", modelA);
            feed(h, row("X", 2000, true));
            assertEquals(List.of("X@2000:A"), scores(h));
        }
    }
}
