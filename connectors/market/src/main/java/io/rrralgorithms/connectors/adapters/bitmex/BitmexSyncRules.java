package io.rrralgorithms.connectors.adapters.bitmex;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.model.MarketEvent;

/**
 * BitMEX {@code orderBookL2}: on subscription the venue sends one {@code partial} (the full book)
 * per symbol, then {@code insert}/{@code update}/{@code delete} rows that apply on top of it, in
 * order, over the same connection. There are no sequence numbers and no checksum: a lost frame of
 * the venue cannot be detected, and a new {@code partial} (a resubscription) is always
 * authoritative.
 *
 * <p>What can break is the decoder's own id → price map ({@link BitmexFrameDecoder}): update and
 * delete rows name a level only by its id. So the decoder stamps the snapshot and every delta it
 * resolved with the same session id (the receive time of the {@code partial}, unique per partial
 * and the same on every replay), and a delta it could not resolve with
 * {@link BitmexFrameDecoder#UNRESOLVED}: rows of a symbol whose partial it never decoded (a
 * decoder restarted mid-stream — its map is not in Flink's checkpoints — or a partial that was a
 * dead letter) or an id it never saw inserted. Such a delta does not continue the book: a gap,
 * and the book stays invalid until the next {@code partial} (on BitMEX: a resubscription). Deltas
 * of another session than the snapshot's are stale, as are unresolved ones received before the
 * snapshot's partial (rows sent before it, which BitMEX says to drop).
 */
final class BitmexSyncRules implements BookSyncRules {
    @Override
    public boolean isStale(MarketEvent d, long snapshotUpdateId) {
        if (d.lastUpdateId == BitmexFrameDecoder.UNRESOLVED) {
            // received before the partial (buffered while the book waited for it): stale; after it: a break
            return d.receiveTimeNs < snapshotUpdateId;
        }
        return d.lastUpdateId != snapshotUpdateId;
    }

    @Override
    public boolean bridgesSnapshot(MarketEvent d, long snapshotUpdateId) {
        return d.lastUpdateId == snapshotUpdateId;
    }

    @Override
    public boolean continues(MarketEvent d, long previousLastUpdateId) {
        return d.lastUpdateId != BitmexFrameDecoder.UNRESOLVED && d.lastUpdateId == previousLastUpdateId;
    }

    @Override
    public boolean isDuplicate(MarketEvent d, long lastUpdateId) {
        return false; // no sequence: a redelivery cannot be told
    }

    @Override
    public boolean isOlderSnapshot(MarketEvent snapshot, long lastUpdateId) {
        return false; // a partial is always authoritative
    }

    @Override
    public String describeExpectation(long previousLastUpdateId) {
        return "a delta of the orderBookL2 partial received at " + previousLastUpdateId + " ns (BitMEX has no"
                + " sequence numbers; update id " + BitmexFrameDecoder.UNRESOLVED + " marks rows whose level ids"
                + " the decoder could not resolve to prices: no partial decoded for the symbol, or an unknown id)";
    }
}
