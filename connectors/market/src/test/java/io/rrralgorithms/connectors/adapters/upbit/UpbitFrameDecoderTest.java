package io.rrralgorithms.connectors.adapters.upbit;

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
 * The Upbit decoder: the standard checks are the contract's ({@code DecoderCases}, oracle
 * {@link UpbitOracle}); real frames (bytes literals), plain JSON frames and dead letters are
 * {@code venue-cases/upbit.cases}; here the symbols.
 */
public class UpbitFrameDecoderTest {

    @TestFactory
    Stream<DynamicTest> cases() {
        return VenueCases.run(UpbitVenue.VENUE, "upbit.cases");
    }

    /** The session's exchange times; books with the receive time as version; venue trade ids. */
    public static void event(RawFrame f, MarketEvent ev, Decoded d) {
        assertEquals(UpbitVenue.VENUE.symbols().normalize(ev.nativeSymbol), ev.symbol);
        long receiveMs = f.receiveTimeNs / 1_000_000L;
        assertTrue(ev.exchangeTimeMs > receiveMs - 5_000L && ev.exchangeTimeMs <= receiveMs, ev.toString());
        if (ev.type == EventType.TRADE) {
            assertTrue(ev.tradeId > 0, ev.toString());
        } else {
            assertEquals(f.receiveTimeNs, ev.lastUpdateId, "receive time as version");
        }
    }

    /** A trade of {@code code} (plain JSON), for the catalog check of the decoder's normalization. */
    public static String tradeFrame(String code) {
        return "{\"ty\":\"trade\",\"cd\":\"" + code + "\",\"tms\":1618678262712,\"ttms\":1618678262000,\"tp\":1.0,"
                + "\"tv\":1.0,\"ab\":\"BID\",\"sid\":1,\"st\":\"REALTIME\"}";
    }

    @Test
    void symbols() {
        VenueSymbols s = UpbitVenue.VENUE.symbols();
        assertEquals("BTC-KRW", s.normalize("KRW-BTC"));
        assertEquals("ETH-BTC", s.normalize("BTC-ETH"));
        assertEquals("KRW-WAVES", s.toNative("WAVES-KRW"));
        assertThrows(IllegalArgumentException.class, () -> s.normalize("KRWBTC"));
        assertThrows(IllegalArgumentException.class, () -> s.normalize("krw-btc"));
        assertThrows(IllegalArgumentException.class, () -> s.toNative("BTC-KRW-PERP"));
    }
}
