package io.rrralgorithms.connectors.adapters.bitfinex;

import io.rrralgorithms.connectors.venues.Venue;

/**
 * Bitfinex WebSocket v2 ({@code wss://api.bitfinex.com/ws/2}): {@code book} (P0, len 100 as
 * cryptofeed subscribes), {@code trades} and {@code ticker} of trading pairs, flag SEQ_ALL. See
 * {@link BitfinexFrameDecoder}, {@link BitfinexSyncRules} and, for how frames that name only a
 * channel id get their symbol, {@link BitfinexConnectionKeyer}.
 */
public final class BitfinexVenue {
    public static final String FEED = "bitfinex";

    /**
     * Event frames ({@code subscribed}) are keyed by their {@code symbol}; the {@code [chanId, ...]}
     * data frames name none: a single frame cannot be keyed, only a connection's frames in order,
     * by a new {@link BitfinexConnectionKeyer} per connection (channel id to symbol from its acks).
     */
    public static final Venue VENUE = Venue.declare(FEED, "BITFINEX", BitfinexFrameDecoder::new, BitfinexSymbols.BOTH_WAYS,
            new BitfinexSyncRules(), Venue.keyedByField("symbol"), BitfinexInstruments::new)
            .keyedByConnection(BitfinexConnectionKeyer::new)
            .live(new BitfinexLiveVenue()).build();

    private BitfinexVenue() {}
}
