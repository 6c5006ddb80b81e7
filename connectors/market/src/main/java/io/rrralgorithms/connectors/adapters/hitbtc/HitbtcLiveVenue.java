package io.rrralgorithms.connectors.adapters.hitbtc;

import io.rrralgorithms.connectors.adapters.LiveSpec;
import io.rrralgorithms.connectors.adapters.LiveSubscriptions;
import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.venues.LiveStream;
import io.rrralgorithms.connectors.venues.VenueLimits;
import java.time.Duration;
import java.util.List;

/**
 * The public WebSocket of HitBTC ({@code hitbtc}), Bequant ({@code bequant}) and FMFW.io
 * ({@code fmfw}), one exchange software: no key needed. Each feed speaks the API version of its
 * recorded session, which is the one its symbols ({@link HitbtcSymbols}) are written in:
 *
 * <ul>
 *   <li>HitBTC {@code wss://api.hitbtc.com/api/2/ws/public} and Bequant
 *       {@code wss://api.bequant.io/api/2/ws/public}, API v2: one message per stream,
 *       {@code {"method":"subscribeOrderbook","params":{"symbol":"ETHBTC"},"id":N}} (also
 *       {@code subscribeTrades}, {@code subscribeTicker} for the BBO); the book comes as a
 *       {@code snapshotOrderbook} with its {@code sequence}, then {@code updateOrderbook}s. (v2
 *       writes USDT as USD, {@code BTCUSD}; HitBTC's v3 spells it {@code BTCUSDT}, a symbol
 *       mapping of its own that these feeds do not have.)
 *   <li>FMFW {@code wss://api.fmfw.io/api/3/ws/public}, API v3: one message per channel naming
 *       its symbols, {@code {"method":"subscribe","params":{"symbols":["BTCUSDT"]},"ch":"orderbook/full",
 *       "id":N}} (also {@code trades}, {@code ticker/1s} for the BBO).
 *   <li>Heartbeat: none of the application's (WebSocket pings are answered by the client).
 *   <li>Limits: not published per connection; 100 streams a connection, 100 symbols a message (v3;
 *       v2 names one), 10 messages a second and 5 connects a second are this service's choice.
 * </ul>
 */
public final class HitbtcLiveVenue extends LiveSpec {
    private final boolean v3;

    private HitbtcLiveVenue(String feed, String endpoint, HitbtcSymbols symbols, boolean v3) {
        super(declare(feed, endpoint, new VenueLimits(100, v3 ? 100 : 1, 10, 5, Duration.ofSeconds(1), 1))
                .batching(v3 ? Batching.PER_CHANNEL : Batching.PER_STREAM).symbols(symbols::toNative)
                .streams("trades:{}", v3 ? "orderbook/full:{}" : "orderbook:{}", v3 ? "ticker/1s:{}" : "ticker:{}")
                .errorContaining("\"error\":{"));
        this.v3 = v3;
    }

    public static HitbtcLiveVenue hitbtc() {
        return new HitbtcLiveVenue(HitbtcVenue.HITBTC_FEED, "wss://api.hitbtc.com/api/2/ws/public",
                HitbtcSymbols.HITBTC, false);
    }

    public static HitbtcLiveVenue bequant() {
        return new HitbtcLiveVenue(HitbtcVenue.BEQUANT_FEED, "wss://api.bequant.io/api/2/ws/public",
                HitbtcSymbols.BEQUANT, false);
    }

    public static HitbtcLiveVenue fmfw() {
        return new HitbtcLiveVenue(HitbtcVenue.FMFW_FEED, "wss://api.fmfw.io/api/3/ws/public", HitbtcSymbols.FMFW, true);
    }

    /** v2: the one stream; v3: the streams of one channel. */
    @Override
    public String subscribeMessage(List<LiveStream> streams, int id) {
        if (v3) {
            return "{\"method\":\"subscribe\",\"params\":{\"symbols\":["
                    + LiveSubscriptions.quoted(streams, LiveStream::nativeSymbol) + "]},\"ch\":\""
                    + LiveSubscriptions.oneChannel(feed(), streams) + "\",\"id\":" + id + "}";
        }
        LiveStream s = LiveSubscriptions.one(feed(), streams);
        String method = switch (s.channel()) {
            case TRADES -> "subscribeTrades";
            case BOOK -> "subscribeOrderbook";
            case BBO -> "subscribeTicker";
            case HEARTBEAT -> throw new IllegalArgumentException("no heartbeat channel on " + feed());
        };
        return "{\"method\":\"" + method + "\",\"params\":{\"symbol\":\"" + s.nativeSymbol() + "\"},\"id\":" + id + "}";
    }

    /** {@code <channel>:<symbol>} of a data frame; null for replies. */
    @Override
    public String streamOf(byte[] payload) {
        String symbol = HitbtcVenue.partitionKey(payload);
        if (symbol == null) {
            return null;
        }
        if (v3) {
            String ch = PayloadScan.valueAfter(payload, "{\"ch\":\"", '"');
            return ch == null ? null : ch + ":" + symbol;
        }
        String method = PayloadScan.valueAfter(payload, "\"method\":\"", '"');
        if (method == null) {
            return null;
        }
        String channel = method.endsWith("Orderbook") ? "orderbook" : method.endsWith("Trades") ? "trades"
                : method.equals("ticker") ? "ticker" : null;
        return channel == null ? null : channel + ":" + symbol;
    }
}
