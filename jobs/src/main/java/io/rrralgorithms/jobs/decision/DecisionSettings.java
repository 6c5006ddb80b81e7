package io.rrralgorithms.jobs.decision;

import io.rrralgorithms.jobs.config.DecisionConfigOptions;
import io.rrralgorithms.jobs.config.JobConfigOptions;
import java.io.Serializable;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;

/** The per-event path's settings ({@link DecisionConfigOptions}). */
public record DecisionSettings(boolean enabled, String accountPrefix, long flowWindowMs, long volatilityWindowMs,
        int imbalanceLevels, List<Double> weights, double bias, int batchSize, long batchBudgetUs, int depthLevels,
        int maxPendingDiffs) implements Serializable {
    public DecisionSettings {
        weights = List.copyOf(weights);
        if (enabled) {
            new LinearEventScorer(weights, bias); // refuses bad weights before the job runs
            new EventFeatures(flowWindowMs, volatilityWindowMs, imbalanceLevels);
            if (batchSize < 1 || batchBudgetUs < 0) {
                throw new IllegalArgumentException("decision batch size must be >= 1 and its budget >= 0 µs");
            }
            if (accountPrefix == null || accountPrefix.isBlank()) {
                throw new IllegalArgumentException("decision account prefix must not be empty");
            }
        }
    }

    public static DecisionSettings from(ReadableConfig c) {
        return new DecisionSettings(c.get(DecisionConfigOptions.ENABLED), c.get(DecisionConfigOptions.ACCOUNT_PREFIX),
                c.get(DecisionConfigOptions.FLOW_WINDOW_MS), c.get(DecisionConfigOptions.VOLATILITY_WINDOW_MS),
                c.get(DecisionConfigOptions.IMBALANCE_LEVELS), c.get(DecisionConfigOptions.WEIGHTS),
                c.get(DecisionConfigOptions.BIAS), c.get(DecisionConfigOptions.BATCH_SIZE),
                c.get(DecisionConfigOptions.BATCH_BUDGET_US), c.get(JobConfigOptions.DEPTH_LEVELS),
                c.get(JobConfigOptions.MAX_PENDING_DIFFS));
    }

    public static DecisionSettings disabled() {
        return from(new Configuration());
    }

    public EventFeatures newFeatures() {
        return new EventFeatures(flowWindowMs, volatilityWindowMs, imbalanceLevels);
    }

    public EventScorer scorer() {
        return new LinearEventScorer(weights, bias);
    }
}
