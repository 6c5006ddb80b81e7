package io.rrralgorithms.jobs.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.jobs.TestDatabase;
import io.rrralgorithms.jobs.features.FeatureRow;
import io.rrralgorithms.models.registry.ModelDirectory;
import io.rrralgorithms.models.spec.FeatureSpec;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.TwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator alone, in Flink's test harness: when it flushes, how it swaps, what a restore reloads. */
class ScoringOperatorTest {
    static final FeatureSpec SPEC = FeatureSpec.V1;
    static final float[] W_A = TestModels.weights(SPEC, 1);
    static final float[] W_B = TestModels.weights(SPEC, 3);

    /** The models root of the job. */
    @TempDir
    static Path root;

    /** Somewhere else. */
    @TempDir
    static Path elsewhere;

    static TestDatabase db;
    static Path modelA;
    static Path modelB;
    static Path corrupt;

    /** Registered models under the root (with the checksum of their files), in a registry of their own. */
    @BeforeAll
    static void models() throws Exception {
        db = new TestDatabase();
        modelA = TestModels.register(db.target, TestModels.linear(root.resolve("a"), "A", SPEC, W_A, 0f));
        modelB = TestModels.register(db.target, TestModels.linear(root.resolve("b"), "B", SPEC, W_B, 1f));
        corrupt = TestModels.register(db.target, TestModels.corrupt(root.resolve("c"), "C", SPEC));
    }

    @AfterAll
    static void dropRegistry() throws Exception {
        db.close();
    }

    static ScoringOptions options(int batch, String modelDir) {
        return new ScoringOptions(true, modelDir, "t", batch, Duration.ofMillis(500), null, "v1")
                .withAdmission(root.toString(), db.target);
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
            announce(h, "B", modelA); // B is registered elsewhere: refused before loading
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
            assertEquals(List.of("swapped A", "load_failed C", "refused B", "swapped B"), events(h));
            var failed = h.getSideOutput(ScoringOperator.MODEL_EVENTS).stream().map(StreamRecord::getValue)
                    .filter(e -> !e.kind.equals(ModelEvent.SWAPPED)).toList();
            assertTrue(failed.get(0).detail.contains("A keeps serving"), failed.get(0).detail);
            assertTrue(failed.get(1).detail.contains("is registered at " + modelB), failed.get(1).detail);
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

    /** Details of the refused events, in order. */
    static List<String> refusals(TwoInputStreamOperatorTestHarness<FeatureRow, ModelAnnouncement, Score> h) {
        return h.getSideOutput(ScoringOperator.MODEL_EVENTS).stream().map(StreamRecord::getValue)
                .filter(e -> e.kind.equals(ModelEvent.REFUSED)).map(e -> e.modelVersion + ": " + e.detail).toList();
    }

    /**
     * A forged announcement loads nothing: an unregistered model under the root, a registered one
     * outside it (directly or through a link), one whose files changed since registration. The
     * serving model keeps scoring; each refusal is a model event with the reason.
     */
    @Test
    void onlyRegisteredUnchangedModelsUnderTheRootLoad() throws Exception {
        Path unregistered = TestModels.linear(root.resolve("unregistered"), "U", SPEC, W_B, 2f);
        Path outside = TestModels.register(db.target, TestModels.linear(elsewhere.resolve("o"), "O", SPEC, W_B, 3f));
        Path link = Files.createSymbolicLink(root.resolve("link-to-o"), outside);
        Path changed = TestModels.register(db.target, TestModels.linear(root.resolve("d"), "D", SPEC, W_A, 4f));
        // the same version's graph, other weights: only the checksum tells
        TestModels.linear(root.resolve("d-other"), "D", SPEC, W_B, 5f);
        Files.copy(ModelDirectory.savedModel(root.resolve("d-other")).resolve("saved_model.pb"),
                ModelDirectory.savedModel(changed).resolve("saved_model.pb"), StandardCopyOption.REPLACE_EXISTING);
        try (var h = harness(options(64, null))) {
            h.open();
            announce(h, "A", modelA);
            announce(h, "U", unregistered);
            announce(h, "O", outside);
            announce(h, "O", link);
            announce(h, "D", changed);
            announce(h, null, modelB);
            feed(h, row("X", 1000, true));
            h.prepareSnapshotPreBarrier(1L);
            assertEquals(List.of("X@1000:A"), scores(h), "A keeps serving");
            assertEquals(List.of("swapped A", "refused U", "refused O", "refused O", "refused D", "refused null"),
                    events(h));
            List<String> why = refusals(h);
            assertTrue(why.get(0).startsWith("U: version U is not registered in models; A keeps serving"), why.get(0));
            assertTrue(why.get(1).startsWith("O: " + outside + " is outside the models root"), why.get(1));
            assertTrue(why.get(2).startsWith("O: " + link + " is outside the models root"), why.get(2));
            assertTrue(why.get(3).startsWith("D: the files of " + changed.toRealPath() + " changed since registration"),
                    why.get(3));
            assertTrue(why.get(4).startsWith("null: announcement without versionId"), why.get(4));
            announce(h, "B", modelB); // a good one still loads
            feed(h, row("X", 2000, true));
            h.prepareSnapshotPreBarrier(2L);
            assertEquals(List.of("X@1000:A", "X@2000:B"), scores(h));
        }
    }

    /** Without a models root (the default) or a registry, every announcement is refused. */
    @Test
    void withoutARootOrARegistryNothingIsAnnounced() throws Exception {
        ScoringOptions noRoot = new ScoringOptions(true, null, "t", 1, Duration.ofMillis(500), null, "v1");
        ScoringOptions noRegistry = noRoot.withAdmission(root.toString(), null);
        for (ScoringOptions o : List.of(noRoot, noRegistry)) {
            try (var h = harness(o)) {
                h.open();
                announce(h, "A", modelA);
                feed(h, row("X", 1000, true));
                assertEquals(List.of(), scores(h));
                assertEquals(List.of("refused A"), events(h));
                assertTrue(refusals(h).get(0).contains("announcements are refused: the job has no "), refusals(h).get(0));
            }
        }
    }

    /** A restore checks the files of the model in state again: changed files load nothing. */
    @Test
    void aRestoreRefusesAModelWhoseFilesChanged() throws Exception {
        Path e = TestModels.register(db.target, TestModels.linear(root.resolve("e"), "E", SPEC, W_A, 6f));
        OperatorSubtaskState snapshot;
        try (var h = harness(options(64, null))) {
            h.open();
            announce(h, "E", e);
            snapshot = h.snapshot(1L, 1L);
            assertEquals(List.of("swapped E"), events(h));
        }
        Files.writeString(ModelDirectory.savedModel(e).resolve("extra"), "planted", StandardCharsets.UTF_8);
        try (var h = harness(options(64, null))) {
            h.initializeState(snapshot);
            h.open();
            feed(h, row("X", 3000, true));
            assertEquals(List.of(), scores(h));
            assertEquals(List.of("refused E"), events(h));
            assertTrue(refusals(h).get(0).contains("changed since registration"), refusals(h).get(0));
        }
    }

    /** The topic cannot vouch for a model: a checksum in the message is not read. */
    @Test
    void anAnnouncedChecksumIsIgnored() throws Exception {
        ModelAnnouncement a = ModelAnnouncement.fromJson(("{\"versionId\":\"A\",\"modelDir\":\"/x\",\"checksum\":"
                + "\"sha256:00\"}").getBytes(StandardCharsets.UTF_8));
        assertNull(a.checksum);
        a.checksum = "sha256:00";
        assertFalse(new String(a.toJson(), StandardCharsets.UTF_8).contains("checksum"));
    }
}
