package io.rrralgorithms.connectors.adapters.bitflyer;

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
 * The bitFlyer decoder: the standard checks are the contract's ({@code DecoderCases}, oracle
 * {@link BitflyerOracle}); exact fields and dead letters are {@code venue-cases/bitflyer.cases};
 * here the product codes both ways.
 */
public class BitflyerFrameDecoderTest {

    @TestFactory
    Stream<DynamicTest> cases() {
        return VenueCases.run(BitflyerVenue.VENUE, "bitflyer.cases");
    }

    /** Book events at their receive time, no exchange time; trades and tickers with theirs. */
    public static void event(RawFrame f, MarketEvent ev, Decoded d) {
        if (ev.type == EventType.BOOK_SNAPSHOT || ev.type == EventType.BOOK_DELTA) {
            assertEquals(f.receiveTimeNs, ev.lastUpdateId, ev.toString());
            assertEquals(0, ev.exchangeTimeMs, ev.toString());
        } else {
            long receiveMs = f.receiveTimeNs / 1_000_000L;
            assertTrue(ev.exchangeTimeMs > receiveMs - 5_000L && ev.exchangeTimeMs <= receiveMs, ev.toString());
            assertTrue(ev.type == EventType.BBO || ev.tradeId > 0, ev.toString());
        }
    }

    public static String tickerFrame(String product) {
        return "{\"jsonrpc\":\"2.0\",\"method\":\"channelMessage\",\"params\":{\"channel\":\"lightning_ticker_" + product
                + "\",\"message\":{\"product_code\":\"" + product + "\",\"timestamp\":\"2021-12-12T23:05:35.247913Z\","
                + "\"best_bid\":1.0,\"best_ask\":2.0,\"best_bid_size\":1.0,\"best_ask_size\":1.0}}}";
    }

    @Test
    void productCodes() {
        VenueSymbols s = BitflyerVenue.VENUE.symbols();
        assertEquals("BTC-JPY-PERP", s.normalize("FX_BTC_JPY"));
        assertEquals("BTC-JPY-211231", s.normalize("BTCJPY31DEC2021"));
        assertEquals("BTCJPY03JUN2022", s.toNative("btc-jpy-220603"));
        assertEquals("FX_BTC_JPY", s.toNative("BTC-JPY-PERP"));
        assertThrows(IllegalArgumentException.class, () -> s.normalize("BTCJPY_MAT1WK"), "aliases move weekly");
        assertThrows(IllegalArgumentException.class, () -> s.normalize("BTCJPY32DEC2021"));
        assertThrows(IllegalArgumentException.class, () -> s.toNative("BTC-JPY-211231-5000000-C"));
    }
}
