package io.rrralgorithms.connectors.adapters.gateio;

import static io.rrralgorithms.connectors.adapters.gateio.GateioFrameDecoderTest.payloads;
import static org.junit.jupiter.api.Assertions.*;

import io.rrralgorithms.connectors.adapters.Decoded;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.InstrumentCatalog;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
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
 * The Gate.io futures decoder over the real cryptofeed capture {@code GATEIO_FUTURES.ws.1.0}
 * (2023-05-24, USDT perpetuals: order_book_update, book_ticker, candlesticks; the trades channel
 * was subscribed but no trade happened in the 20 s) with its REST order books and contract list.
 * The standard checks are the contract's ({@code DecoderCases}, oracle {@link GateioOracle#futures});
 * frames and their events are {@code venue-cases/gateio-futures.cases}; here keys and the catalog.
 */
public class GateioFuturesFrameDecoderTest {
    private static final Venue ADAPTER = Venues.forFeed("gateio-futures");

    @TestFactory
    Stream<DynamicTest> cases() {
        return VenueCases.run(ADAPTER, "gateio-futures.cases");
    }

    @Test
    void snapshotKeys() {
        assertEquals("RDNT_USDT", ADAPTER.snapshotKey(
                "https://api.gateio.ws/api/v4/futures/usdt/order_book?contract=RDNT_USDT&limit=100&with_id=true"));
        assertNull(ADAPTER.snapshotKey("https://api.gateio.ws/api/v4/futures/usdt/contracts"));
        assertNull(ADAPTER.snapshotKey("https://api.gateio.ws/api/v4/spot/order_book?currency_pair=X_Y&with_id=true"));
    }

    /** Contracts are perpetuals; every event in the capture's 20 s. */
    public static void event(RawFrame f, MarketEvent ev, Decoded d) {
        assertEquals(ev.nativeSymbol.replace('_', '-') + "-PERP", ev.symbol);
        assertTrue(ev.exchangeTimeMs > 1_684_930_160_000L && ev.exchangeTimeMs < 1_684_930_200_000L, ev.toString());
    }

    @Test
    void catalogFromTheRecordedContracts() throws Exception {
        InstrumentCatalog c = InstrumentCatalog.fromCryptofeed(SharedData.cryptofeed("GATEIO_FUTURES.0"), ADAPTER);
        for (Instrument i : c.all()) {
            assertEquals(i.symbol(), GateioSymbols.perpetual(i.nativeSymbol()), i.nativeSymbol());
            assertEquals(Instrument.Kind.PERPETUAL, i.kind());
            assertEquals(BigDecimal.ONE, i.lotSize());
        }
        Set<String> captured = payloads("GATEIO_FUTURES.ws.1.0").stream().map(p -> ADAPTER.partitionKey(Frames.utf8(p)))
                .filter(Objects::nonNull).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of("DIA_USDT", "FRONT_USDT", "LIT_USDT", "OMG_USDT", "PHB_USDT", "QUICK_USDT", "RDNT_USDT",
                "SFP_USDT", "WOO_USDT", "ZRX_USDT"), captured);
        for (String s : captured) {
            Instrument i = c.byNative(s).orElseThrow(() -> new AssertionError(s + " not in the catalog"));
            assertEquals(i.symbol(), GateioSymbols.perpetual(s));
            assertTrue(i.fitsScale(), s);
        }
        assertEquals(new BigDecimal("0.0001"), c.byNative("RDNT_USDT").orElseThrow().tickSize());
        List<String> notFitting = c.all().stream().filter(i -> !i.fitsScale())
                .map(i -> i.nativeSymbol() + " " + i.tickSize().toPlainString()).toList();
        assertEquals(10, notFitting.size(), "gateio-futures contracts with ticks finer than 1e-8: " + notFitting);
    }
}
