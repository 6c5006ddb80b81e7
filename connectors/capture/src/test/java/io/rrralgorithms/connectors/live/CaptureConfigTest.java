package io.rrralgorithms.connectors.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.adapters.binance.BinanceLiveVenue;
import io.rrralgorithms.connectors.adapters.coinbase.CoinbaseLiveVenue;
import io.rrralgorithms.connectors.venues.Channel;
import io.rrralgorithms.connectors.venues.Venues;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The capture configuration file: the example, the defaults, JSON, and clear errors. */
class CaptureConfigTest {

    private static String example() throws Exception {
        try (InputStream in = CaptureConfigTest.class.getResourceAsStream("/capture-example.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theExampleFileParses() throws Exception {
        CaptureConfig c = CaptureConfig.parse(example(), "capture-example.yaml");
        assertEquals("127.0.0.1:9092", c.kafka.bootstrap);
        assertEquals("raw.", c.kafka.topicPrefix);
        assertEquals(9464, c.metrics.port);
        assertEquals(List.of("binance-spot", "binance-usdm", "coinbase"), c.feeds());
        CaptureConfig.Venue spot = c.venues.get(0);
        assertEquals(List.of("BTCUSDT", "ETHUSDT"), spot.resolveNativeSymbols(Venues.liveForFeed("binance-spot")));
        assertEquals(EnumSet.of(Channel.TRADES, Channel.BOOK, Channel.BBO), spot.channelSet());
        assertEquals("https://api.binance.com", spot.restBase(Venues.liveForFeed("binance-spot")));
        assertEquals(List.of("BTCUSDT"), c.venues.get(1).resolveNativeSymbols(Venues.liveForFeed("binance-usdm")));
        assertNull(c.venues.get(2).restBase(Venues.liveForFeed("coinbase"))); // Coinbase needs no REST snapshot
        assertEquals(Duration.ofSeconds(60), c.connectionSettings(c.venues.get(2)).silenceTimeout());
        assertEquals(Duration.ofSeconds(30), c.connectionSettings(spot).silenceTimeout());
    }

    /** The venues the example lists commented out parse, and their symbols resolve to native ones. */
    @Test
    void theExamplesCommentedVenuesParse() throws Exception {
        String example = example();
        StringBuilder venues = new StringBuilder("venues:\n");
        for (String line : example.substring(example.indexOf("# More venues")).split("\n")) {
            if (line.startsWith("#  ")) {
                venues.append(line.substring(1).replaceAll("\\s+#.*$", "")).append('\n');
            }
        }
        CaptureConfig c = CaptureConfig.parse(venues.toString(), "capture-example.yaml, commented venues");
        assertEquals(List.of("kraken", "okx", "bybit", "kucoin", "gateio", "bitmex", "deribit"), c.feeds());
        for (CaptureConfig.Venue v : c.venues) {
            assertEquals(v.symbols.size(), v.resolveNativeSymbols(Venues.liveForFeed(v.feed)).size(), v.feed);
        }
        assertEquals("https://api.kucoin.com", c.venues.get(3).restBase(Venues.liveForFeed("kucoin")));
    }

    @Test
    void defaultsAndJson() throws Exception {
        CaptureConfig c = CaptureConfig.parse("{\"venues\":[{\"feed\":\"coinbase\",\"symbols\":[\"btc-usd\"],"
                + "\"channels\":[\"trades\"],\"url\":\"ws://127.0.0.1:1/\"}]}", "inline");
        assertEquals(0, c.metrics.port); // off unless asked for
        assertEquals(500, c.reconnect.baseMs);
        assertEquals(30_000, c.reconnect.maxMs);
        assertEquals(10, c.connectTimeoutSeconds);
        assertNull(c.resyncTopic); // resync requests off unless asked for
        assertEquals(5000, c.resyncIntervalMs);
        assertEquals("rrr.control.resync", CaptureConfig.parse("resyncTopic: rrr.control.resync\nresyncIntervalMs: 100\n"
                + "venues:\n  - feed: coinbase\n    symbols: [BTC-USD]\n", "inline").resyncTopic);
        assertEquals(List.of("BTC-USD"), c.venues.get(0).resolveNativeSymbols(new CoinbaseLiveVenue()));
        assertEquals(EnumSet.of(Channel.TRADES), c.venues.get(0).channelSet());
        assertEquals("ws://127.0.0.1:1/", c.venues.get(0).endpoint(new CoinbaseLiveVenue()));

        CaptureConfig d = CaptureConfig.liveDefault();
        d.validate("default");
        assertEquals("wss://stream.binance.com:9443/stream", d.venues.get(0).endpoint(BinanceLiveVenue.spot()));
        assertEquals(List.of("BTCUSDT", "ETHUSDT"), d.venues.get(0).resolveNativeSymbols(BinanceLiveVenue.spot()));
    }

    @Test
    void errorsNameTheKey() {
        String bad = "venues:\n  - feed: binance-spot\n    symbol: [BTC-USDT]\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CaptureConfig.parse(bad, "f.yaml"));
        assertTrue(e.getMessage().startsWith("f.yaml: unknown key 'symbol' at venues[0].symbol"), e.getMessage());

        assertMessage("venues: []", "f.yaml: no venues: list at least one under 'venues'");
        assertMessage("venues:\n  - feed: kraken-spot\n    symbols: [BTC-USD]\n",
                "f.yaml: venues[0]: no live capture for feed 'kraken-spot'; supported: ");
        assertMessage("venues:\n  - feed: binance-spot\n    symbols: [BTCUSDT]\n",
                "f.yaml: venues[0]: binance-spot: 'BTCUSDT' is not a spot symbol like BTC-USDT");
        assertMessage("venues:\n  - feed: binance-usdm\n    symbols: [BTC-USDT]\n",
                "f.yaml: venues[0]: binance-usdm: 'BTC-USDT' is not a futures symbol like BTC-USDT-PERP");
        assertMessage("venues:\n  - feed: binance-spot\n    symbols: [BTC-USDT]\n    channels: [candles]\n",
                "f.yaml: venues[0]: unknown channel 'candles': use trades, book or bbo");
        assertMessage("venues:\n  - feed: binance-spot\n    symbols: [BTC-USDT]\n    url: https://x\n",
                "f.yaml: venues[0]: url must be ws:// or wss://");
        assertMessage("reconnect: {baseMs: 100, maxMs: 50}\nvenues:\n  - feed: coinbase\n    symbols: [BTC-USD]\n",
                "f.yaml: reconnect.maxMs must be >= reconnect.baseMs");
        assertMessage("resyncIntervalMs: -1\nvenues:\n  - feed: coinbase\n    symbols: [BTC-USD]\n",
                "f.yaml: resyncIntervalMs must be >= 0");
        assertMessage("connectTimeoutSeconds: soon\nvenues: []",
                "f.yaml: Cannot deserialize value of type `int` from String \"soon\"");
    }

    private static void assertMessage(String yaml, String prefix) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CaptureConfig.parse(yaml, "f.yaml"));
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
    }
}
