package io.rrralgorithms.connectors.adapters.bitmex;

import static io.rrralgorithms.connectors.testkit.EventFields.assertFields;
import static io.rrralgorithms.connectors.testkit.Frames.decode;
import static io.rrralgorithms.connectors.testkit.Frames.ws;
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
import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.adapters.Decoded;
import io.rrralgorithms.connectors.adapters.FrameDecoder;
import io.rrralgorithms.connectors.adapters.RawCounts;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The BitMEX decoder over the real cryptofeed capture {@code BITMEX.ws.1.0} (orderBookL2, quote and
 * trade tables of 10 perpetuals and futures, July 2021) and its metadata {@code BITMEX.0}: the
 * standard checks are the contract's ({@code DecoderCases}, oracle {@link BitmexOracle}); here the
 * exact fields of real frames, the id → price resolution on hand-written frames, malformed frames.
 */
public class BitmexFrameDecoderTest {
    private static final Pattern RECEIVED = CaptureLines.RECEIVED;
    /** Exact decimals, as the venue wrote them. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    static List<String> payloads() {
        return CaptureLines.payloads(SharedData.cryptofeed("BITMEX.ws.1.0"));
    }

    /** The adapter as one stream reader sees it: the same (stateful) decoder on every call. */
    private static Venue oneStream() {
        Venue bitmex = BitmexVenue.VENUE;
        FrameDecoder d = bitmex.decoder();
        return Venue.builder(bitmex.feed()).decoder(feed -> d).bookSyncRules(bitmex.bookSyncRules())
                .partitionKey(bitmex::partitionKey).symbols(bitmex.symbols()).build();
    }

    @Test
    void registeredWithMetadata() {
        assertNotNull(Venues.forFeed("bitmex").instrumentMetadata());
    }

    /** Symbols by the decoder's rule; 2021 book rows carry no time; only TRXU21's ids stay unresolved. */
    public static void event(RawFrame f, MarketEvent ev, Decoded d) throws DecodeException {
        assertEquals(BitmexSymbols.normalize(ev.nativeSymbol), ev.symbol);
        if (ev.type == EventType.TRADE || ev.type == EventType.BBO) {
            assertTrue(ev.exchangeTimeMs > 1_626_990_000_000L, ev.toString());
        } else {
            assertEquals(0L, ev.exchangeTimeMs, "2021 book rows carry no time");
        }
        if (ev.type == EventType.BOOK_DELTA) {
            assertTrue(ev.lastUpdateId == BitmexFrameDecoder.UNRESOLVED
                    ? ev.nativeSymbol.equals("TRXU21") : ev.lastUpdateId > 0, ev.toString());
        }
    }

    /** The dead letters: the TRXU21 frames with 1e-10 prices (its book partial, its quote partial, one book insert). */
    public static void decoded(RawCounts raw, Decoded d) {
        for (String e : d.errors) {
            assertTrue(e.contains("more than 8 fractional digits") && e.contains("\"symbol\":\"TRXU21\""), e);
        }
    }

    @Test
    void realFramesDecodeExactly() throws Exception {
        Venue a = oneStream();
        List<String> payloads = payloads();
        // the XBTUSD partial: every row a level, bids and asks in row order
        String partial = payloads.stream()
                .filter(p -> p.startsWith("{\"table\":\"orderBookL2\",\"action\":\"partial\"") && p.contains("\"XBTUSD\""))
                .findFirst().orElseThrow();
        JsonNode pj = JSON.readTree(partial);
        List<MarketEvent> evs = decode(a, partial, 1_626_993_368_000_000_000L);
        assertEquals(1, evs.size());
        MarketEvent snap = evs.get(0);
        assertEquals(EventType.BOOK_SNAPSHOT, snap.type);
        assertEquals("BTC-USD-PERP", snap.symbol);
        assertEquals(1_626_993_368_000_000_000L, snap.lastUpdateId, "the session id is the partial's receive time");
        assertEquals(pj.get("data").size(), snap.bidPrices.length + snap.askPrices.length);
        JsonNode first = pj.get("data").get(0);
        long[] prices = first.get("side").asText().equals("Buy") ? snap.bidPrices : snap.askPrices;
        long[] sizes = first.get("side").asText().equals("Buy") ? snap.bidSizes : snap.askSizes;
        assertEquals(m(first.get("price")), prices[0]);
        assertEquals(m(first.get("size")), sizes[0]);

        // the first XBTUSD update after it: rows of id, side, size, resolved through the partial's ids
        Map<Long, BigDecimal> priceOfId = new TreeMap<>();
        pj.get("data").forEach(r -> priceOfId.put(r.get("id").asLong(), r.get("price").decimalValue()));
        String update = payloads.stream()
                .filter(p -> p.startsWith("{\"table\":\"orderBookL2\",\"action\":\"update\"") && p.contains("\"XBTUSD\""))
                .findFirst().orElseThrow();
        JsonNode uj = JSON.readTree(update);
        assertFalse(uj.get("data").get(0).has("price"), "2021 update rows carry no price");
        MarketEvent d = decode(a, update, 1_626_993_369_000_000_000L).get(0);
        assertEquals(EventType.BOOK_DELTA, d.type);
        assertEquals(snap.lastUpdateId, d.lastUpdateId);
        JsonNode row = uj.get("data").get(0);
        boolean bid = row.get("side").asText().equals("Buy");
        assertEquals(m(priceOfId.get(row.get("id").asLong())), (bid ? d.bidPrices : d.askPrices)[0]);
        assertEquals(m(row.get("size")), (bid ? d.bidSizes : d.askSizes)[0]);

        // a trade insert: side is the taker's, time from the row
        String trade = payloads.stream().filter(p -> p.startsWith("{\"table\":\"trade\",\"action\":\"insert\""))
                .findFirst().orElseThrow();
        JsonNode tr = JSON.readTree(trade).get("data").get(0);
        MarketEvent t = decode(a, trade, 1L).get(0);
        assertFields(t, "type", EventType.TRADE, "nativeSymbol", tr.get("symbol").asText(),
                "takerBuy", tr.get("side").asText().equals("Buy"), "price", m(tr.get("price")),
                "size", m(tr.get("size")));
        long ms = Instant.parse(tr.get("timestamp").asText()).toEpochMilli();
        assertEquals(ms, t.exchangeTimeMs);
        assertEquals(ms * 10_000L, t.tradeId, "ordering key: time, then position in the frame");
    }

    @Test
    void handWrittenTradesAndQuotes() throws Exception {
        Venue a = oneStream();
        List<MarketEvent> ts = decode(a, "{\"table\":\"trade\",\"action\":\"insert\",\"data\":["
                + "{\"timestamp\":\"2021-07-22T22:36:33.432Z\",\"symbol\":\"XBTUSD\",\"side\":\"Buy\",\"size\":300,\"price\":32185,"
                + "\"tickDirection\":\"PlusTick\",\"trdMatchID\":\"52b819f1-b643-e71f-801f-c08d99eabf35\",\"grossValue\":932100,"
                + "\"homeNotional\":0.009321,\"foreignNotional\":300},"
                + "{\"timestamp\":\"2021-07-22T22:36:33.432Z\",\"symbol\":\"XBTUSD\",\"side\":\"Buy\",\"size\":24300,\"price\":32185.5,"
                + "\"tickDirection\":\"PlusTick\",\"trdMatchID\":\"87cafb45-0d75-fb01-b059-6d272647d37c\"},"
                + "{\"timestamp\":\"2021-07-22T22:36:34.000Z\",\"symbol\":\"ADAUSDT\",\"side\":\"Sell\",\"size\":1,\"price\":1.17478,"
                + "\"trdMatchID\":\"x\"}]}", 5L);
        assertEquals(3, ts.size());
        assertEquals(List.of(m("32185"), m("32185.5"), m("1.17478")), List.of(ts.get(0).price, ts.get(1).price, ts.get(2).price));
        assertEquals(m("24300"), ts.get(1).size);
        assertTrue(ts.get(0).takerBuy);
        assertFalse(ts.get(2).takerBuy);
        assertEquals(1_626_993_393_432L * 10_000L + 1, ts.get(1).tradeId);
        assertTrue(ts.get(0).tradeId < ts.get(1).tradeId && ts.get(1).tradeId < ts.get(2).tradeId);
        assertEquals("ADA-USDT-PERP", ts.get(2).symbol);

        MarketEvent q = decode(a, "{\"table\":\"quote\",\"action\":\"insert\",\"data\":[{\"timestamp\":\"2021-07-22T22:36:10.014Z\","
                + "\"symbol\":\"UNIUSDT\",\"bidSize\":750,\"bidPrice\":17.277,\"askPrice\":null,\"askSize\":null}]}", 5L).get(0);
        assertFields(q, "type", EventType.BBO, "bidPrices", new long[] {m("17.277")},
                "bidSizes", new long[] {m("750")});
        assertEquals(0, q.askPrices.length, "no ask quoted");
        assertEquals(1_626_993_370_014L, q.exchangeTimeMs);

        assertEquals(FrameDecoder.Result.IGNORED, a.decoder().decode(ws(a,
                "{\"table\":\"trade\",\"action\":\"partial\",\"data\":[{\"symbol\":\"XBTUSD\"}]}", 1L), e -> { }));
        assertEquals(FrameDecoder.Result.IGNORED, a.decoder().decode(ws(a,
                "{\"success\":true,\"subscribe\":\"trade:XBTUSD\",\"request\":{\"op\":\"subscribe\"}}", 1L), e -> { }));
        assertEquals(FrameDecoder.Result.IGNORED, a.decoder().decode(ws(a, "pong", 1L), e -> { }));
        assertEquals(FrameDecoder.Result.IGNORED, a.decoder().decode(ws(a,
                "{\"table\":\"funding\",\"action\":\"insert\",\"data\":[{\"symbol\":\"XBTUSD\",\"fundingRate\":0.0001}]}", 1L), e -> { }));
        assertEquals("XBTUSD", a.partitionKey("{\"table\":\"orderBookL2\",\"action\":\"update\",\"data\":[{\"symbol\":\"XBTUSD\",\"id\":1}]}"
                .getBytes(StandardCharsets.UTF_8)));
        assertEquals(null, a.partitionKey("{\"info\":\"Welcome\"}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void levelIdsResolveThroughTheSessionOfTheLastPartial() throws Exception {
        Venue a = oneStream();
        // a delta before any partial cannot be resolved
        MarketEvent before = decode(a, "{\"table\":\"orderBookL2\",\"action\":\"update\",\"data\":["
                + "{\"symbol\":\"XBTUSD\",\"id\":8796781700,\"side\":\"Sell\",\"size\":5}]}", 10L).get(0);
        assertEquals(BitmexFrameDecoder.UNRESOLVED, before.lastUpdateId);
        assertEquals(0, before.bidPrices.length + before.askPrices.length);

        MarketEvent snap = decode(a, "{\"table\":\"orderBookL2\",\"action\":\"partial\",\"filter\":{\"symbol\":\"XBTUSD\"},\"data\":["
                + "{\"symbol\":\"XBTUSD\",\"id\":8796781700,\"side\":\"Sell\",\"size\":10,\"price\":32183},"
                + "{\"symbol\":\"XBTUSD\",\"id\":8796781750,\"side\":\"Buy\",\"size\":20,\"price\":32182.5}]}", 20L).get(0);
        assertFields(snap, "lastUpdateId", 20L, "bidPrices", new long[] {m("32182.5")},
                "askPrices", new long[] {m("32183")});

        // insert, update and delete in one frame each; the update and delete find their prices by id
        MarketEvent ins = decode(a, "{\"table\":\"orderBookL2\",\"action\":\"insert\",\"data\":["
                + "{\"symbol\":\"XBTUSD\",\"id\":8796781800,\"side\":\"Buy\",\"size\":7,\"price\":32182}]}", 30L).get(0);
        assertEquals(20L, ins.lastUpdateId);
        assertArrayEquals(new long[] {m("32182")}, ins.bidPrices);
        MarketEvent upd = decode(a, "{\"table\":\"orderBookL2\",\"action\":\"update\",\"data\":["
                + "{\"symbol\":\"XBTUSD\",\"id\":8796781800,\"side\":\"Buy\",\"size\":9},"
                + "{\"symbol\":\"XBTUSD\",\"id\":8796781700,\"side\":\"Sell\",\"size\":11}]}", 40L).get(0);
        assertFields(upd, "bidPrices", new long[] {m("32182")}, "bidSizes", new long[] {m("9")},
                "askPrices", new long[] {m("32183")}, "askSizes", new long[] {m("11")});
        MarketEvent del = decode(a, "{\"table\":\"orderBookL2\",\"action\":\"delete\",\"data\":["
                + "{\"symbol\":\"XBTUSD\",\"id\":8796781750,\"side\":\"Buy\"}]}", 50L).get(0);
        assertArrayEquals(new long[] {m("32182.5")}, del.bidPrices);
        assertArrayEquals(new long[] {0L}, del.bidSizes, "a delete is size 0");

        // a level that changes sides in an update: removed from the old side, set on the new
        MarketEvent flip = decode(a, "{\"table\":\"orderBookL2\",\"action\":\"update\",\"data\":["
                + "{\"symbol\":\"XBTUSD\",\"id\":8796781800,\"side\":\"Sell\",\"size\":3}]}", 55L).get(0);
        assertFields(flip, "bidPrices", new long[] {m("32182")}, "bidSizes", new long[] {0L},
                "askPrices", new long[] {m("32182")}, "askSizes", new long[] {m("3")});

        // a row that carries its price (later feeds) is taken as is, even for an id never inserted
        MarketEvent priced = decode(a, "{\"table\":\"orderBookL2\",\"action\":\"update\",\"data\":["
                + "{\"symbol\":\"XBTUSD\",\"id\":1,\"side\":\"Buy\",\"size\":4,\"price\":32100,"
                + "\"timestamp\":\"2021-07-22T22:36:10.014Z\"}]}", 57L).get(0);
        assertFields(priced, "lastUpdateId", 20L, "bidPrices", new long[] {m("32100")},
                "exchangeTimeMs", 1_626_993_370_014L);

        // the deleted id is gone: deleting it again is unresolvable, and ends the session
        MarketEvent lost = decode(a, "{\"table\":\"orderBookL2\",\"action\":\"delete\",\"data\":["
                + "{\"symbol\":\"XBTUSD\",\"id\":8796781750,\"side\":\"Buy\"}]}", 60L).get(0);
        assertEquals(BitmexFrameDecoder.UNRESOLVED, lost.lastUpdateId);
        MarketEvent after = decode(a, "{\"table\":\"orderBookL2\",\"action\":\"insert\",\"data\":["
                + "{\"symbol\":\"XBTUSD\",\"id\":8796781900,\"side\":\"Buy\",\"size\":7,\"price\":32181}]}", 70L).get(0);
        assertEquals(BitmexFrameDecoder.UNRESOLVED, after.lastUpdateId, "no session until the next partial");

        // the sync rules: session deltas bridge and continue, unresolved ones break a synced book
        BitmexSyncRules rules = new BitmexSyncRules();
        assertTrue(rules.bridgesSnapshot(ins, snap.lastUpdateId));
        assertTrue(rules.continues(upd, ins.lastUpdateId));
        assertFalse(rules.continues(lost, upd.lastUpdateId));
        assertFalse(rules.isStale(lost, snap.lastUpdateId), "an unresolved delta after the partial is a break");
        assertTrue(rules.isStale(before, snap.lastUpdateId), "an unresolved delta before the partial is stale");
        assertFalse(rules.bridgesSnapshot(lost, snap.lastUpdateId));
        assertFalse(rules.isDuplicate(upd, upd.lastUpdateId));
        assertFalse(rules.isOlderSnapshot(snap, snap.lastUpdateId + 1));
        assertEquals(null, rules.checksum());
    }

    @Test
    void oneFrameWithRowsOfTwoSymbolsGivesOneEventPerSymbol() throws Exception {
        Venue a = oneStream();
        List<MarketEvent> evs = decode(a, "{\"table\":\"orderBookL2\",\"action\":\"partial\",\"data\":["
                + "{\"symbol\":\"XBTUSD\",\"id\":1,\"side\":\"Sell\",\"size\":10,\"price\":32183},"
                + "{\"symbol\":\"ETHUSD\",\"id\":2,\"side\":\"Buy\",\"size\":5,\"price\":1990.05},"
                + "{\"symbol\":\"XBTUSD\",\"id\":3,\"side\":\"Buy\",\"size\":20,\"price\":32182.5}]}", 100L);
        assertEquals(2, evs.size());
        assertEquals(List.of("XBTUSD", "ETHUSD"), List.of(evs.get(0).nativeSymbol, evs.get(1).nativeSymbol));
        assertEquals("ETH-USD-PERP", evs.get(1).symbol);
        assertArrayEquals(new long[] {m("32182.5")}, evs.get(0).bidPrices);
        assertArrayEquals(new long[] {m("1990.05")}, evs.get(1).bidPrices);
        List<MarketEvent> upd = decode(a, "{\"table\":\"orderBookL2\",\"action\":\"update\",\"data\":["
                + "{\"symbol\":\"ETHUSD\",\"id\":2,\"side\":\"Buy\",\"size\":6},"
                + "{\"symbol\":\"XBTUSD\",\"id\":1,\"side\":\"Sell\",\"size\":11}]}", 110L);
        assertEquals(List.of("ETHUSD", "XBTUSD"), List.of(upd.get(0).nativeSymbol, upd.get(1).nativeSymbol));
        assertArrayEquals(new long[] {m("1990.05")}, upd.get(0).bidPrices);
        assertArrayEquals(new long[] {m("32183")}, upd.get(1).askPrices);

        // an empty partial names its symbol in the filter: an empty book
        MarketEvent empty = decode(a, "{\"table\":\"orderBookL2\",\"action\":\"partial\",\"filter\":{\"symbol\":\"XBTU21\"},"
                + "\"data\":[]}", 120L).get(0);
        assertEquals("BTC-USD-210924", empty.symbol);
        assertEquals(0, empty.bidPrices.length + empty.askPrices.length);
    }

    @Test
    void symbolsNormalizeWithoutMetadata() throws Exception {
        assertEquals("BTC-USD-PERP", BitmexSymbols.normalize("XBTUSD"));
        assertEquals("ETH-USD-PERP", BitmexSymbols.normalize("ETHUSD"));
        assertEquals("MATIC-USDT-PERP", BitmexSymbols.normalize("MATICUSDT"));
        assertEquals("BTC-EUR-PERP", BitmexSymbols.normalize("XBTEUR"));
        assertEquals("BTC-USD-210924", BitmexSymbols.normalize("XBTU21"));
        assertEquals("BTC-USD-211231", BitmexSymbols.normalize("XBTZ21"));
        assertEquals("XRP-BTC-210924", BitmexSymbols.normalize("XRPU21"));
        assertEquals("ETH-USD-210924", BitmexSymbols.normalize("ETHUSDU21"));
        assertEquals("BTC-EUR-210924", BitmexSymbols.normalize("XBTEURU21"));
        assertEquals(LocalDate.of(2022, 3, 25), BitmexSymbols.expiry('H', 22));
        assertThrows(DecodeException.class, () -> BitmexSymbols.normalize(".BXBT"));
        assertThrows(DecodeException.class, () -> BitmexSymbols.normalize("XBT"));
        assertThrows(DecodeException.class, () -> BitmexSymbols.normalize("xbtusd"));
    }

    @Test
    void metadataCatalogHoldsEveryCapturedSymbolWithTheDecodersSymbol() throws Exception {
        InstrumentCatalog catalog = InstrumentCatalog.fromCryptofeed(SharedData.cryptofeed("BITMEX.0"), BitmexVenue.VENUE);
        Set<String> notFitting = new TreeSet<>();
        int futures = 0;
        for (Instrument i : catalog.all()) {
            // the decoder's symbol rule (quote, last-Friday expiry) agrees with the metadata
            assertEquals(i.symbol(), BitmexSymbols.normalize(i.nativeSymbol()), i.toString());
            assertNotNull(i.tickSize());
            assertNotNull(i.lotSize());
            if (i.kind() == Instrument.Kind.FUTURE) {
                futures++;
            }
            if (!i.fitsScale()) {
                notFitting.add(i.nativeSymbol());
            }
        }
        assertEquals(11, futures);
        assertEquals(Set.of("TRXU21"), notFitting, "TRXU21 ticks at 1e-10");
        Instrument xbt = catalog.byNative("XBTUSD").orElseThrow();
        assertEquals("BTC-USD-PERP", xbt.symbol());
        assertEquals(0, new BigDecimal("0.5").compareTo(xbt.tickSize()));
        assertEquals(0, new BigDecimal("100").compareTo(xbt.lotSize()));
        Instrument xrp = catalog.byNative("XRPU21").orElseThrow();
        assertEquals("XRP-BTC-210924", xrp.symbol());
        assertEquals(LocalDate.of(2021, 9, 24), xrp.expiry());
        assertEquals(8, xrp.priceDecimals());
        assertEquals("ALTMEX-USD-PERP", catalog.byNative("ALTMEXUSD").orElseThrow().symbol());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "{\"status\":400,\"error\":\"Unknown table: orderBookL9\",\"meta\":{}}| venue error message: Unknown table: orderBookL9 (status 400)",
        "{\"success\":false,\"subscribe\":\"x\"}| venue refused",
        "{\"table\":\"orderBookL2\",\"action\":\"replace\",\"data\":[]}| unknown orderBookL2 action 'replace'",
        "{\"table\":\"orderBookL2\",\"action\":\"insert\"}| missing field 'data'",
        "{\"table\":\"orderBookL2\",\"action\":\"insert\",\"data\":[{\"symbol\":\"XBTUSD\",\"id\":1,\"side\":\"Buy\",\"size\":1}]}| missing field 'price'",
        "{\"table\":\"orderBookL2\",\"action\":\"insert\",\"data\":[{\"symbol\":\"XBTUSD\",\"id\":1,\"side\":\"Buy\",\"size\":1,\"price\":\"32000\"}]}| field 'price' must be a number, got STRING",
        "{\"table\":\"orderBookL2\",\"action\":\"insert\",\"data\":[{\"symbol\":\"XBTUSD\",\"id\":1,\"side\":\"Bid\",\"size\":1,\"price\":1}]}| must be Buy or Sell",
        "{\"table\":\"orderBookL2\",\"action\":\"update\",\"data\":[{\"symbol\":\"XBTUSD\",\"id\":\"1\",\"side\":\"Buy\",\"size\":1}]}| field 'id' must be an integer",
        "{\"table\":\"orderBookL2\",\"action\":\"insert\",\"data\":[{\"symbol\":\"XBTUSD\",\"id\":1,\"side\":\"Buy\",\"size\":0,\"price\":1}]}| non-positive price or size",
        "{\"table\":\"orderBookL2\",\"action\":\"update\",\"data\":[{\"symbol\":\".BXBT\",\"id\":1,\"side\":\"Buy\",\"size\":1}]}| unknown symbol '.BXBT'",
        "{\"table\":\"trade\",\"action\":\"insert\",\"data\":[{\"timestamp\":\"2021-07-22T22:36:33.432Z\",\"symbol\":\"XBTUSD\",\"side\":\"Buy\",\"size\":1,\"price\":1e400000,\"trdMatchID\":\"x\"}]}| too large",
        "{\"table\":\"trade\",\"action\":\"insert\",\"data\":[{\"timestamp\":\"yesterday\",\"symbol\":\"XBTUSD\",\"side\":\"Buy\",\"size\":1,\"price\":1,\"trdMatchID\":\"x\"}]}| not an ISO-8601 instant",
        "{\"table\":\"trade\",\"action\":\"insert\",\"data\":[{\"timestamp\":\"2021-07-22T22:36:33.432Z\",\"symbol\":\"XBTUSD\",\"side\":\"Buy\",\"size\":1,\"price\":1}]}| missing field 'trdMatchID'",
        "{\"table\":\"trade\",\"action\":\"delete\",\"data\":[]}| unknown trade action 'delete'",
        "{\"table\":\"quote\",\"action\":\"insert\",\"data\":[{\"timestamp\":\"2021-07-22T22:36:33.432Z\",\"symbol\":\"XBTUSD\",\"bidPrice\":-1,\"bidSize\":1}]}| out of range",
    })
    void badFramesAreDeadLettersNamingTheProblem(String json, String reason) {
        Frames.at(oneStream(), 1L).assertDeadLetter(json, reason);
    }

    @Test
    void aDeadLetteredFrameLeavesTheIdMapAsItWas() throws Exception {
        Venue a = oneStream();
        decode(a, "{\"table\":\"orderBookL2\",\"action\":\"partial\",\"data\":["
                + "{\"symbol\":\"XBTUSD\",\"id\":1,\"side\":\"Sell\",\"size\":10,\"price\":32183}]}", 1L);
        // the second row is bad: the first row's delete must not have been applied
        assertThrows(DecodeException.class, () -> decode(a, "{\"table\":\"orderBookL2\",\"action\":\"delete\",\"data\":["
                + "{\"symbol\":\"XBTUSD\",\"id\":1,\"side\":\"Sell\"},{\"symbol\":\"XBTUSD\",\"id\":2,\"side\":\"Up\"}]}", 2L));
        MarketEvent d = decode(a, "{\"table\":\"orderBookL2\",\"action\":\"update\",\"data\":["
                + "{\"symbol\":\"XBTUSD\",\"id\":1,\"side\":\"Sell\",\"size\":12}]}", 3L).get(0);
        assertEquals(1L, d.lastUpdateId);
        assertArrayEquals(new long[] {m("32183")}, d.askPrices);
    }
}
