package io.rrralgorithms.connectors.adapters.okx;

import io.rrralgorithms.connectors.adapters.BookChecksum;
import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.model.MarketEvent;

/**
 * OKX v5 {@code books} (400 levels): on subscription one {@code "action":"snapshot"} per
 * instrument, then {@code "action":"update"} diffs in order over the same connection, each with
 * the CRC32 {@code checksum} of the top 25 levels after it is applied ({@link OkxChecksum}; the
 * snapshot carries one too). The 2022 frames carry no sequence numbers (OKX added
 * {@code seqId}/{@code prevSeqId} later), so integrity is the checksum: a mismatch is a gap and
 * the book is invalid until the next snapshot (a resubscription). As for Kraken, the decoder uses
 * the frame's receive time (ns) as update id, so diffs received before a snapshot (buffered while
 * the book was invalid, belonging to the old subscription) are stale; every other diff bridges
 * and continues, none is a duplicate, every snapshot is authoritative.
 *
 * <p>The feed maintains a window of 400 levels per side and sends no delete for a level pushed
 * out of it, so the book is truncated to the snapshot's {@link MarketEvent#bookDepth} (400 for
 * {@code books}, set by the decoder) after every update.
 */
public final class OkxSyncRules implements BookSyncRules {
    private static final BookChecksum CHECKSUM = new OkxChecksum();

    @Override
    public boolean isStale(MarketEvent d, long snapshotUpdateId) {
        return d.lastUpdateId < snapshotUpdateId; // received before the snapshot (receive-time ids)
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
    public BookChecksum checksum() {
        return CHECKSUM;
    }

    @Override
    public int maxDepth(MarketEvent snapshot) {
        return Math.max(0, snapshot.bookDepth);
    }

    @Override
    public String describeExpectation(long previousLastUpdateId) {
        return "any book update (OKX v5 books without seqId; integrity is the CRC32 checksum of the top 25)";
    }
}
