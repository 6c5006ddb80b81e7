package io.rrralgorithms.jobs.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.models.scoring.ModelLoadException;
import io.rrralgorithms.models.scoring.TfScorer;
import io.rrralgorithms.models.spec.FeatureSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scorer loads a valid model and refuses a model of another spec and a corrupt directory. */
class TfScorerRefusalTest {
    @TempDir
    Path tmp;

    @Test
    void aValidModelScoresWTimesXPlusB() throws Exception {
        float[] w = TestModels.weights(FeatureSpec.V1, 3);
        TestModels.linear(tmp.resolve("a"), "A", FeatureSpec.V1, w, 0.5f);
        try (TfScorer s = TfScorer.load(tmp.resolve("a"), FeatureSpec.V1, "/CPU:0")) {
            assertEquals("A", s.versionId());
            float[] x1 = new float[FeatureSpec.V1.size()];
            float[] x2 = new float[FeatureSpec.V1.size()];
            for (int i = 0; i < x1.length; i++) {
                x1[i] = i;
                x2[i] = -2 * i + 1;
            }
            float[] out = s.score(new float[][] {x1, x2});
            assertEquals(TestModels.expected(x1, w, 0.5f), out[0], 1e-4);
            assertEquals(TestModels.expected(x2, w, 0.5f), out[1], 1e-4);
        }
    }

    @Test
    void aSpecMismatchIsRefused() throws Exception {
        TestModels.otherSpec(tmp.resolve("m"), "M", FeatureSpec.V1);
        ModelLoadException e = assertThrows(ModelLoadException.class,
                () -> TfScorer.load(tmp.resolve("m"), FeatureSpec.V1));
        assertTrue(e.getMessage().contains("feature spec"), e.getMessage());
    }

    @Test
    void aCorruptDirectoryIsRefused() throws Exception {
        TestModels.corrupt(tmp.resolve("c"), "C", FeatureSpec.V1);
        ModelLoadException e = assertThrows(ModelLoadException.class,
                () -> TfScorer.load(tmp.resolve("c"), FeatureSpec.V1));
        assertTrue(e.getMessage().contains("cannot be loaded"), e.getMessage());
        assertThrows(ModelLoadException.class, () -> TfScorer.load(tmp.resolve("missing"), FeatureSpec.V1));
    }
}
