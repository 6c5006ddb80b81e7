package io.rrralgorithms.connectors.adapters.bitmex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
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
import io.rrralgorithms.connectors.testkit.SharedData;
import io.rrralgorithms.connectors.testkit.VenueCases;
import io.rrralgorithms.connectors.venues.Venue;
import io.rrralgorithms.connectors.venues.Venues;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

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

    @TestFactory
    Stream<DynamicTest> cases() {
        return VenueCases.run(oneStream(), "bitmex.cases");
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
        assertEquals(List.of(), d.errors, "TRXU21's 1e-10 prices decode at scale 10");
    }

    /** The sync rules on the session ids the cases show the decoder stamping (20: the partial's; -1: unresolved). */
    @Test
    void sessionDeltasBridgeAndContinueUnresolvedOnesBreakASyncedBook() {
        BitmexSyncRules rules = new BitmexSyncRules();
        MarketEvent before = delta(10L, BitmexFrameDecoder.UNRESOLVED);
        MarketEvent ins = delta(30L, 20L);
        MarketEvent lost = delta(60L, BitmexFrameDecoder.UNRESOLVED);
        assertTrue(rules.bridgesSnapshot(ins, 20L));
        assertTrue(rules.continues(ins, 20L));
        assertFalse(rules.continues(lost, 20L));
        assertFalse(rules.isStale(lost, 20L), "an unresolved delta after the partial is a break");
        assertTrue(rules.isStale(before, 20L), "an unresolved delta before the partial is stale");
        assertTrue(rules.isStale(delta(30L, 19L), 20L), "a delta of another session is stale");
        assertFalse(rules.bridgesSnapshot(lost, 20L));
        assertFalse(rules.isDuplicate(ins, 20L));
        assertFalse(rules.isOlderSnapshot(MarketEvent.snapshot("bitmex", "XBTUSD", "BTC-USD-PERP", 20L), 21L));
        assertEquals(null, rules.checksum());
    }

    private static MarketEvent delta(long receiveNs, long session) {
        MarketEvent d = MarketEvent.delta("bitmex", "XBTUSD", "BTC-USD-PERP", receiveNs);
        d.lastUpdateId = session;
        return d;
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
}
