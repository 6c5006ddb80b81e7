package io.rrralgorithms.connectors.adapters.okcoin;

import io.rrralgorithms.connectors.adapters.okx.OkxLiveVenue;
import io.rrralgorithms.connectors.venues.Channel;
import io.rrralgorithms.connectors.venues.LiveStream;
import java.util.List;
import java.util.Set;

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

    @Override
    public String feed() {
        return OkcoinVenue.FEED;
    }

    @Override
    public String defaultEndpoint() {
        return "wss://real.okcoin.com:8443/ws/v5/public";
    }

    @Override
    public String nativeSymbol(String normalized) {
        return OkcoinSymbols.toNative(normalized);
    }

    @Override
    public List<LiveStream> streams(String instId, Set<Channel> channels) {
        return LiveStream.forChannels(instId, channels, "trades:" + instId, "books:" + instId, "tickers:" + instId);
    }
}
