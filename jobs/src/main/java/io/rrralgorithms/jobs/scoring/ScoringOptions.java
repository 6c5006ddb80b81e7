package io.rrralgorithms.jobs.scoring;

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
 */
public record ScoringOptions(boolean enabled, String modelDir, String controlTopic, int batchSize,
        Duration latencyBudget, String tfDevice, String specVersion) implements Serializable {
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

    public static ScoringOptions disabled() {
        return new ScoringOptions(false, null, DEFAULT_CONTROL_TOPIC, DEFAULT_BATCH_SIZE,
                Duration.ofMillis(DEFAULT_LATENCY_BUDGET_MS), null, "v1");
    }

    /** Scoring on, with defaults and no initial model (waits for an announcement). */
    public static ScoringOptions enabledDefaults() {
        return disabled().withEnabled(true);
    }

    public ScoringOptions withEnabled(boolean on) {
        return new ScoringOptions(on, modelDir, controlTopic, batchSize, latencyBudget, tfDevice, specVersion);
    }

    public ScoringOptions withModelDir(String dir) {
        return new ScoringOptions(enabled, dir, controlTopic, batchSize, latencyBudget, tfDevice, specVersion);
    }
}
