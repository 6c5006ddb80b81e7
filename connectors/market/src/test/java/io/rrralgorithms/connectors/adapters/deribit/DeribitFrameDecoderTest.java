package io.rrralgorithms.connectors.adapters.deribit;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.adapters.Decoded;
import io.rrralgorithms.connectors.adapters.RawCounts;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.InstrumentCatalog;
import io.rrralgorithms.connectors.model.Decimals;
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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The Deribit decoder over the real cryptofeed capture {@code DERIBIT.ws.1.0} (book, ticker and
 * trades channels of 10 BTC and ETH options, July 2021) and its metadata {@code DERIBIT.0}, with
 * the expected counts computed from the raw lines with Jackson. Exact fields of real frames,
 * hand-written frames of the channels the capture has no data for (trades, quote, grouped book,
 * heartbeats) and malformed frames are in {@code venue-cases/deribit.cases}.
 */
public class DeribitFrameDecoderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Venue ADAPTER = DeribitVenue.VENUE;

    @TestFactory
    Stream<DynamicTest> cases() {
        return VenueCases.run(ADAPTER, "deribit.cases");
    }

    @Test
    void registeredWithMetadata() {
        assertNotNull(Venues.forFeed("deribit").instrumentMetadata());
    }

    public static void event(RawFrame f, MarketEvent ev, Decoded d) throws Exception {
        assertTrue(ev.symbol.matches("(BTC|ETH)-USD-[0-9]{6}-[0-9]+-[CP]"), ev.symbol);
        assertTrue(ev.exchangeTimeMs > 1_626_990_000_000L, ev.toString());
        if (ev.type == EventType.DERIVATIVES) {
            assertEquals(MarketEvent.MARK_PRICE | MarketEvent.INDEX_PRICE | MarketEvent.OPEN_INTEREST, ev.derivativeFields,
                    "an option's ticker: no funding " + ev);
            // exact against the frame's own number text, read here as BigDecimal
            JsonNode data = EXACT.readTree(f.payload).get("params").get("data");
            assertEquals(0, data.get("mark_price").decimalValue().compareTo(Decimals.toBigDecimal(ev.markPrice, ev.priceScale)));
            assertEquals(0, data.get("index_price").decimalValue().compareTo(Decimals.toBigDecimal(ev.indexPrice, ev.priceScale)));
            assertEquals(0, data.get("open_interest").decimalValue()
                    .compareTo(Decimals.toBigDecimal(ev.openInterest, ev.sizeScale)));
            assertEquals(data.get("instrument_name").asText(), ev.nativeSymbol);
            d.count("derivatives", 1);
        }
    }

    /** Every ticker of the capture is one derivatives event, as the raw lines count them. */
    public static void decoded(RawCounts raw, Decoded d) {
        assertEquals(89, raw.fact("derivatives"));
        assertEquals(raw.fact("derivatives"), d.fact("derivatives"));
    }

    private static final ObjectMapper EXACT = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Test
    void syncRulesChainChangeIds() {
        BookSyncRules r = DeribitVenue.RULES;
        MarketEvent d = delta(100, 105);
        assertTrue(r.bridgesSnapshot(d, 100));
        assertFalse(r.bridgesSnapshot(d, 101));
        assertTrue(r.continues(d, 100));
        assertFalse(r.continues(d, 99), "a lost change is a gap");
        assertTrue(r.isStale(d, 105));
        assertFalse(r.isStale(d, 104));
        assertTrue(r.isDuplicate(d, 105));
        assertEquals(null, r.checksum());
        // the capture's first change and the delete after it (deribit.cases)
        assertTrue(r.bridgesSnapshot(delta(33195894164L, 33195894355L), 33195894164L));
        assertTrue(r.continues(delta(33195894355L, 33195894358L), 33195894355L));
    }

    private static MarketEvent delta(long prev, long id) {
        MarketEvent d = new MarketEvent();
        d.prevUpdateId = prev;
        d.lastUpdateId = d.firstUpdateId = id;
        return d;
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
        for (String p : CaptureLines.payloads(SharedData.cryptofeed("DERIBIT.ws.1.0"))) {
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
}
