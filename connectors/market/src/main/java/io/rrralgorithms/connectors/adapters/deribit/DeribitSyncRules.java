package io.rrralgorithms.connectors.adapters.deribit;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.model.MarketEvent;

/**
 * Deribit {@code book.<instrument>.raw|100ms}: on subscription the venue sends a {@code snapshot}
 * with a {@code change_id}, then {@code change}s each naming the {@code change_id} it follows in
 * {@code prev_change_id}. The first change after a snapshot has {@code prev_change_id} equal to the
 * snapshot's {@code change_id}, every next one the previous change's; any other value is a gap
 * (Deribit: resubscribe for a new snapshot). A change not newer than the snapshot is stale.
 * Deribit sends no checksum; the venue's book has no depth window (the raw book is complete).
 */
final class DeribitSyncRules implements BookSyncRules {
    @Override
    public boolean isStale(MarketEvent d, long snapshotUpdateId) {
        return d.lastUpdateId <= snapshotUpdateId;
    }

    @Override
    public boolean bridgesSnapshot(MarketEvent d, long snapshotUpdateId) {
        return d.prevUpdateId == snapshotUpdateId;
    }

    @Override
    public boolean continues(MarketEvent d, long previousLastUpdateId) {
        return d.prevUpdateId == previousLastUpdateId;
    }

    @Override
    public String describeExpectation(long previousLastUpdateId) {
        return "a change with prev_change_id " + previousLastUpdateId;
    }
}
