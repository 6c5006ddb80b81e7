package io.rrralgorithms.connectors.adapters.delta;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Delta Exchange decoder: the standard checks are the contract's ({@code DecoderCases}, oracle
 * {@link DeltaOracle}); real frames and dead letters are {@code venue-cases/delta.cases}; here the
 * symbols of every product kind.
 */
public class DeltaFrameDecoderTest {

    @TestFactory
    Stream<DynamicTest> cases() {
        return VenueCases.run(DeltaVenue.VENUE, "delta.cases");
    }

    /** Whole books with their sequence number, at the session's times. */
    public static void event(RawFrame f, MarketEvent ev, Decoded d) {
        assertEquals(DeltaVenue.VENUE.symbols().normalize(ev.nativeSymbol), ev.symbol);
        long receiveMs = f.receiveTimeNs / 1_000_000L;
        assertTrue(ev.exchangeTimeMs > receiveMs - 5_000L && ev.exchangeTimeMs <= receiveMs, ev.toString());
        assertEquals(EventType.BOOK_SNAPSHOT, ev.type, "no trade in the capture");
        assertTrue(ev.lastUpdateId > 0 && ev.bidPrices.length > 0 && ev.askPrices.length > 0, ev.toString());
    }

    /** A trade of {@code symbol}, for the catalog check of the decoder's normalization. */
    public static String tradeFrame(String symbol) {
        return "{\"buyer_role\":\"taker\",\"price\":\"1.5\",\"product_id\":1,\"seller_role\":\"maker\",\"size\":2,"
                + "\"symbol\":\"" + symbol + "\",\"timestamp\":1638147282151129,\"type\":\"all_trades\"}";
    }

    @ParameterizedTest
    @CsvSource({"C-ETH-3200-311221, ETH-USDT-211231-3200-C", "P-BNB-600-291121, BNB-USDT-211129-600-P",
            "C-LINK-23.5-031221, LINK-USDT-211203-23.5-C", "BTCUSDT, BTC-USDT-PERP", "BTCUSD, BTC-USD-PERP",
            "DOGEBTC, DOGE-BTC-PERP", "ETH_USDT, ETH-USDT"})
    void symbolsBothWays(String nativeSymbol, String normalized) {
        VenueSymbols s = DeltaVenue.VENUE.symbols();
        assertEquals(normalized, s.normalize(nativeSymbol));
        assertEquals(nativeSymbol, s.toNative(normalized));
    }

    @Test
    void symbolsNotDecoded() {
        VenueSymbols s = DeltaVenue.VENUE.symbols();
        for (String n : new String[] {"BTCUSD_25Mar", "MV-BTC-60000-291121", "IRS-DE-BTCUSD-311221", "CS-BTCUSD-Mar-Dec",
                "C-ETH-3200-311321", "BTCEUR"}) {
            assertThrows(IllegalArgumentException.class, () -> s.normalize(n), n);
        }
        assertThrows(IllegalArgumentException.class, () -> s.toNative("BTC-USD-211231"), "dated futures");
        assertThrows(IllegalArgumentException.class, () -> s.toNative("BTC-USD-211231-60000-C"), "options are USDT");
    }
}
