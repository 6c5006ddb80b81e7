package io.rrralgorithms.connectors.adapters.bybit;

import static io.rrralgorithms.connectors.testkit.EventFields.assertFields;
import static io.rrralgorithms.connectors.testkit.Frames.decode;
import static io.rrralgorithms.connectors.testkit.Frames.ws;
import static io.rrralgorithms.connectors.testkit.Mantissa.m;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.adapters.Decoded;
import io.rrralgorithms.connectors.adapters.FrameDecoder;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.InstrumentCatalog;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.Frames;
import io.rrralgorithms.connectors.testkit.SharedData;
import io.rrralgorithms.connectors.venues.Venue;
import io.rrralgorithms.connectors.venues.Venues;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Bybit decoder over the real cryptofeed captures {@code BYBIT.ws.25.0} (USDT perpetuals,
 * {@code realtime_public}) and {@code BYBIT.ws.26.0} (inverse perpetuals, {@code realtime}) of
 * 2021-04-17 and the metadata {@code BYBIT.0}. The standard checks are the contract's
 * ({@code DecoderCases}, oracle {@link BybitOracle}); here exact fields of real frames, the sync
 * rules, the catalog's facts and malformed frames.
 */
public class BybitFrameDecoderTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    static List<String> payloads(String capture) {
        return CaptureLines.payloads(SharedData.cryptofeed(capture));
    }

    private final Venue adapter = BybitVenue.VENUE;

    @Test
    void registeredWithMetadata() {
        assertNotNull(Venues.forFeed("bybit").instrumentMetadata());
    }

    /** Symbols by the decoder's rule, in the captures' minutes; books numbered by cross_seq, snapshots of 25 levels a side. */
    public static void event(RawFrame f, MarketEvent ev, Decoded d) throws DecodeException {
        assertEquals(BybitSymbols.normalize(ev.nativeSymbol), ev.symbol);
        assertTrue(ev.exchangeTimeMs > 1_618_677_700_000L && ev.exchangeTimeMs < 1_618_677_900_000L, ev.toString());
        if (ev.type != EventType.TRADE) {
            assertTrue(ev.lastUpdateId > 0, ev.toString());
        }
        if (ev.type == EventType.BOOK_SNAPSHOT) {
            assertEquals(25, ev.bookDepth);
            assertEquals(25, ev.bidPrices.length);
            assertEquals(25, ev.askPrices.length);
        }
    }

    @Test
    void realFramesDecodeExactly() throws Exception {
        // the USDT connection: snapshot in data.order_book, cross_seq and timestamp_e6 as strings
        List<String> usdt = payloads("BYBIT.ws.25.0");
        String snap = usdt.stream().filter(p -> p.startsWith("{\"topic\":\"orderBookL2_25.BCHUSDT\",\"type\":\"snapshot\""))
                .findFirst().orElseThrow();
        MarketEvent s = decode(adapter, snap, 7L).get(0);
        assertFields(s, "type", EventType.BOOK_SNAPSHOT, "nativeSymbol", "BCHUSDT", "symbol", "BCH-USDT-PERP",
                "lastUpdateId", 864_131_773L, "exchangeTimeMs", 1_618_677_786_389L);
        assertEquals(m("1053.05"), s.bidPrices[0]);
        assertEquals(m("2.63"), s.bidSizes[0]);
        JsonNode rows = JSON.readTree(snap).get("data").get("order_book");
        JsonNode lastRow = rows.get(rows.size() - 1);
        assertEquals("Sell", lastRow.get("side").asText());
        assertEquals(m(lastRow.get("price")), s.askPrices[24]);
        assertEquals(m(lastRow.get("size")), s.askSizes[24]);

        // its first delta: deletes (size 0, with their price), then updates, then inserts
        String delta = usdt.stream().filter(p -> p.startsWith("{\"topic\":\"orderBookL2_25.BCHUSDT\",\"type\":\"delta\""))
                .findFirst().orElseThrow();
        JsonNode dj = JSON.readTree(delta);
        MarketEvent d = decode(adapter, delta, 8L).get(0);
        assertFields(d, "type", EventType.BOOK_DELTA, "lastUpdateId", Long.parseLong(dj.get("cross_seq").asText()),
                "firstUpdateId", d.lastUpdateId,
                "exchangeTimeMs", Long.parseLong(dj.get("timestamp_e6").asText()) / 1000);
        assertEquals(m("1054.30"), d.bidPrices[0], "the first delete row is a bid");
        assertEquals(0L, d.bidSizes[0]);
        int rowsIn = dj.get("data").get("delete").size() + dj.get("data").get("update").size()
                + dj.get("data").get("insert").size();
        assertEquals(rowsIn, d.bidPrices.length + d.askPrices.length);

        // the inverse connection: snapshot as data:[…], numbers; trades with numeric prices
        List<String> inverse = payloads("BYBIT.ws.26.0");
        String isnap = inverse.stream().filter(p -> p.startsWith("{\"topic\":\"orderBookL2_25.EOSUSD\",\"type\":\"snapshot\""))
                .findFirst().orElseThrow();
        MarketEvent is = decode(adapter, isnap, 9L).get(0);
        assertFields(is, "symbol", "EOS-USD-PERP", "lastUpdateId", 1_225_777_224L,
                "exchangeTimeMs", 1_618_677_786_558L);
        assertEquals(m("7.943"), is.bidPrices[0]);
        assertEquals(m("154219"), is.bidSizes[0]);
        String firstDelta = inverse.stream().filter(p -> p.startsWith("{\"topic\":\"orderBookL2_25.EOSUSD\",\"type\":\"delta\""))
                .findFirst().orElseThrow();
        MarketEvent id = decode(adapter, firstDelta, 10L).get(0);
        assertFields(id, "lastUpdateId", 1_225_777_225L, "bidPrices", new long[] {m("7.971")},
                "bidSizes", new long[] {m("47766")});
        assertEquals(0, id.askPrices.length);

        String trade = inverse.stream().filter(p -> p.startsWith("{\"topic\":\"trade.BTCUSD\""))
                .findFirst().orElseThrow();
        List<MarketEvent> ts = decode(adapter, trade, 11L);
        assertEquals(5, ts.size());
        MarketEvent t = ts.get(1);
        assertFields(t, "type", EventType.TRADE, "symbol", "BTC-USD-PERP", "price", m("60621.5"), "size", m("1"));
        assertFalse(t.takerBuy, "side Sell: the taker sold");
        assertEquals(1_618_677_786_618L, t.exchangeTimeMs);
        assertEquals(1_618_677_786_618L * 10_000L + 1, t.tradeId, "ordering key: time, then position in the frame");

        // a USDT trade: price string, trade_time_ms string
        String utrade = usdt.stream().filter(p -> p.startsWith("{\"topic\":\"trade.BCHUSDT\"")).findFirst().orElseThrow();
        MarketEvent u = decode(adapter, utrade, 12L).get(0);
        assertFields(u, "price", m("1053.90"), "size", m("0.14"), "takerBuy", true,
                "exchangeTimeMs", 1_618_677_785_116L, "tradeId", 1_618_677_785_116L * 10_000L);
    }

    @Test
    void acksPongsAndKeys() throws Exception {
        FrameDecoder dec = adapter.decoder();
        assertEquals(FrameDecoder.Result.IGNORED, dec.decode(ws(adapter,
                "{\"success\":true,\"ret_msg\":\"pong\",\"conn_id\":\"x\",\"request\":{\"op\":\"ping\",\"args\":null}}", 1L), e -> { }));
        assertEquals(FrameDecoder.Result.IGNORED, dec.decode(ws(adapter, "pong", 1L), e -> { }));
        assertEquals(FrameDecoder.Result.IGNORED, dec.decode(ws(adapter,
                "{\"topic\":\"instrument_info.100ms.BTCUSD\",\"type\":\"snapshot\",\"data\":{}}", 1L), e -> { }));
        assertEquals("BTCUSD", adapter.partitionKey(
                "{\"topic\":\"orderBookL2_25.BTCUSD\",\"type\":\"delta\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("BTCUSDT", adapter.partitionKey(
                "{\"topic\":\"orderBook_200.100ms.BTCUSDT\",\"type\":\"delta\"}".getBytes(StandardCharsets.UTF_8)));
        assertNull(adapter.partitionKey("{\"success\":true}".getBytes(StandardCharsets.UTF_8)));
        MarketEvent s200 = decode(adapter, "{\"topic\":\"orderBook_200.100ms.BTCUSD\",\"type\":\"snapshot\",\"data\":["
                + "{\"price\":\"60000.5\",\"symbol\":\"BTCUSD\",\"id\":600005000,\"side\":\"Buy\",\"size\":10}],"
                + "\"cross_seq\":5,\"timestamp_e6\":1618677786000000}", 1L).get(0);
        assertEquals(200, s200.bookDepth);
        assertEquals(5L, s200.lastUpdateId);
    }

    @Test
    void syncRulesFollowCrossSeq() {
        BybitSyncRules rules = new BybitSyncRules();
        MarketEvent d = new MarketEvent();
        d.lastUpdateId = 100;
        assertTrue(rules.isStale(d, 100));
        assertFalse(rules.isStale(d, 99));
        assertTrue(rules.bridgesSnapshot(d, 50));
        assertFalse(rules.bridgesSnapshot(d, 100));
        assertTrue(rules.continues(d, 99));
        assertTrue(rules.continues(d, 7), "cross_seq is not contiguous per symbol");
        assertFalse(rules.continues(d, 100));
        assertTrue(rules.isDuplicate(d, 100));
        MarketEvent s = new MarketEvent();
        s.bookDepth = 25;
        assertEquals(25, rules.maxDepth(s));
        assertNull(rules.checksum());
    }

    @Test
    void symbols() throws Exception {
        assertEquals("BTC-USD-PERP", BybitSymbols.normalize("BTCUSD"));
        assertEquals("BTC-USDT-PERP", BybitSymbols.normalize("BTCUSDT"));
        assertEquals("LINK-USDT-PERP", BybitSymbols.normalize("LINKUSDT"));
        assertEquals("BTC-USD-210625", BybitSymbols.normalize("BTCUSDM21"));
        assertEquals("BTC-USD-210924", BybitSymbols.normalize("BTCUSDU21"));
        assertEquals(LocalDate.of(2021, 12, 31), BybitSymbols.expiry('Z', 21));
        assertThrows(DecodeException.class, () -> BybitSymbols.normalize("USDT"));
        assertThrows(DecodeException.class, () -> BybitSymbols.normalize("BTCEUR"));
        assertThrows(DecodeException.class, () -> BybitSymbols.normalize("btcusd"));
    }

    @Test
    void metadataCatalogHoldsEveryCapturedSymbolWithTheDecodersSymbol() throws Exception {
        InstrumentCatalog catalog = InstrumentCatalog.fromCryptofeed(SharedData.cryptofeed("BYBIT.0"), adapter);
        int futures = 0;
        for (Instrument i : catalog.all()) {
            // the decoder's rule (last-Friday expiry) agrees with the metadata's alias dates
            assertEquals(i.symbol(), BybitSymbols.normalize(i.nativeSymbol()), i.toString());
            assertNotNull(i.tickSize());
            assertNotNull(i.lotSize());
            assertTrue(i.fitsScale(), i.toString());
            if (i.kind() == Instrument.Kind.FUTURE) {
                futures++;
            }
        }
        assertEquals(2, futures);
        Instrument m21 = catalog.byNative("BTCUSDM21").orElseThrow();
        assertEquals("BTC-USD-210625", m21.symbol());
        assertEquals(LocalDate.of(2021, 6, 25), m21.expiry());
        Instrument btcusdt = catalog.byNative("BTCUSDT").orElseThrow();
        assertEquals("BTC-USDT-PERP", btcusdt.symbol());
        assertEquals(0, new BigDecimal("0.5").compareTo(btcusdt.tickSize()));
        assertEquals(0, new BigDecimal("0.001").compareTo(btcusdt.lotSize()));
        assertEquals(0, new BigDecimal("1").compareTo(catalog.byNative("BTCUSD").orElseThrow().lotSize()));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "[1]| not a JSON object",
        "{\"success\":false,\"ret_msg\":\"error:handler not found\",\"request\":{\"op\":\"subscribe\"}}| venue refused",
        "{\"topic\":\"orderBookL2_25\",\"type\":\"snapshot\",\"data\":[]}| names no symbol",
        "{\"topic\":\"orderBookL2_25.BTCUSD\",\"type\":\"replace\",\"data\":[],\"cross_seq\":1,\"timestamp_e6\":1}| unknown book type 'replace'",
        "{\"topic\":\"orderBookL2_25.BTCUSD\",\"type\":\"delta\",\"data\":{\"delete\":[],\"update\":[]},\"cross_seq\":1,\"timestamp_e6\":1}| missing field 'data.insert'",
        "{\"topic\":\"orderBookL2_25.BTCUSD\",\"type\":\"delta\",\"data\":{\"delete\":[],\"update\":[],\"insert\":[]},\"timestamp_e6\":1}| missing field 'cross_seq'",
        "{\"topic\":\"orderBookL2_25.BTCUSD\",\"type\":\"delta\",\"data\":{\"delete\":[],\"update\":[],\"insert\":[]},\"cross_seq\":\"x1\",\"timestamp_e6\":1}| 'cross_seq' must be a non-negative integer",
        "{\"topic\":\"orderBookL2_25.BTCUSD\",\"type\":\"snapshot\",\"data\":{\"x\":[]},\"cross_seq\":1,\"timestamp_e6\":1}| snapshot field 'data'",
        "{\"topic\":\"orderBookL2_25.BTCUSD\",\"type\":\"delta\",\"data\":{\"delete\":[{\"symbol\":\"BTCUSD\",\"id\":1,\"side\":\"Buy\"}],\"update\":[],\"insert\":[]},\"cross_seq\":1,\"timestamp_e6\":1}| missing field 'data.delete[0].price'",
        "{\"topic\":\"orderBookL2_25.BTCUSD\",\"type\":\"delta\",\"data\":{\"delete\":[],\"update\":[{\"price\":\"1.5x\",\"symbol\":\"BTCUSD\",\"id\":1,\"side\":\"Buy\",\"size\":1}],\"insert\":[]},\"cross_seq\":1,\"timestamp_e6\":1}| not an exact decimal",
        "{\"topic\":\"orderBookL2_25.BTCUSD\",\"type\":\"delta\",\"data\":{\"delete\":[],\"update\":[{\"price\":\"1\",\"symbol\":\"BTCUSD\",\"id\":1,\"side\":\"Bid\",\"size\":1}],\"insert\":[]},\"cross_seq\":1,\"timestamp_e6\":1}| must be Buy or Sell",
        "{\"topic\":\"orderBookL2_25.BTCUSD\",\"type\":\"delta\",\"data\":{\"delete\":[],\"update\":[],\"insert\":[{\"price\":\"1\",\"symbol\":\"BTCUSD\",\"id\":1,\"side\":\"Buy\",\"size\":0}]},\"cross_seq\":1,\"timestamp_e6\":1}| non-positive price or size",
        "{\"topic\":\"orderBookL2_25.BTCUSD\",\"type\":\"delta\",\"data\":{\"delete\":[],\"update\":[],\"insert\":[{\"price\":\"1\",\"symbol\":\"ETHUSD\",\"id\":1,\"side\":\"Buy\",\"size\":1}]},\"cross_seq\":1,\"timestamp_e6\":1}| the topic's is 'BTCUSD'",
        "{\"topic\":\"orderBookL2_25.BTCEUR\",\"type\":\"delta\",\"data\":{\"delete\":[],\"update\":[],\"insert\":[]},\"cross_seq\":1,\"timestamp_e6\":1}| unknown symbol 'BTCEUR'",
        "{\"topic\":\"trade.BTCUSD\",\"data\":{}}| trade field 'data' must be an array",
        "{\"topic\":\"trade.BTCUSD\",\"data\":[{\"trade_time_ms\":1,\"symbol\":\"BTCUSD\",\"side\":\"Sell\",\"size\":4,\"price\":60621.5}]}| missing field 'trade_id'",
        "{\"topic\":\"trade.BTCUSD\",\"data\":[{\"trade_time_ms\":1,\"symbol\":\"BTCUSD\",\"side\":\"Sell\",\"size\":4,\"price\":1e400000,\"trade_id\":\"x\"}]}| too large",
        "{\"topic\":\"trade.BTCUSD\",\"data\":[{\"trade_time_ms\":-1,\"symbol\":\"BTCUSD\",\"side\":\"Sell\",\"size\":4,\"price\":1,\"trade_id\":\"x\"}]}| 'trade_time_ms' must be a non-negative integer",
        "{\"topic\":\"trade.BTCUSD\",\"data\":[{\"trade_time_ms\":1,\"symbol\":\"BTCUSD\",\"side\":\"Sell\",\"size\":0,\"price\":1,\"trade_id\":\"x\"}]}| non-positive price or size",
    })
    void badFramesAreDeadLettersNamingTheProblem(String json, String reason) {
        Frames.at(adapter, 1L).assertDeadLetter(json, reason);
    }
}
