package io.rrralgorithms.jobs.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.adapters.FrameDecoder;
import io.rrralgorithms.connectors.adapters.ascendex.AscendexLiveVenue;
import io.rrralgorithms.connectors.adapters.bitflyer.BitflyerLiveVenue;
import io.rrralgorithms.connectors.adapters.phemex.PhemexLiveVenue;
import io.rrralgorithms.connectors.adapters.poloniex.PoloniexLiveVenue;
import io.rrralgorithms.connectors.live.CaptureConfig;
import io.rrralgorithms.connectors.live.CaptureMetrics;
import io.rrralgorithms.connectors.live.CaptureService;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.SharedData;
import io.rrralgorithms.connectors.venues.Channel;
import io.rrralgorithms.connectors.venues.LiveStream;
import io.rrralgorithms.connectors.venues.LiveVenue;
import io.rrralgorithms.connectors.venues.Venue;
import io.rrralgorithms.connectors.venues.VenueLimits;
import io.rrralgorithms.connectors.venues.Venues;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A venue's live spec against a loopback exchange that answers with the venue's recorded frames:
 * the capture service connects, subscribes as the venue expects (the messages checked literally),
 * publishes every frame the exchange sends, keyed by its native symbol, sends the venue's
 * application ping and publishes its pong; the published frames decode to the capture's events and
 * the pong is ignored. One case per venue (add a row to add a venue).
 *
 * <p>The spec runs under a test feed id whose only difference is a heartbeat every 200 ms (the
 * venues' own intervals, 5 s and 20 s, are checked in {@code LiveVenueTest}), so that the ping comes
 * within the test.
 */
class CapturedFramesLoopbackTest {

    /**
     * @param capture the recorded WebSocket frames of the venue ({@code market/cryptofeed/...})
     * @param symbols normalized symbols to capture
     * @param subscribes the subscribe messages the venue must receive, in order
     * @param pong the venue's answer to its application ping; null for a venue without one (no ping sent)
     */
    record Case(LiveVenue spec, String capture, List<String> symbols, List<String> subscribes, String pong) {
        @Override
        public String toString() {
            return spec.feed();
        }
    }

    static Stream<Case> venues() {
        return Stream.of(
                new Case(new PhemexLiveVenue(), "PHEMEX.ws.1.0", List.of("YFI-USD-PERP", "SUSHI-USDT"), List.of(
                        "{\"id\":1,\"method\":\"trade.subscribe\",\"params\":[\"YFIUSD\"]}",
                        "{\"id\":2,\"method\":\"orderbook.subscribe\",\"params\":[\"YFIUSD\"]}",
                        "{\"id\":3,\"method\":\"trade.subscribe\",\"params\":[\"sSUSHIUSDT\"]}",
                        "{\"id\":4,\"method\":\"orderbook.subscribe\",\"params\":[\"sSUSHIUSDT\"]}"),
                        "{\"error\":null,\"id\":0,\"result\":\"pong\"}"),
                new Case(new PoloniexLiveVenue(), "POLONIEX.ws.1.0", List.of("BTC-USDT", "BCH-USDT"), List.of(
                        "{\"event\":\"subscribe\",\"channel\":[\"trades\"],\"symbols\":[\"BTC_USDT\",\"BCH_USDT\"]}",
                        "{\"event\":\"subscribe\",\"channel\":[\"book_lv2\"],\"symbols\":[\"BTC_USDT\",\"BCH_USDT\"]}"),
                        "{\"event\":\"pong\"}"),
                // ---- issue 16, batch A
                new Case(AscendexLiveVenue.spot(), "ASCENDEX.ws.1.0", List.of("NEO-USDT", "CHZ-USDT"), List.of(
                        "{\"op\":\"sub\",\"ch\":\"trades:NEO/USDT,CHZ/USDT\"}",
                        "{\"op\":\"sub\",\"ch\":\"depth:NEO/USDT,CHZ/USDT\"}",
                        "{\"op\":\"req\",\"action\":\"depth-snapshot\",\"args\":{\"symbol\":\"NEO/USDT\"}}",
                        "{\"op\":\"req\",\"action\":\"depth-snapshot\",\"args\":{\"symbol\":\"CHZ/USDT\"}}"),
                        "{\"m\":\"pong\",\"code\":0,\"ts\":1618677623933}"),
                new Case(new BitflyerLiveVenue(), "BITFLYER.ws.1.0", List.of("BTC-JPY-PERP", "XRP-JPY"), List.of(
                        "{\"method\":\"subscribe\",\"params\":{\"channel\":\"lightning_executions_FX_BTC_JPY\"}}",
                        "{\"method\":\"subscribe\",\"params\":{\"channel\":\"lightning_board_snapshot_FX_BTC_JPY\"}}",
                        "{\"method\":\"subscribe\",\"params\":{\"channel\":\"lightning_board_FX_BTC_JPY\"}}",
                        "{\"method\":\"subscribe\",\"params\":{\"channel\":\"lightning_ticker_FX_BTC_JPY\"}}",
                        "{\"method\":\"subscribe\",\"params\":{\"channel\":\"lightning_executions_XRP_JPY\"}}",
                        "{\"method\":\"subscribe\",\"params\":{\"channel\":\"lightning_board_snapshot_XRP_JPY\"}}",
                        "{\"method\":\"subscribe\",\"params\":{\"channel\":\"lightning_board_XRP_JPY\"}}",
                        "{\"method\":\"subscribe\",\"params\":{\"channel\":\"lightning_ticker_XRP_JPY\"}}"),
                        null)); // no application heartbeat
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("venues")
    void subscribesPublishesTheVenuesFramesAndAnswersItsPing(Case c) throws Exception {
        Venue venue = Venues.forFeed(c.spec().feed());
        String feed = c.spec().feed() + "-loopback";
        synchronized (Venues.class) {
            if (!Venues.liveFeeds().contains(feed)) {
                Venues.register(Venue.liveOnly(new QuickHeartbeat(c.spec(), feed)));
            }
        }
        List<String> natives = c.symbols().stream().map(c.spec()::nativeSymbol).toList();
        // what the exchange sends: every recorded frame of the subscribed symbols, in recorded order
        List<String> frames = CaptureLines.payloads(SharedData.cryptofeed(c.capture())).stream()
                .filter(p -> natives.contains(venue.partitionKey(p.getBytes(StandardCharsets.UTF_8)))).toList();
        assertTrue(frames.size() > 20, "recorded frames of " + natives + ": " + frames.size());

        List<String> received = new CopyOnWriteArrayList<>();
        try (LoopbackWebSocketServer server = new LoopbackWebSocketServer(conn -> {
            String t = null;
            while (received.size() < c.subscribes().size() && (t = conn.nextText(5_000)) != null) {
                received.add(t);
            }
            for (String f : frames) {
                conn.sendText(f);
            }
            // the client pings once it has subscribed: answer the first ping after the frames
            while (c.pong() != null && (t = conn.nextText(5_000)) != null && !t.equals(c.spec().heartbeatMessage())) {
                received.add(t);
            }
            if (c.pong() != null && t != null) {
                received.add(t);
                conn.sendText(c.pong());
            }
            while (!conn.isClosed()) {
                Thread.sleep(10);
            }
        })) {
            LiveConnectionTest.CollectingSink sink = new LiveConnectionTest.CollectingSink();
            CaptureMetrics metrics = new CaptureMetrics();
            try (CaptureService service = new CaptureService(config(server.url("/ws"), feed, c.symbols()), sink,
                    metrics).start()) {
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (sink.frames.size() < frames.size() + (c.pong() != null ? 1 : 0) && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
            }
            assertTrue(server.handlerErrors().isEmpty(), server.handlerErrors()::toString);

            List<String> expectedIn = new ArrayList<>(c.subscribes());
            List<String> expectedOut = new ArrayList<>(frames);
            if (c.pong() != null) {
                expectedIn.add(c.spec().heartbeatMessage());
                expectedOut.add(c.pong());
            }
            assertEquals(expectedIn, received, "subscribes, then the ping");

            List<String> published = sink.frames.stream().map(f -> new String(f.payload, StandardCharsets.UTF_8)).toList();
            assertEquals(expectedOut, published, "every frame published whole, in order, and the pong");

            // keyed as a replay keys them, and decoded by the feed's decoder into the recorded events
            FrameDecoder decoder = venue.decoder();
            Map<EventType, Integer> events = new TreeMap<>();
            for (RawFrame f : sink.frames) {
                assertEquals(feed, f.feed);
                assertEquals(venue.partitionKey(f.payload), f.key);
                List<MarketEvent> out = new ArrayList<>();
                try {
                    FrameDecoder.Result r = decoder.decode(f, out::add);
                    if (c.pong() != null && f == sink.frames.get(sink.frames.size() - 1)) {
                        assertEquals(FrameDecoder.Result.IGNORED, r, "the pong is ignored");
                    }
                } catch (DecodeException e) {
                    throw new AssertionError("dead letter " + e.getMessage() + " <- " + new String(f.payload,
                            StandardCharsets.UTF_8), e);
                }
                out.forEach(ev -> events.merge(ev.type, 1, Integer::sum));
            }
            assertTrue(events.getOrDefault(EventType.BOOK_SNAPSHOT, 0) >= 2, events.toString());
            assertTrue(events.getOrDefault(EventType.BOOK_DELTA, 0) > 10, events.toString());
            assertTrue(events.getOrDefault(EventType.TRADE, 0) > 0, events.toString());
            assertEquals(expectedOut.size(), metrics.feed(feed).frames.sum());
            assertEquals(0, metrics.feed(feed).reconnects.sum());
        }
    }

    private static CaptureConfig config(String url, String feed, List<String> symbols) throws Exception {
        return CaptureConfig.parse("""
                connectTimeoutSeconds: 2
                metrics: {logIntervalSeconds: 0}
                venues:
                  - feed: %s
                    symbols: [%s]
                    url: "%s"
                """.formatted(feed, String.join(", ", symbols), url), "test");
    }

    /** A venue's live spec under another feed id, pinging every 200 ms; everything else the spec's own. */
    private static final class QuickHeartbeat implements LiveVenue {
        private final LiveVenue spec;
        private final String feed;

        QuickHeartbeat(LiveVenue spec, String feed) {
            this.spec = spec;
            this.feed = feed;
        }

        @Override
        public String feed() {
            return feed;
        }

        @Override
        public String defaultEndpoint() {
            return spec.defaultEndpoint();
        }

        @Override
        public String nativeSymbol(String normalizedSymbol) {
            return spec.nativeSymbol(normalizedSymbol);
        }

        @Override
        public List<LiveStream> streams(String nativeSymbol, Set<Channel> channels) {
            return spec.streams(nativeSymbol, channels);
        }

        @Override
        public String subscribeMessage(List<LiveStream> streams, int id) {
            return spec.subscribeMessage(streams, id);
        }

        @Override
        public List<String> subscribeMessages(List<LiveStream> streams, IntSupplier nextId) {
            return spec.subscribeMessages(streams, nextId);
        }

        @Override
        public VenueLimits limits() {
            return spec.limits();
        }

        @Override
        public String heartbeatMessage() {
            return spec.heartbeatMessage();
        }

        @Override
        public Duration heartbeatInterval() {
            return Duration.ofMillis(200);
        }

        @Override
        public String partitionKey(byte[] payload) {
            return spec.partitionKey(payload);
        }

        @Override
        public String streamOf(byte[] payload) {
            return spec.streamOf(payload);
        }

        @Override
        public String errorOf(byte[] payload) {
            return spec.errorOf(payload);
        }
    }
}
