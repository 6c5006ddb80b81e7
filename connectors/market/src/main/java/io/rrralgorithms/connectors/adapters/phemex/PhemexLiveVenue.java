package io.rrralgorithms.connectors.adapters.phemex;

import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.venues.Channel;
import io.rrralgorithms.connectors.venues.LiveStream;
import io.rrralgorithms.connectors.venues.LiveVenue;
import io.rrralgorithms.connectors.venues.VenueLimits;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Phemex public WebSocket ({@code phemex}), {@code wss://ws.phemex.com} (the capture's
 * {@code wss://phemex.com/ws} is the older name of the same gateway). No key needed.
 *
 * <ul>
 *   <li>Channels per symbol: trades {@code trade.subscribe}, book {@code orderbook.subscribe} (30
 *       levels: a snapshot on subscribing, then incremental messages, each level that leaves the
 *       window deleted explicitly). There is no BBO channel: a BBO asked for is not subscribed (the
 *       book's top carries it).
 *   <li>Subscribe: one message per channel and symbol, {@code {"id":N,"method":"orderbook.subscribe",
 *       "params":["BTCUSD"]}}, answered {@code {"error":null,"id":N,"result":{"status":"success"}}}.
 *   <li>Heartbeat: the gateway drops a connection without a ping for 30 s; the client sends
 *       {@code {"id":0,"method":"server.ping","params":[]}} every 5 s (the documented interval),
 *       answered {@code {"error":null,"id":0,"result":"pong"}} (the decoder ignores it).
 *   <li>Limits (published: 20 subscriptions per connection, more drop the connection; cryptofeed
 *       keeps to 5 connections per IP): 20 streams per connection, 1 per subscribe; 10 messages per
 *       second and 5 connects per minute are this service's choice.
 *   <li>Symbols: {@link PhemexSymbols#toNative} ({@code BTC-USD-PERP} → {@code BTCUSD},
 *       {@code BTC-USDT} → {@code sBTCUSDT}).
 * </ul>
 */
public final class PhemexLiveVenue implements LiveVenue {
    static final String PING = "{\"id\":0,\"method\":\"server.ping\",\"params\":[]}";
    private static final byte[] BOOK_MESSAGE = "{\"book\":".getBytes(StandardCharsets.US_ASCII);
    /** Phemex writes keys in alphabetical order: a trade message starts with its sequence ({@code {"sequence":S,"symbol":X,"trades":…}}). */
    private static final byte[] TRADES_MESSAGE = "{\"sequence\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ERROR_REPLY = "{\"error\":{".getBytes(StandardCharsets.US_ASCII);

    @Override
    public String feed() {
        return PhemexVenue.FEED;
    }

    @Override
    public String defaultEndpoint() {
        return "wss://ws.phemex.com";
    }

    @Override
    public String nativeSymbol(String normalized) {
        return PhemexSymbols.toNative(normalized);
    }

    /** {@code trade:BTCUSD}, {@code orderbook:BTCUSD}; no BBO channel exists. */
    @Override
    public List<LiveStream> streams(String nativeSymbol, Set<Channel> channels) {
        List<LiveStream> out = new ArrayList<>();
        if (channels.contains(Channel.TRADES)) {
            out.add(new LiveStream(nativeSymbol, Channel.TRADES, "trade:" + nativeSymbol));
        }
        if (channels.contains(Channel.BOOK)) {
            out.add(new LiveStream(nativeSymbol, Channel.BOOK, "orderbook:" + nativeSymbol));
        }
        return out;
    }

    /** One stream a message (the limits say so): {@code {"id":N,"method":"<channel>.subscribe","params":[SYMBOL]}}. */
    @Override
    public String subscribeMessage(List<LiveStream> streams, int id) {
        if (streams.size() != 1) {
            throw new IllegalArgumentException("phemex subscribes one stream a message, got " + streams);
        }
        LiveStream s = streams.get(0);
        String channel = s.name().substring(0, s.name().indexOf(':'));
        return "{\"id\":" + id + ",\"method\":\"" + channel + ".subscribe\",\"params\":[\"" + s.nativeSymbol() + "\"]}";
    }

    @Override
    public VenueLimits limits() {
        return new VenueLimits(20, 1, 10, 5, Duration.ofMinutes(1), 1);
    }

    @Override
    public String heartbeatMessage() {
        return PING;
    }

    @Override
    public Duration heartbeatInterval() {
        return Duration.ofSeconds(5);
    }

    /** {@code orderbook:<symbol>} for a book message, {@code trade:<symbol>} for trades; null for replies. */
    @Override
    public String streamOf(byte[] payload) {
        String symbol = PayloadScan.valueAfter(payload, "\"symbol\":\"", '"');
        if (symbol == null) {
            return null;
        }
        if (startsWith(payload, BOOK_MESSAGE)) {
            return "orderbook:" + symbol;
        }
        return startsWith(payload, TRADES_MESSAGE) ? "trade:" + symbol : null;
    }

    private static boolean startsWith(byte[] payload, byte[] prefix) {
        if (payload.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (payload[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** A reply whose {@code error} is an object ({@code {"error":{"code":6001,...},"id":1,"result":null}}). */
    @Override
    public String errorOf(byte[] payload) {
        return startsWith(payload, ERROR_REPLY) ? new String(payload, StandardCharsets.UTF_8) : null;
    }
}
