package io.rrralgorithms.jobs.book;

import io.rrralgorithms.connectors.model.Decimals;
import io.rrralgorithms.connectors.model.MarketEvent;
import java.util.Arrays;

/** An instrument's L2 book and its sync state; the keyed state of {@link OrderBookFunction}. */
public class OrderBook {
    public BookSide bids;
    public BookSide asks;
    public BookState state = BookState.EMPTY;
    /** Last update id contained in the book (snapshot id, then each applied diff's u). */
    public long lastUpdateId = -1;
    public long lastExchangeTimeMs;
    public long lastReceiveTimeNs;
    /**
     * Levels per side kept: the venue's window ({@code BookSyncRules.maxDepth}) where it has one,
     * else the configured {@code rrr.book.max-levels} (see {@link BookSynchronizer}); 0 = all.
     */
    public int depthLimit;
    /** The venue's formatting of this instrument's prices and sizes (for checksums), -1 unknown. */
    public int priceDecimals = -1;
    public int sizeDecimals = -1;
    /** Fractional digits of the price and size mantissas of the levels (see {@code Decimals}). */
    public int priceScale = Decimals.SCALE;
    public int sizeScale = Decimals.SCALE;
    /** Diffs buffered while there is no valid snapshot (EMPTY or INVALID), oldest first. */
    public MarketEvent[] pending = new MarketEvent[0];
    public int pendingCount;

    public OrderBook() {}

    public static OrderBook empty() {
        OrderBook b = new OrderBook();
        b.bids = BookSide.of(true, 64);
        b.asks = BookSide.of(false, 64);
        return b;
    }

    /** Replaces the levels with a snapshot's, at the default scales. */
    public void loadSnapshot(long[] bidPrices, long[] bidSizes, long[] askPrices, long[] askSizes, long updateId) {
        loadSnapshot(bidPrices, bidSizes, askPrices, askSizes, updateId, Decimals.SCALE, Decimals.SCALE);
    }

    /** Replaces the levels with a snapshot's, whose mantissas have the given scales. */
    public void loadSnapshot(long[] bidPrices, long[] bidSizes, long[] askPrices, long[] askSizes, long updateId,
            int priceScale, int sizeScale) {
        bids = BookSide.of(true, bidPrices.length + 64);
        asks = BookSide.of(false, askPrices.length + 64);
        this.priceScale = priceScale;
        this.sizeScale = sizeScale;
        apply(bidPrices, bidSizes, askPrices, askSizes);
        lastUpdateId = updateId;
        state = BookState.AWAITING_BRIDGE;
    }

    /**
     * The levels of {@code ev} at one scale with the book's, exactly: the event's levels at the
     * book's scales where they are exact there (copies when rescaled), else the book's levels
     * rescaled to the event's (a finer tick seen for the first time); null when neither holds both
     * (a long mantissa overflows), with the book unchanged.
     */
    public long[][] levelsAtBookScale(MarketEvent ev) {
        long[] bp = ev.bidPrices;
        long[] ap = ev.askPrices;
        long[] bs = ev.bidSizes;
        long[] as = ev.askSizes;
        if (ev.priceScale != priceScale) {
            long[][] p = align(bp, ap, ev.priceScale, true);
            if (p == null) {
                return null;
            }
            bp = p[0];
            ap = p[1];
        }
        if (ev.sizeScale != sizeScale) {
            long[][] s = align(bs, as, ev.sizeScale, false);
            if (s == null) {
                return null;
            }
            bs = s[0];
            as = s[1];
        }
        return new long[][] {bp, bs, ap, as};
    }

    private long[][] align(long[] bidValues, long[] askValues, int eventScale, boolean prices) {
        int bookScale = prices ? priceScale : sizeScale;
        long[] b = bidValues.clone();
        long[] a = askValues.clone();
        try {
            Decimals.rescale(b, b.length, eventScale, bookScale);
            Decimals.rescale(a, a.length, eventScale, bookScale);
            return new long[][] {b, a};
        } catch (ArithmeticException notAtBookScale) {
            // rescale the book instead
        }
        try {
            bids.rescale(prices, bookScale, eventScale);
        } catch (ArithmeticException e) {
            return null;
        }
        try {
            asks.rescale(prices, bookScale, eventScale);
        } catch (ArithmeticException e) {
            bids.rescale(prices, eventScale, bookScale); // exact: these levels were at bookScale a moment ago
            return null;
        }
        if (prices) {
            priceScale = eventScale;
        } else {
            sizeScale = eventScale;
        }
        return new long[][] {bidValues, askValues};
    }

    public void apply(long[] bidPrices, long[] bidSizes, long[] askPrices, long[] askSizes) {
        for (int i = 0; i < bidPrices.length; i++) {
            bids.set(bidPrices[i], bidSizes[i]);
        }
        for (int i = 0; i < askPrices.length; i++) {
            asks.set(askPrices[i], askSizes[i]);
        }
    }

    /** Drops levels beyond {@link #depthLimit} on both sides (and the arrays' capacity above it). */
    public void truncateToDepthLimit() {
        if (depthLimit > 0) {
            bids.prune(depthLimit);
            asks.prune(depthLimit);
        }
    }

    void addPending(MarketEvent d) {
        if (pendingCount == pending.length) {
            pending = Arrays.copyOf(pending, Math.max(16, pending.length * 2));
        }
        pending[pendingCount++] = d;
    }

    /** Drops the oldest {@code n} buffered diffs. */
    void dropOldestPending(int n) {
        System.arraycopy(pending, n, pending, 0, pendingCount - n);
        Arrays.fill(pending, pendingCount - n, pendingCount, null);
        pendingCount -= n;
    }

    MarketEvent[] takePending() {
        MarketEvent[] p = Arrays.copyOf(pending, pendingCount);
        pending = new MarketEvent[0];
        pendingCount = 0;
        return p;
    }

    public boolean isCrossed() {
        return !bids.isEmpty() && !asks.isEmpty() && bids.bestPrice() >= asks.bestPrice();
    }
}
