package io.rrralgorithms.connectors.adapters.kucoin;

import static io.rrralgorithms.connectors.testkit.EventFields.assertFields;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.adapters.BookSyncRules;
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
 * The KuCoin decoder over the real cryptofeed capture {@code KUCOIN.ws.1.0} (2021: level2, match,
 * ticker and candles of 10 symbols) with its REST level2 snapshots ({@code KUCOIN.http.0.0}) and
 * instrument list ({@code KUCOIN.0}). The standard checks are the contract's ({@code DecoderCases},
 * oracle {@link KucoinOracle}); here exact fields of real frames, bad frames and the catalog's facts.
 */
public class KucoinFrameDecoderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Venue ADAPTER = Venues.forFeed("kucoin");
    /** Frames at the capture's time. */
    private static final Frames.At CAPTURED = Frames.at(ADAPTER, 1_619_378_326_364_592_000L);

    private static List<String> payloads() {
        return CaptureLines.payloads(SharedData.cryptofeed("KUCOIN.ws.1.0"));
    }

    private static long mantissa(String decimal) {
        return new BigDecimal(decimal).movePointRight(8).longValueExact();
    }

    @Test
    void snapshotAndPartitionKeys() {
        assertEquals("BCHSV-USDT",
                ADAPTER.snapshotKey("https://api.kucoin.com/api/v3/market/orderbook/level2?symbol=BCHSV-USDT"));
        assertEquals("SNX-BTC", ADAPTER.snapshotKey("https://api.kucoin.com/api/v2/market/orderbook/level2_100?symbol=SNX-BTC"));
        assertNull(ADAPTER.snapshotKey("https://api.kucoin.com/api/v1/symbols"));
        assertEquals("DAPPT-BTC", ADAPTER.partitionKey(
                "{\"data\":{},\"subject\":\"trade.candles.add\",\"topic\":\"/market/candles:DAPPT-BTC_1min\",\"type\":\"message\"}"
                        .getBytes(StandardCharsets.UTF_8)));
        assertNull(ADAPTER.partitionKey("{\"id\":\"1\",\"type\":\"ack\"}".getBytes(StandardCharsets.UTF_8)));
    }

    /** Symbols by the decoder's rule; the capture's half hour; one change per delta (l2updates carry no time). */
    public static void event(RawFrame f, MarketEvent ev, Decoded d) throws DecodeException {
        assertEquals(KucoinSymbols.normalize(ev.nativeSymbol), ev.symbol);
        if (ev.type != EventType.BOOK_DELTA) {
            assertTrue(ev.exchangeTimeMs > 1_619_378_000_000L && ev.exchangeTimeMs < 1_619_379_000_000L, ev.toString());
        } else {
            assertEquals(ev.firstUpdateId, ev.lastUpdateId, "one change per delta");
            assertTrue(ev.bidPrices.length + ev.askPrices.length <= 1);
        }
    }

    /** Dead letters: exactly the frames finer than 1e-8, of four symbols. */
    public static void decoded(RawCounts raw, Decoded d) {
        for (String e : d.errors) {
            assertTrue(e.contains("more than 8 fractional digits"), e);
        }
        assertEquals(Set.of("ANKR-BTC", "CAPP-BTC", "DAPPT-BTC", "BCHSV-USDT"), d.deadLetterKeys);
    }

    @Test
    void matchFromTheCaptureIsExact() throws Exception {
        String line = payloads().stream().filter(p -> p.contains("\"subject\":\"trade.l3match\"")
                && p.contains("FET-BTC")).findFirst().orElseThrow();
        // {"data":{"symbol":"FET-BTC","sequence":"…","side":"…","size":"…","price":"…",…,"time":"…",…
        JsonNode d = JSON.readTree(line).get("data");
        MarketEvent t = CAPTURED.decode(line).get(0);
        assertFields(t, "type", EventType.TRADE, "nativeSymbol", "FET-BTC", "symbol", "FET-BTC");
        assertEquals(Long.parseLong(d.get("sequence").asText()), t.tradeId, "the match's sequence is the trade id");
        assertEquals(d.get("side").asText().equals("buy"), t.takerBuy, "side is the taker's");
        assertFields(t, "price", mantissa(d.get("price").asText()), "size", mantissa(d.get("size").asText()),
                "exchangeTimeMs", Long.parseLong(d.get("time").asText()) / 1_000_000L);

        MarketEvent h = CAPTURED.decode("{\"data\":{\"symbol\":\"BCHSV-USDT\",\"sequence\":\"1613277184431\",\"side\":\"sell\","
                + "\"size\":\"0.41565232\",\"price\":\"242.571\",\"takerOrderId\":\"a\",\"time\":\"1619378339136489451\","
                + "\"type\":\"match\",\"makerOrderId\":\"b\",\"tradeId\":\"6085c0a369bc506996296d83\"},"
                + "\"subject\":\"trade.l3match\",\"topic\":\"/market/match:BCHSV-USDT\",\"type\":\"message\"}").get(0);
        assertEquals("BSV-USDT", h.symbol, "BCHSV is KuCoin's old code of BSV");
        assertFields(h, "nativeSymbol", "BCHSV-USDT", "takerBuy", false, "tradeId", 1613277184431L,
                "price", 24_257_100_000L, "size", 41_565_232L, "exchangeTimeMs", 1_619_378_339_136L);
    }

    @Test
    void l2updatesTickerAndSnapshotFromTheCapture() throws Exception {
        // the first l2update of the capture: {"sequenceStart":1613277183874,"symbol":"BCHSV-USDT",
        // "changes":{"asks":[["0","0","1613277183874"]],"bids":[]},"sequenceEnd":1613277183874}: sequence only
        String first = payloads().stream().filter(p -> p.contains("trade.l2update")).findFirst().orElseThrow();
        assertTrue(first.contains("\"asks\":[[\"0\",\"0\",\"1613277183874\"]]"), first);
        List<MarketEvent> evs = CAPTURED.decode(first);
        assertEquals(1, evs.size());
        MarketEvent d = evs.get(0);
        assertFields(d, "type", EventType.BOOK_DELTA, "firstUpdateId", 1613277183874L,
                "lastUpdateId", 1613277183874L);
        assertEquals(0, d.askPrices.length, "price 0: no level, only the sequence");
        assertEquals(0, d.bidPrices.length);
        assertEquals(0L, d.exchangeTimeMs, "the 2021 l2update has no time");

        // the first SNX-BTC l2update with a real level
        String level = payloads().stream().filter(p -> p.contains("/market/level2:SNX-BTC")
                && !p.contains("[[\"0\",\"0\",")).findFirst().orElseThrow();
        JsonNode ch = JSON.readTree(level).get("data").get("changes");
        boolean bid = ch.get("bids").size() == 1;
        JsonNode c = (bid ? ch.get("bids") : ch.get("asks")).get(0);
        MarketEvent e = CAPTURED.decode(level).get(0);
        assertArrayEquals(new long[] {mantissa(c.get(0).asText())}, bid ? e.bidPrices : e.askPrices);
        assertArrayEquals(new long[] {mantissa(c.get(1).asText())}, bid ? e.bidSizes : e.askSizes);
        assertEquals(0, (bid ? e.askPrices : e.bidPrices).length);
        assertEquals(Long.parseLong(c.get(2).asText()), e.lastUpdateId);

        // the first ticker: SNX-BTC, sequence 1612844051653
        String tick = payloads().stream().filter(p -> p.contains("trade.ticker")).findFirst().orElseThrow();
        MarketEvent b = CAPTURED.decode(tick).get(0);
        assertFields(b, "type", EventType.BBO, "nativeSymbol", "SNX-BTC", "lastUpdateId", 1612844051653L,
                "exchangeTimeMs", 1_619_378_326_323L, "bidPrices", new long[] {28_678L},
                "bidSizes", new long[] {370_422_021L}, "askPrices", new long[] {28_717L},
                "askSizes", new long[] {1_404_274_325L});

        // the SNX-BTC REST snapshot
        String snap = Files.readAllLines(SharedData.cryptofeed("KUCOIN.http.0.0"), StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains("symbol=SNX-BTC ")).findFirst().orElseThrow();
        String body = snap.substring(snap.indexOf(": ", snap.indexOf(" -> ")) + 2);
        JsonNode sd = JSON.readTree(body).get("data");
        RawFrame rf = new RawFrame("kucoin", ADAPTER.snapshotKey(snap.substring(0, snap.indexOf(" -> "))),
                FrameKind.REST_SNAPSHOT, 1L, body.getBytes(StandardCharsets.UTF_8));
        List<MarketEvent> out = new ArrayList<>();
        assertEquals(FrameDecoder.Result.EVENTS, ADAPTER.decoder().decode(rf, out::add));
        MarketEvent s = out.get(0);
        assertFields(s, "type", EventType.BOOK_SNAPSHOT, "nativeSymbol", "SNX-BTC", "lastUpdateId", 1612844051657L,
                "exchangeTimeMs", sd.get("time").asLong());
        assertEquals(sd.get("bids").size(), s.bidPrices.length);
        assertEquals(sd.get("asks").size(), s.askPrices.length);
        assertEquals(mantissa(sd.get("bids").get(0).get(0).asText()), s.bidPrices[0]);
        assertEquals(mantissa(sd.get("bids").get(0).get(1).asText()), s.bidSizes[0]);
        assertEquals(mantissa(sd.get("asks").get(0).get(0).asText()), s.askPrices[0]);
        assertEquals(mantissa(sd.get("asks").get(0).get(1).asText()), s.askSizes[0]);
    }

    @Test
    void multiChangeFrameSplitsIntoChangesInSequenceOrder() throws Exception {
        List<MarketEvent> evs = CAPTURED.decode("{\"data\":{\"sequenceStart\":101,\"symbol\":\"SNX-BTC\",\"changes\":{"
                + "\"asks\":[[\"0.0003\",\"5\",\"103\"],[\"0\",\"0\",\"101\"]],\"bids\":[[\"0.00028\",\"0\",\"102\"]]},"
                + "\"sequenceEnd\":103,\"time\":1619378326400},\"subject\":\"trade.l2update\","
                + "\"topic\":\"/market/level2:SNX-BTC\",\"type\":\"message\"}");
        assertEquals(3, evs.size());
        assertEquals(List.of(101L, 102L, 103L), evs.stream().map(e -> e.lastUpdateId).toList());
        assertEquals(0, evs.get(0).bidPrices.length + evs.get(0).askPrices.length, "sequence-only change");
        assertArrayEquals(new long[] {28_000L}, evs.get(1).bidPrices);
        assertArrayEquals(new long[] {0L}, evs.get(1).bidSizes, "size 0 removes the level");
        assertArrayEquals(new long[] {30_000L}, evs.get(2).askPrices);
        assertArrayEquals(new long[] {500_000_000L}, evs.get(2).askSizes);
        for (MarketEvent e : evs) {
            assertEquals(1_619_378_326_400L, e.exchangeTimeMs, "a time field is used when the venue sends one");
            assertEquals(e.firstUpdateId, e.lastUpdateId);
        }
        // a snapshot at 102 inside the frame's span: the sync rules keep exactly change 103
        BookSyncRules rules = KucoinVenue.RULES;
        assertTrue(rules.isStale(evs.get(0), 102));
        assertTrue(rules.isStale(evs.get(1), 102));
        assertFalse(rules.isStale(evs.get(2), 102));
        assertTrue(rules.bridgesSnapshot(evs.get(2), 102));
        assertTrue(rules.continues(evs.get(2), 102));
        assertFalse(rules.continues(evs.get(2), 101));
        assertEquals("sequence 103", rules.describeExpectation(102));
    }

    @Test
    void ignoredFrames() throws Exception {
        for (String json : List.of("{\"id\":\"NSkIrWGB1s\",\"type\":\"welcome\"}", "{\"id\":\"1\",\"type\":\"ack\"}",
                "{\"id\":\"1\",\"type\":\"pong\"}",
                "{\"data\":{\"symbol\":\"DAPPT-BTC\",\"candles\":[\"1619378220\",\"0.0000001116\",\"0.0000001116\","
                        + "\"0.0000001116\",\"0.0000001116\",\"0\",\"0\"],\"time\":1619378328806000034},"
                        + "\"subject\":\"trade.candles.add\",\"topic\":\"/market/candles:DAPPT-BTC_1min\",\"type\":\"message\"}")) {
            List<MarketEvent> out = new ArrayList<>();
            assertEquals(FrameDecoder.Result.IGNORED, ADAPTER.decoder().decode(CAPTURED.ws(json), out::add), json);
            assertTrue(out.isEmpty());
        }
    }

    private static final String L2 = "{\"data\":{\"sequenceStart\":5,\"symbol\":\"SNX-BTC\",\"changes\":%s,"
            + "\"sequenceEnd\":%s},\"subject\":\"trade.l2update\",\"topic\":\"/market/level2:%s\",\"type\":\"message\"}";

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "[1]| not a JSON object",
        "{\"id\":\"1\"}| missing field 'type'",
        "{\"id\":\"1\",\"type\":\"error\",\"code\":404,\"data\":\"topic /market/x is not found\"}| venue error message: code 404",
        "{\"data\":{},\"subject\":\"x\",\"topic\":\"nocolon\",\"type\":\"message\"}| is not '/market/<channel>:<symbol>'",
        "{\"data\":{},\"subject\":\"trade.ticker\",\"topic\":\"/market/level2:SNX-BTC\",\"type\":\"message\"}| unknown subject 'trade.ticker'",
        "{\"subject\":\"trade.l2update\",\"topic\":\"/market/level2:SNX-BTC\",\"type\":\"message\"}| missing field 'data'",
        "{\"data\":{\"symbol\":\"SNX-BTC\",\"sequence\":\"12\",\"side\":\"buy\",\"size\":\"1\",\"price\":\"1\",\"time\":\"1619378327739050725\"},\"subject\":\"trade.l3match\",\"topic\":\"/market/match:FET-BTC\",\"type\":\"message\"}| topic symbol FET-BTC does not match data symbol SNX-BTC",
        "{\"data\":{\"symbol\":\"SNX-BTC\",\"sequence\":\"12a\",\"side\":\"buy\",\"size\":\"1\",\"price\":\"1\",\"time\":\"1619378327739050725\"},\"subject\":\"trade.l3match\",\"topic\":\"/market/match:SNX-BTC\",\"type\":\"message\"}| field 'sequence' is not an integer",
        "{\"data\":{\"symbol\":\"SNX-BTC\",\"sequence\":\"12\",\"side\":\"up\",\"size\":\"1\",\"price\":\"1\",\"time\":\"1619378327739050725\"},\"subject\":\"trade.l3match\",\"topic\":\"/market/match:SNX-BTC\",\"type\":\"message\"}| field 'side' must be buy or sell",
        "{\"data\":{\"symbol\":\"SNX-BTC\",\"sequence\":\"12\",\"side\":\"buy\",\"size\":1,\"price\":\"1\",\"time\":\"1619378327739050725\"},\"subject\":\"trade.l3match\",\"topic\":\"/market/match:SNX-BTC\",\"type\":\"message\"}| field 'size' must be a decimal string, got NUMBER",
        "{\"data\":{\"symbol\":\"SNXBTC\",\"sequence\":\"12\",\"side\":\"buy\",\"size\":\"1\",\"price\":\"1\",\"time\":\"1619378327739050725\"},\"subject\":\"trade.l3match\",\"topic\":\"/market/match:SNXBTC\",\"type\":\"message\"}| unknown symbol 'SNXBTC'",
        "{\"data\":{\"sequence\":\"1\",\"bestAsk\":\"1\",\"bestBidSize\":\"1\",\"time\":1619378326323,\"bestAskSize\":\"1\"},\"subject\":\"trade.ticker\",\"topic\":\"/market/ticker:SNX-BTC\",\"type\":\"message\"}| missing field 'bestBid'",
    })
    void badFramesAreDeadLettersNamingTheProblem(String json, String reason) {
        CAPTURED.assertDeadLetter(json, reason);
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
        "{\"asks\":[[\"1\",\"1\",\"5\"]],\"bids\":[]}| 6| spans sequences 5..6 but has 1 changes",
        "{\"asks\":[[\"1\",\"1\",\"5\"],[\"2\",\"1\",\"5\"]],\"bids\":[]}| 6| two changes with sequence 5",
        "{\"asks\":[[\"1\",\"1\",\"7\"]],\"bids\":[]}| 5| is outside the frame's 5..5",
        "{\"asks\":[[\"1\",\"1\"]],\"bids\":[]}| 5| must be a [price, size, sequence] array",
        "{\"asks\":[[\"0\",\"1\",\"5\"]],\"bids\":[]}| 5| a size at price 0",
        "{\"asks\":[[\"1\",\"-1\",\"5\"]],\"bids\":[]}| 5| negative",
        "{\"asks\":[]}| 5| missing field 'changes.bids'",
        "{\"asks\":[],\"bids\":[]}| 4| sequenceStart 5 > sequenceEnd 4",
        "{\"asks\":[[\"1e3\",\"1\",\"5\"]],\"bids\":[]}| 5| changes.asks[0].price",
    })
    void badL2updatesAreDeadLetters(String changes, String end, String reason) {
        String json = String.format(L2, changes, end, "SNX-BTC");
        CAPTURED.assertDeadLetter(json, reason);
    }

    @Test
    void badSnapshotsAreDeadLetters() {
        RawFrame error = new RawFrame("kucoin", "SNX-BTC", FrameKind.REST_SNAPSHOT, 1L,
                "{\"code\":\"400100\",\"msg\":\"symbol invalid\"}".getBytes(StandardCharsets.UTF_8));
        DecodeException e = assertThrows(DecodeException.class, () -> ADAPTER.decoder().decode(error, x -> { }));
        assertTrue(e.getMessage().contains("venue error response: code '400100' symbol invalid"), e.getMessage());
        RawFrame noKey = new RawFrame("kucoin", null, FrameKind.REST_SNAPSHOT, 1L,
                "{\"code\":\"200000\",\"data\":{\"sequence\":\"1\",\"bids\":[],\"asks\":[]}}".getBytes(StandardCharsets.UTF_8));
        e = assertThrows(DecodeException.class, () -> ADAPTER.decoder().decode(noKey, x -> { }));
        assertTrue(e.getMessage().contains("without a symbol key"), e.getMessage());
    }

    @Test
    void catalogFromTheRecordedSymbols() throws Exception {
        InstrumentCatalog c = InstrumentCatalog.fromCryptofeed(SharedData.cryptofeed("KUCOIN.0"), ADAPTER);
        assertEquals(634, c.size());
        // every listed symbol: the decoder's normalization (from the native name alone) equals the
        // catalog's (from baseCurrency/quoteCurrency), renamed assets included
        int renamed = 0;
        for (Instrument i : c.all()) {
            assertEquals(i.symbol(), KucoinSymbols.normalize(i.nativeSymbol()), i.nativeSymbol());
            assertEquals(Instrument.Kind.SPOT, i.kind());
            if (!i.symbol().equals(i.nativeSymbol())) {
                renamed++;
            }
        }
        assertEquals(13, renamed, "5 BCHSV, 2 R, 3 WAX, 3 LOKI pairs (LYXE/LYXe only differs in case)");
        // every symbol of the capture is in the catalog, with the decoder's symbol
        Set<String> captured = new TreeSet<>();
        for (String p : payloads()) {
            JsonNode j = JSON.readTree(p);
            if (j.has("topic")) {
                captured.add(ADAPTER.partitionKey(p.getBytes(StandardCharsets.UTF_8)));
            }
        }
        assertEquals(Set.of("ANKR-BTC", "BCHSV-USDT", "CAPP-BTC", "COV-BTC", "DAPPT-BTC", "EQZ-BTC", "FET-BTC",
                "NRG-BTC", "SNX-BTC"), captured, "LTX-USDT was subscribed but sent nothing");
        Set<String> notFitting = new TreeSet<>();
        for (String s : captured) {
            Instrument i = c.byNative(s).orElseThrow(() -> new AssertionError(s + " not in the catalog"));
            assertEquals(i.symbol(), KucoinSymbols.normalize(s));
            if (!i.fitsScale()) {
                notFitting.add(s);
            }
        }
        Instrument bsv = c.byNative("BCHSV-USDT").orElseThrow();
        assertEquals("BSV-USDT", bsv.symbol());
        assertEquals(new BigDecimal("0.001"), bsv.tickSize());
        assertEquals(new BigDecimal("0.00000001"), bsv.lotSize());
        assertEquals(3, bsv.priceDecimals());
        assertEquals(8, bsv.sizeDecimals());
        // ticks of 1e-10: prices of these cannot be held exactly in 8 decimals (dead letters)
        assertEquals(Set.of("ANKR-BTC", "CAPP-BTC", "DAPPT-BTC"), notFitting);
        assertEquals(64, c.all().stream().filter(i -> !i.fitsScale()).count(), "all listed symbols with ticks < 1e-8");
    }

    @Test
    void symbols() throws Exception {
        assertEquals("BTC-USDT", KucoinSymbols.normalize("BTC-USDT"));
        assertEquals("REV-BTC", KucoinSymbols.normalize("R-BTC"));
        assertEquals("WAXP-ETH", KucoinSymbols.normalize("WAX-ETH"));
        assertEquals("OXEN-USDT", KucoinSymbols.normalize("LOKI-USDT"));
        assertThrows(DecodeException.class, () -> KucoinSymbols.normalize("BTC-USDT-X"));
        assertThrows(DecodeException.class, () -> KucoinSymbols.normalize("-USDT"));
        assertNotNull(ADAPTER.instrumentMetadata());
        assertTrue(ADAPTER.instrumentMetadata().isMetadataUrl(KucoinInstruments.URL));
    }
}
