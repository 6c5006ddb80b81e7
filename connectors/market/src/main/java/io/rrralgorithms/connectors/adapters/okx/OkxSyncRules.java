package io.rrralgorithms.connectors.adapters.okx;

import io.rrralgorithms.connectors.adapters.AuthoritativeSnapshotSyncRules;
import io.rrralgorithms.connectors.model.MarketEvent;

/**
 * OKX v5 {@code books} (400 levels): on subscription one {@code "action":"snapshot"} per
 * instrument, then {@code "action":"update"} diffs in order over the same connection, each with
 * the CRC32 {@code checksum} of the top 25 levels after it is applied ({@link OkxChecksum}; the
 * snapshot carries one too). A checksum mismatch is a gap: the book is invalid until the next
 * snapshot (a resubscription). Every snapshot is authoritative.
 *
 * <p>Two generations of frames:
 * <ul>
 *   <li>without a sequence (the recorded 2022-05 capture): integrity is the checksum alone. As for
 *       Kraken, the decoder uses the frame's receive time (ns) as update id, so diffs received
 *       before a snapshot (buffered while the book was invalid, of the old subscription) are stale;
 *       every other diff bridges and continues, none is a duplicate;
 *   <li>with {@code seqId}/{@code prevSeqId} (the decoder's {@code lastUpdateId}/{@code prevUpdateId};
 *       OKX added them later in 2022): an update follows the previous message when its
 *       {@code prevSeqId} equals that message's {@code seqId} (the first after the snapshot: the
 *       snapshot's). This also holds for OKX's keep-alive updates without levels
 *       ({@code prevSeqId == seqId}) and across a sequence reset after maintenance (the new
 *       {@code seqId} is smaller than {@code prevSeqId}), so ordering compares {@code prevSeqId}
 *       only: a diff whose {@code prevSeqId} is below the snapshot's / book's {@code seqId} is
 *       stale / a redelivery. Not exercised by the capture (it has no seqId); covered by unit tests.
 * </ul>
 *
 * <p>The feed maintains a window of 400 levels per side and sends no delete for a level pushed
 * out of it, so the book is truncated to the snapshot's {@link MarketEvent#bookDepth} (400 for
 * {@code books}, set by the decoder) after every update.
 */
public final class OkxSyncRules extends AuthoritativeSnapshotSyncRules {
    public OkxSyncRules() {
        super(new OkxChecksum(), true);
    }

    @Override
    public boolean isStale(MarketEvent d, long snapshotUpdateId) {
        if (sequenced(d)) {
            return d.prevUpdateId < snapshotUpdateId;
        }
        return d.lastUpdateId < snapshotUpdateId; // received before the snapshot (receive-time ids)
    }

    @Override
    public boolean bridgesSnapshot(MarketEvent d, long snapshotUpdateId) {
        return !sequenced(d) || d.prevUpdateId == snapshotUpdateId;
    }

    @Override
    public boolean continues(MarketEvent d, long previousLastUpdateId) {
        return !sequenced(d) || d.prevUpdateId == previousLastUpdateId;
    }

    @Override
    public boolean isDuplicate(MarketEvent d, long lastUpdateId) {
        return sequenced(d) && d.prevUpdateId < lastUpdateId;
    }

    /** Whether the diff carries OKX's seqId/prevSeqId (else receive-time ids). */
    private static boolean sequenced(MarketEvent d) {
        return d.prevUpdateId != MarketEvent.NONE;
    }

    @Override
    public String describeExpectation(long previousLastUpdateId) {
        return "an update with prevSeqId " + previousLastUpdateId
                + " (or, for frames without seqId, any update: integrity is the CRC32 checksum of the top 25)";
    }
}
