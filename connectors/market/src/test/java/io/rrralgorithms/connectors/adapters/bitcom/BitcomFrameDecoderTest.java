package io.rrralgorithms.connectors.adapters.bitcom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.adapters.Decoded;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.testkit.VenueCases;
import io.rrralgorithms.connectors.venues.VenueSymbols;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The bit.com decoder: the standard checks are the contract's ({@code DecoderCases}, oracle
 * {@link BitcomOracle}); exact fields and dead letters are {@code venue-cases/bitcom.cases}; here
 * the symbols both ways.
 */
public class BitcomFrameDecoderTest {

    @TestFactory
    Stream<DynamicTest> cases() {
        return VenueCases.run(BitcomVenue.VENUE, "bitcom.cases");
    }

    /** Exchange times of the session; book updates chained by prev_sequence. */
    public static void event(RawFrame f, MarketEvent ev, Decoded d) {
        long receiveMs = f.receiveTimeNs / 1_000_000L;
        // tickers sent on subscribing are up to 15 s old; none is older than the frame guard's 5 min
        assertTrue(ev.exchangeTimeMs > receiveMs - 300_000L && ev.exchangeTimeMs <= receiveMs, ev.toString());
        if (ev.type == EventType.BOOK_DELTA) {
            assertTrue(ev.prevUpdateId > 0 && ev.prevUpdateId < ev.lastUpdateId, ev.toString());
        }
        if (ev.type == EventType.DERIVATIVES) {
            assertTrue(ev.symbol.endsWith("-PERP") && ev.derivativeFields != 0, ev.toString());
        }
    }

    public static String tradeFrame(String nativeSymbol) {
        return "{\"channel\":\"trade\",\"timestamp\":1,\"data\":[{\"created_at\":1,\"trade_id\":\"1\",\""
                + (nativeSymbol.endsWith("-PERPETUAL") ? "instrument_id" : "pair") + "\":\"" + nativeSymbol
                + "\",\"price\":\"1\",\"qty\":\"1\",\"side\":\"buy\"}]}";
    }

    @Test
    void symbols() {
        VenueSymbols s = BitcomVenue.VENUE.symbols();
        assertEquals("NEAR-USDT-PERP", s.normalize("NEAR-USDT-PERPETUAL"));
        assertEquals("BTC-USD-PERPETUAL", s.toNative("btc-usd-perp"));
        assertEquals("1000SATS-USDT", s.toNative("1000SATS-USDT"));
        assertThrows(IllegalArgumentException.class, () -> s.normalize("BTC-USD-29MAR24"));
        assertThrows(IllegalArgumentException.class, () -> s.normalize("BTC-USD-PERP"));
        assertThrows(IllegalArgumentException.class, () -> s.toNative("BTC-USD-240329"));
    }
}
