package io.rrralgorithms.connectors.adapters.bitstamp;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.adapters.SequencedSyncRules;
import io.rrralgorithms.connectors.venues.Venue;

/**
 * Bitstamp WebSocket v2 ({@code wss://ws.bitstamp.net}) {@code diff_order_book_<pair>} and
 * {@code live_trades_<pair>}, joined with the REST book snapshots {@code /api/v2/order_book/<pair>}
 * by {@code microtimestamp}. Native symbols are the lower-case {@code url_symbol}s
 * ({@code ethusd}). See {@link BitstampFrameDecoder}.
 */
public final class BitstampVenue {
    public static final String FEED = "bitstamp";

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
    static final BookSyncRules RULES = SequencedSyncRules.monotonic("microtimestamp >= ");

    public static final Venue VENUE = Venue.declare(FEED, "BITSTAMP", BitstampFrameDecoder::new, BitstampSymbols.BOTH_WAYS,
            RULES, BitstampVenue::partitionKey, BitstampInstruments::new)
            .snapshotUrl(Venue.snapshotUrlMatching("/api/v2/order_book/([a-z0-9]+)/?(?:\\?.*)?$")) // → ethusd
            .live(new BitstampLiveVenue()).build();

    private BitstampVenue() {}

    /** The pair at the end of the {@code channel} ({@code diff_order_book_ethusd} → {@code ethusd}). */
    static String partitionKey(byte[] payload) {
        return PayloadScan.lastPartOf(payload, "channel", '_');
    }
}
