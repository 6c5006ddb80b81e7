package io.rrralgorithms.jobs.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.capture.CaptureFeeds;
import io.rrralgorithms.jobs.SharedData;
import io.rrralgorithms.jobs.TestDatabase;
import io.rrralgorithms.jobs.features.FeatureRow;
import io.rrralgorithms.jobs.features.FeatureRowValues;
import io.rrralgorithms.jobs.features.ReplayFeatures;
import io.rrralgorithms.models.registry.ModelChecksum;
import io.rrralgorithms.models.registry.ModelDirectory;
import io.rrralgorithms.models.registry.ModelMetadata;
import io.rrralgorithms.models.registry.ModelRegistry;
import io.rrralgorithms.models.scoring.TfScorer;
import io.rrralgorithms.models.spec.FeatureSpec;
import io.rrralgorithms.models.training.FeatureRecord;
import io.rrralgorithms.models.training.LabeledRow;
import io.rrralgorithms.models.training.MlpConfig;
import io.rrralgorithms.models.training.ModelExporter;
import io.rrralgorithms.models.training.Retrainer;
import io.rrralgorithms.models.training.Trainer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training on features of the shared Binance spot and USDⓈ-M captures (computed in-process, as
 * the job computes them), export as a SavedModel, reload with the scorer the job uses, and the
 * registry in a fresh PostgreSQL database.
 */
class TrainExportScoreIT {
    private static List<FeatureRecord> records;

    @TempDir
    Path tmp;

    @BeforeAll
    static void features() throws Exception {
        List<Path> files = List.of(SharedData.market("binance-spot/btcusdt_20240808.gz"),
                SharedData.market("binance-spot/btcusdt_20240809.gz"),
                SharedData.market("binance-usdm/btcusdt_20240718.gz"),
                SharedData.market("binance-usdm/btcusdt_20240719.gz"));
        records = new ArrayList<>();
        for (FeatureRow r : new ReplayFeatures().compute(files, CaptureFeeds.INFERRED)) {
            records.add(new FeatureRecord(r.instrumentKey(), r.timeMs, FeatureRowValues.of(r)));
        }
        assertTrue(records.size() > 500, "feature rows: " + records.size());
    }

    private static Trainer.Options options(long seed) {
        MlpConfig mlp = new MlpConfig(new int[] {16, 8}, 30, 5, 1e-3f, 32, 1e-4f, seed);
        return new Trainer.Options(FeatureSpec.V1, 10, mlp, "shared binance spot + usdm captures");
    }

    @Test
    void trainExportReloadScoresEqually() throws Exception {
        try (Trainer.Result r = Trainer.train(records, options(7))) {
            System.out.print(r.report());
            List<LabeledRow> test = r.report().split().test();
            assertFalse(test.isEmpty());
            float[] inMemory = r.model().score(test);

            Path dir = ModelExporter.export(r.model(), r.metadata(), tmp, Instant.parse("2024-09-01T12:00:00Z"));
            assertTrue(r.metadata().versionId.matches("m-20240901-120000-[0-9a-f]{8}"), r.metadata().versionId);
            ModelMetadata m = ModelDirectory.readMetadata(dir);
            assertEquals(FeatureSpec.V1.id(), m.specId);
            assertEquals(r.metadata().testFromMs, m.testFromMs);
            try (TfScorer scorer = TfScorer.load(dir, FeatureSpec.V1)) {
                float[] reloaded = scorer.score(test.stream().map(LabeledRow::inputs).toArray(float[][]::new));
                assertEquals(inMemory.length, reloaded.length);
                for (int i = 0; i < inMemory.length; i++) {
                    assertEquals(inMemory[i], reloaded[i], 1e-6, "row " + i);
                }
            }
            // the scores are not constant: the model learnt something other than the mean
            assertTrue(min(inMemory) < max(inMemory));

            // the report: IC, its interval, accuracy and MSE for the model and both baselines
            Map<String, Double> metrics = r.metadata().metrics;
            for (String p : List.of("model", "last_sign")) {
                for (String k : List.of("ic", "ic_low", "ic_high", "accuracy", "mse")) {
                    assertNotNull(metrics.get(p + "." + k), p + "." + k + " in " + metrics);
                }
                assertTrue(metrics.get(p + ".ic_low") <= metrics.get(p + ".ic")
                        && metrics.get(p + ".ic") <= metrics.get(p + ".ic_high"));
            }
            assertEquals(0.0, metrics.get("zero.ic"));
            assertEquals(0.5, metrics.get("zero.accuracy"));
            assertNotNull(metrics.get("zero.mse"));
            String printed = r.report().toString();
            assertTrue(printed.contains("model") && printed.contains("zero prediction")
                    && printed.contains("last-return sign"), printed);

            // the same seed trains the same network bit for bit
            try (Trainer.Result again = Trainer.train(records, options(7))) {
                assertArrayEquals(inMemory, again.model().score(test));
                assertEquals(r.model().weightsHash(), again.model().weightsHash());
            }
        }
    }

    @Test
    void registryRoundTripAndRetraining() throws Exception {
        try (TestDatabase db = new TestDatabase()) {
            ModelRegistry registry = new ModelRegistry(db.target::connect);
            Path store = tmp.resolve("store");
            Instant t0 = Instant.parse("2024-09-01T12:00:00Z");
            String first;
            try (Trainer.Result r = Trainer.train(records, options(1))) {
                Path dir = ModelExporter.export(r.model(), r.metadata(), store, t0);
                registry.insertCandidate(r.metadata(), dir);
                first = r.metadata().versionId;
                assertTrue(registry.serving().isEmpty());
                assertEquals("candidate", registry.find(first).orElseThrow().status());
                // the checksum of the exported files, which a job checks before loading an announcement of it
                assertEquals(ModelChecksum.of(dir), registry.find(first).orElseThrow().checksum());
                assertTrue(ModelChecksum.of(dir).matches("sha256:[0-9a-f]{64}"));
                registry.promote(first, t0);
            }
            ModelRegistry.RegisteredModel serving = registry.serving().orElseThrow();
            assertEquals(first, serving.versionId());
            assertEquals(t0, serving.promotedAt());
            assertEquals(FeatureSpec.V1.id(), serving.metadata().specId);
            assertTrue(serving.path().isAbsolute());

            // a candidate with the serving model's test slice kept out, compared on that slice
            Retrainer retrainer = new Retrainer(registry, store);
            Instant t1 = t0.plusSeconds(3600);
            try (Retrainer.Outcome o = retrainer.retrain(records, (f, t) -> slice(f, t), options(2), t1)) {
                System.out.print(o.summary());
                var cmp = o.comparison();
                assertEquals(first, cmp.servingVersion());
                assertEquals(serving.metadata().testFromMs, cmp.testFromMs());
                assertNotNull(cmp.servingValue());
                assertEquals(cmp.candidateValue() > cmp.servingValue(), cmp.promoted());
                assertEquals(cmp.promoted() ? cmp.candidateVersion() : first, registry.serving().orElseThrow().versionId());
                assertEquals(cmp.promoted() ? "serving" : "rejected",
                        registry.find(cmp.candidateVersion()).orElseThrow().status());
                assertEquals(1, db.count("model_comparisons"));
            }

            // a deliberately bad candidate (a network that stops after one epoch of a tiny learning
            // rate) against a serving model promoted without comparison: never promoted when worse
            String servingNow = registry.serving().orElseThrow().versionId();
            MlpConfig bad = new MlpConfig(new int[] {2}, 1, 1, 1e-9f, 32, 0f, 99);
            Trainer.Options badOptions = new Trainer.Options(FeatureSpec.V1, 10, bad, "bad");
            try (Retrainer.Outcome o = retrainer.retrain(records, (f, t) -> slice(f, t), badOptions,
                    t1.plusSeconds(3600))) {
                System.out.print(o.summary());
                var cmp = o.comparison();
                assertEquals(cmp.candidateValue() > cmp.servingValue(), cmp.promoted());
                if (!cmp.promoted()) {
                    assertEquals(servingNow, registry.serving().orElseThrow().versionId());
                    assertEquals("rejected", registry.find(cmp.candidateVersion()).orElseThrow().status());
                }
            }
            assertEquals(2, db.count("model_comparisons"));
            assertEquals(1, Long.parseLong(db.rows("SELECT count(*) FROM models WHERE status = 'serving'").get(0)));
        }
    }

    private static List<FeatureRecord> slice(long fromMs, long toMs) {
        return records.stream().filter(r -> r.timeMs() >= fromMs && r.timeMs() < toMs).toList();
    }

    private static float min(float[] a) {
        float m = Float.POSITIVE_INFINITY;
        for (float x : a) {
            m = Math.min(m, x);
        }
        return m;
    }

    private static float max(float[] a) {
        float m = Float.NEGATIVE_INFINITY;
        for (float x : a) {
            m = Math.max(m, x);
        }
        return m;
    }
}
