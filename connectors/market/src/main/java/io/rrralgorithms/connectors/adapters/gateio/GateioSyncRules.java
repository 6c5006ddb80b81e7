package io.rrralgorithms.connectors.adapters.gateio;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.model.MarketEvent;

/**
 * Gate.io v4 {@code spot.order_book_update} and {@code futures.order_book_update}, joined with the
 * REST order book fetched {@code with_id=true}: each update carries the first and last update id
 * it contains ({@code U}, {@code u}), the snapshot its {@code id}. Gate.io's procedure, the same as
 * Binance spot's: drop updates with {@code u <= id}; the first applied must have
 * {@code U <= id + 1 <= u}; each next one {@code U == previous u + 1}. No checksum is sent.
 *
 * <p>No depth window: the updates are of the whole book, while the REST snapshot is limited
 * ({@code limit=100} in the captures); levels deeper than the snapshot's are learned only as
 * updates touch them, so the local book is exact in its top levels (those the snapshot covered)
 * and may lack deeper ones. The first update after subscribing is, for some pairs, the current
 * top-100 book sent as one update with {@code U == u} (same levels as the REST snapshot of that
 * id); it is handled as any update (in the captures it is always already in the snapshot: stale).
 */
final class GateioSyncRules implements BookSyncRules {
    @Override
    public boolean isStale(MarketEvent d, long snapshotId) {
        return d.lastUpdateId <= snapshotId;
    }

    @Override
    public boolean bridgesSnapshot(MarketEvent d, long snapshotId) {
        return d.firstUpdateId <= snapshotId + 1 && d.lastUpdateId >= snapshotId + 1;
    }

    @Override
    public boolean continues(MarketEvent d, long previousLastUpdateId) {
        return d.firstUpdateId == previousLastUpdateId + 1;
    }

    @Override
    public String describeExpectation(long previousLastUpdateId) {
        return "U == " + (previousLastUpdateId + 1);
    }
}
