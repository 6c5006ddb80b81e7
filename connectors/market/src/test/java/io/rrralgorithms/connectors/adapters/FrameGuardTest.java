package io.rrralgorithms.connectors.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.venues.Venues;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The frame checks on real Binance frame shapes: each bad value a dead-letter reason, good frames untouched. */
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

    @Test
    void realFramesPassUnchanged() throws Exception {
        for (String f : List.of(TRADE, TICKER, DIFF)) {
            List<MarketEvent> direct = new ArrayList<>();
            decoder.decode(frame(f), direct::add);
            assertEquals(direct, decode(f), f);
        }
    }

    @Test
    void anExchangeTimeFarFromTheReceiveTimeIsRefused() {
        assertRefused(TRADE.replace("\"T\":1723161255342", "\"T\":4102444800000"),
                "exchange time 4102444800000 is 2379283545913 ms ahead of its receive time (limit 300000 ms");
        // a µs time read as ms: 1000× in the future
        assertRefused(DIFF.replace("\"E\":1723161255208", "\"E\":1723161255208000"), "ahead of its receive time");
        assertRefused(TRADE.replace("\"T\":1723161255342", "\"T\":1723160000000"), "ms behind its receive time");
        assertRefused(TRADE.replace("\"T\":1723161255342", "\"T\":-1000"), "positive epoch time in ms, got -1000");
        MarketEvent early = new MarketEvent(); // whatever a decoder lets through
        early.type = EventType.BBO;
        early.exchangeTimeMs = -1000;
        DecodeException e = assertThrows(DecodeException.class, () -> guard.check(early));
        assertEquals("negative exchange time -1000", e.getMessage());
        // a venue that sends the time never sends 0: it would read as "no exchange time"
        assertRefused(TRADE.replace("\"T\":1723161255342", "\"T\":0"), "field 'T' must be a positive epoch time");
    }

    @Test
    void theSkewLimitIsTheConfiguredOne() throws Exception {
        FrameGuard wide = new FrameGuard(FrameGuard.Limits.defaults().withMaxClockSkewMs(2_000_000L));
        String lagging = TRADE.replace("\"T\":1723161255342", "\"T\":1723160000000"); // 1,254 s behind
        assertEquals(1, decodeWith(wide, lagging).size());
    }

    @Test
    void nonPositivePricesAndSizesAreRefused() {
        assertRefused(TRADE.replace("\"p\":\"61837.63000000\"", "\"p\":\"0\""), "non-positive price or size");
        assertRefused(TRADE.replace("\"q\":\"0.02000000\"", "\"q\":\"0.00000000\""), "non-positive price or size");
        assertRefused(TICKER.replace("\"b\":\"61837.63000000\"", "\"b\":\"-5\"").replace("\"a\":\"61837.64000000\"",
                "\"a\":\"0\""), "non-positive price");
        assertRefused(TICKER.replace("\"b\":\"61837.63000000\"", "\"b\":\"70000.00000000\""),
                "crossed best bid/offer: bid 70000 above ask 61837.64");
        assertRefused(TRADE.replace("\"q\":\"0.02000000\"", "\"q\":\"90000000000.00000000\""), "implausible price");
    }

    @Test
    void aSnapshotLevelOfZeroSizeIsRefused() {
        String snapshot = "{\"lastUpdateId\":50093239218,\"bids\":[[\"61837.63000000\",\"0.00000000\"]],"
                + "\"asks\":[[\"61837.64000000\",\"1.00000000\"]]}";
        RawFrame f = new RawFrame("binance-spot", "BTCUSDT", FrameKind.REST_SNAPSHOT, RECV_NS,
                snapshot.getBytes(StandardCharsets.UTF_8));
        DecodeException e = assertThrows(DecodeException.class, () -> guard.decode(decoder, f, x -> {}));
        assertTrue(e.getMessage().contains("zero size in a snapshot"), e.getMessage());
    }

    @Test
    void aSymbolWithAControlCharacterIsRefused() {
        // the combined stream names the symbol twice, and the decoder already refuses the mismatch
        assertRefused(TRADE.replace("\"s\":\"BTCUSDT\"", "\"s\":\"BTC\\u0000USDT\""), "does not match");
        // whatever a decoder lets through, the guard refuses control characters in a symbol
        MarketEvent t = new MarketEvent();
        t.type = EventType.TRADE;
        t.nativeSymbol = "BTC\u0000USDT";
        t.price = 1;
        t.size = 1;
        DecodeException e = assertThrows(DecodeException.class, () -> guard.check(t));
        assertEquals("symbol with a control or invalid character U+0000 at 3", e.getMessage());
        t.nativeSymbol = "X".repeat(65);
        assertThrows(DecodeException.class, () -> guard.check(t));
    }

    @Test
    void aDuplicateKeyIsRefused() {
        assertRefused(TRADE.replace("\"p\":\"61837.63000000\"", "\"p\":\"61837.63000000\",\"p\":\"1.00000000\""),
                "Duplicate field 'p'");
    }

    @Test
    void aFrameOverTheSizeLimitIsRefusedUnparsed() throws Exception {
        String big = TRADE.replace("\"m\":", "\"x\":\"" + "a".repeat(5 << 20) + "\",\"m\":");
        assertRefused(big, "frame of 5243" );
        // a REST snapshot may be larger
        FrameGuard small = new FrameGuard(new FrameGuard.Limits(300_000L, 100, 10_000, 1L << 40));
        assertThrows(DecodeException.class, () -> decodeWith(small, TRADE));
    }

    @Test
    void aFrameIsUsedWholeOrNotAtAll() {
        // the first event is fine, the second is not: nothing is emitted
        FrameDecoder twoEvents = (frame, out) -> {
            MarketEvent ok = new MarketEvent();
            ok.type = EventType.TRADE;
            ok.price = 1;
            ok.size = 1;
            out.accept(ok);
            MarketEvent bad = new MarketEvent();
            bad.type = EventType.TRADE;
            bad.price = -1;
            bad.size = 1;
            out.accept(bad);
            return FrameDecoder.Result.EVENTS;
        };
        List<MarketEvent> out = new ArrayList<>();
        assertThrows(DecodeException.class, () -> guard.decode(twoEvents, frame(TRADE), out::add));
        assertEquals(List.of(), out);
    }

    private void assertRefused(String payload, String reasonPart) {
        DecodeException e = assertThrows(DecodeException.class, () -> decode(payload), payload.length() > 400
                ? payload.substring(0, 400) : payload);
        assertTrue(e.getMessage().contains(reasonPart), e.getMessage());
    }

    private List<MarketEvent> decode(String payload) throws DecodeException {
        return decodeWith(guard, payload);
    }

    private List<MarketEvent> decodeWith(FrameGuard g, String payload) throws DecodeException {
        List<MarketEvent> out = new ArrayList<>();
        g.decode(decoder, frame(payload), out::add);
        return out;
    }

    private static RawFrame frame(String payload) {
        return new RawFrame("binance-spot", "BTCUSDT", FrameKind.WS, RECV_NS, payload.getBytes(StandardCharsets.UTF_8));
    }
}
