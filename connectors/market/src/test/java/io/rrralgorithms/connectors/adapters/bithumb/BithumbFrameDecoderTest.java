package io.rrralgorithms.connectors.adapters.bithumb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.adapters.Decoded;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.testkit.VenueCases;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The Bithumb decoder: the standard checks are the contract's ({@code DecoderCases}, oracle
 * {@link BithumbOracle}); exact fields and dead letters are {@code venue-cases/bithumb.cases}.
 */
public class BithumbFrameDecoderTest {

    @TestFactory
    Stream<DynamicTest> cases() {
        return VenueCases.run(BithumbVenue.VENUE, "bithumb.cases");
    }

    /** Trades only; Korea time read as such: within seconds of the receive time (UTC). */
    public static void event(RawFrame f, MarketEvent ev, Decoded d) {
        assertEquals(EventType.TRADE, ev.type);
        long receiveMs = f.receiveTimeNs / 1_000_000L;
        assertTrue(ev.exchangeTimeMs > receiveMs - 5_000L && ev.exchangeTimeMs <= receiveMs, ev.toString());
        assertEquals(ev.exchangeTimeMs, ev.tradeId / 1000, "the made-up id is the time in µs");
    }

    public static String tradeFrame(String nativeSymbol) {
        return "{\"type\":\"transaction\",\"content\":{\"list\":[{\"buySellGb\":\"1\",\"contPrice\":\"1\",\"contQty\":\"1\","
                + "\"contAmt\":\"1\",\"contDtm\":\"2021-06-02 08:43:34.555058\",\"updn\":\"dn\",\"symbol\":\"" + nativeSymbol
                + "\"}]}}";
    }
}
