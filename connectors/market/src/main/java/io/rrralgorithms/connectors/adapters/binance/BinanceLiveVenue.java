package io.rrralgorithms.connectors.adapters.binance;

import io.rrralgorithms.connectors.adapters.LiveSpec;
import io.rrralgorithms.connectors.adapters.LiveSubscriptions;
import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.venues.Channel;
import io.rrralgorithms.connectors.venues.LiveStream;
import io.rrralgorithms.connectors.venues.VenueLimits;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Binance spot ({@code binance-spot}), Binance US ({@code binance-us}), Binance TR ({@code binance-tr}),
 * USDⓈ-M ({@code binance-usdm}) and COIN-M futures ({@code binance-coinm}) market streams.
 *
 * <ul>
 *   <li>Endpoint: the combined-stream endpoint {@code /stream}, so every frame comes as
 *       {@code {"stream":"btcusdt@trade","data":{…}}} exactly as the recorded captures;
 *       streams are added with {@code {"method":"SUBSCRIBE","params":[…],"id":N}}.
 *   <li>Streams per symbol: trades {@code <s>@trade} (spot, US) / {@code <s>@aggTrade} (futures, the
 *       only documented futures trade stream; TR, as recorded), book {@code <s>@depth@100ms}, BBO
 *       {@code <s>@bookTicker}.
 *   <li>Heartbeat: none of the application's; the server pings (spot every 20 s) and the
 *       client (the capture service's WebSocketClient) answers each with a pong at once.
 *   <li>Book: diffs need a REST snapshot on every (re)connect: spot and US
 *       {@code /api/v3/depth?symbol=X&limit=1000} (TR on {@code api.binance.me}), USDⓈ-M {@code /fapi/v1/depth?symbol=X&limit=1000},
 *       COIN-M {@code /dapi/v1/depth?symbol=X&limit=1000},
 *       fetched after the symbol's first diff arrived on the connection, and fetched again while
 *       its {@code lastUpdateId + 1} is below that diff's {@code U} (it could never bridge).
 *   <li>Limits (published: 1024 streams per connection, 300 connections per 5 min per IP;
 *       incoming messages 5/s spot, 10/s futures, pings and pongs included): 1024 streams per
 *       connection, 200 streams per SUBSCRIBE, 4 (spot) / 9 (futures) messages per second so that
 *       a pong fits, 300 connects per 5 min; snapshots 5/s spot (weight 10 each of 6000/min),
 *       1/s futures (weight 20 each of 2400/min). Binance US: as spot, its REST weight 1200/min
 *       (2 snapshots a second); Binance TR as US (no published numbers). COIN-M: 200 streams per connection (its published limit), 10
 *       messages a second (9 paced), snapshots 1/s (weight 20 of 2400/min).
 *   <li>Symbols ({@link BinanceSymbols#toNative}): {@code BTC-USDT} → {@code BTCUSDT}; futures {@code BTC-USDT-PERP} →
 *       {@code BTCUSDT}, dated {@code BTC-USDT-240927} → {@code BTCUSDT_240927}.
 * </ul>
 */
public final class BinanceLiveVenue extends LiveSpec {

    private final String tradeStream;

    private BinanceLiveVenue(String feed, BinanceMarket market, String endpoint, String restBase, String depthPath,
            String tradeStream, VenueLimits limits) {
        super(declare(feed, endpoint, limits).symbols(s -> BinanceSymbols.toNative(s, market, feed))
                .restSnapshots(new RestSnapshots(restBase, depthPath + "?symbol=", "&limit=1000", null, "U", "lastUpdateId")));
        this.tradeStream = tradeStream;
    }

    private static BinanceLiveVenue spotLike(String feed, String endpoint, String restBase, String tradeStream,
            int snapshotsPerSecond) {
        return new BinanceLiveVenue(feed, BinanceMarket.SPOT, endpoint, restBase, "/api/v3/depth", tradeStream,
                new VenueLimits(1024, 200, 4, 300, Duration.ofMinutes(5), snapshotsPerSecond));
    }

    public static BinanceLiveVenue spot() {
        return spotLike(BinanceVenue.SPOT_FEED, "wss://stream.binance.com:9443/stream", "https://api.binance.com",
                "@trade", 5);
    }

    /** Futures trades from {@code aggTrade}, 9 messages and 1 snapshot a second. */
    private static BinanceLiveVenue futures(String feed, BinanceMarket market, String host, String api,
            int streamsPerConnection) {
        return new BinanceLiveVenue(feed, market, "wss://" + host + "/stream", "https://" + api + ".binance.com",
                "/" + api + "/v1/depth", "@aggTrade",
                new VenueLimits(streamsPerConnection, 200, 9, 300, Duration.ofMinutes(5), 1));
    }

    public static BinanceLiveVenue usdm() {
        return futures(BinanceVenue.USDM_FEED, BinanceMarket.USDM_FUTURES, "fstream.binance.com", "fapi", 1024);
    }

    public static BinanceLiveVenue us() {
        return spotLike(BinanceVenue.US_FEED, "wss://stream.binance.us:9443/stream", "https://api.binance.us", "@trade", 2);
    }

    /**
     * Binance TR: its own socket ({@code stream-cloud.trbinance.com}, the recorded session's) and the
     * {@code binance.me} depth snapshots the recorded session fetched; trades from {@code aggTrade},
     * the stream the recorded session subscribed.
     */
    public static BinanceLiveVenue tr() {
        return spotLike(BinanceVenue.TR_FEED, "wss://stream-cloud.trbinance.com/stream", "https://api.binance.me",
                "@aggTrade", 2);
    }

    public static BinanceLiveVenue coinm() {
        return futures(BinanceVenue.COINM_FEED, BinanceMarket.COINM_FUTURES, "dstream.binance.com", "dapi", 200);
    }

    @Override
    public List<LiveStream> streams(String nativeSymbol, Set<Channel> channels) {
        String s = nativeSymbol.toLowerCase(Locale.ROOT);
        return LiveStream.forChannels(nativeSymbol, channels, s + tradeStream, s + "@depth@100ms", s + "@bookTicker");
    }

    @Override
    public String subscribeMessage(List<LiveStream> streams, int id) {
        return "{\"method\":\"SUBSCRIBE\",\"params\":[" + LiveSubscriptions.quoted(streams, LiveStream::name) + "],\"id\":"
                + id + "}";
    }

    @Override
    public String streamOf(byte[] payload) {
        return PayloadScan.valueAfter(payload, "\"stream\":\"", '"');
    }

    @Override
    public String errorOf(byte[] payload) {
        String s = LiveSubscriptions.smallText(payload, 4096);
        return s != null && (s.startsWith("{\"error\"") || s.startsWith("{\"code\"") && s.contains("\"msg\"")) ? s : null;
    }

    /** The symbol of a {@code <s>@depth} or {@code <s>@depth@100ms} frame; not of the partial {@code depth5/10/20}. */
    @Override
    public String bookDiffSymbol(byte[] payload) {
        String stream = streamOf(payload);
        int at = stream == null ? -1 : stream.indexOf('@');
        if (at <= 0) {
            return null;
        }
        String type = stream.substring(at + 1);
        return type.equals("depth") || type.startsWith("depth@") ? stream.substring(0, at).toUpperCase(Locale.ROOT)
                : null;
    }
}
