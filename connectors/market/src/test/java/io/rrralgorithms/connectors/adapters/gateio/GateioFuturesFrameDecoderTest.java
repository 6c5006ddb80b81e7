package io.rrralgorithms.connectors.adapters.gateio;

import static io.rrralgorithms.connectors.adapters.gateio.GateioFrameDecoderTest.JSON;
import static io.rrralgorithms.connectors.adapters.gateio.GateioFrameDecoderTest.mantissa;
import static io.rrralgorithms.connectors.adapters.gateio.GateioFrameDecoderTest.payloads;
import static io.rrralgorithms.connectors.testkit.EventFields.assertFields;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.adapters.Decoded;
import io.rrralgorithms.connectors.adapters.FrameDecoder;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.InstrumentCatalog;
import io.rrralgorithms.connectors.model.Decimals;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
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
 * The Gate.io futures decoder over the real cryptofeed capture {@code GATEIO_FUTURES.ws.1.0}
 * (2023-05-24, USDT perpetuals: order_book_update, book_ticker, candlesticks; the trades channel
 * was subscribed but no trade happened in the 20 s) with its REST order books and contract list.
 * The standard checks are the contract's ({@code DecoderCases}, oracle {@link GateioOracle#futures}).
 */
public class GateioFuturesFrameDecoderTest {
    private static final Venue ADAPTER = Venues.forFeed("gateio-futures");
    /** Frames at the capture's time. */
    private static final Frames.At CAPTURED = Frames.at(ADAPTER, 1_684_930_165_000_000_000L);
    private static final String WS = "GATEIO_FUTURES.ws.1.0";

    private static long contracts(JsonNode n) {
        return n.asLong() * Decimals.ONE;
    }

    @Test
    void snapshotAndPartitionKeys() {
        assertEquals("RDNT_USDT", ADAPTER.snapshotKey(
                "https://api.gateio.ws/api/v4/futures/usdt/order_book?contract=RDNT_USDT&limit=100&with_id=true"));
        assertNull(ADAPTER.snapshotKey("https://api.gateio.ws/api/v4/futures/usdt/contracts"));
        assertNull(ADAPTER.snapshotKey("https://api.gateio.ws/api/v4/spot/order_book?currency_pair=X_Y&with_id=true"));
        assertEquals("BTC_USDT", ADAPTER.partitionKey(("{\"channel\":\"futures.trades\",\"event\":\"update\",\"result\":"
                + "[{\"size\":-108,\"id\":1,\"create_time_ms\":1,\"price\":\"1\",\"contract\":\"BTC_USDT\"}]}")
                .getBytes(StandardCharsets.UTF_8)));
        assertEquals("FRONT_USDT", ADAPTER.partitionKey(("{\"channel\":\"futures.candlesticks\",\"event\":\"update\","
                + "\"result\":[{\"t\":1684930140,\"v\":0,\"c\":\"0.1701\",\"n\":\"1m_FRONT_USDT\"}]}").getBytes(StandardCharsets.UTF_8)));
    }

    /** Contracts are perpetuals; every event in the capture's 20 s. */
    public static void event(RawFrame f, MarketEvent ev, Decoded d) {
        assertEquals(ev.nativeSymbol.replace('_', '-') + "-PERP", ev.symbol);
        assertTrue(ev.exchangeTimeMs > 1_684_930_160_000L && ev.exchangeTimeMs < 1_684_930_200_000L, ev.toString());
    }

    @Test
    void framesFromTheCaptureAreExact() throws Exception {
        // {"time":1684930165,"time_ms":1684930165254,"channel":"futures.order_book_update","event":"update",
        //  "result":{"U":203083177,"a":[{"p":"0.2983","s":0}],"b":[],"s":"RDNT_USDT","t":1684930165217,"u":203083177}}
        String first = payloads(WS).stream().filter(p -> p.contains("futures.order_book_update\",\"event\":\"update\""))
                .findFirst().orElseThrow();
        MarketEvent d = CAPTURED.decode(first).get(0);
        assertFields(d, "type", EventType.BOOK_DELTA, "nativeSymbol", "RDNT_USDT", "symbol", "RDNT-USDT-PERP",
                "firstUpdateId", 203083177L, "lastUpdateId", 203083177L, "exchangeTimeMs", 1_684_930_165_217L,
                "askPrices", new long[] {29_830_000L});
        assertArrayEquals(new long[] {0L}, d.askSizes, "size 0 removes");
        assertEquals(0, d.bidPrices.length);

        // a bigger update: every level against the raw JSON
        String big = payloads(WS).stream().filter(p -> p.contains("\"U\":203083194,")).findFirst().orElseThrow();
        JsonNode r = JSON.readTree(big).get("result");
        MarketEvent e = CAPTURED.decode(big).get(0);
        assertEquals(203083234L, e.lastUpdateId);
        assertEquals(r.get("b").size(), e.bidPrices.length);
        for (int i = 0; i < e.bidPrices.length; i++) {
            assertEquals(mantissa(r.get("b").get(i).get("p").asText()), e.bidPrices[i]);
            assertEquals(contracts(r.get("b").get(i).get("s")), e.bidSizes[i]);
        }
        for (int i = 0; i < e.askPrices.length; i++) {
            assertEquals(mantissa(r.get("a").get(i).get("p").asText()), e.askPrices[i]);
            assertEquals(contracts(r.get("a").get(i).get("s")), e.askSizes[i]);
        }

        // {"t":1684930165621,"u":6159967,"s":"PHB_USDT","b":"0.7379","B":814,"a":"0.739","A":677}
        String bt = payloads(WS).stream().filter(p -> p.contains("futures.book_ticker\",\"event\":\"update\""))
                .findFirst().orElseThrow();
        MarketEvent b = CAPTURED.decode(bt).get(0);
        assertFields(b, "type", EventType.BBO, "nativeSymbol", "PHB_USDT", "lastUpdateId", 6159967L,
                "exchangeTimeMs", 1_684_930_165_621L, "bidPrices", new long[] {73_790_000L},
                "bidSizes", new long[] {814 * Decimals.ONE}, "askPrices", new long[] {73_900_000L},
                "askSizes", new long[] {677 * Decimals.ONE});

        // the RDNT_USDT REST order book: id 203083287, current 1684930166.384
        String line = Files.readAllLines(SharedData.cryptofeed("GATEIO_FUTURES.http.0.0"), StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains("contract=RDNT_USDT&")).findFirst().orElseThrow();
        String body = line.substring(line.indexOf(": ", line.indexOf(" -> ")) + 2);
        JsonNode sj = JSON.readTree(body);
        List<MarketEvent> out = new ArrayList<>();
        ADAPTER.decoder().decode(new RawFrame("gateio-futures", ADAPTER.snapshotKey(line.substring(0, line.indexOf(" -> "))),
                FrameKind.REST_SNAPSHOT, 1L, body.getBytes(StandardCharsets.UTF_8)), out::add);
        MarketEvent s = out.get(0);
        assertFields(s, "type", EventType.BOOK_SNAPSHOT, "nativeSymbol", "RDNT_USDT", "lastUpdateId", 203083287L,
                "exchangeTimeMs", 1_684_930_166_384L);
        assertEquals(sj.get("bids").size(), s.bidPrices.length);
        assertEquals(76, s.askPrices.length);
        assertEquals(29_740_000L, s.askPrices[0]);
        assertEquals(803 * Decimals.ONE, s.askSizes[0]);
        assertEquals(mantissa(sj.get("bids").get(0).get("p").asText()), s.bidPrices[0]);
        assertEquals(contracts(sj.get("bids").get(0).get("s")), s.bidSizes[0]);
    }

    @Test
    void handWrittenTradesAndEmptyTickerSide() throws Exception {
        List<MarketEvent> ts = CAPTURED.decode("{\"time\":1684930170,\"time_ms\":1684930170123,\"channel\":\"futures.trades\","
                + "\"event\":\"update\",\"result\":[{\"size\":-108,\"id\":27753479,\"create_time\":1684930170,"
                + "\"create_time_ms\":1684930170101,\"price\":\"0.2983\",\"contract\":\"RDNT_USDT\"},"
                + "{\"size\":5,\"id\":27753480,\"create_time\":1684930170,\"create_time_ms\":1684930170102,"
                + "\"price\":\"0.2984\",\"contract\":\"RDNT_USDT\"}]}");
        assertEquals(2, ts.size());
        MarketEvent sell = ts.get(0);
        assertEquals(EventType.TRADE, sell.type);
        assertFalse(sell.takerBuy, "negative size: the taker sold");
        assertEquals(108 * Decimals.ONE, sell.size, "contracts");
        assertFields(sell, "tradeId", 27753479L, "exchangeTimeMs", 1_684_930_170_101L, "price", 29_830_000L,
                "symbol", "RDNT-USDT-PERP");
        assertTrue(ts.get(1).takerBuy);
        assertEquals(5 * Decimals.ONE, ts.get(1).size);

        MarketEvent b = CAPTURED.decode("{\"time\":1,\"time_ms\":1,\"channel\":\"futures.book_ticker\",\"event\":\"update\","
                + "\"result\":{\"t\":1684930165621,\"u\":7,\"s\":\"PHB_USDT\",\"b\":\"\",\"B\":0,\"a\":\"0.739\",\"A\":677}}").get(0);
        assertEquals(0, b.bidPrices.length, "empty bid side");
        assertEquals(1, b.askPrices.length);

        for (String json : List.of(
                "{\"time\":1,\"channel\":\"futures.pong\",\"event\":\"\",\"error\":null,\"result\":null}",
                "{\"time\":1,\"time_ms\":1,\"channel\":\"futures.tickers\",\"event\":\"update\",\"result\":[{\"contract\":\"BTC_USDT\",\"funding_rate\":\"0.0001\"}]}",
                "{\"time\":1684930165,\"time_ms\":0,\"channel\":\"futures.trades\",\"event\":\"subscribe\",\"result\":{\"status\":\"success\"}}")) {
            assertEquals(FrameDecoder.Result.IGNORED, ADAPTER.decoder().decode(CAPTURED.ws(json), x -> { }), json);
        }
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "{\"channel\":\"futures.trades\",\"event\":\"update\",\"result\":{}}| field 'result' must be an array of trades",
        "{\"channel\":\"futures.trades\",\"event\":\"update\",\"result\":[]}| futures.trades update without trades",
        "{\"channel\":\"futures.trades\",\"event\":\"update\",\"result\":[{\"size\":0,\"id\":1,\"create_time_ms\":1,\"price\":\"1\",\"contract\":\"BTC_USDT\"}]}| zero size",
        "{\"channel\":\"futures.trades\",\"event\":\"update\",\"result\":[{\"size\":1.5,\"id\":1,\"create_time_ms\":1,\"price\":\"1\",\"contract\":\"BTC_USDT\"}]}| field 'size' must be an integer or a decimal string, got NUMBER",
        "{\"channel\":\"futures.trades\",\"event\":\"update\",\"result\":[{\"size\":1,\"id\":1,\"create_time_ms\":1,\"price\":\"1\",\"contract\":\"BTCUSDT\"}]}| unknown symbol 'BTCUSDT'",
        "{\"channel\":\"futures.order_book_update\",\"event\":\"update\",\"result\":{\"t\":1,\"s\":\"RDNT_USDT\",\"U\":1,\"u\":1,\"a\":[[\"0.1\",1]],\"b\":[]}}| field 'a[0]' must be a {p, s} object",
        "{\"channel\":\"futures.order_book_update\",\"event\":\"update\",\"result\":{\"t\":1,\"s\":\"RDNT_USDT\",\"U\":1,\"u\":1,\"a\":[{\"p\":0.1,\"s\":1}],\"b\":[]}}| field 'a[0].p' must be a decimal string",
        "{\"channel\":\"futures.order_book_update\",\"event\":\"update\",\"result\":{\"t\":1,\"s\":\"RDNT_USDT\",\"U\":1,\"u\":1,\"a\":[{\"p\":\"0.1\",\"s\":-1}],\"b\":[]}}| non-positive price or negative size",
        "{\"channel\":\"futures.order_book_update\",\"event\":\"update\",\"result\":{\"t\":1,\"s\":\"RDNT_USDT\",\"U\":2,\"u\":1,\"a\":[],\"b\":[]}}| U 2 > u 1",
        "{\"channel\":\"futures.order_book_update\",\"event\":\"subscribe\",\"error\":{\"code\":2,\"message\":\"unknown contract\"},\"result\":{\"status\":\"fail\"}}| venue error message on futures.order_book_update: code 2 unknown contract",
    })
    void badFramesAreDeadLettersNamingTheProblem(String json, String reason) {
        CAPTURED.assertDeadLetter(json, reason);
    }

    @Test
    void catalogFromTheRecordedContracts() throws Exception {
        InstrumentCatalog c = InstrumentCatalog.fromCryptofeed(SharedData.cryptofeed("GATEIO_FUTURES.0"), ADAPTER);
        for (Instrument i : c.all()) {
            assertEquals(i.symbol(), GateioSymbols.perpetual(i.nativeSymbol()), i.nativeSymbol());
            assertEquals(Instrument.Kind.PERPETUAL, i.kind());
            assertEquals(BigDecimal.ONE, i.lotSize());
        }
        Set<String> captured = new TreeSet<>();
        for (String p : payloads(WS)) {
            String k = ADAPTER.partitionKey(p.getBytes(StandardCharsets.UTF_8));
            if (k != null) {
                captured.add(k);
            }
        }
        assertEquals(Set.of("DIA_USDT", "FRONT_USDT", "LIT_USDT", "OMG_USDT", "PHB_USDT", "QUICK_USDT", "RDNT_USDT",
                "SFP_USDT", "WOO_USDT", "ZRX_USDT"), captured);
        for (String s : captured) {
            Instrument i = c.byNative(s).orElseThrow(() -> new AssertionError(s + " not in the catalog"));
            assertEquals(i.symbol(), GateioSymbols.perpetual(s));
            assertTrue(i.fitsScale(), s);
        }
        assertEquals(new BigDecimal("0.0001"), c.byNative("RDNT_USDT").orElseThrow().tickSize());
        List<String> notFitting = c.all().stream().filter(i -> !i.fitsScale())
                .map(i -> i.nativeSymbol() + " " + i.tickSize().toPlainString()).toList();
        System.out.println("gateio-futures contracts with ticks finer than 1e-8: " + notFitting);
        assertEquals(10, notFitting.size());
    }
}
