package io.rrralgorithms.connectors.adapters.binance;

import static io.rrralgorithms.connectors.testkit.EventFields.assertFields;
import static io.rrralgorithms.connectors.testkit.Mantissa.m;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.adapters.Decoded;
import io.rrralgorithms.connectors.adapters.DecoderCase;
import io.rrralgorithms.connectors.adapters.FrameDecoder;
import io.rrralgorithms.connectors.capture.CaptureFiles;
import io.rrralgorithms.connectors.capture.CaptureReader;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.SharedData;
import io.rrralgorithms.connectors.venues.Venues;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Binance decoder over the real recorded captures in the shared data folder (hftbacktest
 * captures of spot and USDⓈ-M BTCUSDT, cryptofeed captures of spot, US, USDⓈ-M and COIN-M): the
 * standard checks are the contract's ({@code DecoderCases}, oracle {@link BinanceOracle}); here the
 * captures' per-event checks, exact fields of real frames, symbols and malformed frames.
 */
public class BinanceFrameDecoderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    // ---------------------------------------------------------------- shared data

    static Path sharedData() {
        return SharedData.root();
    }

    static Path market(String relative) {
        return SharedData.market(relative);
    }

    static List<String> gzLines(Path gz) {
        return CaptureLines.gzLines(gz);
    }

    // ---------------------------------------------------------------- hftbacktest captures

    /**
     * An hftbacktest capture's events (the counts are the contract's, {@code DecoderCases}): BTCUSDT
     * with sane fields per type, snapshots with E only on futures, and the recorded diff streams
     * without a gap: the ids chain from one diff to the next. Stateful: one check per capture.
     */
    public static DecoderCase.EventCheck hftbacktestEvent(String normalized, boolean futures) {
        MarketEvent[] previous = {null};
        return (f, ev, d) -> {
            assertEquals("BTCUSDT", ev.nativeSymbol);
            assertEquals(normalized, ev.symbol);
            switch (ev.type) {
                case TRADE -> {
                    assertTrue(ev.price > 0 && ev.size > 0 && ev.tradeId > 0 && ev.exchangeTimeMs > 0, ev::toString);
                }
                case BBO -> {
                    assertEquals(1, ev.bidPrices.length);
                    assertEquals(1, ev.askPrices.length);
                    assertTrue(ev.bidPrices[0] < ev.askPrices[0], ev::toString);
                    assertTrue(ev.lastUpdateId > 0);
                }
                case BOOK_SNAPSHOT -> {
                    assertTrue(ev.lastUpdateId > 0 && ev.bidPrices.length > 0 && ev.askPrices.length > 0);
                    assertEquals(futures, ev.exchangeTimeMs > 0, "only futures snapshots carry E");
                }
                case BOOK_DELTA -> {
                    assertTrue(ev.exchangeTimeMs > 0 && ev.firstUpdateId <= ev.lastUpdateId, ev::toString);
                    assertEquals(ev.bidPrices.length, ev.bidSizes.length);
                    assertEquals(ev.askPrices.length, ev.askSizes.length);
                    if (futures) {
                        assertTrue(ev.prevUpdateId != MarketEvent.NONE, "futures diff without pu");
                    } else {
                        assertEquals(MarketEvent.NONE, ev.prevUpdateId, "spot diffs have no pu");
                    }
                    MarketEvent previousDelta = previous[0];
                    if (previousDelta != null) {
                        if (futures) {
                            assertEquals(previousDelta.lastUpdateId, ev.prevUpdateId, ev::toString);
                        } else {
                            assertEquals(previousDelta.lastUpdateId + 1, ev.firstUpdateId, ev::toString);
                        }
                    }
                    previous[0] = ev;
                }
                default -> throw new AssertionError("unexpected " + ev);
            }
        };
    }

    @Test
    void usdmDiffCarriesPuAsPrevUpdateId() throws Exception {
        String line = gzLines(market("binance-usdm/btcusdt_20240718.gz")).stream()
                .filter(l -> l.contains("\"stream\":\"btcusdt@depth@0ms\"")).findFirst().orElseThrow();
        int sp = line.indexOf(' ');
        JsonNode d = JSON.readTree(line.substring(sp + 1)).get("data");
        MarketEvent ev = decodeOne("binance-usdm", frame("binance-usdm", "BTCUSDT", Long.parseLong(line.substring(0, sp)),
                line.substring(sp + 1)));
        assertFields(ev, "type", EventType.BOOK_DELTA, "prevUpdateId", d.get("pu").longValue(),
                "firstUpdateId", d.get("U").longValue(), "lastUpdateId", d.get("u").longValue(),
                "exchangeTimeMs", d.get("E").longValue(), "symbol", "BTC-USDT-PERP",
                "bidPrices", column(d.get("b"), 0), "bidSizes", column(d.get("b"), 1),
                "askPrices", column(d.get("a"), 0), "askSizes", column(d.get("a"), 1));
    }

    @Test
    void firstSpotTradeIsExact() throws Exception {
        Path p = market("binance-spot/btcusdt_20240808.gz");
        String line = gzLines(p).stream().filter(l -> l.contains("\"stream\":\"btcusdt@trade\"")).findFirst()
                .orElseThrow();
        int sp = line.indexOf(' ');
        long ns = Long.parseLong(line.substring(0, sp));
        JsonNode d = JSON.readTree(line.substring(sp + 1)).get("data");
        BigDecimal price = new BigDecimal(d.get("p").textValue());
        BigDecimal qty = new BigDecimal(d.get("q").textValue());

        // the same frame as the capture reader yields it
        RawFrame frame = null;
        try (CaptureReader r = CaptureFiles.open(p, null)) {
            while (r.hasNext()) {
                RawFrame f = r.next();
                if (f.receiveTimeNs == ns && new String(f.payload, StandardCharsets.UTF_8).equals(line.substring(sp + 1))) {
                    frame = f;
                    break;
                }
            }
        }
        assertNotNull(frame, "reader did not yield the first trade line");
        MarketEvent ev = decodeOne("binance-spot", frame);

        assertFields(ev, "type", EventType.TRADE, "feed", "binance-spot", "nativeSymbol", "BTCUSDT",
                "symbol", "BTC-USDT", "price", m(price), "size", m(qty), "takerBuy", !d.get("m").booleanValue(),
                "tradeId", d.get("t").longValue(), "exchangeTimeMs", d.get("T").longValue(), "receiveTimeNs", ns);
        // and the values themselves, so that a broken independent parse cannot hide a broken decoder
        assertFields(ev, "receiveTimeNs", 1723161254087896568L, "price", 6_183_763_000_000L, "size", 2_000_000L);
        assertFalse(ev.takerBuy); // m = true: the buyer was the maker
        assertEquals(3735683259L, ev.tradeId);
        assertEquals(1723161255342L, ev.exchangeTimeMs);
    }

    @Test
    void symbolsAreNormalizedPerMarket() throws Exception {
        assertEquals("BTC-USDT", BinanceSymbols.normalize("BTCUSDT", BinanceMarket.SPOT));
        assertEquals("BTC-USDT", BinanceSymbols.normalize("btcusdt", BinanceMarket.SPOT));
        assertEquals("OMG-BUSD", BinanceSymbols.normalize("OMGBUSD", BinanceMarket.SPOT));
        assertEquals("RUNE-EUR", BinanceSymbols.normalize("RUNEEUR", BinanceMarket.SPOT));
        assertEquals("LRC-BTC", BinanceSymbols.normalize("LRCBTC", BinanceMarket.SPOT));
        assertEquals("BTC-USDT-PERP", BinanceSymbols.normalize("BTCUSDT", BinanceMarket.USDM_FUTURES));
        assertEquals("BTC-USDT-240927", BinanceSymbols.normalize("BTCUSDT_240927", BinanceMarket.USDM_FUTURES));
        assertEquals("BCH-USD-PERP", BinanceSymbols.normalize("BCHUSD_PERP", BinanceMarket.COINM_FUTURES));
        assertEquals("ETH-USD-210924", BinanceSymbols.normalize("ETHUSD_210924", BinanceMarket.COINM_FUTURES));
        assertThrows(DecodeException.class, () -> BinanceSymbols.normalize("BTCUSD", BinanceMarket.COINM_FUTURES));
        // COIN-M pairs are <base>USD: no suffix guess (DOT-USD, not DO-TUSD; BNB-USD, not BN-BUSD)
        assertEquals("DOT-USD-PERP", BinanceSymbols.normalize("DOTUSD_PERP", BinanceMarket.COINM_FUTURES));
        assertEquals("BNB-USD-211231", BinanceSymbols.normalize("BNBUSD_211231", BinanceMarket.COINM_FUTURES));
        assertThrows(DecodeException.class, () -> BinanceSymbols.normalize("BTCUSDT_PERP", BinanceMarket.COINM_FUTURES));
        // binance.us quotes USD and no TUSD; BNBUSD vs BNBBUSD is the one split a suffix cannot tell
        BinanceSymbols.SpotQuotes us = BinanceSymbols.BINANCE_US;
        assertEquals("BAT-USD", BinanceSymbols.normalize("BATUSD", BinanceMarket.SPOT, us));
        assertEquals("USDT-USD", BinanceSymbols.normalize("USDTUSD", BinanceMarket.SPOT, us));
        assertEquals("BNB-USD", BinanceSymbols.normalize("BNBUSD", BinanceMarket.SPOT, us));
        assertEquals("BNB-BUSD", BinanceSymbols.normalize("BNBBUSD", BinanceMarket.SPOT, us));
        assertEquals("OMG-BUSD", BinanceSymbols.normalize("OMGBUSD", BinanceMarket.SPOT, us));
        assertEquals("BA-TUSD", BinanceSymbols.normalize("BATUSD", BinanceMarket.SPOT), "binance.com lists TUSD");
        assertEquals("BTC-BKRW", BinanceSymbols.normalize("BTCBKRW", BinanceMarket.SPOT));
        assertEquals("USDSB-USDS", BinanceSymbols.normalize("USDSBUSDS", BinanceMarket.SPOT));
        assertThrows(DecodeException.class, () -> BinanceSymbols.normalize("USDT", BinanceMarket.SPOT));
    }

    // ---------------------------------------------------------------- cryptofeed captures

    /** A REST snapshot's update id is its body's lastUpdateId; one snapshot per symbol. */
    public static void event(RawFrame f, MarketEvent ev, Decoded d) throws Exception {
        if (ev.type == EventType.BOOK_SNAPSHOT) {
            assertEquals(FrameKind.REST_SNAPSHOT, f.kind);
            assertEquals(JSON.readTree(f.payload).get("lastUpdateId").longValue(), ev.lastUpdateId);
            assertTrue(ev.bidPrices.length > 0 && ev.askPrices.length > 0);
            d.count("snapshots of " + ev.nativeSymbol, 1);
        }
    }

    /** The symbols of a capture, each with one snapshot. */
    public static DecoderCase.DecodedCheck symbols(String... symbols) {
        return (raw, d) -> {
            assertEquals(Set.of(symbols), Set.copyOf(d.symbols.values()));
            d.facts.forEach((fact, n) -> assertEquals(1L, n, fact));
            assertEquals(raw.snapshots, d.facts.size(), "snapshots of distinct symbols");
        };
    }

    // ---------------------------------------------------------------- bad input

    private static RawFrame frame(String feed, String key, long ns, String payload) {
        return new RawFrame(feed, key, FrameKind.WS, ns, payload == null ? null : payload.getBytes(StandardCharsets.UTF_8));
    }

    private static MarketEvent decodeOne(String feed, RawFrame f) throws DecodeException {
        List<MarketEvent> out = new ArrayList<>();
        assertEquals(FrameDecoder.Result.EVENTS, Venues.forFeed(feed).decoder().decode(f, out::add));
        assertEquals(1, out.size());
        return out.get(0);
    }

    /** Column {@code i} (0 price, 1 size) of [price, size] levels, as mantissas. */
    private static long[] column(JsonNode levels, int i) {
        long[] out = new long[levels.size()];
        for (int l = 0; l < out.length; l++) {
            out[l] = m(levels.get(l).get(i));
        }
        return out;
    }

    private static String reject(String feed, String payload) {
        return reject(feed, frame(feed, "BTCUSDT", 1L, payload));
    }

    private static String reject(String feed, RawFrame f) {
        List<MarketEvent> out = new ArrayList<>();
        DecodeException e = assertThrows(DecodeException.class,
                () -> Venues.forFeed(feed).decoder().decode(f, out::add));
        assertTrue(out.isEmpty(), "events emitted before the error");
        assertNotNull(e.getMessage());
        return e.getMessage();
    }

    private static final String TRADE =
            "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1723161255343,\"s\":\"BTCUSDT\","
                    + "\"t\":3735683259,\"p\":\"61837.63000000\",\"q\":\"0.02000000\",\"T\":1723161255342,"
                    + "\"m\":true,\"M\":true}}";

    private static final String DEPTH =
            "{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1723161255208,"
                    + "\"s\":\"BTCUSDT\",\"U\":50093239189,\"u\":50093239202,\"b\":[[\"61737.63000000\",\"0.00000000\"]],"
                    + "\"a\":[[\"61837.64000000\",\"1.54698000\"]]}}";

    @Test
    void wellFormedTemplatesDecode() throws DecodeException {
        // the bad-input cases below are these frames with one thing broken
        assertEquals(EventType.TRADE, decodeOne("binance-spot", frame("binance-spot", "BTCUSDT", 1L, TRADE)).type);
        assertEquals(EventType.BOOK_DELTA, decodeOne("binance-spot", frame("binance-spot", "BTCUSDT", 1L, DEPTH)).type);
        // a trailing zero beyond the scale is still exact
        String zeroBeyondScale = TRADE.replace("61837.63000000", "61837.630000000");
        assertEquals(EventType.TRADE, decodeOne("binance-spot", frame("binance-spot", "BTCUSDT", 1L, zeroBeyondScale)).type);
    }

    /** A frame of {@code feed} that is a dead letter whose reason names every one of {@code reasons}. */
    private static Arguments deadLetter(String feed, String payload, String... reasons) {
        return Arguments.of(feed, payload, List.of(reasons));
    }

    static Stream<Arguments> deadLetters() {
        return Stream.of(
                deadLetter("binance-spot", "", "empty"),
                deadLetter("binance-spot", null, "empty"),
                deadLetter("binance-spot", "[1,2,3]", "not a JSON object"),
                deadLetter("binance-spot", "42", "not a JSON object"),
                deadLetter("binance-spot", "{\"hello\":\"world\"}", "unknown message"),
                deadLetter("binance-spot", TRADE.replace("btcusdt@trade", "btcusdt@foo"), "unknown stream type 'foo'", "btcusdt@foo"),
                deadLetter("binance-spot", "{\"stream\":\"nosymbol\",\"data\":{}}", "unknown stream name 'nosymbol'"),
                deadLetter("binance-spot", "{\"stream\":42,\"data\":{}}", "'stream'", "string"),
                deadLetter("binance-spot", "{\"stream\":\"btcusdt@trade\",\"data\":\"x\"}", "'data'"),
                deadLetter("binance-spot", TRADE.replace("\"p\":\"61837.63000000\"", "\"p\":61837.63"), "'p'", "decimal string", "NUMBER"),
                deadLetter("binance-spot", DEPTH.replace("\"U\":50093239189", "\"U\":\"50093239189\""), "'U'", "integer", "STRING"),
                deadLetter("binance-spot", TRADE.replace("\"m\":true", "\"m\":\"true\""), "'m'", "boolean"),
                deadLetter("binance-spot", TRADE.replace("\"t\":3735683259,", ""), "missing field 't'"),
                deadLetter("binance-spot", DEPTH.replace("\"b\":[[\"61737.63000000\",\"0.00000000\"]]", "\"b\":[[61737.63,0]]"),
                        "b[0].price"),
                // a futures diff must carry pu
                deadLetter("binance-usdm", DEPTH.replace("btcusdt@depth@100ms", "btcusdt@depth@0ms"), "missing field 'pu'"),
                deadLetter("binance-spot", TRADE.replace("btcusdt@trade", "xyzabc@trade").replace("BTCUSDT", "XYZABC"),
                        "unknown symbol 'XYZABC'"),
                deadLetter("binance-spot", TRADE.replace("61837.63000000", "61837.630000001"), "'p'", "more than 8 fractional digits"),
                deadLetter("binance-spot", TRADE.replace("btcusdt@trade", "ethusdt@trade"), "ETHUSDT", "BTCUSDT", "does not match"));
    }

    @ParameterizedTest
    @MethodSource("deadLetters")
    void badFramesAreDeadLettersNamingTheProblem(String feed, String payload, List<String> reasons) {
        String msg = reject(feed, payload);
        reasons.forEach(reason -> assertTrue(msg.contains(reason), "'" + msg + "' should name: " + reason));
    }

    @Test
    void truncatedJsonIsRejected() throws IOException {
        String line = gzLines(market("binance-spot/btcusdt_20240808.gz")).stream()
                .filter(l -> l.contains("\"stream\":\"btcusdt@depth@100ms\"")).findFirst().orElseThrow();
        String payload = line.substring(line.indexOf(' ') + 1);
        String msg = reject("binance-spot", payload.substring(0, payload.length() / 2));
        assertTrue(msg.startsWith("malformed JSON"), msg);
        msg = reject("binance-spot", "{\"stream\":");
        assertTrue(msg.startsWith("malformed JSON"), msg);
    }
}
