package io.rrralgorithms.connectors.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rrralgorithms.connectors.adapters.binance.BinanceLiveVenue;
import io.rrralgorithms.connectors.adapters.coinbase.CoinbaseLiveVenue;
import io.rrralgorithms.connectors.venues.Channel;
import io.rrralgorithms.connectors.venues.FrameInflater;
import io.rrralgorithms.connectors.venues.LiveStream;
import io.rrralgorithms.connectors.venues.LiveVenue;
import io.rrralgorithms.connectors.venues.Venues;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The venues' live specifics on real recorded frames, and the inflaters. */
class LiveVenueTest {
    // real frames of the Binance spot capture (binance-spot/btcusdt_20240808.gz) and a depth snapshot
    private static final byte[] DEPTH = bytes("{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\","
            + "\"E\":1723161255208,\"s\":\"BTCUSDT\",\"U\":50093239189,\"u\":50093239202,\"b\":[[\"61737.63000000\","
            + "\"0.00000000\"]],\"a\":[]}}");
    private static final byte[] TRADE = bytes("{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1723161255343,"
            + "\"s\":\"BTCUSDT\",\"t\":3735683259,\"p\":\"61837.63000000\",\"q\":\"0.02000000\",\"T\":1723161255342,"
            + "\"m\":true,\"M\":true}}");
    private static final byte[] SNAPSHOT = bytes("{\"lastUpdateId\":50093239218,\"bids\":[[\"61837.63000000\","
            + "\"3.78826000\"]],\"asks\":[]}");
    // real frames of the Coinbase capture (cryptofeed COINBASE.ws.28.0)
    private static final byte[] L2UPDATE = bytes("{\"type\":\"l2update\",\"product_id\":\"SKL-BTC\",\"changes\":"
            + "[[\"sell\",\"0.00001306\",\"660.5\"]],\"time\":\"2021-04-17T16:43:37.075687Z\"}");
    private static final byte[] MATCH = bytes("{\"type\":\"match\",\"trade_id\":280232,\"side\":\"sell\",\"size\":\"985\","
            + "\"price\":\"0.00001305\",\"product_id\":\"SKL-BTC\",\"sequence\":177100030,"
            + "\"time\":\"2021-04-17T16:43:37.089723Z\"}");

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void binanceSpot() {
        LiveVenue v = BinanceLiveVenue.spot();
        assertEquals("BTCUSDT", v.nativeSymbol("BTC-USDT"));
        assertEquals("ETHBTC", v.nativeSymbol("eth-btc"));
        assertThrows(IllegalArgumentException.class, () -> v.nativeSymbol("BTC-USDT-PERP"));
        assertEquals(List.of("btcusdt@trade", "btcusdt@depth@100ms", "btcusdt@bookTicker"),
                v.streams("BTCUSDT", Set.of(Channel.BBO, Channel.BOOK, Channel.TRADES)).stream()
                        .map(LiveStream::name).toList());
        assertEquals("https://api.binance.com", v.defaultRestBase());
        assertEquals("/api/v3/depth?symbol=BTCUSDT&limit=1000", v.snapshotPath("BTCUSDT"));

        assertEquals("btcusdt@depth@100ms", v.streamOf(DEPTH));
        assertEquals("BTCUSDT", v.bookDiffSymbol(DEPTH));
        assertEquals(50093239189L, v.bookDiffFirstUpdateId(DEPTH));
        assertEquals("BTCUSDT", v.partitionKey(DEPTH)); // the adapter's key, as in a replay
        assertEquals("btcusdt@trade", v.streamOf(TRADE));
        assertNull(v.bookDiffSymbol(TRADE));
        assertEquals(50093239218L, v.snapshotUpdateId(SNAPSHOT));
        assertNull(v.streamOf(bytes("{\"result\":null,\"id\":1}")));
        assertNull(v.errorOf(bytes("{\"result\":null,\"id\":1}")));
        assertEquals("{\"error\":{\"code\":2,\"msg\":\"Invalid request\"},\"id\":1}",
                v.errorOf(bytes("{\"error\":{\"code\":2,\"msg\":\"Invalid request\"},\"id\":1}")));
        assertNull(v.bookDiffSymbol(bytes("{\"stream\":\"btcusdt@depth5@100ms\",\"data\":{}}"))); // partial depth
    }

    @Test
    void binanceUsdm() {
        LiveVenue v = BinanceLiveVenue.usdm();
        assertEquals("BTCUSDT", v.nativeSymbol("BTC-USDT-PERP"));
        assertEquals("BTCUSDT_240927", v.nativeSymbol("BTC-USDT-240927"));
        assertThrows(IllegalArgumentException.class, () -> v.nativeSymbol("BTC-USDT"));
        assertEquals(List.of("btcusdt@aggTrade", "btcusdt@depth@100ms"),
                v.streams("BTCUSDT", Set.of(Channel.BOOK, Channel.TRADES)).stream().map(LiveStream::name).toList());
        assertEquals("https://fapi.binance.com/fapi/v1/depth?symbol=BTCUSDT&limit=1000",
                v.defaultRestBase() + v.snapshotPath("BTCUSDT"));
        assertEquals("wss://fstream.binance.com/stream", v.defaultEndpoint());
    }

    @Test
    void coinbase() {
        LiveVenue v = new CoinbaseLiveVenue();
        assertEquals("BTC-USD", v.nativeSymbol("btc-usd"));
        assertThrows(IllegalArgumentException.class, () -> v.nativeSymbol("BTCUSD"));
        assertEquals("level2_batch:SKL-BTC", v.streamOf(L2UPDATE));
        assertEquals("matches:SKL-BTC", v.streamOf(MATCH));
        assertEquals("SKL-BTC", v.partitionKey(MATCH));
        assertNull(v.streamOf(bytes("{\"type\":\"subscriptions\",\"channels\":[]}")));
        assertNull(v.defaultRestBase()); // snapshots come on the socket
        assertEquals("{\"type\":\"error\",\"message\":\"Failed to subscribe\"}",
                v.errorOf(bytes("{\"type\":\"error\",\"message\":\"Failed to subscribe\"}")));
        assertEquals("{\"type\":\"subscribe\",\"channels\":[{\"name\":\"level2_batch\",\"product_ids\":[\"BTC-USD\"]},"
                        + "{\"name\":\"heartbeat\",\"product_ids\":[\"BTC-USD\"]}]}",
                v.subscribeMessage(v.streams("BTC-USD", Set.of(Channel.BOOK)), 1));
    }

    @Test
    void kraken() throws Exception {
        LiveVenue v = Venues.liveForFeed("kraken");
        assertEquals("XBT/USD", v.nativeSymbol("BTC-USD"));
        assertEquals("XDG/EUR", v.nativeSymbol("DOGE-EUR"));
        assertEquals("XMR/USD", v.nativeSymbol("xmr-usd"));
        assertThrows(IllegalArgumentException.class, () -> v.nativeSymbol("BTC-USD-PERP"));
        List<LiveStream> streams = v.streams("XBT/USD", Set.of(Channel.TRADES, Channel.BOOK, Channel.BBO));
        assertEquals(List.of("trade:XBT/USD", "book-1000:XBT/USD", "spread:XBT/USD"),
                streams.stream().map(LiveStream::name).toList());
        int[] id = {0};
        assertEquals(List.of(
                "{\"event\":\"subscribe\",\"reqid\":1,\"pair\":[\"XBT/USD\"],\"subscription\":{\"name\":\"trade\"}}",
                "{\"event\":\"subscribe\",\"reqid\":2,\"pair\":[\"XBT/USD\"],\"subscription\":{\"name\":\"book\",\"depth\":1000}}",
                "{\"event\":\"subscribe\",\"reqid\":3,\"pair\":[\"XBT/USD\"],\"subscription\":{\"name\":\"spread\"}}"),
                v.subscribeMessages(streams, () -> ++id[0]));
        // real frames of the Kraken capture (cryptofeed KRAKEN.ws.48.0)
        byte[] trade = bytes("[993,[[\"354.11000000\",\"0.89594024\",\"1618678142.557535\",\"s\",\"l\",\"\"]],\"trade\",\"XMR/USD\"]");
        assertEquals("trade:XMR/USD", v.streamOf(trade));
        byte[] book = bytes("[1360,{\"a\":[[\"0.000022900\",\"1.0\",\"1618678123.481570\"]],\"c\":\"974942666\"},\"book-1000\",\"SC/USD\"]");
        assertEquals("book-1000:SC/USD", v.streamOf(book));
        assertNull(v.streamOf(bytes("{\"event\":\"heartbeat\"}")));
        assertEquals("{\"event\":\"subscriptionStatus\",\"status\":\"error\",\"errorMessage\":\"Currency pair not supported\"}",
                v.errorOf(bytes("{\"event\":\"subscriptionStatus\",\"status\":\"error\",\"errorMessage\":\"Currency pair not supported\"}")));
        assertNull(v.heartbeatMessage());
    }

    @Test
    void okx() throws Exception {
        LiveVenue v = Venues.liveForFeed("okx");
        assertEquals("BTC-USDT", v.nativeSymbol("BTC-USDT"));
        assertEquals("BTC-USDT-SWAP", v.nativeSymbol("BTC-USDT-PERP"));
        assertEquals("BTC-USD-220527", v.nativeSymbol("BTC-USD-220527"));
        assertThrows(IllegalArgumentException.class, () -> v.nativeSymbol("BTCUSDT"));
        List<LiveStream> streams = v.streams("BTC-USDT", Set.of(Channel.TRADES, Channel.BOOK, Channel.BBO));
        assertEquals("{\"op\":\"subscribe\",\"args\":[{\"channel\":\"trades\",\"instId\":\"BTC-USDT\"},"
                + "{\"channel\":\"books\",\"instId\":\"BTC-USDT\"},{\"channel\":\"bbo-tbt\",\"instId\":\"BTC-USDT\"}]}",
                v.subscribeMessage(streams, 1));
        assertEquals("ping", v.heartbeatMessage());
        assertEquals(Duration.ofSeconds(20), v.heartbeatInterval());
        // real frames of the OKX capture (cryptofeed OKX.ws.1.0)
        byte[] data = bytes("{\"arg\":{\"channel\":\"tickers\",\"instId\":\"BTC-USD-220527\"},\"data\":[{\"instType\":\"FUTURES\"}]}");
        assertEquals("tickers:BTC-USD-220527", v.streamOf(data));
        assertEquals("BTC-USD-220527", v.partitionKey(data));
        assertNull(v.streamOf(bytes("{\"event\":\"subscribe\",\"arg\":{\"channel\":\"tickers\",\"instId\":\"BTC-USD-220527\"}}")));
        assertNull(v.streamOf(bytes("pong")));
        assertEquals("{\"event\":\"error\",\"code\":\"60018\",\"msg\":\"Wrong URL or channel\"}",
                v.errorOf(bytes("{\"event\":\"error\",\"code\":\"60018\",\"msg\":\"Wrong URL or channel\"}")));
    }

    @Test
    void bybit() throws Exception {
        LiveVenue v = Venues.liveForFeed("bybit");
        assertEquals("BTCUSDT", v.nativeSymbol("BTC-USDT-PERP"));
        assertEquals("BTCUSD", v.nativeSymbol("btc-usd-perp"));
        assertEquals("wss://stream.bybit.com/v5/public/linear", v.defaultEndpoint());
        // spot is refused: the decoder normalizes BTCUSDT to the perpetual
        assertThrows(IllegalArgumentException.class, () -> v.nativeSymbol("BTC-USDT"));
        assertThrows(IllegalArgumentException.class, () -> v.nativeSymbol("BTC-USD-240927"));
        List<LiveStream> streams = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            streams.addAll(v.streams("S" + i + "USDT", Set.of(Channel.TRADES, Channel.BOOK, Channel.BBO)));
        }
        var plans = SubscriptionPlanner.plan(streams, v.limits());
        assertEquals(List.of(10, 2), plans.get(0).subscribeBatches().stream().map(List::size).toList()); // 10 per message
        assertEquals("{\"req_id\":\"1\",\"op\":\"subscribe\",\"args\":[\"publicTrade.BTCUSDT\",\"orderbook.50.BTCUSDT\","
                + "\"orderbook.1.BTCUSDT\"]}", v.subscribeMessage(v.streams("BTCUSDT", Set.of(Channel.TRADES,
                Channel.BOOK, Channel.BBO)), 1));
        // v5 frames as the API documents them (the recorded Bybit capture is of the retired v2 API)
        byte[] delta = bytes("{\"topic\":\"orderbook.50.BTCUSDT\",\"type\":\"delta\",\"ts\":1,\"data\":{\"s\":\"BTCUSDT\"}}");
        assertEquals("orderbook.50.BTCUSDT", v.streamOf(delta));
        assertEquals("{\"req_id\":\"ping\",\"op\":\"ping\"}", v.heartbeatMessage());
        assertEquals("{\"success\":false,\"ret_msg\":\"error:handler not found\",\"op\":\"subscribe\"}",
                v.errorOf(bytes("{\"success\":false,\"ret_msg\":\"error:handler not found\",\"op\":\"subscribe\"}")));
        if (!Venues.isSupported("bybit")) {
            assertEquals("BTCUSDT", v.partitionKey(delta));
        }
    }

    @Test
    void inflaters() throws Exception {
        byte[] text = bytes("{\"arg\":{\"channel\":\"books\",\"instId\":\"BTC-USDT\"},\"data\":[1,2,3]}".repeat(20));

        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(text);
        }
        assertArrayEquals(text, FrameInflater.GZIP.inflate(gz.toByteArray()));

        // raw deflate as venues send it per message: sync-flushed, no final block
        Deflater raw = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        raw.setInput(text);
        byte[] buf = new byte[4096];
        int n = raw.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
        assertArrayEquals(text, FrameInflater.DEFLATE.inflate(Arrays.copyOf(buf, n)));

        Deflater zlib = new Deflater();
        zlib.setInput(text);
        zlib.finish();
        n = zlib.deflate(buf);
        assertArrayEquals(text, FrameInflater.ZLIB.inflate(Arrays.copyOf(buf, n)));

        assertArrayEquals(text, FrameInflater.NONE.inflate(text));
        assertThrows(IOException.class, () -> FrameInflater.GZIP.inflate(text));
        assertThrows(IOException.class, () -> FrameInflater.ZLIB.inflate(text));
    }

    @Test
    void phemex() throws Exception {
        LiveVenue v = Venues.liveForFeed("phemex");
        assertEquals("BTCUSD", v.nativeSymbol("BTC-USD-PERP"));
        assertEquals("sSUSHIUSDT", v.nativeSymbol("sushi-usdt"));
        assertThrows(IllegalArgumentException.class, () -> v.nativeSymbol("BTC-USDT-PERP"));
        assertEquals("wss://ws.phemex.com", v.defaultEndpoint());
        List<LiveStream> streams = v.streams("BTCUSD", Set.of(Channel.TRADES, Channel.BOOK, Channel.BBO));
        assertEquals(List.of("trade:BTCUSD", "orderbook:BTCUSD"), streams.stream().map(LiveStream::name).toList(),
                "no BBO channel on Phemex's public socket");
        assertEquals(1, v.limits().maxStreamsPerSubscribe());
        assertEquals(20, v.limits().maxStreamsPerConnection(), "Phemex's published subscription limit");
        assertEquals("{\"id\":7,\"method\":\"orderbook.subscribe\",\"params\":[\"BTCUSD\"]}",
                v.subscribeMessage(streams.subList(1, 2), 7));
        assertEquals("{\"id\":0,\"method\":\"server.ping\",\"params\":[]}", v.heartbeatMessage());
        assertEquals(Duration.ofSeconds(5), v.heartbeatInterval(), "the documented interval (30 s at most)");
        // real frames of the Phemex capture (cryptofeed PHEMEX.ws.1.0)
        byte[] book = bytes("{\"book\":{\"asks\":[[329970000,2151]],\"bids\":[]},\"depth\":30,\"sequence\":17652788961,"
                + "\"symbol\":\"YFIUSD\",\"timestamp\":1625342244625014611,\"type\":\"incremental\"}");
        assertEquals("orderbook:YFIUSD", v.streamOf(book));
        assertEquals("YFIUSD", v.partitionKey(book));
        byte[] trade = bytes("{\"sequence\":175932842,\"symbol\":\"sGRTUSDT\",\"trades\":[[1625342244579310618,\"Buy\","
                + "67522000,64000000000]],\"type\":\"incremental\"}");
        assertEquals("trade:sGRTUSDT", v.streamOf(trade));
        assertNull(v.streamOf(bytes("{\"error\":null,\"id\":1,\"result\":{\"status\":\"success\"}}")));
        assertNull(v.errorOf(bytes("{\"error\":null,\"id\":0,\"result\":\"pong\"}")));
        assertEquals("{\"error\":{\"code\":6001,\"message\":\"invalid argument\"},\"id\":1,\"result\":null}",
                v.errorOf(bytes("{\"error\":{\"code\":6001,\"message\":\"invalid argument\"},\"id\":1,\"result\":null}")));
    }

    @Test
    void poloniex() throws Exception {
        LiveVenue v = Venues.liveForFeed("poloniex");
        assertEquals("BTC_USDT", v.nativeSymbol("btc-usdt"));
        assertThrows(IllegalArgumentException.class, () -> v.nativeSymbol("BTC-USDT-PERP"));
        assertEquals("wss://ws.poloniex.com/ws/public", v.defaultEndpoint());
        List<LiveStream> streams = new ArrayList<>(v.streams("BTC_USDT", Set.of(Channel.TRADES, Channel.BOOK, Channel.BBO)));
        streams.addAll(v.streams("ETH_USDT", Set.of(Channel.BOOK)));
        assertEquals(List.of("trades:BTC_USDT", "book_lv2:BTC_USDT", "book_lv2:ETH_USDT"),
                streams.stream().map(LiveStream::name).toList(), "no BBO channel decoded");
        int[] id = {0};
        assertEquals(List.of("{\"event\":\"subscribe\",\"channel\":[\"trades\"],\"symbols\":[\"BTC_USDT\"]}",
                "{\"event\":\"subscribe\",\"channel\":[\"book_lv2\"],\"symbols\":[\"BTC_USDT\",\"ETH_USDT\"]}"),
                v.subscribeMessages(streams, () -> ++id[0]), "one message per channel: channels x symbols would over-subscribe");
        assertEquals("{\"event\":\"ping\"}", v.heartbeatMessage());
        assertEquals(Duration.ofSeconds(20), v.heartbeatInterval(), "a message or ping every 30 s at most");
        // real frames of the Poloniex capture (cryptofeed POLONIEX.ws.1.0)
        byte[] update = bytes("{\"channel\":\"book_lv2\",\"data\":[{\"symbol\":\"BTC_USDT\",\"createTime\":1661123517832,"
                + "\"asks\":[[\"21617.15\",\"0.34\"]],\"bids\":[],\"lastId\":4485675,\"id\":4485676,\"ts\":1661123517837}],"
                + "\"action\":\"update\"}");
        assertEquals("book_lv2:BTC_USDT", v.streamOf(update));
        assertEquals("BTC_USDT", v.partitionKey(update));
        byte[] ack = bytes("{\"event\":\"subscribe\",\"channel\":\"trades\",\"symbols\":[\"BTC_USDT\"]}");
        assertNull(v.streamOf(ack));
        assertNull(v.partitionKey(ack));
        assertNull(v.errorOf(ack));
        assertEquals("{\"event\":\"error\",\"message\":\"Subscription failed\"}",
                v.errorOf(bytes("{\"event\":\"error\",\"message\":\"Subscription failed\"}")));
    }

    @Test
    void huobi() throws Exception {
        LiveVenue v = Venues.liveForFeed("huobi");
        assertEquals("wss://api.huobi.pro/ws", v.defaultEndpoint());
        assertEquals("zeneth", v.nativeSymbol("ZEN-ETH"));
        assertEquals("fil3susdt", v.nativeSymbol("fil3s-usdt"));
        assertThrows(IllegalArgumentException.class, () -> v.nativeSymbol("BTC-USDT-PERP"));
        List<LiveStream> streams = v.streams("zeneth", Set.of(Channel.TRADES, Channel.BOOK, Channel.BBO));
        assertEquals(List.of("market.zeneth.trade.detail", "market.zeneth.depth.step0", "market.zeneth.bbo"),
                streams.stream().map(LiveStream::name).toList());
        assertEquals("{\"sub\":\"market.zeneth.depth.step0\",\"id\":\"7\"}", v.subscribeMessage(streams.subList(1, 2), 7));
        assertEquals(1, v.limits().maxStreamsPerSubscribe(), "one topic a subscribe message");
        assertEquals(FrameInflater.GZIP, v.inflater());
        assertNull(v.heartbeatMessage(), "the venue pings, the capture answers");
        // real frames of the Huobi capture (cryptofeed HUOBI.ws.44.0), inflated
        assertEquals("{\"pong\":1618678073643}", v.replyTo(bytes("{\"ping\":1618678073643}")));
        byte[] trade = bytes("{\"ch\":\"market.omgbtc.trade.detail\",\"ts\":1618678031717,\"tick\":{\"id\":101027219534,"
                + "\"ts\":1618678031715,\"data\":[{\"id\":101027219534255757415994639,\"ts\":1618678031715,"
                + "\"tradeId\":100179528705,\"amount\":1.5862,\"price\":1.58E-4,\"direction\":\"sell\"}]}}");
        assertNull(v.replyTo(trade));
        assertNull(v.replyTo(bytes("{\"pong\":1618678073643}")));
        assertNull(v.replyTo(bytes("{\"ping\":\"x\"}")));
        assertEquals("market.omgbtc.trade.detail", v.streamOf(trade));
        assertEquals("omgbtc", v.partitionKey(trade));
        byte[] reply = bytes("{\"id\":1,\"status\":\"ok\",\"subbed\":\"market.trioeth.depth.step0\",\"ts\":1618678070653}");
        assertNull(v.streamOf(reply));
        assertNull(v.errorOf(reply));
        assertNull(v.partitionKey(reply));
        String error = "{\"status\":\"error\",\"err-code\":\"bad-request\",\"err-msg\":\"invalid topic\",\"id\":\"1\"}";
        assertEquals(error, v.errorOf(bytes(error)));
    }
}
