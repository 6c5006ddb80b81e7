package io.rrralgorithms.connectors.adapters.binance;

import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.venues.Channel;
import io.rrralgorithms.connectors.venues.LiveStream;
import io.rrralgorithms.connectors.venues.LiveVenue;
import io.rrralgorithms.connectors.venues.VenueLimits;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Binance spot ({@code binance-spot}), Binance US ({@code binance-us}), USDⓈ-M ({@code binance-usdm})
 * and COIN-M futures ({@code binance-coinm}) market streams.
 *
 * <ul>
 *   <li>Endpoint: the combined-stream endpoint {@code /stream}, so every frame comes as
 *       {@code {"stream":"btcusdt@trade","data":{…}}} exactly as the recorded captures;
 *       streams are added with {@code {"method":"SUBSCRIBE","params":[…],"id":N}}.
 *   <li>Streams per symbol: trades {@code <s>@trade} (spot) / {@code <s>@aggTrade} (futures, the
 *       only documented futures trade stream), book {@code <s>@depth@100ms}, BBO
 *       {@code <s>@bookTicker}.
 *   <li>Heartbeat: none of the application's; the server pings (spot every 20 s) and the
 *       client (the capture service's WebSocketClient) answers each with a pong at once.
 *   <li>Book: diffs need a REST snapshot on every (re)connect: spot and US
 *       {@code /api/v3/depth?symbol=X&limit=1000}, USDⓈ-M {@code /fapi/v1/depth?symbol=X&limit=1000},
 *       COIN-M {@code /dapi/v1/depth?symbol=X&limit=1000},
 *       fetched after the symbol's first diff arrived on the connection, and fetched again while
 *       its {@code lastUpdateId + 1} is below that diff's {@code U} (it could never bridge).
 *   <li>Limits (published: 1024 streams per connection, 300 connections per 5 min per IP;
 *       incoming messages 5/s spot, 10/s futures, pings and pongs included): 1024 streams per
 *       connection, 200 streams per SUBSCRIBE, 4 (spot) / 9 (futures) messages per second so that
 *       a pong fits, 300 connects per 5 min; snapshots 5/s spot (weight 10 each of 6000/min),
 *       1/s futures (weight 20 each of 2400/min). Binance US: as spot, its REST weight 1200/min
 *       (2 snapshots a second). COIN-M: 200 streams per connection (its published limit), 10
 *       messages a second (9 paced), snapshots 1/s (weight 20 of 2400/min).
 *   <li>Symbols ({@link BinanceSymbols#toNative}): {@code BTC-USDT} → {@code BTCUSDT}; futures {@code BTC-USDT-PERP} →
 *       {@code BTCUSDT}, dated {@code BTC-USDT-240927} → {@code BTCUSDT_240927}.
 * </ul>
 */
public final class BinanceLiveVenue implements LiveVenue {

    private final String feed;
    private final BinanceMarket market;
    private final String endpoint;
    private final String restBase;
    private final String depthPath;
    private final VenueLimits limits;

    private BinanceLiveVenue(String feed, BinanceMarket market, String endpoint, String restBase, String depthPath,
            VenueLimits limits) {
        this.feed = feed;
        this.market = market;
        this.endpoint = endpoint;
        this.restBase = restBase;
        this.depthPath = depthPath;
        this.limits = limits;
    }

    public static BinanceLiveVenue spot() {
        return new BinanceLiveVenue(BinanceVenue.SPOT_FEED, BinanceMarket.SPOT, "wss://stream.binance.com:9443/stream",
                "https://api.binance.com", "/api/v3/depth",
                new VenueLimits(1024, 200, 4, 300, Duration.ofMinutes(5), 5));
    }

    public static BinanceLiveVenue usdm() {
        return new BinanceLiveVenue(BinanceVenue.USDM_FEED, BinanceMarket.USDM_FUTURES, "wss://fstream.binance.com/stream",
                "https://fapi.binance.com", "/fapi/v1/depth",
                new VenueLimits(1024, 200, 9, 300, Duration.ofMinutes(5), 1));
    }

    public static BinanceLiveVenue us() {
        return new BinanceLiveVenue(BinanceVenue.US_FEED, BinanceMarket.SPOT, "wss://stream.binance.us:9443/stream",
                "https://api.binance.us", "/api/v3/depth", new VenueLimits(1024, 200, 4, 300, Duration.ofMinutes(5), 2));
    }

    public static BinanceLiveVenue coinm() {
        return new BinanceLiveVenue(BinanceVenue.COINM_FEED, BinanceMarket.COINM_FUTURES, "wss://dstream.binance.com/stream",
                "https://dapi.binance.com", "/dapi/v1/depth", new VenueLimits(200, 200, 9, 300, Duration.ofMinutes(5), 1));
    }

    @Override
    public String feed() {
        return feed;
    }

    @Override
    public String defaultEndpoint() {
        return endpoint;
    }

    @Override
    public String nativeSymbol(String normalized) {
        return BinanceSymbols.toNative(normalized, market, feed);
    }

    @Override
    public List<LiveStream> streams(String nativeSymbol, Set<Channel> channels) {
        String s = nativeSymbol.toLowerCase(Locale.ROOT);
        return LiveStream.forChannels(nativeSymbol, channels, s + (market.isFutures() ? "@aggTrade" : "@trade"), s + "@depth@100ms",
                s + "@bookTicker");
    }

    @Override
    public String subscribeMessage(List<LiveStream> streams, int id) {
        StringBuilder b = new StringBuilder("{\"method\":\"SUBSCRIBE\",\"params\":[");
        for (int i = 0; i < streams.size(); i++) {
            b.append(i == 0 ? "" : ",").append('"').append(streams.get(i).name()).append('"');
        }
        return b.append("],\"id\":").append(id).append('}').toString();
    }

    @Override
    public VenueLimits limits() {
        return limits;
    }

    @Override
    public String streamOf(byte[] payload) {
        return PayloadScan.valueAfter(payload, "\"stream\":\"", '"');
    }

    @Override
    public String errorOf(byte[] payload) {
        if (payload.length > 4096) {
            return null;
        }
        String s = new String(payload, StandardCharsets.UTF_8);
        return s.startsWith("{\"error\"") || s.startsWith("{\"code\"") && s.contains("\"msg\"") ? s : null;
    }

    @Override
    public String defaultRestBase() {
        return restBase;
    }

    @Override
    public String snapshotPath(String nativeSymbol) {
        return depthPath + "?symbol=" + nativeSymbol + "&limit=1000";
    }

    @Override
    public String bookDiffSymbol(byte[] payload) {
        String stream = streamOf(payload);
        int at = stream == null ? -1 : stream.indexOf('@');
        if (at <= 0) {
            return null;
        }
        String type = stream.substring(at + 1); // depth, depth@100ms; not the partial depth5/10/20
        return type.equals("depth") || type.startsWith("depth@") ? stream.substring(0, at).toUpperCase(Locale.ROOT)
                : null;
    }

    @Override
    public long bookDiffFirstUpdateId(byte[] payload) {
        return parseLong(PayloadScan.valueAfter(payload, "\"U\":", ','));
    }

    @Override
    public long snapshotUpdateId(byte[] body) {
        return parseLong(PayloadScan.valueAfter(body, "\"lastUpdateId\":", ','));
    }

    static long parseLong(String s) {
        if (s == null) {
            return -1;
        }
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
