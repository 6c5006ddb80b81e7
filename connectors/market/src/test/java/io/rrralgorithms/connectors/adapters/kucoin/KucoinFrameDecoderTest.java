package io.rrralgorithms.connectors.adapters.kucoin;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.adapters.Decoded;
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
import io.rrralgorithms.connectors.testkit.VenueCases;
import io.rrralgorithms.connectors.venues.Venue;
import io.rrralgorithms.connectors.venues.Venues;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The KuCoin decoder over the real cryptofeed capture {@code KUCOIN.ws.1.0} (2021: level2, match,
 * ticker and candles of 10 symbols) with its REST level2 snapshots ({@code KUCOIN.http.0.0}) and
 * instrument list ({@code KUCOIN.0}). The standard checks are the contract's ({@code DecoderCases},
 * oracle {@link KucoinOracle}); the exact fields of real and hand-written frames and the dead letters
 * are {@code venue-cases/kucoin.cases}; here the keys, the sync rules, the catalog's facts.
 */
public class KucoinFrameDecoderTest {
    private static final Venue ADAPTER = Venues.forFeed("kucoin");

    @TestFactory
    Stream<DynamicTest> cases() {
        return VenueCases.run(ADAPTER, "kucoin.cases");
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
            assertTrue(e.contains("no scale of a long mantissa holds every number of the frame"), e);
        }
        assertEquals(Set.of("BCHSV-USDT"), d.deadLetterKeys, "ANKR-BTC, CAPP-BTC, DAPPT-BTC (1e-10 ticks) decode");
    }

    /** The changes 101, 102, 103 of the cases' multi-change frame, a snapshot at 102: the rules keep exactly 103. */
    @Test
    void aSnapshotInsideAFramesSpanKeepsTheChangesAboveIt() {
        BookSyncRules rules = KucoinVenue.RULES;
        MarketEvent[] evs = new MarketEvent[3];
        for (int i = 0; i < 3; i++) {
            evs[i] = MarketEvent.delta("kucoin", "SNX-BTC", "SNX-BTC", 1L);
            evs[i].firstUpdateId = evs[i].lastUpdateId = 101 + i;
        }
        assertTrue(rules.isStale(evs[0], 102));
        assertTrue(rules.isStale(evs[1], 102));
        assertFalse(rules.isStale(evs[2], 102));
        assertTrue(rules.bridgesSnapshot(evs[2], 102));
        assertTrue(rules.continues(evs[2], 102));
        assertFalse(rules.continues(evs[2], 101));
        assertEquals("sequence 103", rules.describeExpectation(102));
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
            renamed += i.symbol().equals(i.nativeSymbol()) ? 0 : 1;
        }
        assertEquals(13, renamed, "5 BCHSV, 2 R, 3 WAX, 3 LOKI pairs (LYXE/LYXe only differs in case)");
        // every symbol of the capture is in the catalog, with the decoder's symbol
        ObjectMapper json = new ObjectMapper();
        Set<String> captured = new TreeSet<>();
        for (String p : CaptureLines.payloads(SharedData.cryptofeed("KUCOIN.ws.1.0"))) {
            if (json.readTree(p).has("topic")) {
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
    void symbolsAndSnapshotKeys() throws Exception {
        assertEquals("BTC-USDT", KucoinSymbols.normalize("BTC-USDT"));
        assertEquals("REV-BTC", KucoinSymbols.normalize("R-BTC"));
        assertEquals("WAXP-ETH", KucoinSymbols.normalize("WAX-ETH"));
        assertEquals("OXEN-USDT", KucoinSymbols.normalize("LOKI-USDT"));
        assertThrows(DecodeException.class, () -> KucoinSymbols.normalize("BTC-USDT-X"));
        assertThrows(DecodeException.class, () -> KucoinSymbols.normalize("-USDT"));
        assertNotNull(ADAPTER.instrumentMetadata());
        assertTrue(ADAPTER.instrumentMetadata().isMetadataUrl(KucoinInstruments.URL));
        assertEquals("BCHSV-USDT",
                ADAPTER.snapshotKey("https://api.kucoin.com/api/v3/market/orderbook/level2?symbol=BCHSV-USDT"));
        assertEquals("SNX-BTC", ADAPTER.snapshotKey("https://api.kucoin.com/api/v2/market/orderbook/level2_100?symbol=SNX-BTC"));
        assertNull(ADAPTER.snapshotKey("https://api.kucoin.com/api/v1/symbols"));
        RawFrame noKey = Frames.frame("kucoin", null, FrameKind.REST_SNAPSHOT, 1L,
                "{\"code\":\"200000\",\"data\":{\"sequence\":\"1\",\"bids\":[],\"asks\":[]}}");
        assertTrue(Frames.reject(ADAPTER, noKey).contains("without a symbol key"));
    }
}
