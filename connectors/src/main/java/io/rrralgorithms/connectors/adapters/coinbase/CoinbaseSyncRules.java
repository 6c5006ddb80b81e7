package io.rrralgorithms.connectors.adapters.coinbase;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.model.MarketEvent;

/**
 * Coinbase {@code level2} (2021): on subscription the venue sends one {@code snapshot} per
 * product, then {@code l2update}s that apply on top of it, in order, over the same connection.
 * Neither carries a sequence number, so none of the sequence checks is possible: no diff is
 * stale, the first diff always bridges the snapshot, every diff continues the previous one,
 * no diff can be told to be a redelivered duplicate, and a new snapshot (a resubscription) is
 * always authoritative. Integrity rests on the connection's ordering; a lost connection must
 * resubscribe, which sends a fresh snapshot. No gap is ever reported for this feed.
 */
final class CoinbaseSyncRules implements BookSyncRules {
    @Override
    public boolean isStale(MarketEvent d, long snapshotUpdateId) {
        return false;
    }

    @Override
    public boolean bridgesSnapshot(MarketEvent d, long snapshotUpdateId) {
        return true;
    }

    @Override
    public boolean continues(MarketEvent d, long previousLastUpdateId) {
        return true;
    }

    @Override
    public boolean isDuplicate(MarketEvent d, long lastUpdateId) {
        return false;
    }

    @Override
    public boolean isOlderSnapshot(MarketEvent snapshot, long lastUpdateId) {
        return false;
    }

    @Override
    public String describeExpectation(long previousLastUpdateId) {
        return "any l2update (level2 has no sequence numbers)";
    }
}
