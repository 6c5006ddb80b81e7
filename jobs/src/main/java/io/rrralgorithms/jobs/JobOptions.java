package io.rrralgorithms.jobs;

import java.io.Serializable;
import java.time.Duration;

/** Tuning of the market-data job. */
public record JobOptions(int depthLevels, int maxPendingDiffs, Duration outOfOrderness, Duration sourceIdleness)
        implements Serializable {

    public static JobOptions defaults() {
        return new JobOptions(10, 10_000, Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    public JobOptions withDepthLevels(int n) {
        return new JobOptions(n, maxPendingDiffs, outOfOrderness, sourceIdleness);
    }
}
