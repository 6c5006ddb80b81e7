package io.rrralgorithms.connectors.adapters.ascendex;

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
 * AscendEX public WebSocket, spot ({@code ascendex}, {@code wss://ascendex.com/1/api/pro/v1/stream})
 * and USDT perpetuals ({@code ascendex-futures}, {@code wss://ascendex.com/api/pro/v2/stream}). No
 * key needed.
 *
 * <ul>
 *   <li>Channels per symbol: trades {@code trades:SYM}, book {@code depth:SYM}; no BBO is decoded
 *       (the {@code bbo} channel), so a BBO asked for is not subscribed.
 *   <li>Subscribe: one message per channel naming its symbols, {@code {"op":"sub","ch":"depth:BTC/USDT,ETH/USDT"}},
 *       answered {@code {"m":"sub","ch":"depth:BTC/USDT","code":0}} per symbol; then, per book, the
 *       snapshot the diffs start from, asked on the same connection:
 *       {@code {"op":"req","action":"depth-snapshot","args":{"symbol":"BTC/USDT"}}} (answered
 *       {@code depth-snapshot}, at its {@code seqnum}).
 *   <li>Heartbeat: the server sends {@code {"m":"ping","hp":3}} every 15 s and closes a
 *       connection silent for 30 s; each ping is answered {@code {"op":"pong"}} ({@link #replyTo}), and
 *       the client pings {@code {"op":"ping"}} every 15 s itself (answered {@code {"m":"pong",...}},
 *       which the decoder ignores).
 *   <li>Limits (not published as numbers): 100 streams per connection, 50 per subscribe, 10
 *       messages per second and 5 connects per second are this service's choice.
 *   <li>Symbols: {@code BTC-USDT} → {@code BTC/USDT}, {@code BTC-USDT-PERP} → {@code BTC-PERP}.
 * </ul>
 */
public final class AscendexLiveVenue implements LiveVenue {
    static final String PING = "{\"op\":\"ping\"}";
    private final String feed;
    private final String endpoint;

    private AscendexLiveVenue(String feed, String endpoint) {
        this.feed = feed;
        this.endpoint = endpoint;
    }

    public static AscendexLiveVenue spot() {
        return new AscendexLiveVenue(AscendexVenue.FEED, "wss://ascendex.com/1/api/pro/v1/stream");
    }

    public static AscendexLiveVenue futures() {
        return new AscendexLiveVenue(AscendexVenue.FUTURES_FEED, "wss://ascendex.com/api/pro/v2/stream");
    }

    @Override
    public String feed() {
        return feed;
    }

    @Override
    public String defaultEndpoint() {
        return endpoint;
    }

    /** The feed's own kind only: a spot pair on the spot feed, a perpetual on the futures one. */
    @Override
    public String nativeSymbol(String normalized) {
        String nativeSymbol = AscendexSymbols.toNative(normalized);
        if (nativeSymbol.endsWith("-PERP") != feed.equals(AscendexVenue.FUTURES_FEED)) {
            throw new IllegalArgumentException(feed + ": '" + normalized + "' is not an instrument of this feed");
        }
        return nativeSymbol;
    }

    @Override
    public List<LiveStream> streams(String nativeSymbol, Set<Channel> channels) {
        List<LiveStream> out = new ArrayList<>();
        if (channels.contains(Channel.TRADES)) {
            out.add(new LiveStream(nativeSymbol, Channel.TRADES, "trades:" + nativeSymbol));
        }
        if (channels.contains(Channel.BOOK)) {
            out.add(new LiveStream(nativeSymbol, Channel.BOOK, "depth:" + nativeSymbol));
        }
        return out;
    }

    /** The streams of one channel: {@code {"op":"sub","ch":"<channel>:<sym>,<sym>"}}. */
    @Override
    public String subscribeMessage(List<LiveStream> streams, int id) {
        String channel = channelOf(streams.get(0));
        List<String> symbols = new ArrayList<>();
        for (LiveStream s : streams) {
            if (!channelOf(s).equals(channel)) {
                throw new IllegalArgumentException(feed + " subscribes one channel a message, got " + streams);
            }
            symbols.add(s.nativeSymbol());
        }
        return "{\"op\":\"sub\",\"ch\":\"" + channel + ":" + String.join(",", symbols) + "\"}";
    }

    /** One message per channel of the batch, then a {@code depth-snapshot} request per book. */
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
        for (LiveStream s : byChannel.getOrDefault("depth", List.of())) {
            out.add("{\"op\":\"req\",\"action\":\"depth-snapshot\",\"args\":{\"symbol\":\"" + s.nativeSymbol() + "\"}}");
        }
        return out;
    }

    private static String channelOf(LiveStream s) {
        return s.name().substring(0, s.name().indexOf(':'));
    }

    @Override
    public VenueLimits limits() {
        return new VenueLimits(100, 50, 10, 5, Duration.ofSeconds(1), 1);
    }

    @Override
    public String heartbeatMessage() {
        return PING;
    }

    @Override
    public Duration heartbeatInterval() {
        return Duration.ofSeconds(15);
    }

    @Override
    public String replyTo(byte[] payload) {
        return "ping".equals(PayloadScan.valueAfter(payload, "{\"m\":\"", '"')) ? "{\"op\":\"pong\"}" : null;
    }

    /** {@code depth:<sym>} (snapshots too) or {@code trades:<sym>}; null for acknowledgements and pings. */
    @Override
    public String streamOf(byte[] payload) {
        String m = PayloadScan.valueAfter(payload, "{\"m\":\"", '"');
        String symbol = m == null ? null : PayloadScan.valueAfter(payload, "\"symbol\":\"", '"');
        if (symbol == null) {
            return null;
        }
        return (m.equals("trades") ? "trades:" : "depth:") + symbol;
    }

    @Override
    public String errorOf(byte[] payload) {
        String m = PayloadScan.valueAfter(payload, "{\"m\":\"", '"');
        boolean refused = "error".equals(m)
                || "sub".equals(m) && !"0".equals(PayloadScan.valueAfter(payload, "\"code\":", '}'));
        return refused ? new String(payload, StandardCharsets.UTF_8) : null;
    }
}
