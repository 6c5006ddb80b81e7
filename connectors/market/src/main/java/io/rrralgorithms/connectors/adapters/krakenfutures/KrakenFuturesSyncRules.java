package io.rrralgorithms.connectors.adapters.krakenfutures;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.model.MarketEvent;

/**
 * Kraken Futures {@code book}: on subscription one {@code book_snapshot} per product carrying the
 * product's book sequence {@code seq}, then one {@code book} frame per changed level, each with the
 * next {@code seq} of that product (per product, +1 each). So: a diff at or below the snapshot's
 * seq is already in it (stale); the first applied diff must be the snapshot's seq + 1; each next
 * diff the previous + 1. A break is a gap (the book stays invalid until the next snapshot, i.e. a
 * resubscription). No checksum, no depth window (the feed sends the full book and deletes levels
 * with {@code qty} 0).
 */
final class KrakenFuturesSyncRules implements BookSyncRules {
    @Override
    public boolean isStale(MarketEvent d, long snapshotUpdateId) {
        return d.lastUpdateId <= snapshotUpdateId;
    }

    @Override
    public boolean bridgesSnapshot(MarketEvent d, long snapshotUpdateId) {
        return d.firstUpdateId == snapshotUpdateId + 1;
    }

    @Override
    public boolean continues(MarketEvent d, long previousLastUpdateId) {
        return d.firstUpdateId == previousLastUpdateId + 1;
    }

    @Override
    public String describeExpectation(long previousLastUpdateId) {
        return "seq " + (previousLastUpdateId + 1);
    }
}
