package io.rrralgorithms.jobs.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.adapters.FrameDecoder;
import io.rrralgorithms.connectors.live.CaptureConfig;
import io.rrralgorithms.connectors.live.CaptureMetrics;
import io.rrralgorithms.connectors.live.CaptureService;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.venues.LiveVenue;
import io.rrralgorithms.connectors.venues.Venue;
import io.rrralgorithms.connectors.venues.Venues;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The live specs of the venues no capture records (Crypto.com, Gate.io v3) against the loopback
 * exchange, which serves the frames of the venue's decoder cases ({@code venue-cases/<name>.cases},
 * written in the documented shapes) as the session: the capture subscribes as the documentation
 * says (the messages checked literally, after the venue's wait), publishes every frame whole and in
 * order, keyed as a replay keys them, answers the venue's heartbeat with its id (Crypto.com) or
 * sends its ping (Gate.io v3, every 200 ms under the test's feed id); the published frames decode
 * to the events (and dead letters) of the cases' own frames. Never run against the real venues.
 *
 * @see CapturedFramesLoopbackTest the venues with recorded sessions
 */
class DocumentedFramesLoopbackTest {

    /**
     * @param feed       the registered feed, whose live spec is tested
     * @param cases      the decoder cases whose {@code ws} frames the exchange sends
     * @param symbols    normalized symbols to capture
     * @param subscribes the subscribe messages the venue must receive, in order (after {@code same})
     * @param extra      frames the exchange sends after the cases' (a second heartbeat)
     * @param answers    what the client must send after the subscribes, in order: replies to the
     *                   venue's heartbeats, or its own ping (answered with {@code pong})
     * @param pong       the venue's answer to the client's ping, or null where the client sends none
     * @param same       what the comparison of messages leaves out (the nonce)
     */
    record Case(String feed, String cases, List<String> symbols, List<String> subscribes, List<String> extra,
            List<String> answers, String pong, UnaryOperator<String> same) {
        @Override
        public String toString() {
            return feed;
        }
    }

    static Stream<Case> venues() {
        return Stream.of(
                new Case("cryptocom", "cryptocom.cases", List.of("BTC-USDT", "ETH-USDT"), List.of(
                        "{\"id\":1,\"method\":\"subscribe\",\"params\":{\"channels\":[\"trade.BTC_USDT\","
                                + "\"book.BTC_USDT.150\",\"ticker.BTC_USDT\",\"trade.ETH_USDT\",\"book.ETH_USDT.150\","
                                + "\"ticker.ETH_USDT\"]},\"nonce\":_}"),
                        List.of("{\"id\":1587523080000,\"method\":\"public/heartbeat\",\"code\":0}"),
                        List.of("{\"id\":1587523073344,\"method\":\"public/respond-heartbeat\"}",
                                "{\"id\":1587523080000,\"method\":\"public/respond-heartbeat\"}"),
                        null, s -> s.replaceAll("\"nonce\":[0-9]+", "\"nonce\":_")),
                new Case("gateio-v3", "gateio-v3.cases", List.of("BTC-USDT", "ETH-USDT"), List.of(
                        "{\"id\":1,\"method\":\"trades.subscribe\",\"params\":[\"BTC_USDT\",\"ETH_USDT\"]}",
                        "{\"id\":2,\"method\":\"depth.subscribe\",\"params\":[[\"BTC_USDT\",30,\"0\"],"
                                + "[\"ETH_USDT\",30,\"0\"]]}"),
                        List.of(), List.of("{\"id\":0,\"method\":\"server.ping\",\"params\":[]}"),
                        "{\"error\":null,\"result\":\"pong\",\"id\":0}", UnaryOperator.identity()));
    }

    /** The {@code ws} frames of a cases file, in file order. */
    private static List<String> caseFrames(String resource) throws IOException {
        try (InputStream in = DocumentedFramesLoopbackTest.class.getResourceAsStream("/venue-cases/" + resource)) {
            return new String(Objects.requireNonNull(in, resource).readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> l.startsWith("ws ")).map(l -> l.substring(3).strip()).toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("venues")
    void subscribesAnswersTheHeartbeatAndPublishesTheDocumentedFrames(Case c) throws Exception {
        LiveVenue spec = Venues.liveForFeed(c.feed());
        Venue venue = Venues.forFeed(c.feed());
        String feed = c.feed() + "-documented";
        synchronized (Venues.class) {
            if (!Venues.liveFeeds().contains(feed)) {
                Venues.register(Venue.liveOnly(new CapturedFramesLoopbackTest.QuickHeartbeat(spec, feed)));
            }
        }
        List<String> frames = new ArrayList<>(caseFrames(c.cases()));
        assertTrue(frames.size() > 20, "frames of " + c.cases() + ": " + frames.size());
        frames.addAll(c.extra());

        List<String> received = new CopyOnWriteArrayList<>();
        AtomicLong subscribedAfterNs = new AtomicLong(-1);
        try (LoopbackWebSocketServer server = new LoopbackWebSocketServer(conn -> {
            long opened = System.nanoTime();
            String t;
            while (received.size() < c.subscribes().size() && (t = conn.nextText(5_000)) != null) {
                subscribedAfterNs.compareAndSet(-1, System.nanoTime() - opened);
                received.add(t);
            }
            for (String f : frames) {
                conn.sendText(f);
            }
            // the replies to the venue's heartbeats, or the client's first ping after the frames
            while (received.size() < c.subscribes().size() + c.answers().size() && (t = conn.nextText(5_000)) != null) {
                received.add(t);
            }
            if (c.pong() != null) {
                conn.sendText(c.pong());
            }
            while (!conn.isClosed()) {
                Thread.sleep(10);
            }
        })) {
            LiveConnectionTest.CollectingSink sink = new LiveConnectionTest.CollectingSink();
            CaptureMetrics metrics = new CaptureMetrics();
            CaptureConfig config = CapturedFramesLoopbackTest.config(server.url("/ws"), feed, c.symbols());
            int expectedCount = frames.size() + (c.pong() == null ? 0 : 1);
            try (CaptureService service = new CaptureService(config, sink, metrics).start()) {
                long deadline = System.nanoTime() + 30_000_000_000L;
                while ((sink.frames.size() < expectedCount
                        || received.size() < c.subscribes().size() + c.answers().size()) && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
            }
            assertTrue(server.handlerErrors().isEmpty(), server.handlerErrors()::toString);
            assertEquals(1, server.connections().size(), "one connection");

            List<String> expectedIn = new ArrayList<>(c.subscribes());
            expectedIn.addAll(c.answers());
            assertEquals(expectedIn, received.stream().map(c.same()).toList(), "subscribes, then the heartbeats");
            long waitedMs = subscribedAfterNs.get() / 1_000_000;
            if (spec.subscribeDelay().isZero()) {
                assertTrue(waitedMs < 900, "subscribed at once: " + waitedMs + " ms");
            } else {
                // the connection is open before the handler runs: the wait is at most this much shorter
                assertTrue(waitedMs >= spec.subscribeDelay().minus(Duration.ofMillis(200)).toMillis(),
                        "subscribed after the venue's wait: " + waitedMs + " ms");
            }

            List<String> expectedOut = new ArrayList<>(frames);
            if (c.pong() != null) {
                expectedOut.add(c.pong());
            }
            List<String> published = sink.frames.stream().map(f -> new String(f.payload, StandardCharsets.UTF_8)).toList();
            assertEquals(expectedOut, published, "every frame published whole, in order");

            // keyed as a replay keys them; decoded to the events (and dead letters) of the cases' frames
            FrameDecoder live = venue.decoder();
            FrameDecoder documented = venue.decoder();
            Map<String, Integer> liveEvents = new TreeMap<>();
            Map<String, Integer> documentedEvents = new TreeMap<>();
            for (int i = 0; i < sink.frames.size(); i++) {
                RawFrame f = sink.frames.get(i);
                assertEquals(feed, f.feed);
                assertEquals(FrameKind.WS, f.kind);
                assertEquals(venue.partitionKey(f.payload), f.key, "key of " + published.get(i));
                CapturedFramesLoopbackTest.count(live, f, liveEvents);
                CapturedFramesLoopbackTest.count(documented, new RawFrame(c.feed(), venue.partitionKey(f.payload), FrameKind.WS, f.receiveTimeNs,
                        expectedOut.get(i).getBytes(StandardCharsets.UTF_8)), documentedEvents);
            }
            assertEquals(documentedEvents, liveEvents, "the events of the documented frames");
            assertTrue(liveEvents.getOrDefault(EventType.BOOK_SNAPSHOT.name(), 0) > 0, liveEvents.toString());
            assertTrue(liveEvents.getOrDefault(EventType.BOOK_DELTA.name(), 0) > 0, liveEvents.toString());
            assertTrue(liveEvents.getOrDefault(EventType.TRADE.name(), 0) > 0, liveEvents.toString());
            assertEquals(sink.frames.size(), metrics.feed(feed).frames.sum());
            assertEquals(0, metrics.feed(feed).reconnects.sum());
            System.out.println("loopback " + c.feed() + " (documented frames): " + received.size() + " messages in, "
                    + published.size() + " frames out after " + waitedMs + " ms, events " + liveEvents);
        }
    }
}
