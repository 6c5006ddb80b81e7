package io.rrralgorithms.connectors.adapters.dydx;

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
 * The dYdX decoder: the standard checks are the contract's ({@code DecoderCases}, oracle
 * {@link DydxOracle}); the exact fields of real frames, the per-level offset rule across frames and
 * the dead letters are {@code venue-cases/dydx.cases}; here the symbols.
 */
public class DydxFrameDecoderTest {

    @TestFactory
    Stream<DynamicTest> cases() {
        return VenueCases.run(DydxVenue.VENUE, "dydx.cases");
    }

    /** Books: receive time as update id, no exchange time; trades: the session's times, no trade id. */
    public static void event(RawFrame f, MarketEvent ev, Decoded d) {
        assertEquals(DydxVenue.VENUE.symbols().normalize(ev.nativeSymbol), ev.symbol);
        if (ev.type == EventType.TRADE) {
            long receiveMs = f.receiveTimeNs / 1_000_000L;
            assertTrue(ev.exchangeTimeMs > receiveMs - 5_000L && ev.exchangeTimeMs < receiveMs + 1_000L, ev.toString());
            assertEquals(MarketEvent.NONE, ev.tradeId, "dYdX v3 sends no trade id");
        } else {
            assertEquals(f.receiveTimeNs, ev.lastUpdateId, "receive time as update id");
            assertEquals(0, ev.exchangeTimeMs, "book frames carry no time");
        }
    }

    /** A trade of {@code market}, for the catalog check of the decoder's normalization. */
    public static String tradeFrame(String market) {
        return "{\"type\":\"channel_data\",\"id\":\"" + market + "\",\"channel\":\"v3_trades\",\"contents\":{\"trades\":"
                + "[{\"size\":\"1\",\"side\":\"BUY\",\"price\":\"1\",\"createdAt\":\"2021-10-28T18:03:51.833Z\"}]}}";
    }

    @Test
    void symbols() {
        VenueSymbols s = DydxVenue.VENUE.symbols();
        assertEquals("BTC-USD-PERP", s.normalize("BTC-USD"));
        assertEquals("1INCH-USD-PERP", s.normalize("1INCH-USD"));
        assertEquals("ETH-USD", s.toNative("eth-usd-perp"));
        assertThrows(IllegalArgumentException.class, () -> s.normalize("BTCUSD"));
        assertThrows(IllegalArgumentException.class, () -> s.normalize("BTC-USD-PERP"));
        assertThrows(IllegalArgumentException.class, () -> s.toNative("BTC-USD"), "perpetuals only");
    }
}
