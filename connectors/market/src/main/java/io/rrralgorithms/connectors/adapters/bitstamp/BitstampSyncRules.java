package io.rrralgorithms.connectors.adapters.bitstamp;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.model.MarketEvent;

/**
 * Bitstamp's documented way to keep a full book: subscribe to {@code diff_order_book_<pair>},
 * buffer, fetch the REST {@code /api/v2/order_book/<pair>}, drop the diffs whose
 * {@code microtimestamp} is at or before the snapshot's, apply the others. The update id of both
 * is the {@code microtimestamp} (µs): a time, not a sequence number, so
 *
 * <ul>
 *   <li>a diff at or before the snapshot is stale; the first later one joins it (nothing proves
 *       that no diff was missed in between, except that the stream was live before the snapshot
 *       was taken: in the capture every pair with diffs has stale diffs before its snapshot);
 *   <li>each next diff must not be older than the previous (a lower time is a reordering: a
 *       gap); an equal time continues (two changes may share a microsecond), so no diff can be
 *       told to be a duplicate;
 *   <li>a snapshot not newer than the book is ignored.
 * </ul>
 *
 * A lost diff is not detectable (no sequence); integrity rests on the connection's order. The
 * diff channel covers the whole book and the REST snapshot is the whole book: no depth window.
 */
final class BitstampSyncRules implements BookSyncRules {
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
        return d.lastUpdateId >= previousLastUpdateId;
    }

    @Override
    public boolean isDuplicate(MarketEvent d, long lastUpdateId) {
        return false;
    }

    @Override
    public String describeExpectation(long previousLastUpdateId) {
        return "microtimestamp >= " + previousLastUpdateId;
    }
}
