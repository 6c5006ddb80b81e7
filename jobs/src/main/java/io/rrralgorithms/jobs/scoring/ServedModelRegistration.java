package io.rrralgorithms.jobs.scoring;

import io.rrralgorithms.connectors.jdbc.PostgresTarget;
import io.rrralgorithms.jobs.config.ScoringConfigOptions;
import io.rrralgorithms.models.registry.ModelRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.apache.flink.configuration.ReadableConfig;

/**
 * Provenance: before a job scores with {@code --model-dir}, the version it serves is made a row of
 * the {@code models} table of the database the job writes to ({@link ModelRegistry#registerServed}),
 * so every score and order's model version can be looked up there.
 */
public final class ServedModelRegistration {
    private ServedModelRegistration() {}

    /** Registers the initial model of {@code config}, if scoring with one; prints one line. */
    public static Optional<ModelRegistry.Registration> register(ReadableConfig config, PostgresTarget database,
            PrintStream out) {
        Optional<String> dir = config.getOptional(ScoringConfigOptions.MODEL_DIR);
        if (dir.isEmpty() || !ScoringConfigOptions.enabled(config)) {
            return Optional.empty();
        }
        try {
            ModelRegistry.Registration r = new ModelRegistry(database::connect).registerServed(Path.of(dir.get()),
                    Instant.now());
            out.println("model " + r.versionId() + (r.inserted() ? " registered in the models table as " + r.status()
                    : " is registered in the models table (" + r.status() + ")"));
            return Optional.of(r);
        } catch (IOException | SQLException e) {
            throw new IllegalArgumentException("cannot register the model at " + dir.get() + " in the models table: "
                    + e.getMessage(), e);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
