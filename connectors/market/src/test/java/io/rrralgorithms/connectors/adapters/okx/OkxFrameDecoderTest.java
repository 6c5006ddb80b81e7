package io.rrralgorithms.connectors.adapters.okx;

import static io.rrralgorithms.connectors.testkit.Mantissa.m;
import static org.junit.jupiter.api.Assertions.*;

import io.rrralgorithms.connectors.adapters.Decoded;
import io.rrralgorithms.connectors.adapters.RawCounts;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.InstrumentCatalog;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.Frames;
import io.rrralgorithms.connectors.testkit.SharedData;
import io.rrralgorithms.connectors.testkit.VenueCases;
import io.rrralgorithms.connectors.venues.Venue;
import io.rrralgorithms.connectors.venues.Venues;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The OKX decoder over the real cryptofeed capture {@code OKX.ws.1.0} (2022-05-13: books, trades
 * and tickers of BTC-USDT, UNI-USD-SWAP and BTC-USD-220527) and its instrument lists
 * ({@code OKX.0}). The standard checks are the contract's ({@code DecoderCases}, oracle
 * {@link OkxOracle}); here checksums, seq-id sync rules and the catalog's instruments; the exact
 * fields of frames and the rejected ones are in {@code venue-cases/okx.cases}.
 */
public class OkxFrameDecoderTest {
    private static final Venue ADAPTER = Venues.forFeed("okx");

    @TestFactory
    Stream<DynamicTest> cases() {
        return VenueCases.run(ADAPTER, "okx.cases");
    }

    /** Books carry no price decimals, the snapshot its 400 depth; no trade of before the session. */
    public static void event(RawFrame f, MarketEvent e, Decoded d) {
        if (e.type == EventType.BOOK_DELTA || e.type == EventType.BOOK_SNAPSHOT) {
            d.count("book levels", e.bidPrices.length + e.askPrices.length);
            assertEquals(e.type == EventType.BOOK_SNAPSHOT ? 400 : 0, e.bookDepth);
            assertEquals(-1, e.priceDecimals);
        }
        if (e.type == EventType.TRADE) {
            assertTrue(e.tradeId > 0 && e.exchangeTimeMs > 1_652_459_225_000L, "an id; no trade of before the session");
        }
    }

    public static void decoded(RawCounts raw, Decoded d) {
        assertEquals(raw.fact("book levels"), d.fact("book levels"));
        assertEquals(Map.of("BTC-USDT", "BTC-USDT", "UNI-USD-SWAP", "UNI-USD-PERP", "BTC-USD-220527", "BTC-USD-220527"), d.symbols);
    }

    @Test
    void catalogInstruments() throws Exception {
        InstrumentCatalog catalog = InstrumentCatalog.fromCryptofeed(SharedData.cryptofeed("OKX.0"), ADAPTER);
        Instrument btc = catalog.byNative("BTC-USDT").orElseThrow(), uni = catalog.byNative("UNI-USD-SWAP").orElseThrow();
        Instrument fut = catalog.byNative("BTC-USD-220527").orElseThrow(), opt = catalog.byNative("BTC-USD-220514-22000-C").orElseThrow();
        assertEquals(List.of(Instrument.Kind.SPOT, new BigDecimal("0.1"), new BigDecimal("0.00000001")), List.of(btc.kind(), btc.tickSize(), btc.lotSize()));
        assertEquals(List.of(Instrument.Kind.PERPETUAL, new BigDecimal("0.001"), new BigDecimal("1")), List.of(uni.kind(), uni.tickSize(), uni.lotSize()));
        assertEquals(List.of(Instrument.Kind.FUTURE, LocalDate.of(2022, 5, 27)), List.of(fut.kind(), fut.expiry()));
        assertEquals(List.of(Instrument.Kind.OPTION, "BTC-USD-220514-22000-C"), List.of(opt.kind(), opt.symbol()));
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

    /** The sync rules on seq ids as okx.cases decodes them: an update of seqId 20 after the snapshot's 12. */
    @Test
    void seqIdsChainWhereTheVenueSendsThem() {
        OkxSyncRules rules = new OkxSyncRules();
        MarketEvent u = MarketEvent.delta("okx", "BTC-USDT", "BTC-USDT", 1L);
        u.firstUpdateId = u.lastUpdateId = 123456789020L;
        u.prevUpdateId = 123456789012L;
        assertTrue(rules.bridgesSnapshot(u, 123456789012L) && !rules.isStale(u, 123456789012L) && rules.isStale(u, 123456789013L));
        assertTrue(!rules.continues(u, 123456789011L) && rules.isDuplicate(u, 123456789020L));
        MarketEvent old = MarketEvent.delta("okx", "BTC-USDT", "BTC-USDT", 1L); // no seqId: prev NONE, receive-time id
        old.lastUpdateId = 1_652_459_226_163_842_200L;
        assertTrue(rules.continues(old, 123L) && rules.bridgesSnapshot(old, 123L) && !rules.isDuplicate(old, Long.MAX_VALUE));
    }

    @Test
    void snapshotChecksumMatchesTheVenuesOnTheRealSnapshots() throws Exception {
        int checked = 0;
        for (String p : CaptureLines.payloads(SharedData.cryptofeed("OKX.ws.1.0"))) {
            if (!p.contains("\"action\":\"snapshot\"")) {
                continue;
            }
            MarketEvent s = Frames.decode(ADAPTER, p, 1_652_459_226_163_842_200L).get(0);
            assertEquals(EventType.BOOK_SNAPSHOT, s.type);
            assertEquals(400, s.bookDepth);
            long[][] top = Stream.of(s.bidPrices, s.bidSizes, s.askPrices, s.askSizes)
                    .map(a -> Arrays.copyOf(a, Math.min(25, a.length))).toArray(long[][]::new);
            long c = new OkxChecksum().compute(top[0], top[1], top[2], top[3], -1, -1);
            assertEquals(s.checksum, c, s.nativeSymbol);
            assertTrue(s.checksum < 0 || s.checksum > 0);
            checked++;
        }
        assertEquals(3, checked);
    }

    @Test
    void checksumStringFormat() {
        assertEquals(List.of("30244", "0.08", "0.00047612", "5.160"), List.of(OkxChecksum.format(m("30244"), -1),
                OkxChecksum.format(m("0.08"), -1), OkxChecksum.format(m("0.00047612"), -1), OkxChecksum.format(m("5.16"), 3)));
        // one side shorter: the rest is the other side alone; CRC32 of "1:2:3:4:5:6" as signed int
        CRC32 crc = new CRC32();
        crc.update("1:2:3:4:5:6".getBytes(StandardCharsets.US_ASCII));
        assertEquals((int) crc.getValue(), new OkxChecksum().compute(new long[] {m("1"), m("5")}, new long[] {m("2"), m("6")},
                new long[] {m("3")}, new long[] {m("4")}, -1, -1));
    }

    @Test
    void symbolsAndSnapshotKeys() {
        assertEquals(List.of("BTC-USDT", "BTC-USDT-PERP", "BTC-USD-220520", "ETH-USD-220624-2500.5-P"),
                Stream.of("BTC-USDT", "BTC-USDT-SWAP", "BTC-USD-220520", "ETH-USD-220624-2500.5-P").map(OkxSymbols::normalize).toList());
        assertThrows(IllegalArgumentException.class, () -> OkxSymbols.normalize("BTC-USD-221340"));
        assertThrows(IllegalArgumentException.class, () -> OkxSymbols.normalize("BTC"));
        assertNull(ADAPTER.snapshotKey("https://www.okx.com/api/v5/public/instruments?instType=SPOT"));
    }
}
