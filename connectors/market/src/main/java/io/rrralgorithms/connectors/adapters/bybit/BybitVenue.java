package io.rrralgorithms.connectors.adapters.bybit;

import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.venues.Venue;

/**
 * Bybit derivatives, v2-era public WebSocket as recorded in 2021: {@code wss://stream.bybit.com/realtime}
 * (inverse contracts: {@code BTCUSD}, dated {@code BTCUSDM21}) and
 * {@code wss://stream.bybit.com/realtime_public} (USDT perpetuals: {@code BTCUSDT}); topics
 * {@code orderBookL2_25.SYMBOL} / {@code orderBook_200.100ms.SYMBOL} and {@code trade.SYMBOL}. Both
 * connections are one feed: the symbol tells the contract. The same feed also decodes the v5 public
 * topics the live capture subscribes ({@code wss://stream.bybit.com/v5/public/linear}:
 * {@code orderbook.50.SYMBOL} chained on {@code u}, {@code orderbook.1.SYMBOL} as BBO,
 * {@code publicTrade.SYMBOL}; see {@link BybitV5Frames}). See {@link BybitFrameDecoder} and
 * {@link BybitSyncRules}.
 */
public final class BybitVenue {
    public static final String FEED = "bybit";

    /** The decoder is stateless (every delete row carries its price); trade ids are made up (the venue sends UUIDs). */
    public static final Venue VENUE = Venue.declare(FEED, "BYBIT", BybitFrameDecoder::new, BybitSymbols.BOTH_WAYS,
            new BybitSyncRules(), BybitVenue::partitionKey, BybitInstruments::new)
            .tradeIdsMadeUp()
            .live(new BybitLiveVenue()).build();

    private BybitVenue() {}

    /**
     * The symbol at the end of the {@code topic} ({@code orderBookL2_25.BTCUSD},
     * {@code orderBook_200.100ms.BTCUSDT}); null for subscription replies and pongs.
     */
    static String partitionKey(byte[] payload) {
        return PayloadScan.lastPartOf(payload, "topic", '.');
    }
}
