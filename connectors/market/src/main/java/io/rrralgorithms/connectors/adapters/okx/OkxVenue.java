package io.rrralgorithms.connectors.adapters.okx;

import io.rrralgorithms.connectors.venues.Venue;

/**
 * OKX, public WebSocket API v5 ({@code wss://ws.okx.com:8443/ws/v5/public}): {@code books},
 * {@code trades}, {@code tickers}, {@code bbo-tbt} and {@code funding-rate} for spot, swaps,
 * futures and options (see {@link OkxFrameDecoder}, {@link OkxSyncRules}). The native symbol is
 * the {@code instId} ({@code BTC-USDT}, {@code BTC-USDT-SWAP}, {@code BTC-USD-220527}).
 */
public final class OkxVenue {
    public static final String FEED = "okx";

    /**
     * The decoder keeps the trade subscription times: one per stream reader. Frames (data and
     * subscription acks) are keyed by the {@code instId} of their {@code arg}.
     */
    public static final Venue VENUE = Venue.declare(FEED, "OKX", OkxFrameDecoder::new, OkxSymbols.BOTH_WAYS,
            new OkxSyncRules(), Venue.keyedByField("instId"), OkxInstruments::new)
            .decoderKeepsState()
            .live(new OkxLiveVenue()).build();

    private OkxVenue() {}
}
