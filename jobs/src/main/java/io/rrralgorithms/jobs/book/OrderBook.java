package io.rrralgorithms.jobs.book;

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

    /** Replaces the levels with a snapshot's. */
    public void loadSnapshot(long[] bidPrices, long[] bidSizes, long[] askPrices, long[] askSizes, long updateId) {
        bids = BookSide.of(true, bidPrices.length + 64);
        asks = BookSide.of(false, askPrices.length + 64);
        apply(bidPrices, bidSizes, askPrices, askSizes);
        lastUpdateId = updateId;
        state = BookState.AWAITING_BRIDGE;
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
