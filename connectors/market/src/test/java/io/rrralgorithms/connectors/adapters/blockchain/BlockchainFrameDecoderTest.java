package io.rrralgorithms.connectors.adapters.blockchain;

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
 * The Blockchain.com Exchange decoder: the standard checks are the contract's ({@code DecoderCases},
 * oracle {@link BlockchainOracle}); real frames and dead letters are {@code venue-cases/blockchain.cases};
 * here the symbols.
 */
public class BlockchainFrameDecoderTest {

    @TestFactory
    Stream<DynamicTest> cases() {
        return VenueCases.run(BlockchainVenue.VENUE, "blockchain.cases");
    }

    /** Books carry the connection's seqnum; the session's exchange times (a few ms ahead of the receive clock). */
    public static void event(RawFrame f, MarketEvent ev, Decoded d) {
        assertEquals(BlockchainVenue.VENUE.symbols().normalize(ev.nativeSymbol), ev.symbol);
        long receiveMs = f.receiveTimeNs / 1_000_000L;
        assertTrue(ev.exchangeTimeMs > receiveMs - 5_000L && ev.exchangeTimeMs < receiveMs + 1_000L, ev.toString());
        assertTrue(ev.lastUpdateId >= 0 && (ev.type == EventType.BOOK_SNAPSHOT || ev.firstUpdateId == ev.lastUpdateId),
                ev.toString());
    }

    /** A trade of {@code symbol}, for the catalog check of the decoder's normalization. */
    public static String tradeFrame(String symbol) {
        return "{\"seqnum\":21,\"event\":\"updated\",\"channel\":\"trades\",\"symbol\":\"" + symbol + "\","
                + "\"timestamp\":\"2019-08-13T11:30:06.100140Z\",\"side\":\"sell\",\"qty\":1,\"price\":1,\"trade_id\":\"1\"}";
    }

    @Test
    void symbols() {
        VenueSymbols s = BlockchainVenue.VENUE.symbols();
        assertEquals("ALGO-BTC", s.normalize("ALGO-BTC"));
        assertEquals("USDC-USDT", s.toNative("usdc-usdt"));
        assertThrows(IllegalArgumentException.class, () -> s.normalize("ALGOBTC"));
        assertThrows(IllegalArgumentException.class, () -> s.normalize("algo-btc"));
        assertThrows(IllegalArgumentException.class, () -> s.toNative("BTC-USD-PERP"));
    }
}
