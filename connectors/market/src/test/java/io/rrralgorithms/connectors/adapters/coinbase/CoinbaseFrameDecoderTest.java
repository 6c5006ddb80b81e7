package io.rrralgorithms.connectors.adapters.coinbase;

import static org.junit.jupiter.api.Assertions.*;

import io.rrralgorithms.connectors.adapters.Decoded;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.testkit.VenueCases;
import io.rrralgorithms.connectors.venues.Venues;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The Coinbase decoder over the real cryptofeed capture {@code COINBASE.ws.28.0} (2021 level2,
 * ticker and matches channels of 10 products): the standard checks are the contract's
 * ({@code DecoderCases}, oracle {@link CoinbaseOracle}); the exact fields of real and hand-written
 * frames and the venue's bad frames are {@code venue-cases/coinbase.cases}.
 */
public class CoinbaseFrameDecoderTest {
    @TestFactory
    Stream<DynamicTest> cases() {
        return VenueCases.run(Venues.forFeed("coinbase"), "coinbase.cases");
    }

    /** Product ids are the symbols; snapshots carry no time. */
    public static void event(RawFrame f, MarketEvent ev, Decoded d) {
        assertEquals(ev.nativeSymbol, ev.symbol);
        assertTrue(ev.symbol.matches("[A-Z0-9]+-[A-Z0-9]+"), ev.symbol);
        if (ev.type != EventType.BOOK_SNAPSHOT) {
            assertTrue(ev.exchangeTimeMs > 1_600_000_000_000L, ev.toString());
        }
    }
}
