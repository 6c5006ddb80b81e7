package io.rrralgorithms.connectors.adapters.upbit;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.adapters.WholeBookSyncRules;
import io.rrralgorithms.connectors.venues.Venue;

/**
 * Upbit ({@code upbit}), spot (KRW, BTC and USDT markets), public WebSocket
 * {@code wss://api.upbit.com/websocket/v1} in its {@code SIMPLE} format: {@code orderbook} and
 * {@code trade}, decoded by {@link UpbitFrameDecoder}. Live: {@link UpbitLiveVenue}.
 */
public final class UpbitVenue {
    public static final String FEED = "upbit";

    /**
     * Upbit's {@code orderbook} is the whole 15-level book in every message, never a diff, and
     * carries no sequence (cryptofeed: "does not support delta"): the whole-book family, each
     * book with its receive time as its version (its {@code tms} is in ms, and two books of one
     * ms must not be taken for one), so only a redelivered frame is ignored; a lost book is no
     * gap. No checksum.
     */
    static final BookSyncRules RULES = new WholeBookSyncRules("a newer orderbook (received after ");

    public static final Venue VENUE = Venue.declare(FEED, "UPBIT", UpbitFrameDecoder::new, UpbitSymbols.BOTH_WAYS, RULES,
            Venue.keyedByField("cd"), UpbitInstruments::new).build();

    private UpbitVenue() {}
}
