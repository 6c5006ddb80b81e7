package io.rrralgorithms.connectors.adapters.probit;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.adapters.UnsequencedSyncRules;
import io.rrralgorithms.connectors.venues.Venue;

/**
 * ProBit Global ({@code probit}), spot, public WebSocket {@code wss://api.probit.com/api/exchange/v1/ws},
 * the {@code marketdata} channel's {@code order_books} and {@code recent_trades}, decoded by
 * {@link ProbitFrameDecoder}. Live: {@link ProbitLiveVenue}.
 */
public final class ProbitVenue {
    public static final String FEED = "probit";

    /**
     * ProBit's {@code marketdata} carries no sequence and no book time: the first message after
     * subscribing ({@code "reset":true}) holds the whole book, the next ones the changed levels
     * (quantity 0 deletes). The unsequenced family: receive-time ids, a reset is authoritative, a
     * lost message cannot be seen. No checksum.
     */
    static final BookSyncRules RULES = new UnsequencedSyncRules("any marketdata order_books change (no sequence numbers)");

    public static final Venue VENUE = Venue.declare(FEED, "PROBIT", ProbitFrameDecoder::new, ProbitSymbols.BOTH_WAYS,
            RULES, Venue.keyedByField("market_id"), ProbitInstruments::new).build();

    private ProbitVenue() {}
}
