package io.rrralgorithms.connectors.adapters.okcoin;

import io.rrralgorithms.connectors.adapters.okx.OkxLiveVenue;

/**
 * OKCoin public WebSocket API v5 ({@code okcoin}), {@code wss://real.okcoin.com:8443/ws/v5/public}
 * (the recorded session's endpoint, cryptofeed's too): OKX's v5 protocol ({@link OkxLiveVenue}:
 * the subscribe message, the text {@code ping} every 20 s answered by {@code pong}, the limits,
 * the stream of a frame), with OKCoin's own
 *
 * <ul>
 *   <li>symbols: spot pairs only, {@code BTC-USD} as it is ({@link OkcoinSymbols#toNative});
 *   <li>channels: trades {@code trades}, book {@code books} (a snapshot on subscribing, then
 *       updates with the CRC32 checksum), BBO {@code tickers}: the channels the recorded session
 *       subscribed and OKCoin answered (OKX's {@code bbo-tbt} is not in it).
 * </ul>
 */
public final class OkcoinLiveVenue extends OkxLiveVenue {

    public OkcoinLiveVenue() {
        super(v5(OkcoinVenue.FEED, "wss://real.okcoin.com:8443/ws/v5/public").symbols(OkcoinSymbols::toNative)
                .streams("trades:{}", "books:{}", "tickers:{}"));
    }
}
