package io.rrralgorithms.connectors.adapters.bybit;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.model.MarketEvent;

/**
 * Bybit v2 {@code orderBookL2_25} / {@code orderBook_200}: on subscription the venue sends one
 * {@code snapshot} per symbol over the WebSocket, then {@code delta}s that apply on top of it. Each
 * carries {@code cross_seq}, the matching engine's sequence. It is shared by the symbols of one
 * engine (the recorded UNIUSDT, DOTUSDT and ADAUSDT snapshots all carry 916952241), so it is not
 * contiguous per symbol and a lost delta cannot be detected from it; what can be checked is its
 * order: per symbol it strictly increases (every one of the 4,268 recorded deltas). The rules:
 *
 * <ul>
 *   <li>a delta whose {@code cross_seq} is not above the snapshot's is in the snapshot: stale;
 *   <li>the first delta after the snapshot bridges it when its {@code cross_seq} is above;
 *   <li>a delta continues the book when its {@code cross_seq} is above the previous delta's; one
 *       that is not above is a redelivery (duplicate, dropped) by the default rule;
 *   <li>a snapshot not above the book's {@code cross_seq} is older (default rule).
 * </ul>
 *
 * No checksum. The venue keeps a window of 25 (or 200) levels a side and sends a delete for a level
 * that leaves it (the recorded deltas hold as many deletes as inserts), so the book is truncated to
 * the snapshot's {@link MarketEvent#bookDepth}.
 *
 * <p><b>v5</b> ({@code orderbook.N.SYMBOL}, the live capture; see {@link BybitV5Frames}): events
 * carry the update id {@code u} and are marked by a {@link MarketEvent#prevUpdateId} of
 * {@code u - 1} (v2 events leave it {@link MarketEvent#NONE}). {@code u} is contiguous per book, so
 * a lost delta is detected:
 *
 * <ul>
 *   <li>a delta whose {@code u} is not above the snapshot's is stale; the first delta bridges the
 *       snapshot only with {@code u} = snapshot's + 1, and each next delta continues the book only
 *       with {@code u} = previous + 1: anything else is a gap (the book is invalid until the next
 *       snapshot); a {@code u} not above the book's is a redelivery (default rule);
 *   <li>every v5 snapshot replaces the book, never "older": Bybit sends one after subscribing and
 *       one with {@code u = 1} when its service restarts, which must reset a book standing at a
 *       higher {@code u}.
 * </ul>
 *
 * Caveat: a restart snapshot ({@code u = 1}) that reaches a book already invalid (after a gap) finds
 * the old sequence's deltas buffered; they neither are stale nor bridge {@code u = 1}, so the
 * synchronizer reports a second gap and the book waits for the next snapshot (a reconnect).
 */
final class BybitSyncRules implements BookSyncRules {
    /** Whether the event is a v5 book event (see {@link BybitV5Frames}). */
    static boolean isV5(MarketEvent e) {
        return e.prevUpdateId != MarketEvent.NONE;
    }

    @Override
    public boolean isStale(MarketEvent d, long snapshotUpdateId) {
        return d.lastUpdateId <= snapshotUpdateId;
    }

    @Override
    public boolean bridgesSnapshot(MarketEvent d, long snapshotUpdateId) {
        return isV5(d) ? d.prevUpdateId == snapshotUpdateId : d.lastUpdateId > snapshotUpdateId;
    }

    @Override
    public boolean continues(MarketEvent d, long previousLastUpdateId) {
        return isV5(d) ? d.prevUpdateId == previousLastUpdateId : d.lastUpdateId > previousLastUpdateId;
    }

    @Override
    public boolean isOlderSnapshot(MarketEvent snapshot, long lastUpdateId) {
        return !isV5(snapshot) && snapshot.lastUpdateId <= lastUpdateId;
    }

    @Override
    public int maxDepth(MarketEvent snapshot) {
        return snapshot.bookDepth;
    }

    @Override
    public String describeExpectation(long previousLastUpdateId) {
        return "a delta with u = " + (previousLastUpdateId + 1) + " (Bybit v5: u = previous + 1), or a v2 delta"
                + " with cross_seq above " + previousLastUpdateId + " (v2 cross_seq increases per symbol but is not"
                + " contiguous)";
    }
}
