package io.rrralgorithms.connectors.adapters.krakenfutures;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.adapters.SequencedSyncRules;
import io.rrralgorithms.connectors.adapters.SequencedSyncRules.Bridge;
import io.rrralgorithms.connectors.venues.Venue;

/**
 * Kraken Futures (formerly Crypto Facilities), public WebSocket v1
 * ({@code wss://futures.kraken.com/ws/v1}): {@code book}, {@code trade}, {@code ticker_lite} /
 * {@code ticker} feeds (see {@link KrakenFuturesFrameDecoder}). The native symbol is the product id
 * ({@code PI_XBTUSD}).
 */
public final class KrakenFuturesVenue {
    public static final String FEED = "kraken-futures";

    /**
     * Kraken Futures {@code book}: on subscription one {@code book_snapshot} per product carrying the
     * product's book sequence {@code seq}, then one {@code book} frame per changed level, each with the
     * next {@code seq} of that product (per product, +1 each). So: a diff at or below the snapshot's
     * seq is already in it (stale); the first applied diff must be the snapshot's seq + 1; each next
     * diff the previous + 1. A break is a gap (the book stays invalid until the next snapshot, i.e. a
     * resubscription). No checksum, no depth window (the feed sends the full book and deletes levels
     * with {@code qty} 0).
     */
    static final BookSyncRules RULES = SequencedSyncRules.nextFirstId("seq ").bridging(Bridge.STARTS_NEXT);

    /** Frames are keyed by their {@code product_id}; events and heartbeats have none. */
    public static final Venue VENUE = Venue.declare(FEED, "KRAKEN_FUTURES", KrakenFuturesFrameDecoder::new,
            KrakenFuturesSymbols.BOTH_WAYS, RULES, Venue.keyedByField("product_id"), KrakenFuturesInstruments::new)
            .live(new KrakenFuturesLiveVenue()).build();

    private KrakenFuturesVenue() {}
}
