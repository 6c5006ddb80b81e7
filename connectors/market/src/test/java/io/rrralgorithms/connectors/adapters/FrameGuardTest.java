package io.rrralgorithms.connectors.adapters;

import static org.junit.jupiter.api.Assertions.*;

import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.testkit.Frames;
import io.rrralgorithms.connectors.testkit.VenueCases;
import io.rrralgorithms.connectors.venues.Venue;
import io.rrralgorithms.connectors.venues.Venues;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The frame checks on real Binance frame shapes: each bad value a dead-letter reason
 * ({@code venue-cases/frameguard.cases}), good frames untouched, the limits as configured.
 */
class FrameGuardTest {
    /** Receive time of the frames below (2024-08-09T00:00:55Z), 1.3 s before their exchange time, as recorded. */
    private static final long RECV_NS = 1_723_161_254_087_896_568L;
    private static final String TRADE = "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1723161255343,"
            + "\"s\":\"BTCUSDT\",\"t\":3735683259,\"p\":\"61837.63000000\",\"q\":\"0.02000000\",\"T\":1723161255342,"
            + "\"m\":true,\"M\":true}}";
    private static final String TICKER = "{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"u\":50093239212,\"s\":\"BTCUSDT\","
            + "\"b\":\"61837.63000000\",\"B\":\"3.78826000\",\"a\":\"61837.64000000\",\"A\":\"1.54698000\"}}";
    private static final String DIFF = "{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\","
            + "\"E\":1723161255208,\"s\":\"BTCUSDT\",\"U\":50093239189,\"u\":50093239202,"
            + "\"b\":[[\"61737.63000000\",\"0.00000000\"]],\"a\":[[\"61837.64000000\",\"1.54698000\"]]}}";

    private final FrameGuard guard = new FrameGuard(FrameGuard.Limits.defaults());
    private final FrameDecoder decoder = Venues.forFeed("binance-spot").decoder();

    /** Binance spot with every frame through the default guard. */
    @TestFactory
    Stream<DynamicTest> cases() {
        Venue b = Venues.forFeed("binance-spot");
        return VenueCases.run(Venue.builder(b.feed(), feed -> (f, out) -> guard.decode(decoder, f, out), b.symbols(),
                b.bookSyncRules(), b::partitionKey).build(), "frameguard.cases");
    }

    @Test
    void realFramesPassUnchanged() throws Exception {
        for (String f : List.of(TRADE, TICKER, DIFF)) {
            List<MarketEvent> direct = new ArrayList<>();
            decoder.decode(frame(f), direct::add);
            assertEquals(direct, decodeWith(guard, f), f);
        }
    }

    @Test
    void eventsADecoderLetsThroughAreChecked() {
        MarketEvent early = new MarketEvent();
        early.type = EventType.BBO;
        early.exchangeTimeMs = -1000;
        assertEquals("negative exchange time -1000", assertThrows(DecodeException.class, () -> guard.check(early)).getMessage());
        MarketEvent t = new MarketEvent();
        t.type = EventType.TRADE;
        t.nativeSymbol = "BTC\u0000USDT";
        t.price = 1;
        t.size = 1;
        assertEquals("symbol with a control or invalid character U+0000 at 3",
                assertThrows(DecodeException.class, () -> guard.check(t)).getMessage());
        t.nativeSymbol = "X".repeat(65);
        assertThrows(DecodeException.class, () -> guard.check(t));
    }

    @Test
    void theLimitsAreTheConfiguredOnes() throws Exception {
        FrameGuard wide = new FrameGuard(FrameGuard.Limits.defaults().withMaxClockSkewMs(2_000_000L));
        String lagging = TRADE.replace("\"T\":1723161255342", "\"T\":1723160000000"); // 1,254 s behind
        assertEquals(1, decodeWith(wide, lagging).size());
        String big = TRADE.replace("\"m\":", "\"x\":\"" + "a".repeat(5 << 20) + "\",\"m\":");
        String reason = assertThrows(DecodeException.class, () -> decodeWith(guard, big)).getMessage();
        assertTrue(reason.contains("frame of 5243"), reason);
        // a REST snapshot may be larger
        FrameGuard small = new FrameGuard(new FrameGuard.Limits(300_000L, 100, 10_000, 1L << 40));
        assertThrows(DecodeException.class, () -> decodeWith(small, TRADE));
    }

    @Test
    void aFrameIsUsedWholeOrNotAtAll() {
        // the first event is fine, the second is not: nothing is emitted
        FrameDecoder twoEvents = (frame, out) -> {
            for (long price : new long[] {1, -1}) {
                MarketEvent ev = new MarketEvent();
                ev.type = EventType.TRADE;
                ev.price = price;
                ev.size = 1;
                out.accept(ev);
            }
            return FrameDecoder.Result.EVENTS;
        };
        List<MarketEvent> out = new ArrayList<>();
        assertThrows(DecodeException.class, () -> guard.decode(twoEvents, frame(TRADE), out::add));
        assertEquals(List.of(), out);
    }

    private List<MarketEvent> decodeWith(FrameGuard g, String payload) throws DecodeException {
        List<MarketEvent> out = new ArrayList<>();
        g.decode(decoder, frame(payload), out::add);
        return out;
    }

    private static RawFrame frame(String payload) {
        return Frames.frame("binance-spot", "BTCUSDT", FrameKind.WS, RECV_NS, payload);
    }
}
