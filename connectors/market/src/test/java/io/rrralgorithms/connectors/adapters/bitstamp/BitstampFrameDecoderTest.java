package io.rrralgorithms.connectors.adapters.bitstamp;

import static io.rrralgorithms.connectors.testkit.EventFields.assertFields;
import static io.rrralgorithms.connectors.testkit.Mantissa.m;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.adapters.Decoded;
import io.rrralgorithms.connectors.adapters.FrameDecoder;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.InstrumentCatalog;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Bitstamp decoder over the real capture {@code BITSTAMP.ws.1.0} (diff_order_book and
 * live_trades of 10 pairs, 2022-01-05) with its REST book snapshots {@code BITSTAMP.http.0.0}:
 * counts per frame kind from the raw lines (Jackson), exact fields of real frames, bad frames,
 * and the instrument catalog from {@code trading-pairs-info}. The standard checks are the
 * contract's ({@code DecoderCases}); here the oracle and the venue's own fields.
 */
public class BitstampFrameDecoderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Venue ADAPTER = Venues.forFeed("bitstamp");

    /** Frames at the capture's time. */
    private static final Frames.At CAPTURED = Frames.at(ADAPTER, 1_641_343_697_403_468_100L);

    @Test
    void snapshotAndPartitionKeys() {
        assertEquals("ethusd", ADAPTER.snapshotKey("https://www.bitstamp.net/api/v2/order_book/ethusd"));
        assertEquals("ethusd", ADAPTER.snapshotKey("https://www.bitstamp.net/api/v2/order_book/ethusd/?group=1"));
        assertNull(ADAPTER.snapshotKey("https://www.bitstamp.net/api/v2/trading-pairs-info/"));
        assertEquals("usdteur", ADAPTER.partitionKey("{\"event\":\"data\",\"channel\":\"diff_order_book_usdteur\"}"
                .getBytes(StandardCharsets.UTF_8)));
        assertEquals("ethusd", ADAPTER.partitionKey("{\"data\":{\"id\":1},\"channel\":\"live_trades_ethusd\",\"event\":\"trade\"}"
                .getBytes(StandardCharsets.UTF_8)));
        assertNull(ADAPTER.partitionKey("{\"event\":\"bts:heartbeat\"}".getBytes(StandardCharsets.UTF_8)));
    }

    /** Snapshots are the REST books; times in the capture's minute; book update id = microtimestamp. */
    public static void event(RawFrame f, MarketEvent ev, Decoded d) {
        assertEquals(ev.type == EventType.BOOK_SNAPSHOT, f.kind == FrameKind.REST_SNAPSHOT);
        assertTrue(ev.exchangeTimeMs > 1_641_343_690_000L && ev.exchangeTimeMs < 1_641_343_730_000L, ev.toString());
        if (ev.type != EventType.TRADE) {
            assertEquals(ev.exchangeTimeMs, ev.lastUpdateId / 1000, "update id = microtimestamp");
        }
    }

    @Test
    void realFramesAreExact() throws Exception {
        MarketEvent t = CAPTURED.decode("{\"data\":{\"id\":216000477,\"timestamp\":\"1641343699\",\"amount\":0.0792,\"amount_str\":\"0.07920000\","
                + "\"price\":3805.44,\"price_str\":\"3805.44\",\"type\":0,\"microtimestamp\":\"1641343699596000\","
                + "\"buy_order_id\":1443875737346049,\"sell_order_id\":1443875731320832},\"channel\":\"live_trades_ethusd\",\"event\":\"trade\"}")
                .get(0);
        assertFields(t, "type", EventType.TRADE, "symbol", "ETH-USD", "tradeId", 216000477L, "price", m("3805.44"),
                "size", m("0.0792"));
        assertTrue(t.takerBuy, "type 0: a buy (the buy order is the later one)");
        assertEquals(1641343699596L, t.exchangeTimeMs);

        MarketEvent d = CAPTURED.decode("{\"data\":{\"timestamp\":\"1641343691\",\"microtimestamp\":\"1641343691406478\",\"bids\":[[\"3800.71\",\"1.76200000\"],"
                + "[\"3800.07\",\"10.00000000\"],[\"3799.64\",\"0.00000000\"],[\"3797.93\",\"2.73248242\"]],\"asks\":[]},"
                + "\"channel\":\"diff_order_book_ethusd\",\"event\":\"data\"}").get(0);
        assertFields(d, "type", EventType.BOOK_DELTA, "lastUpdateId", 1641343691406478L,
                "firstUpdateId", 1641343691406478L, "exchangeTimeMs", 1641343691406L,
                "bidPrices", new long[] {m("3800.71"), m("3800.07"), m("3799.64"), m("3797.93")},
                "bidSizes", new long[] {m("1.762"), m("10"), 0L, m("2.73248242")});
        assertEquals(0, d.askPrices.length);

        // the REST snapshot of ethusd, against its own text
        String line = Files.readAllLines(SharedData.cryptofeed("BITSTAMP.http.0.0"), StandardCharsets.UTF_8).get(1);
        assertTrue(line.startsWith("https://www.bitstamp.net/api/v2/order_book/ethusd -> "), line.substring(0, 60));
        String body = line.substring(line.indexOf(": ") + 2);
        List<MarketEvent> out = new ArrayList<>();
        ADAPTER.decoder().decode(new RawFrame("bitstamp", "ethusd", FrameKind.REST_SNAPSHOT, 1L,
                body.getBytes(StandardCharsets.UTF_8)), out::add);
        MarketEvent s = out.get(0);
        JsonNode b = JSON.readTree(body);
        assertEquals(EventType.BOOK_SNAPSHOT, s.type);
        assertEquals(1641343695681418L, s.lastUpdateId);
        assertEquals(b.get("bids").size(), s.bidPrices.length);
        assertEquals(b.get("asks").size(), s.askPrices.length);
        assertEquals(2023, s.bidPrices.length);
        for (int i = 0; i < s.askPrices.length; i++) {
            assertEquals(m(b.get("asks").get(i).get(0).asText()), s.askPrices[i]);
            assertEquals(m(b.get("asks").get(i).get(1).asText()), s.askSizes[i]);
        }
        assertEquals(m("3802.90"), s.bidPrices[0]);
        assertEquals(m("0.6"), s.bidSizes[0]);
    }

    @Test
    void ignoredEvents() throws Exception {
        for (String json : List.of("{\"event\":\"bts:subscription_succeeded\",\"channel\":\"live_trades_ethusd\",\"data\":{}}",
                "{\"event\":\"bts:heartbeat\",\"channel\":\"\",\"data\":{\"status\":\"success\"}}",
                "{\"event\":\"bts:request_reconnect\",\"channel\":\"\",\"data\":\"\"}")) {
            assertEquals(FrameDecoder.Result.IGNORED, ADAPTER.decoder().decode(new RawFrame("bitstamp", null, FrameKind.WS, 1L,
                    json.getBytes(StandardCharsets.UTF_8)), e -> { }), json);
        }
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "{\"channel\":\"diff_order_book_ethusd\"}| missing field 'event'",
        "{\"event\":\"bts:error\",\"channel\":\"\",\"data\":{\"code\":null,\"message\":\"Bad subscription string.\"}}| venue error message: Bad subscription string.",
        "{\"event\":\"trade\",\"channel\":\"diff_order_book_ethusd\",\"data\":{}}| trade on unexpected channel",
        "{\"event\":\"data\",\"channel\":\"diff_order_book_xyzabc\",\"data\":{}}| unknown Bitstamp pair 'xyzabc'",
        "{\"event\":\"data\",\"channel\":\"diff_order_book_ethusd\",\"data\":{\"microtimestamp\":\"1\",\"bids\":[]}}| missing field 'asks'",
        "{\"event\":\"data\",\"channel\":\"diff_order_book_ethusd\",\"data\":{\"microtimestamp\":1641343691406478,\"bids\":[],\"asks\":[]}}| field 'microtimestamp' must be a string",
        "{\"event\":\"data\",\"channel\":\"diff_order_book_ethusd\",\"data\":{\"microtimestamp\":\"16x\",\"bids\":[],\"asks\":[]}}| must be a string of digits",
        "{\"event\":\"trade\",\"channel\":\"live_trades_ethusd\",\"data\":{\"id\":1,\"price_str\":\"1\",\"amount_str\":\"1\",\"type\":2,\"microtimestamp\":\"1\"}}| field 'type' must be 0 (buy) or 1 (sell)",
        "{\"event\":\"trade\",\"channel\":\"live_trades_ethusd\",\"data\":{\"id\":1,\"price\":1.5,\"amount_str\":\"1\",\"type\":0,\"microtimestamp\":\"1\"}}| missing field 'price_str'",
        "{\"event\":\"trade\",\"channel\":\"live_trades_ethusd\",\"data\":{\"id\":1,\"price_str\":\"0\",\"amount_str\":\"1\",\"type\":0,\"microtimestamp\":\"1\"}}| non-positive price",
    })
    void badFramesAreDeadLettersNamingTheProblem(String json, String reason) {
        CAPTURED.assertDeadLetter(json, reason);
    }

    @Test
    void catalogPairs() throws Exception {
        InstrumentCatalog c = InstrumentCatalog.fromCryptofeed(SharedData.cryptofeed("BITSTAMP.0"), ADAPTER);
        Instrument eth = c.byNative("ethusd").orElseThrow();
        assertEquals("ETH-USD", eth.symbol());
        assertEquals(new BigDecimal("0.01"), eth.tickSize());
        assertEquals(new BigDecimal("1E-8"), eth.lotSize());
        assertEquals(5, c.byNative("usdtusd").orElseThrow().sizeDecimals());
    }
}
