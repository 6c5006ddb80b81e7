package io.rrralgorithms.connectors.adapters;

import io.rrralgorithms.connectors.model.MarketEvent;

/**
 * The sync rules of a feed that sends the whole book (its top N levels) in every message and no
 * diffs (Huobi {@code depth.step0}): each message is a snapshot carrying the book's version as its
 * update id, and each snapshot is the book's next state ({@link #snapshotsAreUpdates()}), reported
 * as a top at once. A snapshot not newer than the synced book (a redelivery, or a repeat at the
 * same version) is ignored. A lost message is no gap: the next one is the whole book again, so
 * no gap is ever reported by version. No checksum; no depth window to keep (every snapshot
 * replaces the book).
 *
 * <p>Such feeds send no diffs; should a decoder give one, it joins by version as a time-like id
 * would: stale at or below the snapshot's version, then any later version.
 */
public final class WholeBookSyncRules implements BookSyncRules {
    private static final long serialVersionUID = 1L;

    private final String expectation;

    /** @param expectation what the book's next message is, for log lines ("a newer depth.step0 (version > ") */
    public WholeBookSyncRules(String expectation) {
        this.expectation = expectation;
    }

    @Override
    public boolean snapshotsAreUpdates() {
        return true;
    }

    @Override
    public boolean isStale(MarketEvent delta, long snapshotUpdateId) {
        return delta.lastUpdateId <= snapshotUpdateId;
    }

    @Override
    public boolean bridgesSnapshot(MarketEvent delta, long snapshotUpdateId) {
        return delta.lastUpdateId > snapshotUpdateId;
    }

    @Override
    public boolean continues(MarketEvent delta, long previousLastUpdateId) {
        return delta.lastUpdateId > previousLastUpdateId;
    }

    @Override
    public String describeExpectation(long previousLastUpdateId) {
        return expectation + previousLastUpdateId;
    }
}
