package io.rrralgorithms.connectors.adapters.kraken;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.adapters.UnsequencedSyncRules;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.venues.Venue;
import java.nio.charset.StandardCharsets;

/**
 * Kraken spot, public WebSocket API v1 ({@code wss://ws.kraken.com}): {@code book-N},
 * {@code trade}, {@code ticker} and {@code spread} channels (see {@link KrakenFrameDecoder} for the
 * frames, {@link #RULES} for the book: no sequence numbers, a CRC32 checksum on every update, a
 * window of N levels). The native symbol is the WebSocket pair name ({@code XBT/USD}).
 */
public final class KrakenVenue {
    public static final String FEED = "kraken";

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
     * every update. N comes from the channel name {@code book-N}, carried by the decoder in the
     * snapshot's {@link MarketEvent#bookDepth}; a snapshot without it (0) leaves the book unbounded.
     */
    static final BookSyncRules RULES = new UnsequencedSyncRules(
            "any book update (Kraken v1 has no sequence numbers; integrity is the CRC32 checksum)")
            .withChecksum(new KrakenChecksum())
            .truncatedToSnapshotDepth();

    public static final Venue VENUE = Venue.declare(FEED, "KRAKEN", KrakenFrameDecoder::new, KrakenSymbols.BOTH_WAYS,
            RULES, KrakenVenue::partitionKey, KrakenInstruments::new).live(new KrakenLiveVenue()).build();

    private KrakenVenue() {}

    /**
     * The pair of a data frame, its last element ({@code [..., "book-10", "XBT/USD"]}), or the
     * {@code "pair"} of a subscription status; null for heartbeats and system status. A byte scan,
     * no JSON parse.
     */
    static String partitionKey(byte[] payload) {
        int end = payload.length - 1;
        while (end >= 0 && isSpace(payload[end])) {
            end--;
        }
        if (end >= 2 && payload[end] == ']') {
            int close = end - 1;
            while (close >= 0 && isSpace(payload[close])) {
                close--;
            }
            if (close >= 1 && payload[close] == '"') {
                for (int i = close - 1; i >= 0 && close - i <= 64; i--) {
                    if (payload[i] == '"') {
                        return i + 1 < close ? new String(payload, i + 1, close - i - 1, StandardCharsets.UTF_8) : null;
                    }
                    if (payload[i] == '\\') {
                        return null;
                    }
                }
            }
            return null;
        }
        return PayloadScan.valueAfter(payload, "\"pair\":\"", '"');
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }
}
