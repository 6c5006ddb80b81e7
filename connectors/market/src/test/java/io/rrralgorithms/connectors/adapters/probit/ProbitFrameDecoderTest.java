package io.rrralgorithms.connectors.adapters.probit;

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
 * The ProBit decoder: the standard checks are the contract's ({@code DecoderCases},
 * oracle {@link ProbitOracle}); real frames and dead letters are {@code venue-cases/probit.cases};
 * here the symbols.
 */
public class ProbitFrameDecoderTest {

    @TestFactory
    Stream<DynamicTest> cases() {
        return VenueCases.run(ProbitVenue.VENUE, "probit.cases");
    }

    /** Books take the receive time as id and carry no time; trades the session's times. */
    public static void event(RawFrame f, MarketEvent ev, Decoded d) {
        assertEquals(ProbitVenue.VENUE.symbols().normalize(ev.nativeSymbol), ev.symbol);
        if (ev.type == EventType.TRADE) {
            long receiveMs = f.receiveTimeNs / 1_000_000L;
            assertTrue(ev.exchangeTimeMs > receiveMs - 30_000L && ev.exchangeTimeMs <= receiveMs, ev.toString());
            assertTrue(ev.tradeId > 0, ev.toString());
        } else {
            assertEquals(f.receiveTimeNs, ev.lastUpdateId, "receive time as update id");
            assertEquals(0, ev.exchangeTimeMs, "book messages carry no time");
        }
    }

    /** A trade of {@code market}, for the catalog check of the decoder's normalization. */
    public static String tradeFrame(String market) {
        return "{\"channel\":\"marketdata\",\"market_id\":\"" + market + "\",\"status\":\"ok\",\"lag\":0,"
                + "\"order_books\":[],\"recent_trades\":[{\"id\":\"" + market + ":1\",\"price\":\"1\",\"quantity\":\"1\","
                + "\"time\":\"2021-04-17T16:52:33.922Z\",\"side\":\"buy\",\"tick_direction\":\"down\"}]}";
    }

    @Test
    void symbols() {
        VenueSymbols s = ProbitVenue.VENUE.symbols();
        assertEquals("XEM-USDT", s.normalize("XEM-USDT"));
        assertEquals("CUR-KRW", s.toNative("cur-krw"));
        assertThrows(IllegalArgumentException.class, () -> s.normalize("XEMUSDT"));
        assertThrows(IllegalArgumentException.class, () -> s.normalize("xem-usdt"));
        assertThrows(IllegalArgumentException.class, () -> s.toNative("BTC-USD-PERP"));
    }
}
