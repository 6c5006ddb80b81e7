package io.rrralgorithms.connectors.adapters.poloniex;

import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.venues.Channel;
import io.rrralgorithms.connectors.venues.LiveStream;
import io.rrralgorithms.connectors.venues.LiveVenue;
import io.rrralgorithms.connectors.venues.VenueLimits;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * Poloniex public WebSocket, API v3 ({@code poloniex}), {@code wss://ws.poloniex.com/ws/public}. No
 * key needed.
 *
 * <ul>
 *   <li>Channels per symbol: trades {@code trades}, book {@code book_lv2} (20 levels: a snapshot on
 *       subscribing, then updates chained by {@code lastId}/{@code id}, each level leaving the
 *       window deleted explicitly). The {@code book} channel (whole top-N books) is not decoded, so
 *       a BBO asked for is not subscribed.
 *   <li>Subscribe: one message per channel naming its symbols,
 *       {@code {"event":"subscribe","channel":["book_lv2"],"symbols":["BTC_USDT","ETH_USDT"]}}, answered
 *       {@code {"event":"subscribe","channel":"book_lv2","symbols":[...]}}; a failure is
 *       {@code {"event":"error","message":...}}. (One message naming two channels would subscribe
 *       every channel for every symbol named.)
 *   <li>Heartbeat: the server ends a session without a message or ping for 30 s; the client sends
 *       {@code {"event":"ping"}} every 20 s, answered {@code {"event":"pong"}} (the decoder ignores it).
 *   <li>Limits (published: 2,000 connections per IP, 500 requests per second per connection; no
 *       subscription limit): 200 streams per connection, 100 per subscribe, 10 messages per second
 *       and 5 connects per second are this service's choice.
 *   <li>Symbols: {@code BTC-USDT} → {@code BTC_USDT}.
 * </ul>
 */
public final class PoloniexLiveVenue implements LiveVenue {
    static final String PING = "{\"event\":\"ping\"}";

    @Override
    public String feed() {
        return PoloniexVenue.FEED;
    }

    @Override
    public String defaultEndpoint() {
        return "wss://ws.poloniex.com/ws/public";
    }

    @Override
    public String nativeSymbol(String normalized) {
        return PoloniexSymbols.toNative(normalized);
    }

    /** {@code trades:BTC_USDT}, {@code book_lv2:BTC_USDT}; no BBO. */
    @Override
    public List<LiveStream> streams(String nativeSymbol, Set<Channel> channels) {
        List<LiveStream> out = new ArrayList<>();
        if (channels.contains(Channel.TRADES)) {
            out.add(new LiveStream(nativeSymbol, Channel.TRADES, "trades:" + nativeSymbol));
        }
        if (channels.contains(Channel.BOOK)) {
            out.add(new LiveStream(nativeSymbol, Channel.BOOK, "book_lv2:" + nativeSymbol));
        }
        return out;
    }

    /** The streams of one channel (see {@link #subscribeMessages}). */
    @Override
    public String subscribeMessage(List<LiveStream> streams, int id) {
        String channel = channelOf(streams.get(0));
        List<String> symbols = new ArrayList<>();
        for (LiveStream s : streams) {
            if (!channelOf(s).equals(channel)) {
                throw new IllegalArgumentException("poloniex subscribes one channel a message, got " + streams);
            }
            symbols.add("\"" + s.nativeSymbol() + "\"");
        }
        return "{\"event\":\"subscribe\",\"channel\":[\"" + channel + "\"],\"symbols\":[" + String.join(",", symbols) + "]}";
    }

    /** One message per channel of the batch, in the batch's order of channels. */
    @Override
    public List<String> subscribeMessages(List<LiveStream> streams, IntSupplier nextId) {
        Map<String, List<LiveStream>> byChannel = new LinkedHashMap<>();
        for (LiveStream s : streams) {
            byChannel.computeIfAbsent(channelOf(s), c -> new ArrayList<>()).add(s);
        }
        List<String> out = new ArrayList<>();
        for (List<LiveStream> one : byChannel.values()) {
            out.add(subscribeMessage(one, nextId.getAsInt()));
        }
        return out;
    }

    private static String channelOf(LiveStream s) {
        return s.name().substring(0, s.name().indexOf(':'));
    }

    @Override
    public VenueLimits limits() {
        return new VenueLimits(200, 100, 10, 5, Duration.ofSeconds(1), 1);
    }

    @Override
    public String heartbeatMessage() {
        return PING;
    }

    @Override
    public Duration heartbeatInterval() {
        return Duration.ofSeconds(20);
    }

    /** {@code <channel>:<symbol>} of a data message; null for acknowledgements and pongs. */
    @Override
    public String streamOf(byte[] payload) {
        String channel = PayloadScan.valueAfter(payload, "{\"channel\":\"", '"');
        String symbol = channel == null ? null : PayloadScan.valueAfter(payload, "\"symbol\":\"", '"');
        return symbol == null ? null : channel + ":" + symbol;
    }

    @Override
    public String errorOf(byte[] payload) {
        return "error".equals(PayloadScan.valueAfter(payload, "\"event\":\"", '"'))
                ? new String(payload, StandardCharsets.UTF_8) : null;
    }
}
