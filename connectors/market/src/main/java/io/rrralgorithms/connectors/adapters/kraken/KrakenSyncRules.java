package io.rrralgorithms.connectors.adapters.kraken;

import io.rrralgorithms.connectors.adapters.BookChecksum;
import io.rrralgorithms.connectors.adapters.UnsequencedSyncRules;
import io.rrralgorithms.connectors.model.MarketEvent;

/**
 * Kraken spot WebSocket v1 {@code book-N}: on subscription one snapshot ({@code as}/{@code bs}) per
 * pair, then updates ({@code a}/{@code b}) in order over the same connection. There are no
 * sequence numbers: integrity is checked by the CRC32 checksum {@code c} every update carries
 * ({@link KrakenChecksum}, verified by the book synchronizer after the update is applied; a
 * mismatch is a gap and the book stays invalid until the next snapshot, i.e. a resubscription).
 * So every diff bridges and continues, none can be told to be a duplicate, and every snapshot is
 * authoritative.
 *
 * <p>Stale diffs: the synchronizer buffers the diffs that arrive while a book is invalid and
 * applies them after the next snapshot. For Kraken those are diffs of the <em>old</em>
 * subscription, already contained in the new snapshot; replaying them (absolute level sizes of an
 * older state) would corrupt the new book and fail its checksum again, forever. Without venue
 * sequence numbers, the decoder uses the frame's local receive time (ns) as the book events'
 * update id ({@link MarketEvent#lastUpdateId}; the frames of one pair arrive in order over one
 * connection), so a diff received before the snapshot is stale. A diff received at the same
 * instant, or without receive times (0), is not.
 *
 * <p>The book is a window of the subscribed depth N per side: Kraken sends no delete for a level
 * that is pushed out of the window by a better one, so the local book is truncated to N after
 * every update ({@link #maxDepth}). N comes from the channel name {@code book-N}, carried by the
 * decoder in the snapshot's {@link MarketEvent#bookDepth}; a snapshot without it (0) leaves the book unbounded.
 */
public final class KrakenSyncRules extends UnsequencedSyncRules {
    private static final BookChecksum CHECKSUM = new KrakenChecksum();

    public KrakenSyncRules() {
        super("any book update (Kraken v1 has no sequence numbers; integrity is the CRC32 checksum)");
    }

    @Override
    public BookChecksum checksum() {
        return CHECKSUM;
    }

    /** The subscribed depth N of {@code book-N}, as the decoder read it from the channel name. */
    @Override
    public int maxDepth(MarketEvent snapshot) {
        return Math.max(0, snapshot.bookDepth);
    }
}
