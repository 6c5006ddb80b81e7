package io.rrralgorithms.jobs.features;

import io.rrralgorithms.jobs.book.BookTop;

/** What one instrument did within one event-time second. */
public class SecondBucket {
    public long secondStartMs;
    public int tradeCount;
    public long volume;
    public long buyVolume;
    public long sellVolume;
    /** Σ price × size in units, VWAP's numerator (double: a feature, not accounting; bars keep the exact sum). */
    public double notional;
    /** Σ of the trades' notionals by their contract terms, in {@link #notionalCurrency} (a currency amount). */
    public double quoteNotional;
    /** The currency of {@link #quoteNotional}; null where the trades carried no contract terms. */
    public String notionalCurrency;
    public double ofi;
    public int topUpdates;
    /** Last book top within this second, null if the book did not change. */
    public BookTop lastTop;
    /** BBO events of the second and their order-flow imbalance (base units). */
    public int bboUpdates;
    public double bboOfi;
    /** Last BBO within this second (best bid, size, best ask, size at {@code bboPriceScale}/{@code bboSizeScale}), or none. */
    public boolean hasBbo;
    public long bboBid;
    public long bboBidSize;
    public long bboAsk;
    public long bboAskSize;
    public int bboPriceScale;
    public int bboSizeScale;

    public SecondBucket() {}

    static SecondBucket of(long secondStartMs) {
        SecondBucket b = new SecondBucket();
        b.secondStartMs = secondStartMs;
        return b;
    }
}
