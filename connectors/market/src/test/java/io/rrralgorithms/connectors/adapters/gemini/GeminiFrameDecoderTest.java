package io.rrralgorithms.connectors.adapters.gemini;

import static io.rrralgorithms.connectors.testkit.Mantissa.m;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.adapters.ExchangeAdapter;
import io.rrralgorithms.connectors.adapters.ExchangeAdapters;
import io.rrralgorithms.connectors.adapters.FrameDecoder;
import io.rrralgorithms.connectors.capture.CaptureFiles;
import io.rrralgorithms.connectors.capture.CaptureReader;
import io.rrralgorithms.connectors.capture.CryptofeedCaptureReader;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.InstrumentCatalog;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import io.rrralgorithms.connectors.testkit.SharedData;
import io.rrralgorithms.connectors.testkit.CaptureLines;

/**
 * The Gemini decoder over the real capture {@code GEMINI.ws.1.0} (market data v2, {@code l2} of 10
 * symbols, 2021-06-24): counts per frame kind from the raw lines (Jackson), exact fields of real
 * frames, bad frames, and the instrument catalog from {@code /v1/symbols/details/*}.
 */
class GeminiFrameDecoderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ExchangeAdapter ADAPTER = ExchangeAdapters.forFeed("gemini");

    private static List<MarketEvent> decode(String json) throws DecodeException {
        byte[] p = json.getBytes(StandardCharsets.UTF_8);
        List<MarketEvent> out = new ArrayList<>();
        ADAPTER.decoder().decode(new RawFrame("gemini", ADAPTER.partitionKey(p), FrameKind.WS, 1_624_493_670_760_541_000L, p),
                out::add);
        return out;
    }

    @Test
    void registeredAsFeedAndCryptofeedExchange() {
        assertTrue(ExchangeAdapters.isSupported("gemini"));
        assertEquals("gemini", CryptofeedCaptureReader.FEEDS.get("GEMINI"));
    }

    @Test
    void wholeCaptureDecodesWithCountsFromTheRawLines() throws Exception {
        Path file = SharedData.cryptofeed("GEMINI.ws.1.0");
        Map<String, Integer> raw = new TreeMap<>();
        Set<String> booked = new HashSet<>();
        for (String p : CaptureLines.payloads(file)) {
            JsonNode j = JSON.readTree(p);
            String type = j.get("type").asText();
            if (type.equals("l2_updates")) {
                // the first message of a symbol is its book
                type = booked.add(j.get("symbol").asText()) ? "l2_updates:first" : "l2_updates:next";
                assertEquals(type.equals("l2_updates:first"), j.has("trades"), "only the first carries trades");
                assertTrue(!j.has("socket_sequence") && !j.has("sequence"), "v2 frames carry no sequence number");
            }
            raw.merge(type, 1, Integer::sum);
        }
        System.out.println("GEMINI.ws.1.0 raw frame kinds: " + raw);
        assertEquals(Map.of("heartbeat", 7, "l2_updates:first", 10, "l2_updates:next", 645, "trade", 16), raw);

        Map<EventType, Integer> counts = new EnumMap<>(EventType.class);
        List<String> errors = new ArrayList<>();
        int frames = 0, ignored = 0;
        try (CaptureReader r = CaptureFiles.open(file, null)) {
            while (r.hasNext()) {
                RawFrame f = r.next();
                frames++;
                try {
                    List<MarketEvent> evs = new ArrayList<>();
                    if (ADAPTER.decoder().decode(f, evs::add) == FrameDecoder.Result.IGNORED) {
                        ignored++;
                    }
                    for (MarketEvent ev : evs) {
                        counts.merge(ev.type, 1, Integer::sum);
                        assertEquals(f.key, ev.nativeSymbol, "partition key is the frame's symbol");
                        assertEquals(ev.type == EventType.TRADE ? MarketEvent.NONE : f.receiveTimeNs, ev.lastUpdateId,
                                "book events: the receive time orders them (no sequence)");
                        if (ev.type == EventType.TRADE) {
                            assertTrue(ev.exchangeTimeMs > 1_624_493_666_000L, ev.toString());
                        } else {
                            assertEquals(0L, ev.exchangeTimeMs, "l2_updates carry no time");
                        }
                    }
                } catch (DecodeException e) {
                    errors.add(e.getMessage() + " <- " + new String(f.payload, StandardCharsets.UTF_8));
                }
            }
        }
        assertEquals(List.of(), errors);
        assertEquals(678, frames);
        assertEquals(10, counts.get(EventType.BOOK_SNAPSHOT));
        assertEquals(645, counts.get(EventType.BOOK_DELTA));
        assertEquals(16, counts.get(EventType.TRADE), "the 10 x 50 trades inside the books are of before the session");
        assertEquals(7, ignored, "heartbeats");
    }

    @Test
    void realFramesAreExact() throws Exception {
        MarketEvent t = decode("{\"type\":\"trade\",\"symbol\":\"ANKRUSD\",\"event_id\":45465818387,\"timestamp\":1624493670759,"
                + "\"price\":\"0.07946\",\"quantity\":\"1020.482111\",\"side\":\"buy\"}").get(0);
        assertEquals(EventType.TRADE, t.type);
        assertEquals("ANKR-USD", t.symbol);
        assertEquals(45465818387L, t.tradeId);
        assertEquals(1624493670759L, t.exchangeTimeMs);
        assertEquals(m("0.07946"), t.price);
        assertEquals(m("1020.482111"), t.size);
        assertTrue(t.takerBuy, "side is the taker's");
        assertFalse(decode("{\"type\":\"trade\",\"symbol\":\"BTCGBP\",\"event_id\":1,\"timestamp\":1,\"price\":\"1\","
                + "\"quantity\":\"1\",\"side\":\"sell\"}").get(0).takerBuy);

        MarketEvent d = decode("{\"type\":\"l2_updates\",\"symbol\":\"FILUSD\",\"changes\":[[\"buy\",\"58.4033\",\"84.272973\"],"
                + "[\"sell\",\"58.5\",\"0\"]]}").get(0);
        assertEquals(EventType.BOOK_DELTA, d.type);
        assertEquals("FIL-USD", d.symbol);
        assertArrayEquals(new long[] {m("58.4033")}, d.bidPrices);
        assertArrayEquals(new long[] {m("84.272973")}, d.bidSizes);
        assertArrayEquals(new long[] {m("58.5")}, d.askPrices);
        assertArrayEquals(new long[] {0L}, d.askSizes);

        // the ALCXUSD book, the capture's first frame, against its own text
        String first = CaptureLines.payloads(SharedData.cryptofeed("GEMINI.ws.1.0")).get(0);
        MarketEvent s = decode(first).get(0);
        assertEquals(EventType.BOOK_SNAPSHOT, s.type);
        assertEquals("ALCXUSD", s.nativeSymbol);
        assertEquals("ALCX-USD", s.symbol);
        JsonNode changes = JSON.readTree(first).get("changes");
        int nb = 0, na = 0;
        for (JsonNode c : changes) {
            if (c.get(0).asText().equals("buy")) {
                assertEquals(m(c.get(1).asText()), s.bidPrices[nb]);
                assertEquals(m(c.get(2).asText()), s.bidSizes[nb++]);
            } else {
                assertEquals(m(c.get(1).asText()), s.askPrices[na]);
                assertEquals(m(c.get(2).asText()), s.askSizes[na++]);
            }
        }
        assertEquals(133, nb);
        assertEquals(26, na);
        assertEquals(m("302.75"), s.bidPrices[0]);
        assertEquals(m("0.00001"), s.bidSizes[0]);
        assertEquals(FrameDecoder.Result.IGNORED, ADAPTER.decoder().decode(new RawFrame("gemini", null, FrameKind.WS, 1L,
                "{\"type\":\"heartbeat\",\"timestamp\":1624493666869}".getBytes(StandardCharsets.UTF_8)), e -> { }));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "''| empty frame",
        "{\"type\":\"trade\",| malformed JSON",
        "[1]| not a JSON object",
        "{\"symbol\":\"BTCUSD\"}| missing field 'type'",
        "{\"type\":\"candles_1m_updates\",\"symbol\":\"BTCUSD\"}| unknown message type 'candles_1m_updates'",
        "{\"result\":\"error\",\"reason\":\"InvalidJson\",\"message\":\"bad\"}| venue error message: InvalidJson",
        "{\"type\":\"l2_updates\",\"symbol\":\"BTCUSD\"}| missing field 'changes'",
        "{\"type\":\"l2_updates\",\"symbol\":\"BTCUSD\",\"changes\":[[\"buy\",\"1\"]]}| must be a [side, price, quantity] array",
        "{\"type\":\"l2_updates\",\"symbol\":\"BTCUSD\",\"changes\":[[\"bid\",\"1\",\"1\"]]}| must be buy or sell",
        "{\"type\":\"l2_updates\",\"symbol\":\"BTCUSD\",\"changes\":[[\"buy\",\"1\",\"-1\"]]}| a negative quantity",
        "{\"type\":\"l2_updates\",\"symbol\":\"BTCUSD\",\"changes\":[[\"buy\",\"1\",\"0\"]],\"trades\":[]}| a non-positive quantity in a snapshot",
        "{\"type\":\"l2_updates\",\"symbol\":\"BTCUSD\",\"changes\":[],\"trades\":{}}| field 'trades' must be an array",
        "{\"type\":\"l2_updates\",\"symbol\":\"BTCUSD\",\"changes\":[[\"buy\",\"1.000000001\",\"1\"]]}| not an exact decimal",
        "{\"type\":\"l2_updates\",\"symbol\":\"BTCXYZ\",\"changes\":[]}| unknown Gemini symbol 'BTCXYZ'",
        "{\"type\":\"trade\",\"symbol\":\"BTCUSD\",\"event_id\":1,\"timestamp\":1,\"price\":\"1\",\"quantity\":\"1\",\"side\":\"up\"}| field 'side' must be buy or sell",
        "{\"type\":\"trade\",\"symbol\":\"BTCUSD\",\"event_id\":\"1\",\"timestamp\":1,\"price\":\"1\",\"quantity\":\"1\",\"side\":\"buy\"}| field 'event_id' must be an integer",
        "{\"type\":\"trade\",\"symbol\":\"BTCUSD\",\"event_id\":1,\"timestamp\":1,\"price\":1,\"quantity\":\"1\",\"side\":\"buy\"}| field 'price' must be a decimal string",
    })
    void badFramesAreDeadLettersNamingTheProblem(String json, String reason) {
        DecodeException e = assertThrows(DecodeException.class, () -> decode(json));
        assertTrue(e.getMessage().contains(reason.strip()), "'" + e.getMessage() + "' should name: " + reason);
    }

    @Test
    void catalogHoldsEverySymbolWithTheDecodersNormalizationAndEveryValueOnItsSteps() throws Exception {
        InstrumentCatalog c = InstrumentCatalog.fromCryptofeed(SharedData.cryptofeed("GEMINI.0"), ADAPTER);
        System.out.println("gemini catalog: " + c.size() + " symbols");
        assertEquals(71, c.size(), "one details response per symbol listed");
        Instrument btc = c.byNative("BTCUSD").orElseThrow();
        assertEquals("BTC-USD", btc.symbol());
        assertEquals(0, new BigDecimal("0.01").compareTo(btc.tickSize()), "quote_increment");
        assertEquals(0, new BigDecimal("1E-8").compareTo(btc.lotSize()), "tick_size, written 1E-8, is the quantity step");
        assertEquals("BTC-GUSD", c.byNative("BTCGUSD").orElseThrow().symbol());
        assertEquals("GUSD-USD", c.byNative("GUSDUSD").orElseThrow().symbol());
        assertEquals("1INCH-USD", c.byNative("1INCHUSD").orElseThrow().symbol());
        assertEquals("PAXG-USD", c.byNative("PAXGUSD").orElseThrow().symbol(), "Paxos Gold, not PAX-GUSD");
        for (Instrument i : c.all()) {
            assertTrue(i.fitsScale(), i.toString());
            assertEquals(i.symbol(), decode("{\"type\":\"l2_updates\",\"symbol\":\"" + i.nativeSymbol() + "\",\"changes\":[]}")
                    .get(0).symbol, i.nativeSymbol());
        }
        int values = 0;
        try (CaptureReader r = CaptureFiles.open(SharedData.cryptofeed("GEMINI.ws.1.0"), null)) {
            while (r.hasNext()) {
                List<MarketEvent> evs = new ArrayList<>();
                ADAPTER.decoder().decode(r.next(), evs::add);
                for (MarketEvent ev : evs) {
                    Instrument i = c.byNative(ev.nativeSymbol).orElseThrow(() -> new AssertionError(ev.nativeSymbol));
                    long tick = i.tickSize().movePointRight(8).longValueExact();
                    long lot = i.lotSize().movePointRight(8).longValueExact();
                    List<long[]> prices = ev.type == EventType.TRADE ? List.of(new long[] {ev.price})
                            : List.of(ev.bidPrices, ev.askPrices);
                    List<long[]> sizes = ev.type == EventType.TRADE ? List.of(new long[] {ev.size})
                            : List.of(ev.bidSizes, ev.askSizes);
                    for (long[] ps : prices) {
                        for (long p : ps) {
                            assertEquals(0, p % tick, ev.nativeSymbol + " price " + p);
                            values++;
                        }
                    }
                    for (long[] ss : sizes) {
                        for (long s : ss) {
                            assertEquals(0, s % lot, ev.nativeSymbol + " size " + s);
                        }
                    }
                }
            }
        }
        assertTrue(values > 3_000, "values checked: " + values);
    }
}
