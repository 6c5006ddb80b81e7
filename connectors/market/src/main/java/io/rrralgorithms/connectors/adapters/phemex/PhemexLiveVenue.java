package io.rrralgorithms.connectors.adapters.phemex;

import io.rrralgorithms.connectors.adapters.LiveSpec;
import io.rrralgorithms.connectors.adapters.LiveSubscriptions;
import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.venues.LiveStream;
import io.rrralgorithms.connectors.venues.VenueLimits;
import java.time.Duration;
import java.util.List;

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
public final class PhemexLiveVenue extends LiveSpec {
    static final String PING = "{\"id\":0,\"method\":\"server.ping\",\"params\":[]}";
    /** Phemex writes keys in alphabetical order: a trade message starts with its sequence ({@code {"sequence":S,"symbol":X,"trades":…}}). */
    private static final String TRADES_MESSAGE = "{\"sequence\":";

    public PhemexLiveVenue() {
        super(declare(PhemexVenue.FEED, "wss://ws.phemex.com", new VenueLimits(20, 1, 10, 5, Duration.ofMinutes(1), 1))
                .batching(Batching.PER_STREAM).heartbeat(PING, Duration.ofSeconds(5))
                .symbols(PhemexSymbols::toNative).streams("trade:{}", "orderbook:{}", null));
    }

    /** One stream a message (the limits say so): {@code {"id":N,"method":"<channel>.subscribe","params":[SYMBOL]}}. */
    @Override
    public String subscribeMessage(List<LiveStream> streams, int id) {
        LiveStream s = LiveSubscriptions.one(feed(), streams);
        return "{\"id\":" + id + ",\"method\":\"" + LiveSubscriptions.channelOf(s) + ".subscribe\",\"params\":[\""
                + s.nativeSymbol() + "\"]}";
    }

    /** {@code orderbook:<symbol>} for a book message, {@code trade:<symbol>} for trades; null for replies. */
    @Override
    public String streamOf(byte[] payload) {
        String symbol = PayloadScan.valueAfter(payload, "\"symbol\":\"", '"');
        if (symbol == null) {
            return null;
        }
        if (startsWith(payload, "{\"book\":")) {
            return "orderbook:" + symbol;
        }
        return startsWith(payload, TRADES_MESSAGE) ? "trade:" + symbol : null;
    }

    private static boolean startsWith(byte[] payload, String prefix) {
        if (payload.length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (payload[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** A reply whose {@code error} is an object ({@code {"error":{"code":6001,...},"id":1,"result":null}}). */
    @Override
    public String errorOf(byte[] payload) {
        return startsWith(payload, "{\"error\":{") ? LiveSubscriptions.smallText(payload, 4096) : null;
    }
}
