package io.rrralgorithms.jobs;

import io.rrralgorithms.jobs.scoring.ScoringOptions;
import io.rrralgorithms.jobs.trading.flink.TradingOptions;
import java.io.Serializable;
import java.time.Duration;

/** Tuning of the market-data job. */
public record JobOptions(int depthLevels, int maxPendingDiffs, Duration outOfOrderness, Duration sourceIdleness,
        ScoringOptions scoring, TradingOptions trading) implements Serializable {

    public JobOptions {
        if (scoring == null) {
            scoring = ScoringOptions.disabled();
        }
        if (trading == null) {
            trading = TradingOptions.disabled();
        }
        if (trading.enabled() && !scoring.enabled()) {
            throw new IllegalArgumentException("trading needs scores: turn scoring on (--model-dir or --control-topic)");
        }
    }

    /** Without trading. */
    public JobOptions(int depthLevels, int maxPendingDiffs, Duration outOfOrderness, Duration sourceIdleness,
            ScoringOptions scoring) {
        this(depthLevels, maxPendingDiffs, outOfOrderness, sourceIdleness, scoring, TradingOptions.disabled());
    }

    /** Without scoring. */
    public JobOptions(int depthLevels, int maxPendingDiffs, Duration outOfOrderness, Duration sourceIdleness) {
        this(depthLevels, maxPendingDiffs, outOfOrderness, sourceIdleness, ScoringOptions.disabled());
    }

    public static JobOptions defaults() {
        return new JobOptions(10, 10_000, Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    public JobOptions withDepthLevels(int n) {
        return new JobOptions(n, maxPendingDiffs, outOfOrderness, sourceIdleness, scoring, trading);
    }

    public JobOptions withScoring(ScoringOptions s) {
        return new JobOptions(depthLevels, maxPendingDiffs, outOfOrderness, sourceIdleness, s, trading);
    }

    public JobOptions withTrading(TradingOptions t) {
        return new JobOptions(depthLevels, maxPendingDiffs, outOfOrderness, sourceIdleness, scoring, t);
    }
}
