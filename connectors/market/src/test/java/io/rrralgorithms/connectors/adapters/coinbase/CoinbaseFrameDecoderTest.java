package io.rrralgorithms.connectors.adapters.coinbase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.adapters.ExchangeAdapter;
import io.rrralgorithms.connectors.adapters.ExchangeAdapters;
import io.rrralgorithms.connectors.adapters.FrameDecoder;
import io.rrralgorithms.connectors.capture.CaptureFiles;
import io.rrralgorithms.connectors.capture.CaptureReader;
import io.rrralgorithms.connectors.capture.CryptofeedCaptureReader;
import io.rrralgorithms.connectors.model.Decimals;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import io.rrralgorithms.connectors.testkit.CaptureLines;

/**
 * The Coinbase decoder over the real cryptofeed capture {@code COINBASE.ws.28.0} (2021 level2,
 * ticker and matches channels of 10 products), with per-type counts computed independently from
 * the raw lines by regex, and over malformed frames.
 */
class CoinbaseFrameDecoderTest {
    private static final Pattern RECEIVED = CaptureLines.RECEIVED;
    private static final Pattern TYPE = Pattern.compile("^\\{\"type\":\"([a-z_0-9]+)\"");

    static Path capture() {
        String prop = System.getProperty("rrr.shared.data");
        List<Path> candidates = new ArrayList<>();
        if (prop != null && !prop.isBlank()) {
            candidates.add(Path.of(prop));
        }
        candidates.add(Path.of("../shared/data"));
        candidates.add(Path.of("../../shared/data"));
        for (Path p : candidates) {
            Path f = p.resolve("market/cryptofeed/COINBASE.ws.28.0");
            if (Files.isRegularFile(f)) {
                return f.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("COINBASE.ws.28.0 not found under " + candidates
                + " (set -Drrr.shared.data=...)");
    }

    private static final ExchangeAdapter ADAPTER = ExchangeAdapters.forFeed("coinbase");

    private static RawFrame frame(String json) {
        byte[] p = json.getBytes(StandardCharsets.UTF_8);
        return new RawFrame("coinbase", ADAPTER.partitionKey(p), FrameKind.WS, 1_618_677_817_079_762_000L, p);
    }

    private static List<MarketEvent> decode(String json) throws DecodeException {
        List<MarketEvent> out = new ArrayList<>();
        ADAPTER.decoder().decode(frame(json), out::add);
        return out;
    }

    @Test
    void registeredAsFeedAndCryptofeedExchange() {
        assertTrue(ExchangeAdapters.isSupported("coinbase"));
        assertEquals("coinbase", ADAPTER.feed());
        assertEquals("coinbase", CryptofeedCaptureReader.FEEDS.get("COINBASE"));
    }

    @Test
    void wholeCaptureDecodesWithCountsFromTheRawLines() throws Exception {
        Path file = capture();
        Map<String, Integer> rawTypes = new TreeMap<>();
        int received = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            Matcher m = RECEIVED.matcher(line);
            if (!m.matches()) {
                continue;
            }
            received++;
            Matcher t = TYPE.matcher(m.group(2));
            rawTypes.merge(t.find() ? t.group(1) : "?", 1, Integer::sum);
        }
        System.out.println("COINBASE.ws.28.0 raw frame types: " + rawTypes);
        assertEquals(java.util.Set.of("l2update", "last_match", "match", "snapshot", "subscriptions", "ticker"),
                rawTypes.keySet(), "frame types in the capture");

        Map<EventType, Integer> counts = new EnumMap<>(EventType.class);
        List<String> errors = new ArrayList<>();
        int frames = 0, ignored = 0;
        FrameDecoder decoder = ADAPTER.decoder();
        try (CaptureReader r = CaptureFiles.open(file, null)) {
            assertEquals("coinbase", r.feed());
            while (r.hasNext()) {
                RawFrame f = r.next();
                frames++;
                String payload = new String(f.payload, StandardCharsets.UTF_8);
                try {
                    List<MarketEvent> evs = new ArrayList<>();
                    if (decoder.decode(f, evs::add) == FrameDecoder.Result.IGNORED) {
                        ignored++;
                        assertTrue(evs.isEmpty());
                    }
                    for (MarketEvent ev : evs) {
                        counts.merge(ev.type, 1, Integer::sum);
                        assertEquals("coinbase", ev.feed);
                        assertEquals(f.key, ev.nativeSymbol, "partition key is the product_id");
                        assertEquals(ev.nativeSymbol, ev.symbol);
                        assertTrue(ev.symbol.matches("[A-Z0-9]+-[A-Z0-9]+"), ev.symbol);
                        assertEquals(f.receiveTimeNs, ev.receiveTimeNs);
                        if (ev.type != EventType.BOOK_SNAPSHOT) {
                            assertTrue(ev.exchangeTimeMs > 1_600_000_000_000L, ev.toString());
                        }
                    }
                } catch (DecodeException e) {
                    errors.add(e.getMessage() + " <- " + payload.substring(0, Math.min(200, payload.length())));
                }
            }
        }
        assertEquals(List.of(), errors, "decode errors");
        assertEquals(received, frames, "every received frame read");
        assertEquals(rawTypes.get("match"), counts.get(EventType.TRADE), "trades = match frames");
        assertEquals(rawTypes.get("l2update"), counts.get(EventType.BOOK_DELTA));
        assertEquals(rawTypes.get("snapshot"), counts.get(EventType.BOOK_SNAPSHOT));
        assertEquals(rawTypes.get("ticker"), counts.get(EventType.BBO));
        assertEquals(rawTypes.get("subscriptions") + rawTypes.get("last_match"), ignored,
                "subscriptions and last_match are ignored");
        assertEquals(10, rawTypes.get("snapshot"));
        System.out.printf("coinbase: TRADE=%d BOOK_DELTA=%d BOOK_SNAPSHOT=%d BBO=%d IGNORED=%d%n",
                counts.get(EventType.TRADE), counts.get(EventType.BOOK_DELTA), counts.get(EventType.BOOK_SNAPSHOT),
                counts.get(EventType.BBO), ignored);
    }

    @Test
    void matchFromTheCaptureIsExact() throws Exception {
        // the first "match" line of the capture, checked field by field against its own text
        String line = null;
        for (String l : Files.readAllLines(capture(), StandardCharsets.UTF_8)) {
            Matcher m = RECEIVED.matcher(l);
            if (m.matches() && m.group(2).startsWith("{\"type\":\"match\"")) {
                line = m.group(2);
                break;
            }
        }
        assertNotNull(line);
        List<MarketEvent> evs = decode(line);
        assertEquals(1, evs.size());
        MarketEvent t = evs.get(0);
        Matcher f = Pattern.compile("\"trade_id\":(\\d+).*\"side\":\"(buy|sell)\",\"size\":\"([0-9.]+)\",\"price\":\"([0-9.]+)\",\"product_id\":\"([A-Z0-9-]+)\".*\"time\":\"([^\"]+)\"").matcher(line);
        assertTrue(f.find(), line);
        assertEquals(EventType.TRADE, t.type);
        assertEquals(Long.parseLong(f.group(1)), t.tradeId);
        assertEquals(f.group(2).equals("sell"), t.takerBuy, "side is the maker's");
        assertEquals(new BigDecimal(f.group(3)).movePointRight(8).longValueExact(), t.size);
        assertEquals(new BigDecimal(f.group(4)).movePointRight(8).longValueExact(), t.price);
        assertEquals(f.group(5), t.nativeSymbol);
        assertEquals(Instant.parse(f.group(6)).toEpochMilli(), t.exchangeTimeMs);
    }

    @Test
    void handWrittenMatchAndL2update() throws Exception {
        MarketEvent t = decode("{\"type\":\"match\",\"trade_id\":923563,\"maker_order_id\":\"a\",\"taker_order_id\":\"b\","
                + "\"side\":\"buy\",\"size\":\"2.578\",\"price\":\"0.0061759\",\"product_id\":\"DASH-BTC\","
                + "\"sequence\":2040406555,\"time\":\"2021-04-17T16:43:53.864119Z\"}").get(0);
        assertEquals(923563L, t.tradeId);
        assertEquals(257_800_000L, t.size);
        assertEquals(617_590L, t.price);
        assertFalse(t.takerBuy, "maker bought: the taker sold");
        assertEquals(1_618_677_833_864L, t.exchangeTimeMs);
        assertEquals("DASH-BTC", t.symbol);

        MarketEvent d = decode("{\"type\":\"l2update\",\"product_id\":\"BAND-BTC\",\"changes\":[[\"buy\",\"0.00032746\",\"0.00\"],"
                + "[\"sell\",\"0.00033500\",\"12.5\"],[\"buy\",\"0.00032700\",\"1\"]],\"time\":\"2021-04-17T16:43:48.119884Z\"}").get(0);
        assertEquals(EventType.BOOK_DELTA, d.type);
        assertEquals(d.receiveTimeNs, d.lastUpdateId, "level2 has no sequence: receive time orders it");
        assertEquals(List.of(32_746L, 32_700L), List.of(d.bidPrices[0], d.bidPrices[1]));
        assertEquals(List.of(0L, Decimals.ONE), List.of(d.bidSizes[0], d.bidSizes[1]));
        assertEquals(1, d.askPrices.length);
        assertEquals(33_500L, d.askPrices[0]);
        assertEquals(1_250_000_000L, d.askSizes[0]);

        MarketEvent bbo = decode("{\"type\":\"ticker\",\"sequence\":27883326,\"product_id\":\"SKL-GBP\",\"price\":\"0.5752\","
                + "\"best_bid\":\"0.5752\",\"best_ask\":\"0.5771\",\"side\":\"sell\",\"time\":\"2021-04-17T16:43:29.571587Z\"}").get(0);
        assertEquals(EventType.BBO, bbo.type);
        assertEquals(57_520_000L, bbo.bidPrices[0]);
        assertEquals(57_710_000L, bbo.askPrices[0]);
        assertEquals(0L, bbo.bidSizes[0], "no best_bid_size in the 2021 feed");
        assertEquals(27883326L, bbo.lastUpdateId);

        assertEquals(FrameDecoder.Result.IGNORED, ADAPTER.decoder().decode(frame(
                "{\"type\":\"last_match\",\"trade_id\":1,\"side\":\"buy\",\"size\":\"1\",\"price\":\"1\","
                        + "\"product_id\":\"SKL-USD\",\"sequence\":1,\"time\":\"2021-04-17T16:43:29.571587Z\"}"), e -> { }));
        assertEquals("SKL-USD", ADAPTER.partitionKey("{\"type\":\"l2update\",\"product_id\":\"SKL-USD\"}"
                .getBytes(StandardCharsets.UTF_8)));
        assertEquals(null, ADAPTER.partitionKey("{\"type\":\"subscriptions\"}".getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "''| empty frame",
        "{\"type\":\"match\",\"trade_id\":1,| malformed JSON",
        "[1,2]| not a JSON object",
        "{\"product_id\":\"SKL-USD\"}| missing field 'type'",
        "{\"type\":\"received\",\"product_id\":\"SKL-USD\"}| unknown message type 'received'",
        "{\"type\":\"error\",\"message\":\"Failed to subscribe\",\"reason\":\"bad product\"}| venue error message: Failed to subscribe",
        "{\"type\":\"match\",\"trade_id\":\"12\",\"side\":\"buy\",\"size\":\"1\",\"price\":\"1\",\"product_id\":\"X-Y\",\"time\":\"2021-04-17T16:43:29Z\"}| field 'trade_id' must be an integer, got STRING",
        "{\"type\":\"match\",\"trade_id\":12,\"side\":\"buy\",\"size\":1,\"price\":\"1\",\"product_id\":\"X-Y\",\"time\":\"2021-04-17T16:43:29Z\"}| field 'size' must be a decimal string, got NUMBER",
        "{\"type\":\"match\",\"trade_id\":12,\"side\":\"buy\",\"size\":\"1\",\"price\":\"0.000000001\",\"product_id\":\"X-Y\",\"time\":\"2021-04-17T16:43:29Z\"}| field 'price' is not an exact decimal",
        "{\"type\":\"match\",\"trade_id\":12,\"side\":\"up\",\"size\":\"1\",\"price\":\"1\",\"product_id\":\"X-Y\",\"time\":\"2021-04-17T16:43:29Z\"}| field 'side' must be buy or sell",
        "{\"type\":\"match\",\"trade_id\":12,\"side\":\"buy\",\"size\":\"1\",\"price\":\"1\",\"product_id\":\"X-Y\",\"time\":\"yesterday\"}| field 'time' is not an ISO-8601 instant",
        "{\"type\":\"l2update\",\"product_id\":\"X-Y\",\"changes\":{},\"time\":\"2021-04-17T16:43:29Z\"}| field 'changes' must be an array",
        "{\"type\":\"l2update\",\"product_id\":\"X-Y\",\"changes\":[[\"buy\",\"1\"]],\"time\":\"2021-04-17T16:43:29Z\"}| field 'changes[0]' must be a [side, price, size] array",
        "{\"type\":\"l2update\",\"product_id\":\"X-Y\",\"changes\":[[\"bid\",\"1\",\"2\"]],\"time\":\"2021-04-17T16:43:29Z\"}| field 'changes[0].side' must be buy or sell",
        "{\"type\":\"l2update\",\"product_id\":\"X-Y\",\"changes\":[[\"buy\",\"1.5e3\",\"2\"]],\"time\":\"2021-04-17T16:43:29Z\"}| changes[0].price",
        "{\"type\":\"snapshot\",\"product_id\":\"X-Y\",\"bids\":[[\"1\",\"2\"]]}| missing field 'asks'",
        "{\"type\":\"snapshot\",\"product_id\":7,\"bids\":[],\"asks\":[]}| field 'product_id' must be a string, got NUMBER",
        "{\"type\":\"ticker\",\"product_id\":\"X-Y\",\"best_bid\":\"1\",\"time\":\"2021-04-17T16:43:29Z\"}| missing field 'best_ask'",
    })
    void badFramesAreDeadLettersNamingTheProblem(String json, String reason) {
        DecodeException e = assertThrows(DecodeException.class, () -> decode(json));
        assertTrue(e.getMessage().contains(reason.strip()), "'" + e.getMessage() + "' should name: " + reason);
    }
}
