package io.rrralgorithms.connectors.adapters;

import io.rrralgorithms.connectors.model.MarketEvent;

/**
 * The sync rules of a feed whose snapshots and diffs carry no sequence number (Coinbase level2,
 * Gemini v2): the snapshot comes first on the connection and the diffs apply on top of it in
 * order, so none of the checks is possible. No diff is stale, a bridge failure, a chain break or
 * a duplicate; a new snapshot (a resubscription) is always authoritative; no gap is ever
 * reported. Integrity rests on the connection's ordering, and a lost connection must resubscribe,
 * which sends a fresh snapshot.
 */
public class UnsequencedSyncRules implements BookSyncRules {
    private final String expectation;

    /** @param expectation what any diff is, for log lines (e.g. "any l2update (level2 has no sequence numbers)") */
    public UnsequencedSyncRules(String expectation) {
        this.expectation = expectation;
    }

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
        return expectation;
    }
}
