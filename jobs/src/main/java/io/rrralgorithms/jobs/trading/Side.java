package io.rrralgorithms.jobs.trading;

public enum Side {
    BUY,
    SELL;

    /** +1 for BUY, -1 for SELL. */
    public int sign() {
        return this == BUY ? 1 : -1;
    }
}
