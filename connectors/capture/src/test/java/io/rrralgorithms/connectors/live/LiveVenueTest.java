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

    private static int[] counter() {
        return new int[] {0};
    }

    @Test
    void bitmex() {
        LiveVenue v = Venues.liveForFeed("bitmex");
        assertEquals("wss://ws.bitmex.com/realtime", v.defaultEndpoint());
        assertEquals("XBTUSD", v.nativeSymbol("BTC-USD-PERP"));
        assertEquals("XRPU21", v.nativeSymbol("XRP-BTC-210924"));
        assertThrows(IllegalArgumentException.class, () -> v.nativeSymbol("BTC-USD"));
        List<LiveStream> streams = new ArrayList<>(v.streams("XBTUSD", Set.of(Channel.TRADES, Channel.BOOK, Channel.BBO)));
        streams.addAll(v.streams("ETHUSD", Set.of(Channel.BOOK)));
        int[] id = counter();
        assertEquals(List.of("{\"op\":\"subscribe\",\"args\":[\"trade:XBTUSD\"]}",
                "{\"op\":\"subscribe\",\"args\":[\"orderBookL2:XBTUSD\",\"orderBookL2:ETHUSD\"]}",
                "{\"op\":\"subscribe\",\"args\":[\"quote:XBTUSD\"]}"), v.subscribeMessages(streams, () -> ++id[0]));
        assertEquals("ping", v.heartbeatMessage());
        assertEquals(Duration.ofSeconds(5), v.heartbeatInterval(), "BitMEX: a ping when 5 s pass without a message");
        assertEquals(40, v.limits().maxConnectsPerWindow());
        assertEquals(Duration.ofHours(1), v.limits().connectWindow());
        // real frames of the BitMEX capture (cryptofeed BITMEX.ws.1.0)
        byte[] update = bytes("{\"table\":\"orderBookL2\",\"action\":\"update\",\"data\":[{\"symbol\":\"UNIUSDT\","
                + "\"id\":51999982703,\"side\":\"Sell\",\"size\":123}]}");
        assertEquals("orderBookL2:UNIUSDT", v.streamOf(update));
        assertEquals("UNIUSDT", v.partitionKey(update));
        assertNull(v.streamOf(bytes("pong")));
        assertNull(v.streamOf(bytes("{\"success\":true,\"subscribe\":\"trade:XBTUSD\",\"request\":{\"op\":\"subscribe\"}}")));
        String error = "{\"status\":400,\"error\":\"Unknown or expired symbol.\",\"meta\":{},\"request\":{\"op\":\"subscribe\"}}";
        assertEquals(error, v.errorOf(bytes(error)));
        assertNull(v.errorOf(update));
    }

    @Test
    void deribit() {
        LiveVenue v = Venues.liveForFeed("deribit");
        assertEquals("wss://www.deribit.com/ws/api/v2", v.defaultEndpoint());
        assertEquals("BTC-PERPETUAL", v.nativeSymbol("BTC-USD-PERP"));
        List<LiveStream> streams = v.streams("BTC-PERPETUAL", Set.of(Channel.TRADES, Channel.BOOK, Channel.BBO));
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"public/subscribe\",\"params\":{\"channels\":["
                + "\"book.BTC-PERPETUAL.100ms\",\"trades.BTC-PERPETUAL.100ms\",\"ticker.BTC-PERPETUAL.100ms\"]}}",
                v.subscribeMessage(streams, 3), "books, then trades, then tickers; 100ms: raw needs a key");
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"public/test\",\"params\":{}}", v.heartbeatMessage());
        assertEquals(Duration.ofSeconds(15), v.heartbeatInterval());
        // the venue's heartbeat request is answered at once; its plain heartbeat and any data frame are not
        assertEquals(v.heartbeatMessage(), v.replyTo(bytes("{\"jsonrpc\":\"2.0\",\"method\":\"heartbeat\","
                + "\"params\":{\"type\":\"test_request\"}}")));
        assertNull(v.replyTo(bytes("{\"jsonrpc\":\"2.0\",\"method\":\"heartbeat\",\"params\":{\"type\":\"heartbeat\"}}")));
        byte[] book = bytes("{\"jsonrpc\":\"2.0\",\"method\":\"subscription\",\"params\":{\"channel\":"
                + "\"book.BTC-PERPETUAL.100ms\",\"data\":{\"type\":\"change\",\"instrument_name\":\"BTC-PERPETUAL\"}}}");
        assertNull(v.replyTo(book));
        assertEquals("book.BTC-PERPETUAL.100ms", v.streamOf(book));
        assertEquals("BTC-PERPETUAL", v.partitionKey(book));
        assertNull(v.streamOf(bytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":[\"book.BTC-PERPETUAL.100ms\"]}")));
        String error = "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"message\":\"Invalid params\",\"code\":-32602}}";
        assertEquals(error, v.errorOf(bytes(error)));
        assertNull(v.errorOf(book));
    }

    @Test
    void krakenFutures() {
        LiveVenue v = Venues.liveForFeed("kraken-futures");
        assertEquals("wss://futures.kraken.com/ws/v1", v.defaultEndpoint());
        assertEquals("PI_XBTUSD", v.nativeSymbol("BTC-USD-PERP"));
        assertEquals("FI_XBTUSD_210924", v.nativeSymbol("BTC-USD-210924"));
        assertThrows(IllegalArgumentException.class, () -> v.nativeSymbol("BTC-USD"));
        int[] id = counter();
        assertEquals(List.of("{\"event\":\"subscribe\",\"feed\":\"trade\",\"product_ids\":[\"PI_XBTUSD\"]}",
                "{\"event\":\"subscribe\",\"feed\":\"book\",\"product_ids\":[\"PI_XBTUSD\"]}",
                "{\"event\":\"subscribe\",\"feed\":\"ticker_lite\",\"product_ids\":[\"PI_XBTUSD\"]}"),
                v.subscribeMessages(v.streams("PI_XBTUSD", Set.of(Channel.TRADES, Channel.BOOK, Channel.BBO)), () -> ++id[0]));
        assertNull(v.heartbeatMessage(), "no application ping on Kraken Futures");
        assertEquals(Duration.ofSeconds(30), v.protocolPingInterval(), "a ping at least every 60 s");
        // real frames of the Kraken Futures capture (cryptofeed KRAKEN_FUTURES.ws.1.0)
        assertEquals("book:FI_BCHUSD_210730", v.streamOf(bytes("{\"feed\":\"book_snapshot\",\"product_id\":"
                + "\"FI_BCHUSD_210730\",\"timestamp\":1626994925378,\"seq\":91192}")));
        assertNull(v.streamOf(bytes("{\"event\":\"subscribed\",\"feed\":\"book\",\"product_ids\":[\"FI_ETHUSD_211231\"]}")));
        String error = "{\"event\":\"error\",\"message\":\"Invalid product id\"}";
        assertEquals(error, v.errorOf(bytes(error)));
        assertNull(v.errorOf(bytes("{\"event\":\"info\",\"version\":1}")));
    }

    @Test
    void bitfinex() {
        LiveVenue v = Venues.liveForFeed("bitfinex");
        assertEquals("wss://api-pub.bitfinex.com/ws/2", v.defaultEndpoint());
        assertEquals("tBTCUSD", v.nativeSymbol("BTC-USD"));
        List<LiveStream> streams = v.streams("tBTCUSD", Set.of(Channel.TRADES, Channel.BOOK, Channel.BBO));
        assertEquals(1, v.limits().maxStreamsPerSubscribe());
        assertEquals(25, v.limits().maxStreamsPerConnection());
        int[] id = counter();
        assertEquals(List.of("{\"event\":\"conf\",\"flags\":65536}",
                "{\"event\":\"subscribe\",\"channel\":\"trades\",\"symbol\":\"tBTCUSD\"}"),
                v.subscribeMessages(streams.subList(0, 1), () -> ++id[0]), "checksums asked for first");
        assertEquals(List.of("{\"event\":\"subscribe\",\"channel\":\"book\",\"symbol\":\"tBTCUSD\",\"prec\":\"P0\","
                + "\"freq\":\"F0\",\"len\":\"100\"}"), v.subscribeMessages(streams.subList(1, 2), () -> ++id[0]));
        assertEquals(List.of("{\"event\":\"subscribe\",\"channel\":\"ticker\",\"symbol\":\"tBTCUSD\"}"),
                v.subscribeMessages(streams.subList(2, 3), () -> ++id[0]));
        // a data frame names its channel id only: the connection's keyer learns it from the ack
        var keyer = v.connectionKeyer();
        assertEquals("tBFTUSD", keyer.key(bytes("{\"event\":\"subscribed\",\"channel\":\"ticker\",\"chanId\":232949,"
                + "\"symbol\":\"tBFTUSD\",\"pair\":\"BFTUSD\"}")));
        assertEquals("tBFTUSD", keyer.key(bytes("[232949,[1.2,10,1.3,12,0,0,1.25,100,1.3,1.2]]")));
        assertNull(v.streamOf(bytes("[232949,\"hb\"]")));
        String error = "{\"event\":\"error\",\"msg\":\"symbol: invalid\",\"code\":10300}";
        assertEquals(error, v.errorOf(bytes(error)));
    }

    @Test
    void bitstamp() {
        LiveVenue v = Venues.liveForFeed("bitstamp");
        assertEquals("wss://ws.bitstamp.net", v.defaultEndpoint());
        assertEquals("ethusd", v.nativeSymbol("ETH-USD"));
        List<LiveStream> streams = v.streams("ethusd", Set.of(Channel.TRADES, Channel.BOOK, Channel.BBO));
        assertEquals(List.of("live_trades_ethusd", "diff_order_book_ethusd"), streams.stream().map(LiveStream::name)
                .toList(), "no BBO channel decoded");
        assertEquals("{\"event\":\"bts:subscribe\",\"data\":{\"channel\":\"diff_order_book_ethusd\"}}",
                v.subscribeMessage(streams.subList(1, 2), 1));
        assertEquals("{\"event\":\"bts:heartbeat\"}", v.heartbeatMessage());
        assertEquals("https://www.bitstamp.net/api/v2/order_book/ethusd", v.defaultRestBase() + v.snapshotPath("ethusd"));
        // real frames and a snapshot of the Bitstamp capture (cryptofeed BITSTAMP.ws.1.0, BITSTAMP.http.0.0)
        byte[] diff = bytes("{\"data\":{\"timestamp\":\"1641343691\",\"microtimestamp\":\"1641343691244908\",\"bids\":"
                + "[[\"1.15979\",\"993.02588113\"]],\"asks\":[]},\"channel\":\"diff_order_book_bateur\",\"event\":\"data\"}");
        assertEquals("diff_order_book_bateur", v.streamOf(diff));
        assertEquals("bateur", v.bookDiffSymbol(diff));
        assertEquals(1641343691244908L, v.bookDiffFirstUpdateId(diff));
        assertEquals(1641343695572693L, v.snapshotUpdateId(bytes("{\"timestamp\": \"1641343695\", \"microtimestamp\": "
                + "\"1641343695572693\", \"bids\": [[\"0.14695\", \"4567.41344936\"]]}")));
        byte[] trade = bytes("{\"data\":{\"id\":216000477,\"microtimestamp\":\"1641343699596000\"},\"channel\":"
                + "\"live_trades_ethusd\",\"event\":\"trade\"}");
        assertEquals("live_trades_ethusd", v.streamOf(trade));
        assertNull(v.bookDiffSymbol(trade));
        assertNull(v.streamOf(bytes("{\"event\":\"bts:subscription_succeeded\",\"channel\":\"live_trades_ethusd\",\"data\":{}}")));
    }

    @Test
    void gemini() {
        LiveVenue v = Venues.liveForFeed("gemini");
        assertEquals("wss://api.gemini.com/v2/marketdata", v.defaultEndpoint());
        assertEquals("BTCUSD", v.nativeSymbol("BTC-USD"));
        assertEquals(List.of("l2:BTCUSD"), v.streams("BTCUSD", Set.of(Channel.TRADES)).stream().map(LiveStream::name)
                .toList(), "trades come with the l2 subscription");
        assertEquals(List.of(), v.streams("BTCUSD", Set.of(Channel.BBO)));
        List<LiveStream> streams = new ArrayList<>(v.streams("BTCUSD", Set.of(Channel.TRADES, Channel.BOOK)));
        streams.addAll(v.streams("ETHUSD", Set.of(Channel.BOOK)));
        assertEquals("{\"type\":\"subscribe\",\"subscriptions\":[{\"name\":\"l2\",\"symbols\":[\"BTCUSD\",\"ETHUSD\"]}]}",
                v.subscribeMessage(streams, 1));
        assertEquals("l2:ALCXUSD", v.streamOf(bytes("{\"type\":\"trade\",\"symbol\":\"ALCXUSD\",\"event_id\":1}")));
        assertNull(v.streamOf(bytes("{\"type\":\"heartbeat\",\"timestamp\":1624493666869}")));
        assertNull(v.heartbeatMessage(), "the venue sends its heartbeats");
    }

    @Test
    void kucoinHandshake() {
        LiveVenue v = Venues.liveForFeed("kucoin");
        assertEquals("/api/v1/bullet-public", v.handshakePath());
        assertEquals("https://api.kucoin.com", v.defaultRestBase());
        // bullet-public's answer as KuCoin documents it
        LiveVenue.Handshake h = v.handshake(bytes("{\"code\":\"200000\",\"data\":{\"token\":\"2neAiuYvAU61ZDXANAG+sQ==\","
                + "\"instanceServers\":[{\"endpoint\":\"wss://ws-api-spot.kucoin.com/\",\"encrypt\":true,"
                + "\"protocol\":\"websocket\",\"pingInterval\":18000,\"pingTimeout\":10000}]}}"));
        assertEquals("wss://ws-api-spot.kucoin.com/?token=2neAiuYvAU61ZDXANAG%2BsQ%3D%3D", h.endpoint().toString());
        assertEquals(Duration.ofSeconds(9), h.heartbeatInterval(), "half the pingInterval");
        assertThrows(IllegalArgumentException.class, () -> v.handshake(bytes("{\"code\":\"429000\",\"msg\":\"Too many\"}")));
        assertThrows(IllegalArgumentException.class, () -> v.handshake(bytes("<html>")));
        assertEquals("{\"id\":\"ping\",\"type\":\"ping\"}", v.heartbeatMessage());

        assertEquals("BCHSV-USDT", v.nativeSymbol("BSV-USDT"));
        List<LiveStream> streams = new ArrayList<>(v.streams("BTC-USDT", Set.of(Channel.BOOK, Channel.TRADES)));
        streams.addAll(v.streams("ETH-USDT", Set.of(Channel.BOOK, Channel.TRADES)));
        int[] id = counter();
        assertEquals(List.of("{\"id\":1,\"type\":\"subscribe\",\"topic\":\"/market/match:BTC-USDT,ETH-USDT\","
                        + "\"privateChannel\":false,\"response\":true}",
                "{\"id\":2,\"type\":\"subscribe\",\"topic\":\"/market/level2:BTC-USDT,ETH-USDT\","
                        + "\"privateChannel\":false,\"response\":true}"), v.subscribeMessages(streams, () -> ++id[0]));
        assertEquals("/api/v1/market/orderbook/level2_100?symbol=BTC-USDT", v.snapshotPath("BTC-USDT"));
        // real frames of the KuCoin capture (cryptofeed KUCOIN.ws.1.0, KUCOIN.http.0.0)
        byte[] diff = bytes("{\"data\":{\"sequenceStart\":1613277183874,\"symbol\":\"BCHSV-USDT\",\"changes\":{\"asks\":"
                + "[[\"0\",\"0\",\"1613277183874\"]],\"bids\":[]},\"sequenceEnd\":1613277183874},\"subject\":"
                + "\"trade.l2update\",\"topic\":\"/market/level2:BCHSV-USDT\",\"type\":\"message\"}");
        assertEquals("BCHSV-USDT", v.bookDiffSymbol(diff));
        assertEquals(1613277183874L, v.bookDiffFirstUpdateId(diff));
        assertEquals(1613277183892L, v.snapshotUpdateId(bytes("{\"code\":\"200000\",\"data\":{\"time\":1619378326628,"
                + "\"sequence\":\"1613277183892\",\"bids\":[]}}")));
        assertNull(v.streamOf(bytes("{\"id\":\"NSkIrWGB1s\",\"type\":\"welcome\"}")));
        String error = "{\"id\":\"1\",\"type\":\"error\",\"code\":404,\"data\":\"topic /market/level2:XX-USDT is not found\"}";
        assertEquals(error, v.errorOf(bytes(error)));
    }

    @Test
    void gateio() {
        LiveVenue v = Venues.liveForFeed("gateio");
        assertEquals("wss://api.gateio.ws/ws/v4/", v.defaultEndpoint());
        assertEquals("BTC_USDT", v.nativeSymbol("BTC-USDT"));
        assertThrows(IllegalArgumentException.class, () -> v.nativeSymbol("BTC-USDT-PERP"));
        List<LiveStream> streams = new ArrayList<>(v.streams("BTC_USDT", Set.of(Channel.TRADES, Channel.BOOK, Channel.BBO)));
        streams.addAll(v.streams("ETH_USDT", Set.of(Channel.TRADES, Channel.BOOK, Channel.BBO)));
        int[] id = counter();
        long before = System.currentTimeMillis() / 1000;
        List<String> messages = v.subscribeMessages(streams, () -> ++id[0]);
        List<String> withoutTime = messages.stream().map(m -> m.replaceFirst("^\\{\"time\":[0-9]+,", "{")).toList();
        assertEquals(List.of("{\"channel\":\"spot.trades\",\"event\":\"subscribe\",\"payload\":[\"BTC_USDT\",\"ETH_USDT\"]}",
                "{\"channel\":\"spot.order_book_update\",\"event\":\"subscribe\",\"payload\":[\"BTC_USDT\",\"100ms\"]}",
                "{\"channel\":\"spot.order_book_update\",\"event\":\"subscribe\",\"payload\":[\"ETH_USDT\",\"100ms\"]}",
                "{\"channel\":\"spot.book_ticker\",\"event\":\"subscribe\",\"payload\":[\"BTC_USDT\",\"ETH_USDT\"]}"),
                withoutTime);
        long sent = Long.parseLong(messages.get(0).replaceAll("^\\{\"time\":([0-9]+),.*", "$1"));
        String ping = v.heartbeatMessage();
        long pinged = Long.parseLong(ping.replaceAll("^\\{\"time\":([0-9]+),.*", "$1"));
        long after = System.currentTimeMillis() / 1000;
        assertEquals(true, sent >= before && pinged <= after, "the sending second in the messages");
        assertEquals("{\"time\":" + pinged + ",\"channel\":\"spot.ping\"}", ping);
        assertEquals("https://api.gateio.ws/api/v4/spot/order_book?currency_pair=BTC_USDT&limit=100&with_id=true",
                v.defaultRestBase() + v.snapshotPath("BTC_USDT"));
        // real frames and a snapshot of the Gate.io capture (cryptofeed GATEIO.ws.1.0, GATEIO.http.0.0)
        byte[] diff = bytes("{\"time\":1619093532,\"channel\":\"spot.order_book_update\",\"event\":\"update\",\"result\":"
                + "{\"t\":1619093532978,\"e\":\"depthUpdate\",\"E\":1619093532,\"s\":\"HAI_ETH\",\"U\":2691446,"
                + "\"u\":2691446,\"b\":[],\"a\":[]}}");
        assertEquals("spot.order_book_update:HAI_ETH", v.streamOf(diff));
        assertEquals("HAI_ETH", v.bookDiffSymbol(diff));
        assertEquals(2691446L, v.bookDiffFirstUpdateId(diff));
        assertEquals(2691446L, v.snapshotUpdateId(bytes("{\"id\":2691446,\"asks\":[[\"0.00010396\",\"5876.967\"]]}")));
        byte[] ack = bytes("{\"time\":1619093532,\"channel\":\"spot.trades\",\"event\":\"subscribe\",\"error\":null,"
                + "\"result\":{\"status\":\"success\"}}");
        assertNull(v.streamOf(ack));
        assertNull(v.errorOf(ack));
        String error = "{\"time\":1619093532,\"channel\":\"spot.trades\",\"event\":\"subscribe\",\"error\":{\"code\":2,"
                + "\"message\":\"unknown currency pair: XX_USDT\"},\"result\":null}";
        assertEquals(error, v.errorOf(bytes(error)));

        LiveVenue f = Venues.liveForFeed("gateio-futures");
        assertEquals("wss://fx-ws.gateio.ws/v4/ws/usdt", f.defaultEndpoint());
        assertEquals("BTC_USDT", f.nativeSymbol("BTC-USDT-PERP"));
        assertThrows(IllegalArgumentException.class, () -> f.nativeSymbol("BTC-USDT"));
        assertEquals("https://api.gateio.ws/api/v4/futures/usdt/order_book?contract=BTC_USDT&limit=100&with_id=true",
                f.defaultRestBase() + f.snapshotPath("BTC_USDT"));
        assertEquals(true, f.heartbeatMessage().endsWith(",\"channel\":\"futures.ping\"}"));
        byte[] ticker = bytes("{\"time\":1684930165,\"time_ms\":1684930165631,\"channel\":\"futures.book_ticker\",\"event\":"
                + "\"update\",\"result\":{\"t\":1684930165621,\"u\":6159967,\"s\":\"PHB_USDT\",\"b\":\"0.7379\",\"B\":814,"
                + "\"a\":\"0.739\",\"A\":677}}");
        assertEquals("futures.book_ticker:PHB_USDT", f.streamOf(ticker));
        assertNull(f.bookDiffSymbol(ticker));
    }

    @Test
    void hitbtcBequantFmfw() {
        LiveVenue h = Venues.liveForFeed("hitbtc");
        assertEquals("wss://api.hitbtc.com/api/2/ws/public", h.defaultEndpoint());
        assertEquals("wss://api.bequant.io/api/2/ws/public", Venues.liveForFeed("bequant").defaultEndpoint());
        assertEquals("MTXUSD", h.nativeSymbol("MTX-USDT"), "v2 writes USDT as USD");
        int[] id = counter();
        assertEquals(List.of("{\"method\":\"subscribeTrades\",\"params\":{\"symbol\":\"ETHBTC\"},\"id\":1}",
                "{\"method\":\"subscribeOrderbook\",\"params\":{\"symbol\":\"ETHBTC\"},\"id\":2}",
                "{\"method\":\"subscribeTicker\",\"params\":{\"symbol\":\"ETHBTC\"},\"id\":3}"),
                h.subscribeMessages(h.streams("ETHBTC", Set.of(Channel.TRADES, Channel.BOOK, Channel.BBO)), () -> ++id[0]));
        assertEquals(1, h.limits().maxStreamsPerSubscribe());
        // real frames of the HitBTC capture (cryptofeed HITBTC.ws.1.0)
        assertEquals("orderbook:EURSUSD", h.streamOf(bytes("{\"jsonrpc\":\"2.0\",\"method\":\"updateOrderbook\",\"params\":"
                + "{\"ask\":[],\"bid\":[{\"price\":\"1.18784\",\"size\":\"11596.00\"}],\"symbol\":\"EURSUSD\",\"sequence\":1}}")));
        assertNull(h.streamOf(bytes("{\"jsonrpc\":\"2.0\",\"result\":true,\"id\":1}")));

        LiveVenue f = Venues.liveForFeed("fmfw");
        assertEquals("wss://api.fmfw.io/api/3/ws/public", f.defaultEndpoint());
        List<LiveStream> streams = new ArrayList<>(f.streams("BTCUSDT", Set.of(Channel.TRADES, Channel.BOOK)));
        streams.addAll(f.streams("ETHBTC", Set.of(Channel.TRADES, Channel.BOOK)));
        id[0] = 0;
        assertEquals(List.of("{\"method\":\"subscribe\",\"params\":{\"symbols\":[\"BTCUSDT\",\"ETHBTC\"]},\"ch\":\"trades\",\"id\":1}",
                "{\"method\":\"subscribe\",\"params\":{\"symbols\":[\"BTCUSDT\",\"ETHBTC\"]},\"ch\":\"orderbook/full\",\"id\":2}"),
                f.subscribeMessages(streams, () -> ++id[0]));
        // real frames of the FMFW capture (cryptofeed FMFW.ws.1.0)
        assertEquals("ticker/1s:NEOBTC", f.streamOf(bytes("{\"ch\":\"ticker/1s\",\"data\":{\"NEOBTC\":{\"t\":1633806854642,"
                + "\"a\":\"0.0008790\",\"A\":\"18.89\",\"b\":\"0.0008785\",\"B\":\"17.00\"}}}")));
        assertNull(f.streamOf(bytes("{\"result\":{\"ch\":\"trades\",\"subscriptions\":[\"NEOBTC\"]},\"id\":1234}")));
        String error = "{\"error\":{\"code\":2001,\"message\":\"Symbol not found\"},\"id\":1}";
        assertEquals(error, f.errorOf(bytes(error)));
        assertNull(f.heartbeatMessage());
    }

    @Test
    void binanceUsAndCoinm() {
        LiveVenue us = Venues.liveForFeed("binance-us");
        assertEquals("wss://stream.binance.us:9443/stream", us.defaultEndpoint());
        assertEquals("BTCUSD", us.nativeSymbol("BTC-USD"));
        assertEquals("https://api.binance.us/api/v3/depth?symbol=BTCUSD&limit=1000",
                us.defaultRestBase() + us.snapshotPath("BTCUSD"));
        assertEquals(List.of("btcusd@trade", "btcusd@depth@100ms", "btcusd@bookTicker"),
                us.streams("BTCUSD", Set.of(Channel.TRADES, Channel.BOOK, Channel.BBO)).stream().map(LiveStream::name).toList());
        LiveVenue coinm = Venues.liveForFeed("binance-coinm");
        assertEquals("wss://dstream.binance.com/stream", coinm.defaultEndpoint());
        assertEquals("BTCUSD_PERP", coinm.nativeSymbol("BTC-USD-PERP"));
        assertEquals("BTCUSD_210924", coinm.nativeSymbol("BTC-USD-210924"));
        assertThrows(IllegalArgumentException.class, () -> coinm.nativeSymbol("BTC-USDT-PERP"));
        assertEquals(200, coinm.limits().maxStreamsPerConnection(), "COIN-M's published limit");
        assertEquals(List.of("btcusd_perp@aggTrade", "btcusd_perp@depth@100ms"),
                coinm.streams("BTCUSD_PERP", Set.of(Channel.TRADES, Channel.BOOK)).stream().map(LiveStream::name).toList());
        assertEquals("https://dapi.binance.com/dapi/v1/depth?symbol=BTCUSD_PERP&limit=1000",
                coinm.defaultRestBase() + coinm.snapshotPath("BTCUSD_PERP"));
        // a real frame of the COIN-M capture (cryptofeed BINANCE_DELIVERY.ws.1.0)
        byte[] depth = bytes("{\"stream\":\"bchusd_perp@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1626916403871,"
                + "\"T\":1626916403864,\"s\":\"BCHUSD_PERP\",\"ps\":\"BCHUSD\",\"U\":167006084000,\"u\":167006084895,"
                + "\"pu\":167006083000,\"b\":[],\"a\":[]}}");
        assertEquals("BCHUSD_PERP", coinm.bookDiffSymbol(depth));
        assertEquals(167006084000L, coinm.bookDiffFirstUpdateId(depth));
    }

    /**
     * The specs of issue 16 item 5 on frames of their recorded sessions: the stream of a data frame
     * (the per-stream metric), none for replies; an error reply told from an acknowledgement.
     */
    @Test
    void issue16Specs() {
        LiveVenue bitcom = Venues.liveForFeed("bitcom");
        assertEquals("trade:YFI-USDT", bitcom.streamOf(bytes("{\"channel\":\"trade\",\"timestamp\":1704643986080,"
                + "\"data\":[{\"created_at\":1704643986034,\"trade_id\":\"229061540\",\"pair\":\"YFI-USDT\"}]}")));
        byte[] ack = bytes("{\"channel\":\"subscription\",\"timestamp\":1704643983955,\"data\":{\"code\":0,"
                + "\"subscription\":[\"depth\"]}}");
        assertNull(bitcom.streamOf(ack));
        assertNull(bitcom.errorOf(ack));
        String refused = "{\"channel\":\"subscription\",\"timestamp\":1,\"data\":{\"code\":18100113,\"message\":\"x\"}}";
        assertEquals(refused, bitcom.errorOf(bytes(refused)));

        LiveVenue blockchain = Venues.liveForFeed("blockchain");
        assertEquals("l2:ENJ-USDT", blockchain.streamOf(bytes("{\"seqnum\":30,\"event\":\"updated\",\"channel\":\"l2\","
                + "\"symbol\":\"ENJ-USDT\",\"bids\":[{\"num\":0,\"px\":1.0952,\"qty\":0.0}],\"asks\":[]}")));
        assertNull(blockchain.streamOf(bytes("{\"seqnum\":0,\"event\":\"subscribed\",\"channel\":\"l2\","
                + "\"symbol\":\"ALGO-BTC\",\"batching\":false}")));
        assertEquals("https://exchange.blockchain.com", blockchain.handshakeHeaders().get("Origin"));

        LiveVenue delta = Venues.liveForFeed("delta");
        assertEquals("l2_orderbook:C-ETH-3200-311221", delta.streamOf(bytes("{\"buy\":[],\"last_sequence_no\":1,"
                + "\"sell\":[],\"symbol\":\"C-ETH-3200-311221\",\"timestamp\":1638147282151129,\"type\":\"l2_orderbook\"}")));
        assertNull(delta.streamOf(bytes("{\"type\":\"subscriptions\",\"channels\":[]}")));
        assertEquals(Duration.ofSeconds(30), delta.protocolPingInterval());

        LiveVenue probit = Venues.liveForFeed("probit");
        assertEquals("order_books:DMX-USDT", probit.streamOf(bytes("{\"channel\":\"marketdata\",\"market_id\":\"DMX-USDT\","
                + "\"status\":\"ok\",\"lag\":0,\"order_books\":[{\"side\":\"buy\",\"price\":\"0.001\",\"quantity\":\"6007\"}]}")));
        assertEquals("recent_trades:DMX-USDT", probit.streamOf(bytes("{\"channel\":\"marketdata\",\"market_id\":\"DMX-USDT\","
                + "\"status\":\"ok\",\"lag\":0,\"recent_trades\":[{\"id\":\"DMX-USDT:1\"}]}")));

        LiveVenue upbit = Venues.liveForFeed("upbit");
        assertEquals("KRW-BTC", upbit.nativeSymbol("BTC-KRW"));
        assertEquals("trade:KRW-LAMB", upbit.streamOf(bytes("{\"ty\":\"trade\",\"cd\":\"KRW-LAMB\",\"tms\":1618678262712}")));
        String error = "{\"error\":{\"name\":\"INVALID_PARAM\",\"message\":\"x\"}}";
        assertEquals(error, upbit.errorOf(bytes(error)));

        LiveVenue bithumb = Venues.liveForFeed("bithumb");
        assertEquals(List.of("transaction:BTC_KRW"), bithumb.streams("BTC_KRW",
                Set.of(Channel.TRADES, Channel.BOOK, Channel.BBO)).stream().map(LiveStream::name).toList());
        assertNull(bithumb.errorOf(bytes("{\"status\":\"0000\",\"resmsg\":\"Filter Registered Successfully\"}")));
        String invalid = "{\"status\":\"5100\",\"resmsg\":\"Invalid Filter Syntax\"}";
        assertEquals(invalid, bithumb.errorOf(bytes(invalid)));

        LiveVenue tr = Venues.liveForFeed("binance-tr");
        assertEquals("https://api.binance.me", tr.defaultRestBase());
        assertEquals("/api/v3/depth?symbol=BELBTC&limit=1000", tr.snapshotPath("BELBTC"));
        assertEquals("wss://stream-cloud.trbinance.com/stream", tr.defaultEndpoint());
    }
}
