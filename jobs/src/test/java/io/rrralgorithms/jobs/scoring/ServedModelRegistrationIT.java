package io.rrralgorithms.jobs.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.jobs.TestDatabase;
import io.rrralgorithms.jobs.config.ScoringConfigOptions;
import io.rrralgorithms.models.registry.ModelDirectory;
import io.rrralgorithms.models.registry.ModelRegistry;
import io.rrralgorithms.models.spec.FeatureSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rrr run --model-dir} registers the model it serves in the database it writes to. */
class ServedModelRegistrationIT {
    @TempDir
    Path tmp;

    @Test
    void theServedModelBecomesARowOfModelsOnceAndTamperedFilesAreRefused() throws Exception {
        float[] w = new float[FeatureSpec.V1.size()];
        w[0] = 1f;
        Path dirA = TestModels.linear(tmp.resolve("a"), "m-A", FeatureSpec.V1, w, 0f);
        Path dirB = TestModels.linear(tmp.resolve("b"), "m-B", FeatureSpec.V1, w, 1f);
        try (TestDatabase db = new TestDatabase()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
            assertTrue(ServedModelRegistration.register(new Configuration(), db.target, out).isEmpty(), "no model");

            var first = ServedModelRegistration.register(config(dirA), db.target, out).orElseThrow();
            assertEquals(new ModelRegistry.Registration("m-A", ModelRegistry.SERVING, true), first);
            assertEquals(List.of("m-A | serving | " + dirA.toAbsolutePath().normalize()),
                    db.rows("SELECT version_id, status, path FROM models"));
            // the same model again: nothing changes
            var again = ServedModelRegistration.register(config(dirA), db.target, out).orElseThrow();
            assertFalse(again.inserted());
            assertEquals(1, db.rows("SELECT version_id FROM models").size());
            // another model while m-A serves: registered as a candidate, m-A keeps serving
            assertEquals(ModelRegistry.CANDIDATE,
                    ServedModelRegistration.register(config(dirB), db.target, out).orElseThrow().status());
            assertEquals(List.of("m-A | serving", "m-B | candidate"),
                    db.rows("SELECT version_id, status FROM models ORDER BY version_id"));
            assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("model m-A registered in the models table as "
                    + "serving"), bytes.toString(StandardCharsets.UTF_8));

            // m-A's files changed after registration: the run is refused with one line
            Files.writeString(ModelDirectory.savedModel(dirA).resolve("planted.txt"), "not part of m-A");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ServedModelRegistration.register(config(dirA), db.target, out));
            assertTrue(e.getMessage().contains("is not the version registered"), e.getMessage());
        }
    }

    private static Configuration config(Path dir) {
        Configuration c = new Configuration();
        c.set(ScoringConfigOptions.MODEL_DIR, dir.toString());
        return c;
    }
}
