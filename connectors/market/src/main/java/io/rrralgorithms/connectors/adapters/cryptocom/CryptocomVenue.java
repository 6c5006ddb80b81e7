package io.rrralgorithms.connectors.adapters.cryptocom;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.venues.Venue;

/**
 * Crypto.com Exchange ({@code cryptocom}), spot, public WebSocket {@code wss://stream.crypto.com/v2/market}:
 * {@code book.{instrument}.{depth}} (whole books, or one book then {@code book.update} deltas),
 * {@code trade.{instrument}}, {@code ticker.{instrument}}, decoded by {@link CryptocomFrameDecoder};
 * the venue's {@code public/heartbeat} is ignored in the stream. Live from {@link CryptocomLiveVenue}
 * (never run against the venue); tested on the documented frame shapes only: the shared captures
 * hold Crypto.com's REST instrument list ({@code CRYPTO.COM.0}) but no WebSocket recording.
 */
public final class CryptocomVenue {
    public static final String FEED = "cryptocom";

    /** Whole books reported at once, deltas chained by {@code pu} (see {@link CryptocomSyncRules}). */
    static final BookSyncRules RULES = new CryptocomSyncRules();

    public static final Venue VENUE = Venue.builder(FEED, CryptocomFrameDecoder::new, CryptocomSymbols.BOTH_WAYS, RULES,
                    Venue.keyedByField("instrument_name"))
            .cryptofeedExchange("CRYPTO.COM")
            .instrumentMetadata(new CryptocomInstruments(FEED))
            .live(new CryptocomLiveVenue()).build();

    private CryptocomVenue() {}
}
