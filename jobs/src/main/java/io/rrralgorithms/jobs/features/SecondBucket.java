package io.rrralgorithms.jobs.features;

import io.rrralgorithms.jobs.book.BookTop;

/** What one instrument did within one event-time second. */
public class SecondBucket {
    public long secondStartMs;
    public int tradeCount;
    public long volume;
    public long buyVolume;
    public long sellVolume;
    /** Σ price × size in units (double: a feature, not accounting; bars keep the exact sum). */
    public double notional;
    public double ofi;
    public int topUpdates;
    /** Last book top within this second, null if the book did not change. */
    public BookTop lastTop;

    public SecondBucket() {}

    static SecondBucket of(long secondStartMs) {
        SecondBucket b = new SecondBucket();
        b.secondStartMs = secondStartMs;
        return b;
    }
}
