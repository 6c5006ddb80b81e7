package io.rrralgorithms.connectors.adapters.deribit;

import static io.rrralgorithms.connectors.testkit.EventFields.assertFields;
import static io.rrralgorithms.connectors.testkit.Mantissa.m;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.adapters.BookSyncRules;
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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Deribit decoder over the real cryptofeed capture {@code DERIBIT.ws.1.0} (book, ticker and
 * trades channels of 10 BTC and ETH options, July 2021) and its metadata {@code DERIBIT.0}, with
 * the expected counts computed from the raw lines with Jackson; hand-written frames of the channels
 * the capture has no data for (trades, quote, grouped book, heartbeats); malformed frames.
 */
public class DeribitFrameDecoderTest {
    private static final Pattern RECEIVED = CaptureLines.RECEIVED;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Venue ADAPTER = DeribitVenue.VENUE;
    /** Frames at the capture's time. */
    private static final Frames.At CAPTURED = Frames.at(ADAPTER, 1_626_993_724_000_000_000L);

    static List<String> payloads() throws Exception {
        return CaptureLines.payloads(SharedData.cryptofeed("DERIBIT.ws.1.0"));
    }

    private static FrameDecoder.Result result(String json) throws DecodeException {
        return ADAPTER.decoder().decode(CAPTURED.ws(json), e -> { });
    }

    private static String notification(String channel, String data) {
        return "{\"jsonrpc\":\"2.0\",\"method\":\"subscription\",\"params\":{\"channel\":\"" + channel + "\",\"data\":" + data
                + "}}";
    }

    @Test
    void registeredWithMetadata() {
        assertNotNull(Venues.forFeed("deribit").instrumentMetadata());
    }

    public static void event(RawFrame f, MarketEvent ev, Decoded d) {
        assertTrue(ev.symbol.matches("(BTC|ETH)-USD-[0-9]{6}-[0-9]+-[CP]"), ev.symbol);
        assertTrue(ev.exchangeTimeMs > 1_626_990_000_000L, ev.toString());
    }

    @Test
    void realFramesDecodeExactly() throws Exception {
        List<String> payloads = payloads();
        // the first change of the capture: one new ask
        String change = payloads.stream().filter(p -> p.contains("\"type\":\"change\"")).findFirst().orElseThrow();
        MarketEvent d = CAPTURED.decode(change).get(0);
        assertFields(d, "type", EventType.BOOK_DELTA, "nativeSymbol", "BTC-24SEP21-8000-P",
                "symbol", "BTC-USD-210924-8000-P", "prevUpdateId", 33195894164L, "lastUpdateId", 33195894355L,
                "firstUpdateId", 33195894355L, "exchangeTimeMs", 1626993724318L);
        assertEquals(0, d.bidPrices.length);
        assertArrayEquals(new long[] {m("0.001")}, d.askPrices);
        assertArrayEquals(new long[] {m("2.6")}, d.askSizes);
        // the next one deletes it: size 0
        String delete = payloads.stream().filter(p -> p.contains("\"prev_change_id\":33195894355")).findFirst().orElseThrow();
        MarketEvent del = CAPTURED.decode(delete).get(0);
        assertArrayEquals(new long[] {m("0.001")}, del.askPrices);
        assertArrayEquals(new long[] {0L}, del.askSizes);
        assertTrue(DeribitVenue.RULES.continues(del, d.lastUpdateId));
        assertTrue(DeribitVenue.RULES.bridgesSnapshot(d, 33195894164L));

        // a snapshot of exact decimals: 0.2325 etc. read from the text, never through a double
        String snap = payloads.stream().filter(p -> p.contains("\"type\":\"snapshot\"") && p.contains("BTC-31DEC21-34000-P"))
                .findFirst().orElseThrow();
        JsonNode data = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readTree(snap).get("params").get("data");
        MarketEvent s = CAPTURED.decode(snap).get(0);
        assertEquals(EventType.BOOK_SNAPSHOT, s.type);
        assertEquals(33195894133L, s.lastUpdateId);
        assertEquals(data.get("bids").size(), s.bidPrices.length);
        for (int i = 0; i < s.bidPrices.length; i++) {
            assertEquals(data.get("bids").get(i).get(1).decimalValue().movePointRight(8).longValueExact(), s.bidPrices[i]);
            assertEquals(data.get("bids").get(i).get(2).decimalValue().movePointRight(8).longValueExact(), s.bidSizes[i]);
        }

        // tickers: a two-sided one, and one with nothing quoted (prices and amounts 0)
        MarketEvent t = CAPTURED.decode(payloads.stream().filter(p -> p.contains("\"channel\":\"ticker.ETH-30JUL21-2800-C.raw\""))
                .findFirst().orElseThrow()).get(0);
        assertFields(t, "type", EventType.BBO, "bidPrices", new long[] {m("0.0015")},
                "bidSizes", new long[] {m("4714")}, "askPrices", new long[] {m("0.0025")},
                "askSizes", new long[] {m("873")}, "exchangeTimeMs", 1626993723632L);
        MarketEvent empty = CAPTURED.decode(payloads.stream().filter(p -> p.contains("\"channel\":\"ticker.ETH-27AUG21-4000-P.raw\""))
                .findFirst().orElseThrow()).get(0);
        assertEquals(0, empty.bidPrices.length + empty.askPrices.length, "nothing quoted");
    }

    @Test
    void handWrittenTradesQuotesAndControlFrames() throws Exception {
        List<MarketEvent> ts = CAPTURED.decode(notification("trades.BTC-PERPETUAL.raw", "[{\"trade_seq\":56761222,"
                + "\"trade_id\":\"86210000\",\"timestamp\":1626993724318,\"tick_direction\":0,\"price\":32190.5,"
                + "\"mark_price\":32188.51,\"instrument_name\":\"BTC-PERPETUAL\",\"index_price\":32180.36,\"direction\":\"sell\","
                + "\"amount\":1200.0},{\"trade_seq\":56761223,\"trade_id\":\"86210001\",\"timestamp\":1626993724319,"
                + "\"price\":32190.0,\"instrument_name\":\"BTC-PERPETUAL\",\"direction\":\"buy\",\"amount\":10.0,"
                + "\"liquidation\":\"M\"}]"));
        assertEquals(2, ts.size());
        MarketEvent t = ts.get(0);
        assertFields(t, "type", EventType.TRADE, "symbol", "BTC-USD-PERP", "tradeId", 86210000L,
                "price", m("32190.5"), "size", m("1200"));
        assertFalse(t.takerBuy, "direction is the taker's");
        assertTrue(ts.get(1).takerBuy);
        assertEquals(1626993724318L, t.exchangeTimeMs);

        // currency-prefixed ids; a kind/currency channel holds several instruments
        List<MarketEvent> eth = CAPTURED.decode(notification("trades.option.ETH.100ms", "[{\"trade_id\":\"ETH-24680135\","
                + "\"timestamp\":1626993724318,\"price\":0.0015,\"instrument_name\":\"ETH-30JUL21-2800-C\",\"direction\":\"buy\","
                + "\"amount\":12.0,\"iv\":117.2},{\"trade_id\":\"ETH-24680136\",\"timestamp\":1626993724318,\"price\":1.0165,"
                + "\"instrument_name\":\"ETH-27AUG21-4000-P\",\"direction\":\"sell\",\"amount\":1.0}]"));
        assertEquals(List.of(24680135L, 24680136L), List.of(eth.get(0).tradeId, eth.get(1).tradeId));
        assertEquals(List.of("ETH-USD-210730-2800-C", "ETH-USD-210827-4000-P"), List.of(eth.get(0).symbol, eth.get(1).symbol));
        assertEquals(m("1.0165"), eth.get(1).price);

        MarketEvent q = CAPTURED.decode(notification("quote.ETH-PERPETUAL", "{\"timestamp\":1626993724318,\"instrument_name\":"
                + "\"ETH-PERPETUAL\",\"best_bid_price\":2006.05,\"best_bid_amount\":15000.0,\"best_ask_price\":2006.1,"
                + "\"best_ask_amount\":2.0}")).get(0);
        assertFields(q, "type", EventType.BBO, "symbol", "ETH-USD-PERP", "bidPrices", new long[] {m("2006.05")},
                "askSizes", new long[] {m("2")});
        MarketEvent perp = CAPTURED.decode(notification("ticker.BTC-PERPETUAL.100ms", "{\"timestamp\":1626993724318,"
                + "\"instrument_name\":\"BTC-PERPETUAL\",\"funding_8h\":0.00003418,\"current_funding\":0.0,"
                + "\"best_bid_price\":32190.0,\"best_bid_amount\":30.0,\"best_ask_price\":32190.5,\"best_ask_amount\":5000.0}")).get(0);
        assertArrayEquals(new long[] {m("32190.5")}, perp.askPrices);

        // a grouped top-N book is a snapshot each time
        MarketEvent g = CAPTURED.decode(notification("book.BTC-24SEP21.none.10.100ms", "{\"timestamp\":1626993724318,"
                + "\"instrument_name\":\"BTC-24SEP21\",\"change_id\":33195898166,\"bids\":[[32744.5,1000.0],[32744.0,20.0]],"
                + "\"asks\":[[32745.0,5.0]]}")).get(0);
        assertFields(g, "type", EventType.BOOK_SNAPSHOT, "symbol", "BTC-USD-210924", "lastUpdateId", 33195898166L,
                "bidPrices", new long[] {m("32744.5"), m("32744")});

        assertEquals(FrameDecoder.Result.IGNORED, result("{\"jsonrpc\":\"2.0\",\"method\":\"heartbeat\",\"params\":{\"type\":\"heartbeat\"}}"));
        assertEquals(FrameDecoder.Result.IGNORED, result("{\"jsonrpc\":\"2.0\",\"method\":\"heartbeat\",\"params\":{\"type\":\"test_request\"}}"));
        assertEquals(FrameDecoder.Result.IGNORED, result("{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":\"ok\",\"usIn\":1,\"usOut\":2}"));
        assertEquals(FrameDecoder.Result.IGNORED, result(notification("deribit_price_index.btc_usd",
                "{\"timestamp\":1626993724318,\"price\":32180.36,\"index_name\":\"btc_usd\"}")));
        assertEquals(FrameDecoder.Result.IGNORED, result(notification("trades.BTC-PERPETUAL.raw", "[]")));
        assertEquals(null, ADAPTER.partitionKey("{\"jsonrpc\":\"2.0\",\"id\":0,\"result\":[]}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void syncRulesChainChangeIds() {
        BookSyncRules r = DeribitVenue.RULES;
        MarketEvent d = new MarketEvent();
        d.prevUpdateId = 100;
        d.lastUpdateId = d.firstUpdateId = 105;
        assertTrue(r.bridgesSnapshot(d, 100));
        assertFalse(r.bridgesSnapshot(d, 101));
        assertTrue(r.continues(d, 100));
        assertFalse(r.continues(d, 99), "a lost change is a gap");
        assertTrue(r.isStale(d, 105));
        assertFalse(r.isStale(d, 104));
        assertTrue(r.isDuplicate(d, 105));
        assertEquals(null, r.checksum());
    }

    @Test
    void symbolsNormalizeWithoutMetadata() throws Exception {
        assertEquals("BTC-USD-PERP", DeribitSymbols.normalize("BTC-PERPETUAL"));
        assertEquals("SOL-USDC-PERP", DeribitSymbols.normalize("SOL_USDC-PERPETUAL"));
        assertEquals("BTC-USD-210924", DeribitSymbols.normalize("BTC-24SEP21"));
        assertEquals("SOL-USD-220603", DeribitSymbols.normalize("SOL-3JUN22"));
        assertEquals("BTC-USD-210924-40000-C", DeribitSymbols.normalize("BTC-24SEP21-40000-C"));
        assertEquals("XRP-USDC-230630-0.625-C", DeribitSymbols.normalize("XRP_USDC-30JUN23-0d625-C"));
        for (String bad : List.of("BTC-FS-24SEP21_PERP", "BTC_USDC", "BTC-31FEB21", "BTC-24SEP21-40000", "btc-perpetual")) {
            assertThrows(DecodeException.class, () -> DeribitSymbols.normalize(bad), bad);
        }
    }

    @Test
    void metadataCatalogHoldsEveryCapturedSymbolWithTheDecodersSymbol() throws Exception {
        InstrumentCatalog catalog = InstrumentCatalog.fromCryptofeed(SharedData.cryptofeed("DERIBIT.0"), ADAPTER);
        Set<String> captured = new TreeSet<>();
        for (String p : payloads()) {
            JsonNode data = JSON.readTree(p).path("params").path("data");
            if (data.has("instrument_name")) {
                captured.add(data.get("instrument_name").asText());
            }
        }
        assertEquals(10, captured.size());
        for (String s : captured) {
            Instrument i = catalog.byNative(s).orElseThrow(() -> new AssertionError(s + " not in the catalog"));
            assertEquals(Instrument.Kind.OPTION, i.kind());
            assertEquals(i.symbol(), DeribitSymbols.normalize(s));
        }
        Map<Instrument.Kind, Integer> kinds = new EnumMap<>(Instrument.Kind.class);
        Set<String> symbols = new TreeSet<>();
        for (Instrument i : catalog.all()) {
            assertEquals(i.symbol(), DeribitSymbols.normalize(i.nativeSymbol()), i.toString());
            assertTrue(symbols.add(i.symbol()), "one instrument per normalized symbol: " + i.symbol());
            kinds.merge(i.kind(), 1, Integer::sum);
        }
        assertEquals(Map.of(Instrument.Kind.PERPETUAL, 19, Instrument.Kind.FUTURE, 18, Instrument.Kind.OPTION, 980), kinds);
        Instrument opt = catalog.byNative("BTC-24SEP21-8000-P").orElseThrow();
        assertEquals("BTC-USD-210924-8000-P", opt.symbol());
        assertEquals(LocalDate.of(2021, 9, 24), opt.expiry());
        assertEquals(0, new BigDecimal("0.0005").compareTo(opt.tickSize()));
        assertEquals(0, new BigDecimal("0.1").compareTo(opt.lotSize()));
        assertEquals(4, opt.priceDecimals());
        Instrument perp = catalog.byNative("BTC-PERPETUAL").orElseThrow();
        assertEquals("BTC-USD-PERP", perp.symbol());
        assertEquals(0, new BigDecimal("0.5").compareTo(perp.tickSize()));
        assertEquals(0, new BigDecimal("10").compareTo(perp.lotSize()));
        assertEquals("BTC-USDC-PERP", catalog.byNative("BTC_USDC-PERPETUAL").orElseThrow().symbol());
        assertEquals("BTC-USD-211231", catalog.byNative("BTC-31DEC21").orElseThrow().symbol());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "{\"jsonrpc\":\"2.0\"}| unknown message",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":11050,\"message\":\"bad_request\"}}| venue error message: bad_request (code 11050)",
        "{\"jsonrpc\":\"2.0\",\"method\":\"subscription\",\"params\":{\"channel\":\"incremental_ticker.BTC-PERPETUAL\",\"data\":{}}}| unknown channel",
        "{\"jsonrpc\":\"2.0\",\"method\":\"subscription\",\"params\":{\"channel\":\"book.BTC-PERPETUAL.raw\"}}| missing field 'data'",
        "{\"jsonrpc\":\"2.0\",\"method\":\"subscription\",\"params\":{\"channel\":\"book.BTC-PERPETUAL.raw\",\"data\":{\"type\":\"partial\",\"timestamp\":1,\"instrument_name\":\"BTC-PERPETUAL\"}}}| unknown book type 'partial'",
        "{\"jsonrpc\":\"2.0\",\"method\":\"subscription\",\"params\":{\"channel\":\"book.BTC-PERPETUAL.raw\",\"data\":{\"type\":\"change\",\"timestamp\":1,\"instrument_name\":\"BTC-PERPETUAL\",\"change_id\":2,\"bids\":[],\"asks\":[]}}}| missing field 'prev_change_id'",
        "{\"jsonrpc\":\"2.0\",\"method\":\"subscription\",\"params\":{\"channel\":\"book.BTC-PERPETUAL.raw\",\"data\":{\"type\":\"change\",\"timestamp\":1,\"instrument_name\":\"BTC-PERPETUAL\",\"change_id\":2,\"prev_change_id\":1,\"bids\":[[\"modify\",1.5,2.0]],\"asks\":[]}}}| must be new, change or delete",
        "{\"jsonrpc\":\"2.0\",\"method\":\"subscription\",\"params\":{\"channel\":\"book.BTC-PERPETUAL.raw\",\"data\":{\"type\":\"snapshot\",\"timestamp\":1,\"instrument_name\":\"BTC-PERPETUAL\",\"change_id\":2,\"bids\":[[\"delete\",1.5,0.0]],\"asks\":[]}}}| a snapshot level must be 'new'",
        "{\"jsonrpc\":\"2.0\",\"method\":\"subscription\",\"params\":{\"channel\":\"book.BTC-PERPETUAL.raw\",\"data\":{\"type\":\"snapshot\",\"timestamp\":1,\"instrument_name\":\"BTC-PERPETUAL\",\"change_id\":2,\"bids\":[[\"new\",1.5]],\"asks\":[]}}}| must be an [action, price, amount] array",
        "{\"jsonrpc\":\"2.0\",\"method\":\"subscription\",\"params\":{\"channel\":\"book.BTC-PERPETUAL.raw\",\"data\":{\"type\":\"snapshot\",\"timestamp\":1,\"instrument_name\":\"BTC-PERPETUAL\",\"change_id\":2,\"bids\":[[\"new\",\"1.5\",1.0]],\"asks\":[]}}}| must be a number, got STRING",
        "{\"jsonrpc\":\"2.0\",\"method\":\"subscription\",\"params\":{\"channel\":\"book.BTC-PERPETUAL.raw\",\"data\":{\"type\":\"snapshot\",\"timestamp\":1,\"instrument_name\":\"BTC-FS-24SEP21_PERP\",\"change_id\":2,\"bids\":[],\"asks\":[]}}}| unknown symbol 'BTC-FS-24SEP21_PERP'",
        "{\"jsonrpc\":\"2.0\",\"method\":\"subscription\",\"params\":{\"channel\":\"book.BTC-PERPETUAL.raw\",\"data\":{\"type\":\"snapshot\",\"timestamp\":\"now\",\"instrument_name\":\"BTC-PERPETUAL\",\"change_id\":2,\"bids\":[],\"asks\":[]}}}| field 'timestamp' must be an integer",
        "{\"jsonrpc\":\"2.0\",\"method\":\"subscription\",\"params\":{\"channel\":\"book.BTC-PERPETUAL\",\"data\":{}}}| unknown book channel",
        "{\"jsonrpc\":\"2.0\",\"method\":\"subscription\",\"params\":{\"channel\":\"trades.BTC-PERPETUAL.raw\",\"data\":{}}}| must be an array",
        "{\"jsonrpc\":\"2.0\",\"method\":\"subscription\",\"params\":{\"channel\":\"trades.BTC-PERPETUAL.raw\",\"data\":[{\"trade_id\":\"abc\",\"timestamp\":1,\"price\":1.0,\"amount\":1.0,\"direction\":\"buy\",\"instrument_name\":\"BTC-PERPETUAL\"}]}}| not a trade number",
        "{\"jsonrpc\":\"2.0\",\"method\":\"subscription\",\"params\":{\"channel\":\"trades.BTC-PERPETUAL.raw\",\"data\":[{\"trade_id\":\"1\",\"timestamp\":1,\"price\":1.0,\"amount\":1.0,\"direction\":\"up\",\"instrument_name\":\"BTC-PERPETUAL\"}]}}| field 'direction' must be buy or sell",
        "{\"jsonrpc\":\"2.0\",\"method\":\"subscription\",\"params\":{\"channel\":\"trades.BTC-PERPETUAL.raw\",\"data\":[{\"trade_id\":\"1\",\"timestamp\":1,\"price\":1.0,\"amount\":0.0,\"direction\":\"buy\",\"instrument_name\":\"BTC-PERPETUAL\"}]}}| non-positive price or amount",
        "{\"jsonrpc\":\"2.0\",\"method\":\"subscription\",\"params\":{\"channel\":\"ticker.BTC-PERPETUAL.raw\",\"data\":{\"timestamp\":1,\"instrument_name\":\"BTC-PERPETUAL\",\"best_bid_price\":-1.0,\"best_bid_amount\":1.0}}}| out of range",
    })
    void badFramesAreDeadLettersNamingTheProblem(String json, String reason) {
        CAPTURED.assertDeadLetter(json, reason);
    }
}
