package io.rrralgorithms.connectors.adapters.bitfinex;

import io.rrralgorithms.connectors.adapters.AuthoritativeSnapshotSyncRules;
import io.rrralgorithms.connectors.model.MarketEvent;

/**
 * Bitfinex books: the snapshot is the first frame of the book channel, the updates follow on the
 * same connection. With {@code SEQ_ALL} every frame carries the connection's sequence number,
 * which counts the frames of <em>all</em> channels of the connection (1, 2, 3… over books, trades,
 * tickers and heartbeats). One book therefore sees strictly increasing, not consecutive, numbers:
 * the book checks that each update's number is above the previous one (a repeat is a redelivered
 * duplicate and dropped, a lower one is a reordering: a gap). A lost frame of the connection shows
 * as a hole in the connection-wide numbering that no single book can attribute; only the capture,
 * which sees the whole connection, can (the replay test checks the capture's numbering is
 * complete). Frames without a number (flag off) are taken in connection order, as Coinbase's.
 *
 * <p>A new snapshot always replaces the book: on a new connection (reconnect) the numbering
 * restarts at 1, so a number cannot tell an older snapshot from a newer one.
 *
 * <p>With {@code OB_CHECKSUM} the venue sends {@code "cs"} frames, verified by
 * {@link BitfinexChecksum}; a mismatch is a gap. No depth window is applied: the venue sends a
 * deletion for each level that leaves its {@code len} window (in the capture no side ever holds
 * more than the 100 levels subscribed), so keeping every level it sent is exact, whatever
 * {@code len} was subscribed.
 */
final class BitfinexSyncRules extends AuthoritativeSnapshotSyncRules {
    BitfinexSyncRules() {
        super(new BitfinexChecksum(), false);
    }

    private static boolean numbered(long a, long b) {
        return a != MarketEvent.NONE && b != MarketEvent.NONE;
    }

    @Override
    public boolean isStale(MarketEvent d, long snapshotUpdateId) {
        return numbered(d.lastUpdateId, snapshotUpdateId) && d.lastUpdateId <= snapshotUpdateId;
    }

    @Override
    public boolean bridgesSnapshot(MarketEvent d, long snapshotUpdateId) {
        return true; // not stale: it follows the snapshot in the channel
    }

    @Override
    public boolean continues(MarketEvent d, long previousLastUpdateId) {
        return !numbered(d.lastUpdateId, previousLastUpdateId) || d.lastUpdateId > previousLastUpdateId;
    }

    @Override
    public boolean isDuplicate(MarketEvent d, long lastUpdateId) {
        return numbered(d.lastUpdateId, lastUpdateId) && d.lastUpdateId == lastUpdateId;
    }

    @Override
    public String describeExpectation(long previousLastUpdateId) {
        return "a connection sequence number above " + previousLastUpdateId;
    }
}
