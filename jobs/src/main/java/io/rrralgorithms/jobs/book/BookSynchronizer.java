package io.rrralgorithms.jobs.book;

import io.rrralgorithms.connectors.adapters.BookChecksum;
import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.model.Decimals;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.util.RateLimitedLog;
import io.rrralgorithms.connectors.venues.Venues;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The book sync protocol, free of Flink so that it can be benchmarked and unit-tested: diffs are
 * buffered until a snapshot arrives, stale diffs are dropped, the first applied diff must bridge
 * the snapshot, each next diff must chain by the venue's {@link BookSyncRules}. A break is a gap:
 * reported, and the book is invalid (one {@code synced=false} top is reported) until the next
 * snapshot resyncs it. A crossed book (best bid at or above best ask, after a snapshot or a diff)
 * is a gap too: it is never handed to features or trading. Reports the top N levels after every
 * applied diff while synced, and after every snapshot of a feed whose snapshots are the whole
 * book ({@link BookSyncRules#snapshotsAreUpdates()}).
 *
 * <p>Each side is bounded: after every snapshot and diff, levels beyond the venue's window
 * ({@link BookSyncRules#maxDepth}) are dropped, or where the venue has none, levels beyond
 * {@code maxBookLevels} from the top ({@code rrr.book.max-levels}; never fewer than the venue's
 * checksum depth). The levels kept are exact (each has the size of the venue's latest update
 * for its price); a pruned level comes back only when an update or a snapshot names its price,
 * so a book that shrinks from the top by more than {@code maxBookLevels - depth-levels} levels
 * without a snapshot shows fewer levels than the venue holds, never a wrong one.
 */
public final class BookSynchronizer implements Serializable {
    private static final Logger LOG = LoggerFactory.getLogger(BookSynchronizer.class);

    private final int topLevels;
    private final int maxPendingDiffs;
    private final int maxBookLevels;
    private transient Map<String, BookSyncRules> rules;
    private transient RateLimitedLog log;

    /** With the default bound of {@link #DEFAULT_MAX_BOOK_LEVELS} levels per side. */
    public BookSynchronizer(int topLevels, int maxPendingDiffs) {
        this(topLevels, maxPendingDiffs, DEFAULT_MAX_BOOK_LEVELS);
    }

    /** @param maxBookLevels levels per side kept where the venue has no window of its own; 0: all */
    public BookSynchronizer(int topLevels, int maxPendingDiffs, int maxBookLevels) {
        this.topLevels = topLevels;
        this.maxPendingDiffs = maxPendingDiffs;
        this.maxBookLevels = maxBookLevels;
    }

    /** The default of {@code rrr.book.max-levels}: the depth of the snapshots the capture fetches from Binance. */
    public static final int DEFAULT_MAX_BOOK_LEVELS = 1_000;

    /**
     * Levels per side the book of this snapshot keeps: the venue's window where it has one (the
     * venue's own pruning, which its checksum assumes), else {@code maxBookLevels}, at least the
     * checksum's depth; 0: all.
     */
    int depthLimit(BookSyncRules r, MarketEvent snapshot) {
        int window = r.maxDepth(snapshot);
        if (window > 0 || maxBookLevels <= 0) {
            return window;
        }
        BookChecksum c = r.checksum();
        return c == null ? maxBookLevels : Math.max(maxBookLevels, c.depth());
    }

    /** Processes one event of the book's instrument; returns true if the book state changed. */
    public boolean process(OrderBook book, MarketEvent ev, BookOutput out) {
        if (ev.type == EventType.BOOK_SNAPSHOT) {
            onSnapshot(book, ev, out);
            return true;
        }
        if (ev.type == EventType.BOOK_DELTA) {
            onDelta(book, ev, out);
            return true;
        }
        return false;
    }

    private void onSnapshot(OrderBook book, MarketEvent snap, BookOutput out) {
        out.snapshot();
        if (book.state == BookState.SYNCED && rulesOf(snap.feed).isOlderSnapshot(snap, book.lastUpdateId)) {
            return; // older than what the synced book already holds
        }
        BookSyncRules r = rulesOf(snap.feed);
        book.loadSnapshot(snap.bidPrices, snap.bidSizes, snap.askPrices, snap.askSizes, snap.lastUpdateId,
                snap.priceScale, snap.sizeScale);
        book.depthLimit = depthLimit(r, snap);
        book.truncateToDepthLimit();
        book.lastExchangeTimeMs = snap.exchangeTimeMs;
        book.lastReceiveTimeNs = snap.receiveTimeNs;
        rememberFormat(book, snap);
        if (!checksumHolds(book, snap, r, out)) {
            out.top(invalidTop(book, snap));
            return;
        }
        if (book.isCrossed()) { // a bid at or above an ask: no real book looks like that
            out.crossed(book, snap.instrumentKey());
            invalidate(book, snap, out, "crossed snapshot: " + crossing(book));
            out.top(invalidTop(book, snap));
            return;
        }
        MarketEvent last = null;
        for (MarketEvent d : book.takePending()) {
            if (applyDiff(book, d, out)) {
                last = d;
            }
        }
        if (book.state == BookState.SYNCED && last != null) {
            out.top(top(book, last));
        } else if (book.state == BookState.INVALID) {
            out.top(invalidTop(book, snap));
        } else if (r.snapshotsAreUpdates()) {
            book.state = BookState.SYNCED; // the whole book: no diff has to bridge it
            out.top(top(book, snap));
        }
    }

    private void onDelta(OrderBook book, MarketEvent d, BookOutput out) {
        BookState before = book.state;
        if (before == BookState.EMPTY || before == BookState.INVALID) {
            buffer(book, d, out);
            return;
        }
        if (applyDiff(book, d, out)) {
            out.top(top(book, d));
        } else if (book.state == BookState.INVALID) {
            out.top(invalidTop(book, d));
        }
    }

    /** Applies one diff by the sync rules; true if it changed the book. */
    private boolean applyDiff(OrderBook book, MarketEvent d, BookOutput out) {
        BookSyncRules r = rulesOf(d.feed);
        switch (book.state) {
            case AWAITING_BRIDGE -> {
                if (r.isStale(d, book.lastUpdateId)) {
                    out.staleDiff();
                    return false;
                }
                if (!r.bridgesSnapshot(d, book.lastUpdateId)) {
                    gap(book, d, out, "first diff does not bridge snapshot " + book.lastUpdateId);
                    return false;
                }
            }
            case SYNCED -> {
                if (r.isDuplicate(d, book.lastUpdateId)) {
                    out.staleDiff(); // a diff the book already holds (redelivered)
                    return false;
                }
                if (!r.continues(d, book.lastUpdateId)) {
                    gap(book, d, out, "sequence break: expected " + r.describeExpectation(book.lastUpdateId));
                    return false;
                }
            }
            default -> {
                buffer(book, d, out);
                return false;
            }
        }
        if (d.priceScale == book.priceScale && d.sizeScale == book.sizeScale) {
            book.apply(d.bidPrices, d.bidSizes, d.askPrices, d.askSizes);
        } else {
            long[][] levels = book.levelsAtBookScale(d);
            if (levels == null) {
                gap(book, d, out, "no long mantissa scale holds both the book's levels and the update's (book "
                        + "price/size scales " + book.priceScale + "/" + book.sizeScale + ", update's "
                        + d.priceScale + "/" + d.sizeScale + ")");
                return false;
            }
            book.apply(levels[0], levels[1], levels[2], levels[3]);
        }
        book.truncateToDepthLimit();
        book.lastUpdateId = d.lastUpdateId;
        book.lastExchangeTimeMs = d.exchangeTimeMs;
        book.lastReceiveTimeNs = d.receiveTimeNs;
        book.state = BookState.SYNCED;
        rememberFormat(book, d);
        if (!checksumHolds(book, d, r, out)) {
            return false;
        }
        if (book.isCrossed()) {
            out.crossed(book, d.instrumentKey());
            invalidate(book, d, out, "book crossed after update: " + crossing(book));
            return false;
        }
        return true;
    }

    private static String crossing(OrderBook book) {
        return "best bid " + Decimals.toPlainString(book.bids.bestPrice(), book.priceScale) + " >= best ask "
                + Decimals.toPlainString(book.asks.bestPrice(), book.priceScale);
    }

    private static void rememberFormat(OrderBook book, MarketEvent ev) {
        if (ev.priceDecimals >= 0) {
            book.priceDecimals = ev.priceDecimals;
        }
        if (ev.sizeDecimals >= 0) {
            book.sizeDecimals = ev.sizeDecimals;
        }
    }

    /**
     * Verifies the venue's checksum where the event carries one. A mismatch is a gap: the book is
     * invalid until the next snapshot, and the event is not kept (it has been applied already).
     */
    private boolean checksumHolds(OrderBook book, MarketEvent ev, BookSyncRules r, BookOutput out) {
        BookChecksum c = r.checksum();
        if (c == null || ev.checksum == MarketEvent.NO_CHECKSUM) {
            return true;
        }
        int n = c.depth();
        long computed = c.compute(book.bids.topPrices(n), book.bids.topSizes(n), book.asks.topPrices(n),
                book.asks.topSizes(n), book.priceDecimals, book.sizeDecimals, book.priceScale, book.sizeScale);
        boolean ok = computed == ev.checksum;
        out.checksum(ev.feed, ok);
        if (!ok) {
            invalidate(book, ev, out, "checksum mismatch: venue " + ev.checksum + ", local book " + computed);
        }
        return ok;
    }

    /** A sequence break: invalidate, and keep the diff. */
    private void gap(OrderBook book, MarketEvent d, BookOutput out, String reason) {
        invalidate(book, d, out, reason);
        // The offending diff may be the one that bridges the next snapshot.
        buffer(book, d, out);
    }

    /** Reports a gap and marks the book invalid until the next snapshot. */
    private void invalidate(OrderBook book, MarketEvent d, BookOutput out, String reason) {
        BookGap g = new BookGap();
        g.feed = d.feed;
        g.nativeSymbol = d.nativeSymbol;
        g.symbol = d.symbol;
        g.lastUpdateId = book.lastUpdateId;
        g.firstUpdateId = d.firstUpdateId;
        g.updateId = d.lastUpdateId;
        g.prevUpdateId = d.prevUpdateId;
        g.exchangeTimeMs = d.exchangeTimeMs;
        g.receiveTimeNs = d.receiveTimeNs;
        g.reason = reason;
        log().warn("book gap, {} marked invalid until the next snapshot: {}", d.instrumentKey(), g);
        out.gap(g);
        book.state = BookState.INVALID;
        book.bids.clear();
        book.asks.clear();
        book.takePending();
    }

    private void buffer(OrderBook book, MarketEvent d, BookOutput out) {
        if (book.pendingCount >= maxPendingDiffs) {
            // Keep the newest half: a snapshot that arrives later only needs recent diffs.
            int drop = book.pendingCount / 2;
            book.dropOldestPending(drop);
            out.pendingDropped(drop);
            log().warn("{}: no snapshot after {} buffered diffs; dropped the oldest {}", d.instrumentKey(),
                    maxPendingDiffs, drop);
        }
        book.addPending(d);
    }

    private BookTop top(OrderBook book, MarketEvent last) {
        BookTop t = new BookTop();
        t.feed = last.feed;
        t.nativeSymbol = last.nativeSymbol;
        t.symbol = last.symbol;
        t.exchangeTimeMs = book.lastExchangeTimeMs;
        t.receiveTimeNs = book.lastReceiveTimeNs;
        t.lastUpdateId = book.lastUpdateId;
        t.synced = true;
        t.bidPrices = book.bids.topPrices(topLevels);
        t.bidSizes = book.bids.topSizes(topLevels);
        t.askPrices = book.asks.topPrices(topLevels);
        t.askSizes = book.asks.topSizes(topLevels);
        t.priceScale = book.priceScale;
        t.sizeScale = book.sizeScale;
        return t;
    }

    private static BookTop invalidTop(OrderBook book, MarketEvent ev) {
        BookTop t = new BookTop();
        t.feed = ev.feed;
        t.nativeSymbol = ev.nativeSymbol;
        t.symbol = ev.symbol;
        t.exchangeTimeMs = ev.exchangeTimeMs;
        t.receiveTimeNs = ev.receiveTimeNs;
        t.lastUpdateId = book.lastUpdateId;
        t.synced = false;
        t.bidPrices = t.bidSizes = t.askPrices = t.askSizes = new long[0];
        return t;
    }

    private RateLimitedLog log() {
        if (log == null) {
            log = new RateLimitedLog(LOG, 1_000L);
        }
        return log;
    }

    private BookSyncRules rulesOf(String feed) {
        if (rules == null) {
            rules = new HashMap<>();
        }
        return rules.computeIfAbsent(feed, f -> Venues.forFeed(f).bookSyncRules());
    }
}
