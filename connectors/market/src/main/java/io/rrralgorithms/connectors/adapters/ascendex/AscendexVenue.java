package io.rrralgorithms.connectors.adapters.ascendex;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.adapters.SequencedSyncRules;
import io.rrralgorithms.connectors.venues.Venue;

/**
 * AscendEX (formerly BitMax): spot ({@code ascendex}, API v1) and USDT-margined perpetuals
 * ({@code ascendex-futures}, API v2), public WebSocket {@code depth} and {@code trades}, decoded
 * by {@link AscendexFrameDecoder} (one message shape for both).
 */
public final class AscendexVenue {
    public static final String FEED = "ascendex";
    public static final String FUTURES_FEED = "ascendex-futures";

    /**
     * AscendEX's documented book procedure: subscribe to {@code depth}, then ask for a
     * {@code depth-snapshot} on the same connection; every message carries the symbol's
     * {@code seqnum}, which grows by one per depth update. So the next-first-id family with
     * {@code U = u = seqnum}: an update at or below the snapshot's seqnum is stale, the first one
     * applied is {@code seqnum == snapshot + 1}, each next {@code previous + 1} (every update of
     * both captures is). No checksum; the updates cover the whole book (no window).
     */
    static final BookSyncRules RULES = SequencedSyncRules.nextFirstId("seqnum == ");

    public static final Venue SPOT = Venue.declare(FEED, "ASCENDEX", AscendexFrameDecoder::spot, AscendexSymbols.BOTH_WAYS,
            RULES, Venue.keyedByField("symbol"), AscendexInstruments::spot).live(AscendexLiveVenue.spot()).build();

    public static final Venue FUTURES = Venue.declare(FUTURES_FEED, "ASCENDEX_FUTURES", AscendexFrameDecoder::futures,
            AscendexSymbols.BOTH_WAYS, RULES, Venue.keyedByField("symbol"), AscendexInstruments::futures)
            .live(AscendexLiveVenue.futures()).build();

    private AscendexVenue() {}
}
