package io.rrralgorithms.models.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rrralgorithms.models.registry.ModelDirectory;
import io.rrralgorithms.models.registry.ModelMetadata;
import io.rrralgorithms.models.scoring.ModelInputs;
import io.rrralgorithms.models.scoring.ModelLoadException;
import io.rrralgorithms.models.scoring.TfScorer;
import io.rrralgorithms.models.spec.FeatureSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exported models score as they did in memory: the per-instrument normalization and the window are
 * stored in the model directory and rebuilt by {@link ModelInputs} from a stream of rows, for spec
 * v2's ridge, shrunk ridge (its per-instrument label scaling too) and TCN; spec v1 models (metadata without any of the v2 fields) still load and score.
 */
class ModelExportRoundTripTest {
    private static final long T0 = 1_723_075_200_000L;
    private static final MlpConfig SMALL = new MlpConfig(new int[] {8}, 15, 5, 1e-2f, 32, 1e-4f, 42L);

    /** Two instruments three orders of magnitude apart in price and size, and a third the model never saw. */
    private static List<FeatureRecord> records() {
        List<FeatureRecord> out = new ArrayList<>();
        out.addAll(SyntheticV2.instrument("binance-spot:BTCUSDT", T0, 240, 60_000, 1, new Random(1)));
        out.addAll(SyntheticV2.instrument("binance-spot:DOGEUSDT", T0, 240, 0.1, 5_000, 20, new Random(2)));
        return out;
    }

    @Test
    void perInstrumentNormalizationAndWindowRoundTripThroughExport(@TempDir Path dir) throws Exception {
        for (String kind : List.of("ridge", "shrunk", "tcn")) {
            ModelConfig cfg = new ModelConfig(kind, 4, 4, new double[] {0.1, 10}, true);
            Trainer.Options o = new Trainer.Options(FeatureSpec.V2, 1, 0.6, 0.2, SMALL, "synthetic", null, null, cfg);
            List<FeatureRecord> records = records();
            try (Trainer.Result r = Trainer.train(records, o)) {
                assertEquals(kind, r.model().kind());
                Path exported = ModelExporter.export(r.model(), r.metadata(), dir, Instant.parse("2026-12-07T00:00:00Z"));
                ModelMetadata m = ModelDirectory.readMetadata(exported);
                InstrumentNormalization norm = r.model().normalization();
                assertEquals(List.of("*", "binance-spot:BTCUSDT", "binance-spot:DOGEUSDT"),
                        List.copyOf(m.instrumentMean.keySet()));
                for (String k : m.instrumentMean.keySet()) {
                    assertArrayEquals(norm.mean().get(k), m.instrumentMean.get(k), k);
                    assertArrayEquals(norm.std().get(k), m.instrumentStd.get(k), k);
                }
                // the z-scores differ per instrument: DOGE's coarse tick makes its spread 20x BTC's in bps
                assertTrue(Math.abs(norm.mean().get("binance-spot:BTCUSDT")[0]
                        - norm.mean().get("binance-spot:DOGEUSDT")[0]) > 0.1);
                assertEquals(kind.equals("tcn") ? 4 : 1, m.window);
                assertEquals(r.model().parameters(), m.parameters);
                if (kind.equals("shrunk")) {
                    // the per-instrument label scaling is stored and read back (the job's inputs end with it)
                    assertEquals(norm.labelMean(), m.instrumentLabelMean);
                    assertEquals(norm.labelStd(), m.instrumentLabelStd);
                    assertEquals(m.instrumentMean.keySet(), m.instrumentLabelMean.keySet());
                } else {
                    assertEquals(null, m.instrumentLabelMean);
                }

                List<LabeledRow> test = r.report().split().test();
                float[] inMemory = r.model().score(test);
                try (TfScorer scorer = TfScorer.loadAnySpec(exported, null)) {
                    assertEquals(FeatureSpec.V2, scorer.spec());
                    assertEquals(FeatureSpec.V2.size() * m.window + (kind.equals("shrunk") ? 2 : 0), scorer.width());
                    assertEquals(scorer.width(), scorer.inputs().width());
                    // the job's path: every row in time order through the model's inputs
                    ModelInputs stream = scorer.inputs();
                    Map<String, float[]> streamed = new HashMap<>();
                    List<FeatureRecord> ordered = new ArrayList<>(records);
                    ordered.sort(Comparator.comparingLong(FeatureRecord::timeMs).thenComparing(FeatureRecord::instrument));
                    for (FeatureRecord f : ordered) {
                        float[] x = stream.next(f.instrument(), f.timeMs(), f.values());
                        if (x != null) {
                            streamed.put(f.instrument() + "@" + f.timeMs(), x);
                        }
                    }
                    float[][] x = new float[test.size()][];
                    for (int i = 0; i < x.length; i++) {
                        LabeledRow row = test.get(i);
                        x[i] = streamed.get(row.instrument() + "@" + row.timeMs());
                        assertNotNull(x[i]);
                        assertArrayEquals(r.model().inputOf(row), x[i], kind + " input of " + row.timeMs());
                    }
                    float[] loaded = scorer.score(x);
                    for (int i = 0; i < loaded.length; i++) {
                        assertEquals(inMemory[i], loaded[i], 1e-6 * Math.max(1e-4, Math.abs(inMemory[i])), kind);
                    }
                    // an instrument the model was not trained on is scored with the pooled z-score
                    ModelInputs fresh = scorer.inputs();
                    float[] unseen = null;
                    for (FeatureRecord f : SyntheticV2.instrument("binance-spot:ETHUSDT", T0, 10, 2_500, 20,
                            new Random(5))) {
                        unseen = fresh.next(f.instrument(), f.timeMs(), f.values());
                    }
                    assertNotNull(unseen);
                }
            }
        }
    }

    @Test
    void sameSeedGivesTheSameTcn() {
        ModelConfig cfg = new ModelConfig("tcn", 4, 4, new double[] {1}, true);
        Trainer.Options o = new Trainer.Options(FeatureSpec.V2, 1, 0.6, 0.2, SMALL, "synthetic", null, null, cfg);
        String first;
        try (Trainer.Result r = Trainer.train(records(), o)) {
            first = r.model().weightsHash();
        }
        try (Trainer.Result r = Trainer.train(records(), o)) {
            assertEquals(first, r.model().weightsHash());
        }
    }

    @Test
    void specV1ModelsWithoutTheV2FieldsStillLoadAndScore(@TempDir Path dir) throws Exception {
        Trainer.Options o = new Trainer.Options(FeatureSpec.V1, 1, SMALL, "synthetic");
        try (Trainer.Result r = Trainer.train(records(), o)) {
            assertEquals("mlp", r.model().kind());
            Path exported = ModelExporter.export(r.model(), r.metadata(), dir, Instant.parse("2026-12-07T00:00:00Z"));
            // as written before spec v2: none of the fields it added
            ObjectMapper json = new ObjectMapper();
            Path file = exported.resolve(ModelDirectory.METADATA);
            ObjectNode node = (ObjectNode) json.readTree(file.toFile());
            for (String f : List.of("modelKind", "window", "instrumentMean", "instrumentStd", "parameters",
                    "trainSeconds")) {
                node.remove(f);
            }
            Files.writeString(file, json.writeValueAsString(node));

            List<LabeledRow> test = r.report().split().test();
            float[] inMemory = r.model().score(test);
            try (TfScorer scorer = TfScorer.loadAnySpec(exported, null)) {
                assertEquals(FeatureSpec.V1, scorer.spec());
                assertEquals(FeatureSpec.V1.size(), scorer.width());
                ModelInputs inputs = scorer.inputs();
                float[][] x = new float[test.size()][];
                for (int i = 0; i < x.length; i++) {
                    x[i] = inputs.inputOf(test.get(i));
                    assertArrayEquals(test.get(i).inputs(), x[i]); // v1: the raw row, as before
                }
                float[] loaded = scorer.score(x);
                for (int i = 0; i < loaded.length; i++) {
                    assertEquals(inMemory[i], loaded[i], 1e-6 * Math.max(1e-4, Math.abs(inMemory[i])));
                }
            }
            ModelLoadException refused = assertThrows(ModelLoadException.class,
                    () -> TfScorer.load(exported, FeatureSpec.V2));
            assertTrue(refused.getMessage().contains(FeatureSpec.V1.id()), refused.getMessage());
        }
    }
}
