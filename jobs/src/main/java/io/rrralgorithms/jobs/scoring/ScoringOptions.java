package io.rrralgorithms.jobs.scoring;

import io.rrralgorithms.connectors.jdbc.PostgresTarget;
import io.rrralgorithms.jobs.config.ScoringConfigOptions;
import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;

/**
 * Scoring in the job.
 *
 * @param enabled whether the job scores at all
 * @param modelDir initial model directory, loaded in open(); null: none until one is announced
 * @param controlTopic Kafka topic of {@link ModelAnnouncement}s
 * @param batchSize a micro-batch is scored when it holds this many rows
 * @param latencyBudget ... or when the watermark passes its oldest row's time + this (event time)
 * @param tfDevice TensorFlow device ({@code /CPU:0}, {@code /GPU:0}); null: TensorFlow's choice
 * @param specVersion only models of this feature spec are served (null: each model's own spec)
 * @param modelsRoot announced models must lie under this directory; null: every announcement is refused
 * @param registry the PostgreSQL of the {@code models} table announced models must be registered in; null:
 *     every announcement is refused
 */
public record ScoringOptions(boolean enabled, String modelDir, String controlTopic, int batchSize,
        Duration latencyBudget, String tfDevice, String specVersion, String modelsRoot, PostgresTarget registry)
        implements Serializable {
    public ScoringOptions {
        if (batchSize < 1) {
            throw new IllegalArgumentException("score batch size must be at least 1");
        }
        if (latencyBudget == null || latencyBudget.isNegative()) {
            throw new IllegalArgumentException("score latency budget must be zero or more");
        }
    }

    /** Announcements refused (no models root, no registry): only {@code modelDir} serves. */
    public ScoringOptions(boolean enabled, String modelDir, String controlTopic, int batchSize, Duration latencyBudget,
            String tfDevice, String specVersion) {
        this(enabled, modelDir, controlTopic, batchSize, latencyBudget, tfDevice, specVersion, null, null);
    }

    /**
     * Scoring as {@code config} sets it ({@link ScoringConfigOptions}; a key not set there has its
     * option's default).
     *
     * @param registry where announced models must be registered; null: every announcement is refused
     */
    public static ScoringOptions from(ReadableConfig config, PostgresTarget registry) {
        return new ScoringOptions(ScoringConfigOptions.enabled(config),
                config.getOptional(ScoringConfigOptions.MODEL_DIR).orElse(null),
                config.get(ScoringConfigOptions.CONTROL_TOPIC), config.get(ScoringConfigOptions.BATCH_SIZE),
                Duration.ofMillis(config.get(ScoringConfigOptions.LATENCY_BUDGET_MS)),
                config.getOptional(ScoringConfigOptions.TF_DEVICE).orElse(null),
                config.get(ScoringConfigOptions.SPEC_VERSION),
                config.getOptional(ScoringConfigOptions.MODELS_ROOT).orElse(null), registry);
    }

    /** Off, with the defaults. */
    public static ScoringOptions disabled() {
        return from(new Configuration().set(ScoringConfigOptions.ENABLED, false), null);
    }

    /** Scoring on, with defaults and no initial model (waits for an announcement). */
    public static ScoringOptions enabledDefaults() {
        return disabled().withEnabled(true);
    }

    public ScoringOptions withEnabled(boolean on) {
        return new ScoringOptions(on, modelDir, controlTopic, batchSize, latencyBudget, tfDevice, specVersion, modelsRoot,
                registry);
    }

    public ScoringOptions withModelDir(String dir) {
        return new ScoringOptions(enabled, dir, controlTopic, batchSize, latencyBudget, tfDevice, specVersion, modelsRoot,
                registry);
    }

    /** Announced models are admitted from under {@code root} when registered in {@code registry}. */
    public ScoringOptions withAdmission(String root, PostgresTarget registry) {
        return new ScoringOptions(enabled, modelDir, controlTopic, batchSize, latencyBudget, tfDevice, specVersion, root,
                registry);
    }

    public ModelAdmission admission() {
        return new ModelAdmission(modelsRoot, registry);
    }
}
