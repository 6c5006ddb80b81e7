package io.rrralgorithms.connectors.adapters.okx;

import static io.rrralgorithms.connectors.testkit.EventFields.assertFields;
import static io.rrralgorithms.connectors.testkit.Mantissa.m;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.adapters.Decoded;
import io.rrralgorithms.connectors.adapters.FrameDecoder;
import io.rrralgorithms.connectors.adapters.RawCounts;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.InstrumentCatalog;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.testkit.Frames;
import io.rrralgorithms.connectors.testkit.SharedData;
import io.rrralgorithms.connectors.venues.Venue;
import io.rrralgorithms.connectors.venues.Venues;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * The OKX decoder over the real cryptofeed capture {@code OKX.ws.1.0} (2022-05-13: books, trades
 * and tickers of BTC-USDT, UNI-USD-SWAP and BTC-USD-220527) and its instrument lists
 * ({@code OKX.0}). The standard checks are the contract's ({@code DecoderCases}, oracle
 * {@link OkxOracle}); here the exact fields of frames, checksums, seq ids and the catalog's instruments.
 */
public class OkxFrameDecoderTest {
    private static final Venue ADAPTER = Venues.forFeed("okx");

    /** Frames at the capture's time; each decode through a fresh decoder, as the venue gives one per stream. */
    private static final Frames.At CAPTURED = Frames.at(ADAPTER, 1_652_459_226_163_842_200L);

    /** {@code json} through {@code d}, a decoder that keeps its state across the calls. */
    private static List<MarketEvent> decode(FrameDecoder d, String json) throws DecodeException {
        List<MarketEvent> out = new ArrayList<>();
        d.decode(CAPTURED.ws(json), out::add);
        return out;
    }

    @Test
    void partitionAndSnapshotKeys() {
        assertEquals("UNI-USD-SWAP", ADAPTER.partitionKey(
                "{\"arg\":{\"channel\":\"books\",\"instId\":\"UNI-USD-SWAP\"},\"action\":\"update\",\"data\":[]}"
                        .getBytes(StandardCharsets.UTF_8)));
        assertNull(ADAPTER.partitionKey("pong".getBytes(StandardCharsets.UTF_8)));
        assertNull(ADAPTER.snapshotKey("https://www.okx.com/api/v5/public/instruments?instType=SPOT"));
    }

    /** Books carry no price decimals, the snapshot its 400 depth; no trade of before the session. */
    public static void event(RawFrame f, MarketEvent e, Decoded d) {
        if (e.type == EventType.BOOK_DELTA || e.type == EventType.BOOK_SNAPSHOT) {
            d.count("book levels", e.bidPrices.length + e.askPrices.length);
            assertEquals(e.type == EventType.BOOK_SNAPSHOT ? 400 : 0, e.bookDepth);
            assertEquals(-1, e.priceDecimals);
        }
        if (e.type == EventType.TRADE) {
            assertTrue(e.tradeId > 0);
            assertTrue(e.exchangeTimeMs > 1_652_459_225_000L, "no trade of before the session");
        }
    }

    public static void decoded(RawCounts raw, Decoded d) {
        assertEquals(raw.fact("book levels"), d.fact("book levels"));
        assertEquals(Map.of("BTC-USDT", "BTC-USDT", "UNI-USD-SWAP", "UNI-USD-PERP", "BTC-USD-220527", "BTC-USD-220527"),
                d.symbols);
    }

    @Test
    void catalogInstruments() throws Exception {
        InstrumentCatalog catalog = InstrumentCatalog.fromCryptofeed(SharedData.cryptofeed("OKX.0"), ADAPTER);
        Instrument btc = catalog.byNative("BTC-USDT").orElseThrow();
        assertEquals(Instrument.Kind.SPOT, btc.kind());
        assertEquals(new BigDecimal("0.1"), btc.tickSize());
        assertEquals(new BigDecimal("0.00000001"), btc.lotSize());
        Instrument uni = catalog.byNative("UNI-USD-SWAP").orElseThrow();
        assertEquals(Instrument.Kind.PERPETUAL, uni.kind());
        assertEquals(new BigDecimal("0.001"), uni.tickSize());
        assertEquals(new BigDecimal("1"), uni.lotSize());
        Instrument fut = catalog.byNative("BTC-USD-220527").orElseThrow();
        assertEquals(Instrument.Kind.FUTURE, fut.kind());
        assertEquals(LocalDate.of(2022, 5, 27), fut.expiry());
        Instrument opt = catalog.byNative("BTC-USD-220514-22000-C").orElseThrow();
        assertEquals(Instrument.Kind.OPTION, opt.kind());
        assertEquals("BTC-USD-220514-22000-C", opt.symbol());
        List<String> tooFine = new ArrayList<>();
        for (Instrument i : catalog.all()) {
            assertEquals(OkxSymbols.normalize(i.nativeSymbol()), i.symbol());
            if (!i.fitsScale()) {
                tooFine.add(i.nativeSymbol());
            }
        }
        // meme coins and low-priced BTC/ETH pairs: ticks of 1e-9 .. 1e-11, e.g. SHIB-like BABYDOGE-USDT;
        // none of the captured instruments is among them
        assertEquals(39, tooFine.size(), "instruments whose tick or lot is finer than 1e-8: " + tooFine);
        assertTrue(tooFine.contains("BABYDOGE-USDT") && tooFine.contains("TRX-BTC"));
        for (String n : List.of("BTC-USDT", "UNI-USD-SWAP", "BTC-USD-220527")) {
            assertTrue(catalog.byNative(n).orElseThrow().fitsScale(), n);
        }
    }

    @Test
    void tradeFrame() throws Exception {
        List<MarketEvent> evs = CAPTURED.decode("{\"arg\":{\"channel\":\"trades\",\"instId\":\"BTC-USDT\"},\"data\":[{\"instId\":\"BTC-USDT\","
                + "\"tradeId\":\"338476308\",\"px\":\"30243.5\",\"sz\":\"0.001\",\"side\":\"buy\",\"ts\":\"1652459226050\"}]}");
        assertEquals(1, evs.size());
        MarketEvent t = evs.get(0);
        assertFields(t, "type", EventType.TRADE, "feed", "okx", "nativeSymbol", "BTC-USDT", "symbol", "BTC-USDT",
                "price", m("30243.5"), "size", m("0.001"), "takerBuy", true, "tradeId", 338476308L,
                "exchangeTimeMs", 1652459226050L);
        MarketEvent s = CAPTURED.decode("{\"arg\":{\"channel\":\"trades\",\"instId\":\"UNI-USD-SWAP\"},\"data\":[{\"instId\":\"UNI-USD-SWAP\","
                + "\"tradeId\":\"12883020\",\"px\":\"5.123\",\"sz\":\"100\",\"side\":\"sell\",\"ts\":\"1652459215150\"}]}").get(0);
        assertFields(s, "takerBuy", false, "symbol", "UNI-USD-PERP", "size", m("100"));
    }

    @Test
    void tradeFromBeforeTheSubscriptionIsNotCounted() throws Exception {
        FrameDecoder d = new OkxFrameDecoder("okx");
        String trade = "{\"arg\":{\"channel\":\"trades\",\"instId\":\"UNI-USD-SWAP\"},\"data\":[{\"instId\":\"UNI-USD-SWAP\","
                + "\"tradeId\":\"12883020\",\"px\":\"5.123\",\"sz\":\"100\",\"side\":\"sell\",\"ts\":\"%d\"}]}";
        assertEquals(FrameDecoder.Result.IGNORED, d.decode(CAPTURED.ws(
                "{\"event\":\"subscribe\",\"arg\":{\"channel\":\"trades\",\"instId\":\"UNI-USD-SWAP\"}}"), e -> {}));
        // the frame's receive time is 1652459226163 ms
        assertEquals(0, decode(d, String.format(trade, 1652459215150L)).size());
        assertEquals(1, decode(d, String.format(trade, 1652459226163L)).size());
        assertEquals(1, CAPTURED.decode(String.format(trade, 1652459215150L)).size(), "no ack seen: counted");
    }

    @Test
    void bookUpdateFrame() throws Exception {
        MarketEvent e = CAPTURED.decode("{\"arg\":{\"channel\":\"books\",\"instId\":\"UNI-USD-SWAP\"},\"action\":\"update\",\"data\":[{"
                + "\"asks\":[[\"5.158\",\"129\",\"0\",\"2\"],[\"5.233\",\"240\",\"0\",\"1\"]],\"bids\":[[\"5.14\",\"427\",\"0\",\"4\"],"
                + "[\"5.138\",\"26\",\"0\",\"2\"],[\"5.117\",\"0\",\"0\",\"0\"]],\"ts\":\"1652459225464\",\"checksum\":1361161687}]}").get(0);
        assertFields(e, "type", EventType.BOOK_DELTA, "symbol", "UNI-USD-PERP",
                "askPrices", new long[] {m("5.158"), m("5.233")}, "askSizes", new long[] {m("129"), m("240")},
                "bidPrices", new long[] {m("5.14"), m("5.138"), m("5.117")},
                "bidSizes", new long[] {m("427"), m("26"), 0L}, "exchangeTimeMs", 1652459225464L,
                "checksum", 1361161687L, "lastUpdateId", 1_652_459_226_163_842_200L, "bookDepth", 0);
    }

    @Test
    void seqIdsWhereTheVenueSendsThem() throws Exception {
        String f = "{\"arg\":{\"channel\":\"books\",\"instId\":\"BTC-USDT\"},\"action\":\"%s\",\"data\":[{\"asks\":[],"
                + "\"bids\":[[\"30000.1\",\"0.5\",\"0\",\"1\"]],\"ts\":\"1652459225464\",\"checksum\":-1,\"seqId\":%d,\"prevSeqId\":%d}]}";
        MarketEvent s = CAPTURED.decode(String.format(f, "snapshot", 123456789012L, -1)).get(0);
        assertEquals(123456789012L, s.lastUpdateId);
        assertEquals(MarketEvent.NONE, s.prevUpdateId);
        MarketEvent u = CAPTURED.decode(String.format(f, "update", 123456789020L, 123456789012L)).get(0);
        assertFields(u, "lastUpdateId", 123456789020L, "prevUpdateId", 123456789012L, "checksum", -1L);
        OkxSyncRules rules = new OkxSyncRules();
        assertTrue(rules.bridgesSnapshot(u, 123456789012L));
        assertFalse(rules.isStale(u, 123456789012L));
        assertTrue(rules.isStale(u, 123456789013L));
        assertFalse(rules.continues(u, 123456789011L));
        assertTrue(rules.isDuplicate(u, 123456789020L));
        assertThrows(DecodeException.class, () -> CAPTURED.decode(String.format(f, "update", 5, -1)));
        MarketEvent old = CAPTURED.decode(String.format(f.replace(",\"seqId\":%d,\"prevSeqId\":%d", ""), "update")).get(0);
        assertEquals(MarketEvent.NONE, old.prevUpdateId);
        assertTrue(rules.continues(old, 123L) && rules.bridgesSnapshot(old, 123L) && !rules.isDuplicate(old, Long.MAX_VALUE));
    }

    @Test
    void snapshotChecksumMatchesTheVenuesOnTheRealSnapshots() throws Exception {
        int checked = 0;
        for (String line : Files.readAllLines(SharedData.cryptofeed("OKX.ws.1.0"), StandardCharsets.UTF_8)) {
            if (!line.contains("\"action\":\"snapshot\"")) {
                continue;
            }
            MarketEvent s = CAPTURED.decode(line.substring(line.indexOf(": ") + 2)).get(0);
            assertEquals(EventType.BOOK_SNAPSHOT, s.type);
            assertEquals(400, s.bookDepth);
            long c = new OkxChecksum().compute(top(s.bidPrices), top(s.bidSizes), top(s.askPrices), top(s.askSizes), -1, -1);
            assertEquals(s.checksum, c, s.nativeSymbol);
            assertTrue(s.checksum < 0 || s.checksum > 0);
            checked++;
        }
        assertEquals(3, checked);
    }

    @Test
    void checksumStringFormat() {
        assertEquals("30244", OkxChecksum.format(m("30244"), -1));
        assertEquals("0.08", OkxChecksum.format(m("0.08"), -1));
        assertEquals("0.00047612", OkxChecksum.format(m("0.00047612"), -1));
        assertEquals("5.160", OkxChecksum.format(m("5.16"), 3));
        // one side shorter: the rest is the other side alone; CRC32 of "1:2:3:4:5:6" as signed int
        CRC32 crc = new CRC32();
        crc.update("1:2:3:4:5:6".getBytes(StandardCharsets.US_ASCII));
        assertEquals((int) crc.getValue(), new OkxChecksum().compute(new long[] {m("1"), m("5")}, new long[] {m("2"), m("6")},
                new long[] {m("3")}, new long[] {m("4")}, -1, -1));
    }

    private static long[] top(long[] a) {
        return Arrays.copyOf(a, Math.min(25, a.length));
    }

    @Test
    void tickerFrameIsBbo() throws Exception {
        MarketEvent b = CAPTURED.decode("{\"arg\":{\"channel\":\"tickers\",\"instId\":\"BTC-USDT\"},\"data\":[{\"instType\":\"SPOT\","
                + "\"instId\":\"BTC-USDT\",\"last\":\"30236\",\"lastSz\":\"0.0002\",\"askPx\":\"30228.7\",\"askSz\":\"1.55896972\","
                + "\"bidPx\":\"30228.6\",\"bidSz\":\"0.23393\",\"ts\":\"1652459224956\"}]}").get(0);
        assertFields(b, "type", EventType.BBO, "askPrices", new long[] {m("30228.7")},
                "askSizes", new long[] {m("1.55896972")}, "bidPrices", new long[] {m("30228.6")},
                "bidSizes", new long[] {m("0.23393")}, "exchangeTimeMs", 1652459224956L);
        MarketEvent t = CAPTURED.decode("{\"arg\":{\"channel\":\"bbo-tbt\",\"instId\":\"BTC-USDT-SWAP\"},\"data\":[{\"asks\":[[\"30228.7\",\"5\",\"0\",\"1\"]],"
                + "\"bids\":[[\"30228.6\",\"7\",\"0\",\"2\"]],\"ts\":\"1652459224956\"}]}").get(0);
        assertFields(t, "type", EventType.BBO, "symbol", "BTC-USDT-PERP", "bidSizes", new long[] {m("7")});
    }

    @Test
    void ignoredAndRejectedFrames() throws Exception {
        FrameDecoder d = new OkxFrameDecoder("okx");
        assertEquals(FrameDecoder.Result.IGNORED, d.decode(CAPTURED.ws("pong"), e -> {}));
        assertEquals(FrameDecoder.Result.IGNORED, d.decode(CAPTURED.ws("{\"event\":\"subscribe\",\"arg\":{\"channel\":\"books\",\"instId\":\"BTC-USDT\"}}"), e -> {}));
        assertEquals(FrameDecoder.Result.IGNORED, d.decode(CAPTURED.ws("{\"arg\":{\"channel\":\"funding-rate\",\"instId\":\"BTC-USDT-SWAP\"},"
                + "\"data\":[{\"fundingRate\":\"0.0001\",\"fundingTime\":\"1652457600000\",\"instId\":\"BTC-USDT-SWAP\"}]}"), e -> {}));
        DecodeException err = assertThrows(DecodeException.class, () -> CAPTURED.decode(
                "{\"event\":\"error\",\"code\":\"60018\",\"msg\":\"Invalid request: {\\\"op\\\": \\\"subscribe\\\"}\"}"));
        assertTrue(err.getMessage().contains("venue error message: Invalid request"), err.getMessage());
        assertTrue(err.getMessage().contains("60018"));
        assertThrows(DecodeException.class, () -> CAPTURED.decode("{\"arg\":{\"channel\":\"books\",\"instId\":\"BTC-USDT\"},\"action\":\"merge\","
                + "\"data\":[{\"asks\":[],\"bids\":[],\"ts\":\"1\"}]}"));
        assertThrows(DecodeException.class, () -> CAPTURED.decode("{\"arg\":{\"channel\":\"trades\",\"instId\":\"BTC-USDT\"},\"data\":[{"
                + "\"tradeId\":\"1\",\"px\":\"30243.1\",\"sz\":\"0.001\",\"side\":\"up\",\"ts\":\"1652459226050\"}]}"));
        assertThrows(DecodeException.class, () -> CAPTURED.decode("{\"arg\":{\"channel\":\"books\",\"instId\":\"BTC-USDT\"},\"action\":\"update\","
                + "\"data\":[{\"asks\":[[\"1\",\"x\",\"0\",\"1\"]],\"bids\":[],\"ts\":\"1\",\"checksum\":1}]}"));
        assertThrows(DecodeException.class, () -> CAPTURED.decode("{\"arg\":{\"channel\":\"books\",\"instId\":\"BTC-USDT\"},\"action\":\"update\","
                + "\"data\":[{\"asks\":[],\"bids\":[],\"ts\":\"1\",\"checksum\":\"12\"}]}"));
        assertTrue(assertThrows(DecodeException.class, () -> CAPTURED.decode("{\"arg\":{\"channel\":\"tickers\",\"instId\":\"BTC_USDT\"},\"data\":[{}]}"))
                .getMessage().contains("unknown symbol"));
    }

    @Test
    void symbols() {
        assertEquals("BTC-USDT", OkxSymbols.normalize("BTC-USDT"));
        assertEquals("BTC-USDT-PERP", OkxSymbols.normalize("BTC-USDT-SWAP"));
        assertEquals("BTC-USD-220520", OkxSymbols.normalize("BTC-USD-220520"));
        assertEquals("ETH-USD-220624-2500.5-P", OkxSymbols.normalize("ETH-USD-220624-2500.5-P"));
        assertThrows(IllegalArgumentException.class, () -> OkxSymbols.normalize("BTC-USD-221340"));
        assertThrows(IllegalArgumentException.class, () -> OkxSymbols.normalize("BTC"));
    }
}
