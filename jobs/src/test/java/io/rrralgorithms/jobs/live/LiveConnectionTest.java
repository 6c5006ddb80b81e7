package io.rrralgorithms.jobs.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.live.CaptureConfig;
import io.rrralgorithms.connectors.live.CaptureMetrics;
import io.rrralgorithms.connectors.live.CaptureService;
import io.rrralgorithms.connectors.live.FrameSink;
import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.venues.Channel;
import io.rrralgorithms.connectors.venues.FrameInflater;
import io.rrralgorithms.connectors.venues.LiveStream;
import io.rrralgorithms.connectors.venues.LiveVenue;
import io.rrralgorithms.connectors.venues.Venue;
import io.rrralgorithms.connectors.venues.VenueLimits;
import io.rrralgorithms.connectors.venues.Venues;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * One live connection's behaviour against the loopback server with a test venue: streams split
 * over connections and subscribe messages by the limits, subscribes paced, the venue's
 * heartbeat sent, fragmented and compressed messages published whole, the silence watchdog, a
 * close from the venue, and backoff while nothing answers.
 */
class LiveConnectionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String FEED = "loopback-test";

    /** A venue of 2 streams per symbol, 4 streams per connection, 1 per subscribe, 2 messages/s, gzip. */
    static final class TestVenue implements LiveVenue {
        @Override
        public String feed() {
            return FEED;
        }

        @Override
        public String defaultEndpoint() {
            return "ws://127.0.0.1:1/";
        }

        @Override
        public String nativeSymbol(String normalized) {
            return normalized.replace("-", "");
        }

        @Override
        public List<LiveStream> streams(String s, Set<Channel> channels) {
            return List.of(new LiveStream(s, Channel.TRADES, s + ".trades"), new LiveStream(s, Channel.BOOK, s + ".book"));
        }

        @Override
        public String subscribeMessage(List<LiveStream> streams, int id) {
            return "{\"op\":\"sub\",\"id\":" + id + ",\"args\":[" + String.join(",",
                    streams.stream().map(x -> "\"" + x.name() + "\"").toList()) + "]}";
        }

        @Override
        public VenueLimits limits() {
            return new VenueLimits(4, 1, 2, 100, Duration.ofSeconds(1), 5);
        }

        @Override
        public String heartbeatMessage() {
            return "{\"op\":\"ping\"}";
        }

        @Override
        public Duration heartbeatInterval() {
            return Duration.ofMillis(300);
        }

        @Override
        public FrameInflater inflater() {
            return FrameInflater.GZIP;
        }

        @Override
        public String partitionKey(byte[] payload) {
            return PayloadScan.valueAfter(payload, "\"k\":\"", '"');
        }

        @Override
        public String streamOf(byte[] payload) {
            return PayloadScan.valueAfter(payload, "\"s\":\"", '"');
        }
    }

    static {
        if (!Venues.liveFeeds().contains(FEED)) {
            Venues.register(Venue.liveOnly(new TestVenue()));
        }
    }

    static final class CollectingSink implements FrameSink {
        final List<RawFrame> frames = new CopyOnWriteArrayList<>();

        @Override
        public void publish(RawFrame frame) {
            frames.add(frame);
        }
    }

    private static CaptureConfig config(String url, String symbols, int silenceSeconds, long baseMs, long maxMs)
            throws Exception {
        return CaptureConfig.parse("""
                reconnect: {baseMs: %d, maxMs: %d}
                connectTimeoutSeconds: 2
                silenceTimeoutSeconds: %d
                metrics: {logIntervalSeconds: 0}
                venues:
                  - feed: %s
                    symbols: [%s]
                    url: "%s"
                """.formatted(baseMs, maxMs, silenceSeconds, FEED, symbols, url), "test");
    }

    private static void await(BooleanSupplier condition, long timeoutMs, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(condition.getAsBoolean(), what);
    }

    private static byte[] gzip(String s) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(b)) {
            out.write(s.getBytes(StandardCharsets.UTF_8));
        }
        return b.toByteArray();
    }

    @Test
    void limitsPacingHeartbeatsFragmentsAndCompression() throws Exception {
        String big = "{\"s\":\"AX.trades\",\"k\":\"AX\",\"i\":1,\"pad\":\"" + "z".repeat(5000) + "\"}";
        String zipped = "{\"s\":\"AX.book\",\"k\":\"AX\",\"i\":2}";
        byte[] garbage = {1, 2, 3, 4};
        List<List<String>> subscribes = new CopyOnWriteArrayList<>();
        List<List<Long>> arrivals = new CopyOnWriteArrayList<>();
        List<Integer> heartbeats = new CopyOnWriteArrayList<>();
        try (LoopbackWebSocketServer server = new LoopbackWebSocketServer(c -> {
            List<String> subs = new ArrayList<>();
            String first = c.nextText(5000);
            subs.add(first);
            int expected = first.contains("\"AX.") ? 4 : 2; // A and B share a connection, C is alone
            while (subs.size() < expected) {
                subs.add(c.nextText(5000));
            }
            subscribes.add(subs);
            arrivals.add(c.textArrivalNanos().subList(0, expected));
            if (expected == 4) {
                c.sendTextFragmented(big, 4);
                c.sendBinary(gzip(zipped));
                c.sendBinary(garbage);
            }
            int hb = 0;
            while (hb < 3) {
                String t = c.nextText(5000);
                if (t == null) {
                    break;
                }
                hb += t.equals("{\"op\":\"ping\"}") ? 1 : 0;
            }
            heartbeats.add(hb);
            while (!c.isClosed()) {
                Thread.sleep(10);
            }
        })) {
            CollectingSink sink = new CollectingSink();
            CaptureMetrics metrics = new CaptureMetrics();
            try (CaptureService service = new CaptureService(config(server.url("/ws"), "A-X, B-X, C-X", 30, 100, 1000),
                    sink, metrics).start()) {
                assertEquals(2, service.connections().size());
                await(() -> heartbeats.size() == 2, 10_000, "heartbeats on both connections");
                await(() -> sink.frames.size() == 3, 5_000, "3 frames");
            }
            assertTrue(server.handlerErrors().isEmpty(), server.handlerErrors()::toString);
            for (List<String> subs : subscribes) {
                for (int i = 0; i < subs.size(); i++) {
                    JsonNode m = JSON.readTree(subs.get(i));
                    assertEquals(i + 1, m.get("id").asInt());
                    assertEquals(1, m.get("args").size()); // maxStreamsPerSubscribe = 1
                }
            }
            assertEquals(List.of("AX.trades", "AX.book", "BX.trades", "BX.book", "CX.trades", "CX.book"),
                    sortedByConnection(subscribes)); // A and B on the first connection (4 streams), C on the second
            // 2 messages per rolling second: the 3rd subscribe of a connection comes >= 1 s after the 1st
            List<Long> t = arrivals.stream().filter(a -> a.size() == 4).findFirst().orElseThrow();
            assertTrue(t.get(2) - t.get(0) >= 950_000_000L, "3 subscribes within " + (t.get(2) - t.get(0)) / 1e6 + " ms");
            assertEquals(List.of(3, 3), heartbeats);

            // every message published whole, in order, with increasing receive times
            assertEquals(3, sink.frames.size());
            RawFrame f0 = sink.frames.get(0);
            assertEquals(big, new String(f0.payload, StandardCharsets.UTF_8)); // 4 fragments reassembled
            assertEquals(zipped, new String(sink.frames.get(1).payload, StandardCharsets.UTF_8)); // gunzipped
            assertArrayEquals(garbage, sink.frames.get(2).payload); // not gzip: published as received
            assertEquals("AX", f0.key);
            for (RawFrame f : sink.frames) {
                assertEquals(FEED, f.feed);
                assertEquals(FrameKind.WS, f.kind);
            }
            assertTrue(f0.receiveTimeNs <= sink.frames.get(1).receiveTimeNs
                    && sink.frames.get(1).receiveTimeNs <= sink.frames.get(2).receiveTimeNs);
            assertEquals(3, metrics.feed(FEED).frames.sum());
            assertEquals(0, metrics.feed(FEED).reconnects.sum());
            assertEquals(6, metrics.secondsSinceLastFrame(FEED).size()); // every subscribed stream has a clock
        }
    }

    private static List<String> sortedByConnection(List<List<String>> subscribes) throws Exception {
        List<List<String>> byConn = new ArrayList<>(subscribes);
        byConn.sort((a, b) -> a.size() == 4 ? -1 : 1);
        List<String> out = new ArrayList<>();
        for (List<String> subs : byConn) {
            for (String s : subs) {
                out.add(JSON.readTree(s).get("args").get(0).asText());
            }
        }
        return out;
    }

    @Test
    void theSilenceWatchdogReconnectsAndResubscribes() throws Exception {
        List<String> subs = new CopyOnWriteArrayList<>();
        try (LoopbackWebSocketServer server = new LoopbackWebSocketServer(c -> {
            subs.add(c.nextText(5000));
            subs.add(c.nextText(5000));
            c.sendText("{\"s\":\"AX.trades\",\"k\":\"AX\",\"i\":" + c.index + "}");
            while (!c.isClosed()) { // then silence
                Thread.sleep(10);
            }
        })) {
            CollectingSink sink = new CollectingSink();
            CaptureMetrics metrics = new CaptureMetrics();
            try (CaptureService service = new CaptureService(config(server.url("/"), "A-X", 1, 50, 200), sink,
                    metrics).start()) {
                await(() -> server.connections().size() >= 2 && sink.frames.size() >= 2, 8_000, "reconnected");
            }
            var c1 = server.connections().get(0);
            var c2 = server.connections().get(1);
            long silentMs = (c2.openedAtNanos - c1.openedAtNanos) / 1_000_000L;
            assertTrue(silentMs >= 1_000 && silentMs < 3_000, "reconnected " + silentMs + " ms after the first connect");
            assertTrue(c1.isClosed(), "the silent connection was dropped");
            assertEquals(List.of(subs.get(0), subs.get(1)), subs.subList(2, 4)); // the same subscribes again
            assertTrue(metrics.feed(FEED).reconnects.sum() >= 1);
            assertEquals("{\"s\":\"AX.trades\",\"k\":\"AX\",\"i\":2}", new String(sink.frames.get(1).payload,
                    StandardCharsets.UTF_8));
        }
    }

    /**
     * A venue whose book snapshot comes on subscribe: a resync request reconnects the symbol's
     * connection at once (no backoff wait) and subscribes again; a burst right after is held back
     * by the per-symbol limit; a symbol not captured is refused.
     */
    @Test
    void aResyncOfAWebSocketSnapshotVenueReconnectsAtOnce() throws Exception {
        List<String> subs = new CopyOnWriteArrayList<>();
        try (LoopbackWebSocketServer server = new LoopbackWebSocketServer(c -> {
            subs.add(c.nextText(5000));
            subs.add(c.nextText(5000));
            while (!c.isClosed()) {
                c.sendText("{\"s\":\"AX.book\",\"k\":\"AX\",\"i\":" + c.index + "}");
                Thread.sleep(100);
            }
        })) {
            CaptureMetrics metrics = new CaptureMetrics();
            // a failure would wait 5..10 s before reconnecting: a resync must not
            try (CaptureService service = new CaptureService(config(server.url("/"), "A-X", 30, 5000, 10000),
                    new CollectingSink(), metrics).start()) {
                await(() -> subs.size() == 2, 5_000, "subscribed");
                assertTrue(!service.requestResync(FEED, "ZZ", "test"), "a symbol not captured is refused");
                long asked = System.nanoTime();
                assertTrue(service.requestResync(FEED, "AX", "checksum mismatch: test"));
                await(() -> subs.size() == 4, 3_000, "resubscribed after the resync");
                long ms = (server.connections().get(1).openedAtNanos - asked) / 1_000_000L;
                assertTrue(ms < 2_000, "reconnected " + ms + " ms after the request");
                for (int i = 0; i < 5; i++) {
                    assertTrue(service.requestResync(FEED, "AX", "checksum mismatch: storm"));
                }
                Thread.sleep(1_000);
                assertEquals(2, server.connections().size(), "the storm waits for the per-symbol interval");
                assertEquals(1, metrics.feed(FEED).resyncs.sum());
                assertEquals(2, service.connections().get(0).sessionsOpened());
            }
            assertEquals(List.of(subs.get(0), subs.get(1)), subs.subList(2, 4)); // the same subscribes again
        }
    }

    @Test
    void aCloseFromTheVenueReconnects() throws Exception {
        try (LoopbackWebSocketServer server = new LoopbackWebSocketServer(c -> {
            c.nextText(5000);
            c.nextText(5000);
            if (c.index == 1) {
                c.sendClose(1001, "going away");
            }
            while (!c.isClosed()) {
                Thread.sleep(10);
            }
        })) {
            CaptureMetrics metrics = new CaptureMetrics();
            try (CaptureService service = new CaptureService(config(server.url("/"), "A-X", 30, 50, 200),
                    new CollectingSink(), metrics).start()) {
                await(() -> server.connections().size() >= 2, 5_000, "reconnected after the close");
                await(() -> service.connections().get(0).sessionsOpened() == 2, 2_000, "2 sessions");
            }
            await(() -> server.connections().get(0).clientCloseCode != -1, 2_000, "the close answered");
            assertEquals(1001, server.connections().get(0).clientCloseCode);
            assertEquals(1, metrics.feed(FEED).reconnects.sum());
        }
    }

    @Test
    void whileNothingAnswersItBacksOffAndCounts() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CaptureMetrics metrics = new CaptureMetrics();
        try (CaptureService service = new CaptureService(config("ws://127.0.0.1:" + port + "/", "A-X", 30, 50, 200),
                new CollectingSink(), metrics).start()) {
            Thread.sleep(1_500);
            assertTrue(!service.connections().get(0).isOpen());
        }
        long failures = metrics.feed(FEED).connectFailures.sum();
        // waits of 0..50, 0..100, then 0..200 ms: at least 6 tries in 1.5 s, and not a busy loop
        assertTrue(failures >= 6 && failures < 200, "connect failures: " + failures);
        assertEquals(failures, metrics.feed(FEED).reconnects.sum(), 1.0);
        assertEquals(0, metrics.feed(FEED).openConnections.get());
    }

    /** A venue whose connections each start with a REST handshake naming the endpoint and a token (as KuCoin's). */
    static final class HandshakeVenue implements LiveVenue {
        static final String FEED = "loopback-handshake";

        @Override
        public String feed() {
            return FEED;
        }

        @Override
        public String defaultEndpoint() {
            return "ws://127.0.0.1:1/";
        }

        @Override
        public String nativeSymbol(String normalized) {
            return normalized;
        }

        @Override
        public List<LiveStream> streams(String s, Set<Channel> channels) {
            return List.of(new LiveStream(s, Channel.TRADES, s + ".trades"));
        }

        @Override
        public String subscribeMessage(List<LiveStream> streams, int id) {
            return "{\"sub\":\"" + streams.get(0).name() + "\"}";
        }

        @Override
        public VenueLimits limits() {
            return new VenueLimits(4, 1, 10, 100, Duration.ofSeconds(1), 5);
        }

        @Override
        public String heartbeatMessage() {
            return "{\"op\":\"ping\"}";
        }

        @Override
        public Duration heartbeatInterval() {
            return Duration.ofSeconds(60);
        }

        @Override
        public String defaultRestBase() {
            return "http://127.0.0.1:1";
        }

        @Override
        public String handshakePath() {
            return "/bullet";
        }

        /** {@code {"endpoint":"ws://…","token":"…","pingMs":N}}. */
        @Override
        public Handshake handshake(byte[] body) {
            try {
                JsonNode n = JSON.readTree(body);
                return new Handshake(URI.create(n.get("endpoint").asText() + "?token=" + n.get("token").asText()),
                        Duration.ofMillis(n.get("pingMs").asLong()));
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("not a handshake answer: " + e.getMessage(), e);
            }
        }

        @Override
        public String streamOf(byte[] payload) {
            return null;
        }
    }

    static {
        if (!Venues.liveFeeds().contains(HandshakeVenue.FEED)) {
            Venues.register(Venue.liveOnly(new HandshakeVenue()));
        }
    }

    /**
     * Every connection starts with the venue's handshake: refused answers (HTTP 500, an answer
     * without a token) are failed connects, counted and retried after the backoff; a good one
     * names the endpoint and token the socket is opened with, and the heartbeat interval of that
     * connection; after the venue drops the connection, the next one makes a new handshake and
     * uses its new token.
     */
    @Test
    void eachConnectionStartsWithTheHandshakeAndUsesItsToken() throws Exception {
        List<String> pings = new CopyOnWriteArrayList<>();
        try (LoopbackWebSocketServer server = new LoopbackWebSocketServer(c -> {
            c.nextText(5000); // the subscribe
            c.sendText("{\"k\":\"A\",\"n\":" + c.index + "}");
            String t = c.nextText(5000); // the heartbeat at the handshake's interval, not the venue's 60 s
            pings.add(c.index + " " + t);
            if (c.index == 1) {
                c.disconnect();
                return;
            }
            while (!c.isClosed()) {
                Thread.sleep(10);
            }
        })) {
            List<String> answers = new CopyOnWriteArrayList<>(List.of("500", "{\"endpoint\":\"" + server.url("/ws")
                    + "\",\"pingMs\":100}", "{\"endpoint\":\"" + server.url("/ws") + "\",\"token\":\"t1\",\"pingMs\":100}",
                    "{\"endpoint\":\"" + server.url("/ws") + "\",\"token\":\"t2\",\"pingMs\":100}"));
            List<String> requests = new CopyOnWriteArrayList<>();
            HttpServer rest = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            rest.createContext("/", exchange -> {
                try (exchange) {
                    requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
                    String a = answers.isEmpty() ? "500" : answers.remove(0);
                    byte[] b = a.getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(a.equals("500") ? 500 : 200, b.length);
                    exchange.getResponseBody().write(b);
                }
            });
            rest.start();
            CollectingSink sink = new CollectingSink();
            CaptureMetrics metrics = new CaptureMetrics();
            try (CaptureService service = new CaptureService(CaptureConfig.parse("""
                    reconnect: {baseMs: 20, maxMs: 50}
                    connectTimeoutSeconds: 2
                    metrics: {logIntervalSeconds: 0}
                    venues:
                      - feed: %s
                        symbols: [A]
                        restUrl: "http://127.0.0.1:%d"
                    """.formatted(HandshakeVenue.FEED, rest.getAddress().getPort()), "test"), sink, metrics).start()) {
                await(() -> pings.size() == 2, 10_000, "both connections pinged");
            } finally {
                rest.stop(0);
            }
            assertTrue(server.handlerErrors().isEmpty(), server.handlerErrors()::toString);
            assertEquals(List.of("POST /bullet", "POST /bullet", "POST /bullet", "POST /bullet"), requests);
            assertEquals(2L, metrics.feed(HandshakeVenue.FEED).connectFailures.sum(),
                    "HTTP 500 and an answer without a token");
            assertEquals(List.of("/ws?token=t1", "/ws?token=t2"), server.connections().stream().map(c -> c.path).toList(),
                    "a new handshake, a new token for the reconnection");
            assertEquals(List.of("1 {\"op\":\"ping\"}", "2 {\"op\":\"ping\"}"), pings);
            assertEquals(List.of("{\"k\":\"A\",\"n\":1}", "{\"k\":\"A\",\"n\":2}"), sink.frames.stream()
                    .map(f -> new String(f.payload, StandardCharsets.UTF_8)).toList());
        }
    }
}
