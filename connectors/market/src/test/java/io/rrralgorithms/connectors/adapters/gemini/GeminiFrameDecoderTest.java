package io.rrralgorithms.connectors.adapters.gemini;

import static org.junit.jupiter.api.Assertions.*;

import io.rrralgorithms.connectors.adapters.Decoded;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.InstrumentCatalog;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.testkit.SharedData;
import io.rrralgorithms.connectors.testkit.VenueCases;
import io.rrralgorithms.connectors.venues.Venues;
import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The Gemini decoder over the real capture {@code GEMINI.ws.1.0} (market data v2, {@code l2} of 10
 * symbols, 2021-06-24): the standard checks are the contract's ({@code DecoderCases}, oracle
 * {@link GeminiOracle}); here the per-event checks and the instrument catalog from
 * {@code /v1/symbols/details/*}; exact fields of frames and bad frames are in {@code venue-cases/gemini.cases}.
 */
public class GeminiFrameDecoderTest {
    @TestFactory
    Stream<DynamicTest> cases() {
        return VenueCases.run(Venues.forFeed("gemini"), "gemini.cases");
    }

    /** Book events: the receive time orders them (no sequence); l2_updates carry no time. */
    public static void event(RawFrame f, MarketEvent ev, Decoded d) {
        assertEquals(ev.type == EventType.TRADE ? MarketEvent.NONE : f.receiveTimeNs, ev.lastUpdateId);
        if (ev.type == EventType.TRADE) {
            assertTrue(ev.exchangeTimeMs > 1_624_493_666_000L, ev.toString());
        } else {
            assertEquals(0L, ev.exchangeTimeMs, "l2_updates carry no time");
        }
    }

    @Test
    void catalogSymbolsAndSteps() throws Exception {
        InstrumentCatalog c = InstrumentCatalog.fromCryptofeed(SharedData.cryptofeed("GEMINI.0"), Venues.forFeed("gemini"));
        Instrument btc = c.byNative("BTCUSD").orElseThrow();
        assertEquals("BTC-USD", btc.symbol());
        assertEquals(0, new BigDecimal("0.01").compareTo(btc.tickSize()), "quote_increment");
        assertEquals(0, new BigDecimal("1E-8").compareTo(btc.lotSize()), "tick_size, written 1E-8, is the quantity step");
        assertEquals("BTC-GUSD", c.byNative("BTCGUSD").orElseThrow().symbol());
        assertEquals("GUSD-USD", c.byNative("GUSDUSD").orElseThrow().symbol());
        assertEquals("1INCH-USD", c.byNative("1INCHUSD").orElseThrow().symbol());
        assertEquals("PAXG-USD", c.byNative("PAXGUSD").orElseThrow().symbol(), "Paxos Gold, not PAX-GUSD");
    }
}
