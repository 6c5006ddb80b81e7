package io.rrralgorithms.jobs.decision;

/** The instrument's clock and names in keyed state (a POJO). */
public class DecisionClock {
    public long clockMs;
    public long secondEndMs;
    public String symbol;

    public DecisionClock() {}

    public DecisionClock(long clockMs, long secondEndMs, String symbol) {
        this.clockMs = clockMs;
        this.secondEndMs = secondEndMs;
        this.symbol = symbol;
    }
}
