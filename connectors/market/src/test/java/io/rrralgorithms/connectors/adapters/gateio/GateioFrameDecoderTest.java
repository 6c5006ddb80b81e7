package io.rrralgorithms.connectors.adapters.gateio;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The Gate.io spot decoder over the real cryptofeed capture {@code GATEIO.ws.1.0} (2021 WebSocket
 * v4: order_book_update, trades, tickers, candlesticks of 10 pairs) with its REST order books
 * ({@code GATEIO.http.0.0}) and pair list ({@code GATEIO.0}). The standard checks are the
 * contract's ({@code DecoderCases}, oracle {@link GateioOracle}); exact fields of real and
 * hand-written frames and bad frames are {@code venue-cases/gateio.cases}; here keys and the catalog.
 */
public class GateioFrameDecoderTest {
    private static final Venue ADAPTER = Venues.forFeed("gateio");

    static List<String> payloads(String file) {
        return CaptureLines.payloads(SharedData.cryptofeed(file));
    }

    @TestFactory
    Stream<DynamicTest> cases() {
        return VenueCases.run(ADAPTER, "gateio.cases");
    }

    @Test
    void snapshotKeys() {
        assertEquals("HAI_ETH", ADAPTER.snapshotKey(
                "https://api.gateio.ws/api/v4/spot/order_book?currency_pair=HAI_ETH&limit=100&with_id=true"));
        assertNull(ADAPTER.snapshotKey("https://api.gateio.ws/api/v4/spot/currency_pairs"));
        assertNull(ADAPTER.snapshotKey("https://api.gateio.ws/api/v4/futures/usdt/order_book?contract=X_Y&with_id=true"));
    }

    /** Pairs are the symbols with a dash; book updates and trades in the capture's minute. */
    public static void event(RawFrame f, MarketEvent ev, Decoded d) {
        assertEquals(ev.nativeSymbol.replace('_', '-'), ev.symbol);
        if (ev.type == EventType.BOOK_DELTA || ev.type == EventType.TRADE) {
            assertTrue(ev.exchangeTimeMs > 1_619_093_500_000L && ev.exchangeTimeMs < 1_619_093_600_000L, ev.toString());
        }
    }

    /** The dead letters: sizes of 9-10 decimals, of four pairs. */
    public static void decoded(RawCounts raw, Decoded d) {
        assertEquals(List.of(), d.errors, "the 9-10 decimal sizes of OMG_USDT, INK_USDT, DIS_USDT, BTC_USDC decode");
    }

    @Test
    void catalogFromTheRecordedPairs() throws Exception {
        InstrumentCatalog c = InstrumentCatalog.fromCryptofeed(SharedData.cryptofeed("GATEIO.0"), ADAPTER);
        for (Instrument i : c.all()) {
            assertEquals(i.symbol(), GateioSymbols.spot(i.nativeSymbol()), i.nativeSymbol());
        }
        Set<String> captured = payloads("GATEIO.ws.1.0").stream().map(p -> ADAPTER.partitionKey(Frames.utf8(p)))
                .filter(Objects::nonNull).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of("BTC_USDC", "DIS_USDT", "FAST_USDT", "HAI_ETH", "INK_USDT", "NANO_USDT", "NEO_BTC",
                "OMG_USDT", "QTUM3S_USDT", "ZKS_ETH"), captured);
        for (String s : captured) {
            Instrument i = c.byNative(s).orElseThrow(() -> new AssertionError(s + " not in the catalog"));
            assertEquals(i.symbol(), GateioSymbols.spot(s));
            assertTrue(i.fitsScale(), s + ": tick and lot fit; the dead letters are sizes finer than the lot");
        }
        Instrument omg = c.byNative("OMG_USDT").orElseThrow();
        assertEquals(new BigDecimal("0.001"), omg.tickSize());
        assertEquals(new BigDecimal("0.001"), omg.lotSize());
        assertEquals(127 + 2, c.all().stream().filter(i -> !i.fitsScale()).count(), "pairs with precision 9 or 10");
    }
}
