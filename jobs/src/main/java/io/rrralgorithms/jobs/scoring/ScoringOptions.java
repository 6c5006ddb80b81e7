package io.rrralgorithms.jobs.scoring;

import io.rrralgorithms.connectors.jdbc.PostgresTarget;
import java.io.Serializable;
import java.time.Duration;

/**
 * Scoring in the job.
 *
 * @param enabled whether the job scores at all
 * @param modelDir initial model directory, loaded in open(); null: none until one is announced
 * @param controlTopic Kafka topic of {@link ModelAnnouncement}s
 * @param batchSize a micro-batch is scored when it holds this many rows
 * @param latencyBudget ... or when the watermark passes its oldest row's time + this (event time)
 * @param tfDevice TensorFlow device ({@code /CPU:0}, {@code /GPU:0}); null: TensorFlow's choice
 * @param specVersion feature spec the job computes (models trained on another are refused)
 * @param modelsRoot announced models must lie under this directory; null: every announcement is refused
 * @param registry the PostgreSQL of the {@code models} table announced models must be registered in; null:
 *     every announcement is refused
 */
public record ScoringOptions(boolean enabled, String modelDir, String controlTopic, int batchSize,
        Duration latencyBudget, String tfDevice, String specVersion, String modelsRoot, PostgresTarget registry)
        implements Serializable {
    public static final String DEFAULT_CONTROL_TOPIC = "rrr.control.models";
    public static final int DEFAULT_BATCH_SIZE = 64;
    public static final long DEFAULT_LATENCY_BUDGET_MS = 500L;

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

    public static ScoringOptions disabled() {
        return new ScoringOptions(false, null, DEFAULT_CONTROL_TOPIC, DEFAULT_BATCH_SIZE,
                Duration.ofMillis(DEFAULT_LATENCY_BUDGET_MS), null, "v1");
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
