package io.rrralgorithms.jobs;

import io.rrralgorithms.jobs.scoring.ScoringOptions;
import java.io.Serializable;
import java.time.Duration;

/** Tuning of the market-data job. */
public record JobOptions(int depthLevels, int maxPendingDiffs, Duration outOfOrderness, Duration sourceIdleness,
        ScoringOptions scoring) implements Serializable {

    public JobOptions {
        if (scoring == null) {
            scoring = ScoringOptions.disabled();
        }
    }

    /** Without scoring. */
    public JobOptions(int depthLevels, int maxPendingDiffs, Duration outOfOrderness, Duration sourceIdleness) {
        this(depthLevels, maxPendingDiffs, outOfOrderness, sourceIdleness, ScoringOptions.disabled());
    }

    public static JobOptions defaults() {
        return new JobOptions(10, 10_000, Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    public JobOptions withDepthLevels(int n) {
        return new JobOptions(n, maxPendingDiffs, outOfOrderness, sourceIdleness, scoring);
    }

    public JobOptions withScoring(ScoringOptions s) {
        return new JobOptions(depthLevels, maxPendingDiffs, outOfOrderness, sourceIdleness, s);
    }
}
