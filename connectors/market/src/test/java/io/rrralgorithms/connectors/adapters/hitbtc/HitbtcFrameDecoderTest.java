package io.rrralgorithms.connectors.adapters.hitbtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.adapters.Decoded;
import io.rrralgorithms.connectors.adapters.RawCounts;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.testkit.VenueCases;
import io.rrralgorithms.connectors.venues.VenueSymbols;
import io.rrralgorithms.connectors.venues.Venues;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The HitBTC family's decoder: the standard checks are the contract's ({@code DecoderCases}, oracle
 * {@link HitbtcOracle}, feeds {@code hitbtc}, {@code bequant}, {@code fmfw}); the exact fields of real
 * v2 and v3 frames, hand-written edge cases and dead letters are {@code venue-cases/hitbtc.cases};
 * here the per-venue symbol renames and the sequence rules.
 */
public class HitbtcFrameDecoderTest {

    @TestFactory
    Stream<DynamicTest> cases() {
        return VenueCases.run(HitbtcVenue.HITBTC, "hitbtc.cases");
    }

    /** Symbols by the feed's own rule, exchange times of the session, a sequence on every book event. */
    public static void event(RawFrame f, MarketEvent ev, Decoded d) {
        assertEquals(Venues.forFeed(ev.feed).symbols().normalize(ev.nativeSymbol), ev.symbol);
        long receiveMs = f.receiveTimeNs / 1_000_000L;
        assertTrue(ev.exchangeTimeMs > receiveMs - 86_400_000L && ev.exchangeTimeMs < receiveMs + 5_000L, ev.toString());
        switch (ev.type) {
            case BOOK_DELTA -> assertTrue(ev.firstUpdateId == ev.lastUpdateId && ev.lastUpdateId > 0, ev.toString());
            case BOOK_SNAPSHOT -> assertTrue(ev.lastUpdateId > 0, ev.toString());
            case TRADE -> assertTrue(ev.tradeId > 0, ev.toString());
            default -> assertEquals(EventType.BBO, ev.type);
        }
    }

    /** Every dead letter is a number finer than the 8-decimal scale. */
    public static void decoded(RawCounts raw, Decoded d) {
        assertEquals(List.of(), d.errors, "1e-9/1e-10 ticks and 99999999999999 asks decode at their scales");
    }

    /** A v2 ticker of {@code nativeSymbol}, for the catalog check of the decoder's normalization. */
    public static String tickerFrame(String nativeSymbol) {
        return "{\"jsonrpc\":\"2.0\",\"method\":\"ticker\",\"params\":{\"ask\":\"2\",\"bid\":\"1\","
                + "\"timestamp\":\"2021-07-15T03:06:37.000Z\",\"symbol\":\"" + nativeSymbol + "\"}}";
    }

    @Test
    void eachVenueRenamesAsItsListingMeansTheCodes() {
        VenueSymbols hitbtc = HitbtcVenue.HITBTC.symbols();
        assertEquals("MTX-USDT", hitbtc.normalize("MTXUSD"), "v2 USD is Tether");
        assertEquals("MTXUSD", hitbtc.toNative("MTX-USDT"));
        assertEquals("XRP-USDT", hitbtc.normalize("XRPUSDT"), "an old symbol spelling the quote out");
        assertEquals("XRPUSDT", hitbtc.toNative("xrp-usdt"));
        assertEquals("BAT-USDT", hitbtc.normalize("BATUSD"));
        assertEquals("BTC-TUSD", hitbtc.normalize("BTCTUSD"));
        assertEquals("USDT-TUSD", hitbtc.normalize("USDTUSD"));
        VenueSymbols bequant = HitbtcVenue.BEQUANT.symbols();
        assertEquals("BTC-USD", bequant.normalize("BTCUSDB"), "Bequant's US dollar is USDB");
        assertEquals("BTC-USDT", bequant.normalize("BTCUSD"));
        assertEquals("BTCUSDB", bequant.toNative("BTC-USD"));
        assertEquals("EURB-USDT", bequant.normalize("EURBUSD"));
        assertThrows(IllegalArgumentException.class, () -> bequant.normalize("BTCUSDT_BQX"));
        VenueSymbols fmfw = HitbtcVenue.FMFW.symbols();
        assertEquals("EOSUSDT", fmfw.toNative("EOS-USDT"), "v3 writes USDT");
        assertEquals("MATIC-USDT", fmfw.normalize("MATICUSD"));
        assertEquals("MATICUSD", fmfw.toNative("MATIC-USDT"));
        assertEquals("BTC-USDT-PERP", fmfw.normalize("BTCUSDT_PERP"));
        assertEquals("BTCUSDT_PERP", fmfw.toNative("BTC-USDT-PERP"));
        assertThrows(IllegalArgumentException.class, () -> fmfw.toNative("BTC-USDT-211231"));
    }

    @Test
    void sequencesChainByOneFromTheSnapshot() {
        BookSyncRules rules = HitbtcVenue.RULES;
        assertTrue(rules.isStale(delta(100), 100), "already in the snapshot");
        assertTrue(rules.bridgesSnapshot(delta(101), 100));
        assertFalse(rules.bridgesSnapshot(delta(102), 100), "101 lost");
        assertTrue(rules.continues(delta(102), 101));
        assertFalse(rules.continues(delta(103), 101));
        assertTrue(rules.isDuplicate(delta(101), 101), "a repeated update");
        MarketEvent again = MarketEvent.snapshot("hitbtc", "ETHBTC", "ETH-BTC", 1L);
        again.lastUpdateId = 101;
        assertTrue(rules.isOlderSnapshot(again, 101), "the re-sent snapshot at the book's sequence changes nothing");
        assertEquals(null, rules.checksum());
    }

    private static MarketEvent delta(long sequence) {
        MarketEvent d = MarketEvent.delta("hitbtc", "ETHBTC", "ETH-BTC", 1L);
        d.firstUpdateId = sequence;
        d.lastUpdateId = sequence;
        return d;
    }
}
