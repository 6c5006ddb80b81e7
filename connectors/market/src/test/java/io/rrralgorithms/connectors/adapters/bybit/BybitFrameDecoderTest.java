package io.rrralgorithms.connectors.adapters.bybit;

import static org.junit.jupiter.api.Assertions.*;

import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.adapters.Decoded;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.InstrumentCatalog;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.testkit.SharedData;
import io.rrralgorithms.connectors.testkit.VenueCases;
import io.rrralgorithms.connectors.venues.Venue;
import io.rrralgorithms.connectors.venues.Venues;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Bybit decoder over the real cryptofeed captures {@code BYBIT.ws.25.0} (USDT perpetuals,
 * {@code realtime_public}) and {@code BYBIT.ws.26.0} (inverse perpetuals, {@code realtime}) of
 * 2021-04-17 and the metadata {@code BYBIT.0}. The standard checks are the contract's
 * ({@code DecoderCases}, oracle {@link BybitOracle}); the exact fields of real frames and malformed
 * frames are {@code venue-cases/bybit.cases}; here the sync rules, the symbols and the catalog's facts.
 */
public class BybitFrameDecoderTest {
    private final Venue adapter = BybitVenue.VENUE;

    @TestFactory
    Stream<DynamicTest> cases() {
        return VenueCases.run(adapter, "bybit.cases");
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
        d.bookDepth = 25;
        assertEquals(25, rules.maxDepth(d));
        assertNull(rules.checksum());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"BTCUSD|BTC-USD-PERP", "BTCUSDT|BTC-USDT-PERP", "LINKUSDT|LINK-USDT-PERP",
        "BTCUSDM21|BTC-USD-210625", "BTCUSDU21|BTC-USD-210924", "USDT|", "BTCEUR|", "btcusd|"})
    void symbols(String nat, String normalized) throws Exception {
        if (normalized != null) {
            assertEquals(normalized, BybitSymbols.normalize(nat));
        } else {
            assertThrows(DecodeException.class, () -> BybitSymbols.normalize(nat));
        }
    }

    @Test
    void metadataCatalogHoldsEveryCapturedSymbolWithTheDecodersSymbol() throws Exception {
        assertNotNull(Venues.forFeed("bybit").instrumentMetadata());
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
        assertEquals(LocalDate.of(2021, 12, 31), BybitSymbols.expiry('Z', 21));
        Instrument btcusdt = catalog.byNative("BTCUSDT").orElseThrow();
        assertEquals("BTC-USDT-PERP", btcusdt.symbol());
        assertEquals(0, new BigDecimal("0.5").compareTo(btcusdt.tickSize()));
        assertEquals(0, new BigDecimal("0.001").compareTo(btcusdt.lotSize()));
        assertEquals(0, new BigDecimal("1").compareTo(catalog.byNative("BTCUSD").orElseThrow().lotSize()));
    }
}
