package io.rrralgorithms.connectors.adapters.bithumb;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.adapters.UnsequencedSyncRules;
import io.rrralgorithms.connectors.venues.Venue;

/**
 * Bithumb ({@code bithumb}), spot, public WebSocket {@code wss://pubwss.bithumb.com/pub/ws}:
 * {@code transaction} (trades) only, the one channel recorded, decoded by {@link BithumbFrameDecoder}.
 * Live: {@link BithumbLiveVenue} (trades); its book channel ({@code orderbookdepth}) is not decoded.
 */
public final class BithumbVenue {
    public static final String FEED = "bithumb";

    /**
     * No book channel is decoded (the capture records trades only); Bithumb's {@code orderbookdepth}
     * carries no sequence, so its book would be the unsequenced family's.
     */
    static final BookSyncRules RULES = new UnsequencedSyncRules("any orderbookdepth (not decoded: trades only)");

    public static final Venue VENUE = Venue.declare(FEED, "BITHUMB", BithumbFrameDecoder::new, BithumbSymbols.BOTH_WAYS,
            RULES, Venue.keyedByField("symbol"), BithumbInstruments::new).tradeIdsMadeUp().build();

    private BithumbVenue() {}
}
