package io.rrralgorithms.connectors.adapters.gateio;

import static io.rrralgorithms.connectors.testkit.EventFields.assertFields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.adapters.Decoded;
import io.rrralgorithms.connectors.adapters.FrameDecoder;
import io.rrralgorithms.connectors.adapters.RawCounts;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.InstrumentCatalog;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.Frames;
import io.rrralgorithms.connectors.testkit.SharedData;
import io.rrralgorithms.connectors.venues.Venue;
import io.rrralgorithms.connectors.venues.Venues;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Gate.io spot decoder over the real cryptofeed capture {@code GATEIO.ws.1.0} (2021 WebSocket
 * v4: order_book_update, trades, tickers, candlesticks of 10 pairs) with its REST order books
 * ({@code GATEIO.http.0.0}) and pair list ({@code GATEIO.0}). The standard checks are the
 * contract's ({@code DecoderCases}, oracle {@link GateioOracle}); here exact fields of real frames,
 * bad frames and the catalog's facts.
 */
public class GateioFrameDecoderTest {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Venue ADAPTER = Venues.forFeed("gateio");
    /** Frames at the capture's time. */
    private static final Frames.At CAPTURED = Frames.at(ADAPTER, 1_619_093_533_000_000_000L);

    static List<String> payloads(String file) {
        return CaptureLines.payloads(SharedData.cryptofeed(file));
    }

    static long mantissa(String decimal) {
        return new BigDecimal(decimal).movePointRight(8).longValueExact();
    }

    @Test
    void snapshotAndPartitionKeys() {
        assertEquals("HAI_ETH", ADAPTER.snapshotKey(
                "https://api.gateio.ws/api/v4/spot/order_book?currency_pair=HAI_ETH&limit=100&with_id=true"));
        assertNull(ADAPTER.snapshotKey("https://api.gateio.ws/api/v4/spot/currency_pairs"));
        assertNull(ADAPTER.snapshotKey("https://api.gateio.ws/api/v4/futures/usdt/order_book?contract=X_Y&with_id=true"));
        assertEquals("DIS_USDT", ADAPTER.partitionKey(("{\"time\":1619093534,\"channel\":\"spot.candlesticks\",\"event\":"
                + "\"update\",\"result\":{\"t\":\"1619093520\",\"v\":\"0\",\"n\":\"1m_DIS_USDT\"}}").getBytes(StandardCharsets.UTF_8)));
        assertNull(ADAPTER.partitionKey("{\"time\":1619093532,\"channel\":\"spot.trades\",\"event\":\"subscribe\","
                .concat("\"result\":{\"status\":\"success\"}}").getBytes(StandardCharsets.UTF_8)));
    }

    /** Pairs are the symbols with a dash; book updates and trades in the capture's minute. */
    public static void event(RawFrame f, MarketEvent ev, Decoded d) {
        assertEquals(ev.nativeSymbol.replace('_', '-'), ev.symbol);
        if (ev.type == EventType.BOOK_DELTA || ev.type == EventType.TRADE) {
            assertTrue(ev.exchangeTimeMs > 1_619_093_500_000L && ev.exchangeTimeMs < 1_619_093_600_000L, ev.toString());
        }
    }

    /** The dead letters: sizes of 9-10 decimals, of four pairs. */
    public static void decoded(RawCounts raw, Decoded d) {
        d.errors.forEach(e -> assertTrue(e.contains("more than 8 fractional digits"), e));
        assertEquals(Set.of("BTC_USDC", "DIS_USDT", "INK_USDT", "OMG_USDT"), d.deadLetterKeys);
    }

    @Test
    void framesFromTheCaptureAreExact() throws Exception {
        // the first trade: {"id":816995772,"create_time":1619093543,"create_time_ms":"1619093543708.2642",
        // "side":"sell","currency_pair":"DIS_USDT","amount":"0.2010000000","price":"121.5800000000"}
        String trade = payloads("GATEIO.ws.1.0").stream().filter(p -> p.contains("\"channel\":\"spot.trades\",\"event\":\"update\""))
                .findFirst().orElseThrow();
        MarketEvent t = CAPTURED.decode(trade).get(0);
        assertFields(t, "type", EventType.TRADE, "nativeSymbol", "DIS_USDT", "symbol", "DIS-USDT",
                "tradeId", 816995772L, "exchangeTimeMs", 1_619_093_543_708L);
        assertFalse(t.takerBuy, "side is the taker's: sell");
        assertEquals(20_100_000L, t.size);
        assertEquals(12_158_000_000L, t.price);

        // an order book update: HAI_ETH U 2691449 u 2691452
        String upd = payloads("GATEIO.ws.1.0").stream().filter(p -> p.contains("\"U\":2691449,")).findFirst().orElseThrow();
        JsonNode r = JSON.readTree(upd).get("result");
        MarketEvent d = CAPTURED.decode(upd).get(0);
        assertFields(d, "type", EventType.BOOK_DELTA, "firstUpdateId", 2691449L, "lastUpdateId", 2691452L,
                "exchangeTimeMs", r.get("t").asLong());
        assertEquals(r.get("b").size(), d.bidPrices.length);
        assertEquals(r.get("a").size(), d.askPrices.length);
        assertEquals(mantissa(r.get("b").get(0).get(0).asText()), d.bidPrices[0]);
        assertEquals(mantissa(r.get("b").get(0).get(1).asText()), d.bidSizes[0]);
        assertEquals(mantissa(r.get("a").get(0).get(0).asText()), d.askPrices[0]);
        assertEquals(mantissa(r.get("a").get(0).get(1).asText()), d.askSizes[0]);

        // the first ticker: NEO_BTC highest_bid 0.0018697, lowest_ask 0.0018734, no sizes
        String tick = payloads("GATEIO.ws.1.0").stream().filter(p -> p.contains("\"channel\":\"spot.tickers\",\"event\":\"update\""))
                .findFirst().orElseThrow();
        MarketEvent b = CAPTURED.decode(tick).get(0);
        assertFields(b, "type", EventType.BBO, "nativeSymbol", "NEO_BTC", "bidPrices", new long[] {186_970L},
                "askPrices", new long[] {187_340L}, "bidSizes", new long[] {0L});
        assertEquals(0L, b.exchangeTimeMs, "the 2021 envelope has whole seconds only");

        // the HAI_ETH REST order book
        String line = Files.readAllLines(SharedData.cryptofeed("GATEIO.http.0.0"), StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains("currency_pair=HAI_ETH&")).findFirst().orElseThrow();
        String body = line.substring(line.indexOf(": ", line.indexOf(" -> ")) + 2);
        JsonNode sj = JSON.readTree(body);
        List<MarketEvent> out = new ArrayList<>();
        ADAPTER.decoder().decode(new RawFrame("gateio", ADAPTER.snapshotKey(line.substring(0, line.indexOf(" -> "))),
                FrameKind.REST_SNAPSHOT, 1L, body.getBytes(StandardCharsets.UTF_8)), out::add);
        MarketEvent s = out.get(0);
        assertFields(s, "type", EventType.BOOK_SNAPSHOT, "nativeSymbol", "HAI_ETH", "lastUpdateId", 2691446L);
        assertEquals(0L, s.exchangeTimeMs, "the 2021 response has no time");
        assertEquals(sj.get("bids").size(), s.bidPrices.length);
        assertEquals(sj.get("asks").size(), s.askPrices.length);
        assertEquals(mantissa(sj.get("asks").get(0).get(0).asText()), s.askPrices[0]);
        assertEquals(mantissa(sj.get("asks").get(0).get(1).asText()), s.askSizes[0]);
    }

    @Test
    void handWrittenBookTickerPongAndNewerSnapshot() throws Exception {
        MarketEvent b = CAPTURED.decode("{\"time\":1606293275,\"time_ms\":1606293275723,\"channel\":\"spot.book_ticker\","
                + "\"event\":\"update\",\"result\":{\"t\":1606293275123,\"u\":48733182,\"s\":\"BTC_USDT\",\"b\":\"19177.79\","
                + "\"B\":\"0.00033415\",\"a\":\"19179.38\",\"A\":\"0.09\"}}").get(0);
        assertFields(b, "type", EventType.BBO, "symbol", "BTC-USDT", "lastUpdateId", 48733182L,
                "exchangeTimeMs", 1_606_293_275_123L, "bidPrices", new long[] {1_917_779_000_000L},
                "bidSizes", new long[] {33_415L}, "askPrices", new long[] {1_917_938_000_000L},
                "askSizes", new long[] {9_000_000L});

        assertEquals(FrameDecoder.Result.IGNORED, ADAPTER.decoder().decode(CAPTURED.ws(
                "{\"time\":1545404023,\"channel\":\"spot.pong\",\"event\":\"\",\"error\":null,\"result\":null}"), e -> { }));
        assertEquals(FrameDecoder.Result.IGNORED, ADAPTER.decoder().decode(CAPTURED.ws(
                "{\"time\":1619093532,\"channel\":\"spot.trades\",\"event\":\"unsubscribe\",\"result\":{\"status\":\"success\"}}"), e -> { }));

        List<MarketEvent> out = new ArrayList<>();
        ADAPTER.decoder().decode(new RawFrame("gateio", "BTC_USDT", FrameKind.REST_SNAPSHOT, 1L,
                ("{\"id\":123456,\"current\":1623898993123,\"update\":1623898993121,\"asks\":[[\"1.52\",\"1.151\"]],"
                        + "\"bids\":[[\"1.17\",\"201.863\"]]}").getBytes(StandardCharsets.UTF_8)), out::add);
        assertEquals(123456L, out.get(0).lastUpdateId);
        assertEquals(1_623_898_993_123L, out.get(0).exchangeTimeMs, "current: when the book was read");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "{\"event\":\"update\"}| missing field 'channel'",
        "{\"channel\":\"spot.trades\",\"result\":{}}| missing field 'event'",
        "{\"channel\":\"spot.trades\",\"event\":\"all\",\"result\":{}}| unknown event 'all' on channel 'spot.trades'",
        "{\"channel\":\"spot.trades\",\"event\":\"subscribe\",\"error\":{\"code\":2,\"message\":\"unknown currency pair GATE_USDT\"},\"result\":null}| venue error message on spot.trades: code 2 unknown currency pair GATE_USDT",
        "{\"channel\":\"spot.trades\",\"event\":\"subscribe\",\"result\":{\"status\":\"fail\"}}| subscribe of spot.trades failed",
        "{\"channel\":\"spot.trades\",\"event\":\"update\",\"result\":[]}| field 'result' must be an object",
        "{\"channel\":\"spot.trades\",\"event\":\"update\",\"result\":{\"id\":1,\"create_time_ms\":\"1619093543708.2642\",\"side\":\"up\",\"currency_pair\":\"DIS_USDT\",\"amount\":\"1\",\"price\":\"1\"}}| field 'side' must be buy or sell",
        "{\"channel\":\"spot.trades\",\"event\":\"update\",\"result\":{\"id\":\"1\",\"create_time_ms\":\"1619093543708.2642\",\"side\":\"buy\",\"currency_pair\":\"DIS_USDT\",\"amount\":\"1\",\"price\":\"1\"}}| field 'id' must be an integer, got STRING",
        "{\"channel\":\"spot.trades\",\"event\":\"update\",\"result\":{\"id\":1,\"create_time_ms\":\"soon\",\"side\":\"buy\",\"currency_pair\":\"DIS_USDT\",\"amount\":\"1\",\"price\":\"1\"}}| field 'create_time_ms' is not a time in ms",
        "{\"channel\":\"spot.trades\",\"event\":\"update\",\"result\":{\"id\":1,\"create_time_ms\":\"1\",\"side\":\"buy\",\"currency_pair\":\"DISUSDT\",\"amount\":\"1\",\"price\":\"1\"}}| unknown symbol 'DISUSDT'",
        "{\"channel\":\"spot.order_book_update\",\"event\":\"update\",\"result\":{\"t\":1,\"s\":\"HAI_ETH\",\"U\":5,\"u\":4,\"b\":[],\"a\":[]}}| U 5 > u 4",
        "{\"channel\":\"spot.order_book_update\",\"event\":\"update\",\"result\":{\"t\":1,\"s\":\"HAI_ETH\",\"U\":5,\"u\":6,\"b\":[[\"1\"]],\"a\":[]}}| field 'b[0]' must be a [price, size] array",
        "{\"channel\":\"spot.order_book_update\",\"event\":\"update\",\"result\":{\"t\":1,\"s\":\"HAI_ETH\",\"U\":5,\"u\":6,\"b\":[]}}| missing field 'a'",
        "{\"channel\":\"spot.tickers\",\"event\":\"update\",\"result\":{\"currency_pair\":\"NEO_BTC\",\"highest_bid\":\"\",\"lowest_ask\":\"1\"}}| field 'highest_bid' is not an exact decimal",
    })
    void badFramesAreDeadLettersNamingTheProblem(String json, String reason) {
        CAPTURED.assertDeadLetter(json, reason);
    }

    @Test
    void badSnapshotsAreDeadLetters() {
        RawFrame error = new RawFrame("gateio", "HAI_ETH", FrameKind.REST_SNAPSHOT, 1L,
                "{\"label\":\"INVALID_CURRENCY_PAIR\",\"message\":\"Invalid currency pair\"}".getBytes(StandardCharsets.UTF_8));
        DecodeException e = assertThrows(DecodeException.class, () -> ADAPTER.decoder().decode(error, x -> { }));
        assertTrue(e.getMessage().contains("venue error response: INVALID_CURRENCY_PAIR"), e.getMessage());
        RawFrame noId = new RawFrame("gateio", "HAI_ETH", FrameKind.REST_SNAPSHOT, 1L,
                "{\"asks\":[],\"bids\":[]}".getBytes(StandardCharsets.UTF_8));
        e = assertThrows(DecodeException.class, () -> ADAPTER.decoder().decode(noId, x -> { }));
        assertTrue(e.getMessage().contains("missing field 'id'"), e.getMessage());
    }

    @Test
    void catalogFromTheRecordedPairs() throws Exception {
        InstrumentCatalog c = InstrumentCatalog.fromCryptofeed(SharedData.cryptofeed("GATEIO.0"), ADAPTER);
        for (Instrument i : c.all()) {
            assertEquals(i.symbol(), GateioSymbols.spot(i.nativeSymbol()), i.nativeSymbol());
        }
        Set<String> captured = new TreeSet<>();
        for (String p : payloads("GATEIO.ws.1.0")) {
            String k = ADAPTER.partitionKey(p.getBytes(StandardCharsets.UTF_8));
            if (k != null) {
                captured.add(k);
            }
        }
        assertEquals(Set.of("BTC_USDC", "DIS_USDT", "FAST_USDT", "HAI_ETH", "INK_USDT", "NANO_USDT", "NEO_BTC",
                "OMG_USDT", "QTUM3S_USDT", "ZKS_ETH"), captured);
        for (String s : captured) {
            Instrument i = c.byNative(s).orElseThrow(() -> new AssertionError(s + " not in the catalog"));
            assertEquals(i.symbol(), GateioSymbols.spot(s));
            assertTrue(i.fitsScale(), s + ": tick and lot fit; the dead letters are sizes finer than the lot");
        }
        Instrument omg = c.byNative("OMG_USDT").orElseThrow();
        assertEquals(new BigDecimal("0.001"), omg.tickSize());
        assertEquals(new BigDecimal("0.001"), omg.lotSize());
        assertEquals(127 + 2, c.all().stream().filter(i -> !i.fitsScale()).count(), "pairs with precision 9 or 10");
    }
}
