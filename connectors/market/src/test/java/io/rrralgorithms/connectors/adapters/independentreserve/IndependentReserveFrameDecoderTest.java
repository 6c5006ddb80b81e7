package io.rrralgorithms.connectors.adapters.independentreserve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.adapters.Decoded;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.testkit.VenueCases;
import io.rrralgorithms.connectors.venues.VenueSymbols;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The Independent Reserve decoder: the standard checks are the contract's ({@code DecoderCases},
 * oracle {@link IndependentReserveOracle}); real frames, the order-by-order arithmetic and the dead
 * letters are {@code venue-cases/independent-reserve.cases}; here the symbols and the keys.
 */
public class IndependentReserveFrameDecoderTest {

    @TestFactory
    Stream<DynamicTest> cases() {
        return VenueCases.run(IndependentReserveVenue.VENUE, "independent-reserve.cases");
    }

    /** Keyed by base; deltas carry the channel's nonce; the session's exchange times. */
    public static void event(RawFrame f, MarketEvent ev, Decoded d) {
        assertEquals(IndependentReserveVenue.VENUE.symbols().normalize(ev.nativeSymbol), ev.symbol);
        assertTrue(ev.nativeSymbol.startsWith(f.key + "-"), ev.nativeSymbol + " of key " + f.key);
        long receiveMs = f.receiveTimeNs / 1_000_000L;
        // messages arrive up to 6 s after their Time in the capture
        assertTrue(ev.exchangeTimeMs > receiveMs - 10_000L && ev.exchangeTimeMs <= receiveMs, ev.toString());
        if (ev.type == EventType.BOOK_DELTA) {
            assertTrue(ev.firstUpdateId == ev.lastUpdateId && ev.lastUpdateId > 0, ev.toString());
        } else {
            assertEquals(EventType.BOOK_SNAPSHOT, ev.type, "no trade in the capture");
        }
    }

    @Test
    void symbolsAndKeys() {
        VenueSymbols s = IndependentReserveVenue.VENUE.symbols();
        assertEquals("DOT-NZD", s.normalize("dot-nzd"));
        assertEquals("BTC-AUD", s.normalize("xbt-aud"));
        assertEquals("xbt-aud", s.toNative("BTC-AUD"));
        assertEquals("eth-sgd", s.toNative("eth-sgd"));
        assertThrows(IllegalArgumentException.class, () -> s.normalize("DOT-NZD"), "lower case");
        assertThrows(IllegalArgumentException.class, () -> s.normalize("dotnzd"));
        assertThrows(IllegalArgumentException.class, () -> s.toNative("BTC-AUD-PERP"));
        assertEquals("dot", key("{\"Channel\":\"orderbook-dot\",\"Nonce\":1}"));
        assertEquals("dot", key("{\"Channel\":\"ticker-dot-nzd\",\"Nonce\":1}"));
        assertEquals(null, key("{\"Time\":1,\"Event\":\"Heartbeat\"}"));
        assertEquals("dot", IndependentReserveVenue.VENUE.snapshotKey(
                "https://api.independentreserve.com/Public/GetAllOrders?primaryCurrencyCode=dot&secondaryCurrencyCode=nzd"));
    }

    private static String key(String frame) {
        return IndependentReserveVenue.VENUE.partitionKey(frame.getBytes(StandardCharsets.UTF_8));
    }
}
