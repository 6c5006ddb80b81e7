package io.rrralgorithms.connectors.adapters.huobi;

import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.venues.Channel;
import io.rrralgorithms.connectors.venues.FrameInflater;
import io.rrralgorithms.connectors.venues.LiveStream;
import io.rrralgorithms.connectors.venues.LiveVenue;
import io.rrralgorithms.connectors.venues.VenueLimits;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Huobi's public market WebSocket, spot ({@code huobi}, {@code wss://api.huobi.pro/ws}).
 *
 * <ul>
 *   <li>Channels: trades {@code market.<symbol>.trade.detail}, book {@code market.<symbol>.depth.step0}
 *       (the whole book, 150 levels a side, in every message: no REST snapshot), BBO
 *       {@code market.<symbol>.bbo}.
 *   <li>Subscribe: one topic a message, {@code {"sub":"market.btcusdt.depth.step0","id":"1"}}.
 *   <li>Every message is gzip: inflated ({@link FrameInflater#GZIP}) and published as JSON.
 *   <li>Heartbeat: the venue's. Huobi sends {@code {"ping":<ms>}} every 5 s and closes a connection
 *       that has not answered two of them; the capture answers each with {@code {"pong":<ms>}}
 *       ({@link #replyTo}). The ping frames are published like every frame (the decoder ignores them).
 *   <li>Limits: Huobi publishes none per connection for market data; 100 streams a connection,
 *       10 messages a second and 5 connects a second are this service's choice (cryptofeed subscribes
 *       its 20 streams in 1 ms on one connection).
 *   <li>Symbols: {@code BTC-USDT} → {@code btcusdt} ({@link HuobiSymbols}).
 * </ul>
 */
public final class HuobiLiveVenue implements LiveVenue {
    private static final Pattern PING = Pattern.compile("\\{\\s*\"ping\"\\s*:\\s*([0-9]{1,19})\\s*}");

    @Override
    public String feed() {
        return HuobiVenue.FEED;
    }

    @Override
    public String defaultEndpoint() {
        return "wss://api.huobi.pro/ws";
    }

    @Override
    public String nativeSymbol(String normalized) {
        return HuobiSymbols.spotToNative(normalized);
    }

    @Override
    public List<LiveStream> streams(String symbol, Set<Channel> channels) {
        String topic = "market." + symbol + ".";
        return LiveStream.forChannels(symbol, channels, topic + "trade.detail", topic + "depth.step0", topic + "bbo");
    }

    /** One topic a message ({@link VenueLimits#maxStreamsPerSubscribe} is 1). */
    @Override
    public String subscribeMessage(List<LiveStream> streams, int id) {
        if (streams.size() != 1) {
            throw new IllegalArgumentException("huobi subscribes one topic a message, got " + streams.size());
        }
        return "{\"sub\":\"" + streams.get(0).name() + "\",\"id\":\"" + id + "\"}";
    }

    @Override
    public VenueLimits limits() {
        return new VenueLimits(100, 1, 10, 5, Duration.ofSeconds(1), 1);
    }

    @Override
    public FrameInflater inflater() {
        return FrameInflater.GZIP;
    }

    /** {@code {"pong":<ms>}} for Huobi's {@code {"ping":<ms>}}; null for any other frame. */
    @Override
    public String replyTo(byte[] payload) {
        if (payload.length > 64 || payload.length < 10 || payload[0] != '{') {
            return null; // not a ping: decided without reading the frame
        }
        Matcher m = PING.matcher(new String(payload, StandardCharsets.UTF_8));
        return m.matches() ? "{\"pong\":" + m.group(1) + "}" : null;
    }

    /** The frame's topic {@code market.<symbol>.<channel>}; null for pings and replies. */
    @Override
    public String streamOf(byte[] payload) {
        String ch = PayloadScan.valueAfter(payload, "\"ch\":\"", '"');
        return ch != null && ch.startsWith("market.") ? ch : null;
    }

    @Override
    public String errorOf(byte[] payload) {
        return "error".equals(PayloadScan.valueAfter(payload, "\"status\":\"", '"'))
                ? new String(payload, StandardCharsets.UTF_8) : null;
    }
}
