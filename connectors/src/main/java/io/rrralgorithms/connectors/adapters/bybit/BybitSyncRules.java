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
 */
final class BybitSyncRules implements BookSyncRules {
    @Override
    public boolean isStale(MarketEvent d, long snapshotUpdateId) {
        return d.lastUpdateId <= snapshotUpdateId;
    }

    @Override
    public boolean bridgesSnapshot(MarketEvent d, long snapshotUpdateId) {
        return d.lastUpdateId > snapshotUpdateId;
    }

    @Override
    public boolean continues(MarketEvent d, long previousLastUpdateId) {
        return d.lastUpdateId > previousLastUpdateId;
    }

    @Override
    public int maxDepth(MarketEvent snapshot) {
        return snapshot.bookDepth;
    }

    @Override
    public String describeExpectation(long previousLastUpdateId) {
        return "a delta with cross_seq above " + previousLastUpdateId
                + " (Bybit's cross_seq increases per symbol but is not contiguous)";
    }
}
