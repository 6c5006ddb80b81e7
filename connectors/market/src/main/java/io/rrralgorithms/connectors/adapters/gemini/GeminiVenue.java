package io.rrralgorithms.connectors.adapters.gemini;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.adapters.UnsequencedSyncRules;
import io.rrralgorithms.connectors.venues.Venue;

/**
 * Gemini market data v2 ({@code wss://api.gemini.com/v2/marketdata}), subscription {@code l2}:
 * books and trades. Native symbols are Gemini's upper-case symbols ({@code BTCUSD}). See
 * {@link GeminiFrameDecoder}.
 */
public final class GeminiVenue {
    public static final String FEED = "gemini";

    /**
     * Gemini market data v2 {@code l2}: the first {@code l2_updates} of a symbol is its whole book, the
     * next ones apply on top of it, in order, over the same connection. v2 frames carry no sequence
     * number (v1's {@code socket_sequence} is absent from this API and from the capture), so none of
     * the sequence checks is possible, as for Coinbase. The book is the whole book: no depth window.
     */
    static final BookSyncRules RULES = new UnsequencedSyncRules("any l2_updates (v2 has no sequence numbers)");

    /** Frames are keyed by their first {@code symbol} (the book's, before its trades). */
    public static final Venue VENUE = Venue.declare(FEED, "GEMINI", GeminiFrameDecoder::new, GeminiSymbols.BOTH_WAYS,
            RULES, Venue.keyedByField("symbol"), GeminiInstruments::new).live(new GeminiLiveVenue()).build();

    private GeminiVenue() {}
}
