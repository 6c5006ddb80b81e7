package io.rrralgorithms.jobs.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.rrralgorithms.connectors.capture.CaptureFeeds;
import io.rrralgorithms.connectors.capture.CaptureReader;
import io.rrralgorithms.connectors.instruments.ContractTerms;
import io.rrralgorithms.connectors.live.CaptureConfig;
import io.rrralgorithms.connectors.live.CaptureMetrics;
import io.rrralgorithms.connectors.live.CaptureService;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.SharedData;
import io.rrralgorithms.connectors.venues.Venue;
import io.rrralgorithms.connectors.venues.Venues;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The live capture's instrument frames against a loopback BitMEX and Binance COIN-M: the service
 * fetches the venue's instrument list over REST (the loopback serves the recorded response of the
 * capture's {@code EXCHANGE.0}) and publishes, in each connection, each instrument's frame just before its
 * first frame, keyed and timed like it, with the terms the replay of the same capture publishes;
 * a failed fetch is one warning line, the capture goes on without terms, and the next connection
 * fetches again.
 */
class LiveInstrumentFramesTest {
    /**
     * @param capture      the recorded WebSocket session ({@code market/cryptofeed/...})
     * @param exchange     its recorded REST instrument list (the {@code EXCHANGE.0} beside it)
     * @param metadataPath the path the venue's instrument list is fetched from
     * @param natives      the captured symbols
     */
    record Case(String feed, String capture, String exchange, String metadataPath, List<String> natives) {
        Venue venue() {
            return Venues.forFeed(feed);
        }

        boolean isCaptured(String key) {
            return key != null && natives.contains(key);
        }

        /** The recorded frames of the captured symbols, in recorded order: what the loopback sends. */
        List<String> frames() {
            return CaptureLines.payloads(SharedData.cryptofeed(capture)).stream()
                    .filter(p -> isCaptured(venue().partitionKey(p.getBytes(StandardCharsets.UTF_8)))).toList();
        }

        String metadata() {
            return CaptureLines.rest(SharedData.cryptofeed(exchange), metadataPath).get(0).body();
        }

        @Override
        public String toString() {
            return feed;
        }
    }

    private static final Case BITMEX = new Case("bitmex", "BITMEX.ws.1.0", "BITMEX.0", "/api/v1/instrument/active",
            List.of("XRPU21", "UNIUSDT", "XBTUSD", "ADAUSDT", "BCHUSD"));

    static Stream<Case> venues() {
        // COIN-M's REST books are not served (404): their retries do not hold the frames up
        return Stream.of(BITMEX, new Case("binance-coinm", "BINANCE_DELIVERY.ws.1.0", "BINANCE_DELIVERY.0",
                "/dapi/v1/exchangeInfo", List.of("BTCUSD_211231", "LINKUSD_PERP", "ETHUSD_210924", "BCHUSD_PERP")));
    }

    private final List<String> restRequests = new CopyOnWriteArrayList<>();

    @ParameterizedTest(name = "{0}")
    @MethodSource("venues")
    void publishesEachInstrumentsTermsBeforeItsFirstFrameAsTheReplayDoes(Case c) throws Exception {
        Map<String, ContractTerms> replayed = replayedTerms(c);
        List<String> frames = c.frames();
        HttpServer rest = rest(c, 0);
        LiveConnectionTest.CollectingSink sink = new LiveConnectionTest.CollectingSink();
        try (LoopbackWebSocketServer server = new LoopbackWebSocketServer(conn -> {
            conn.nextText(5_000); // subscribing
            for (String f : frames) {
                conn.sendText(f);
            }
            while (!conn.isClosed()) {
                Thread.sleep(10);
            }
        })) {
            capture(c, server, rest, sink, frames.size());
        } finally {
            rest.stop(0);
        }
        assertEquals(List.of("GET " + c.metadataPath()), metadataRequests(c), "the instrument list, fetched once");
        List<RawFrame> published = sink.frames;
        assertEquals(frames, payloads(published, FrameKind.WS), "every frame published whole, in order");
        Map<String, ContractTerms> announced = checkAnnounced(c, published, 0);
        assertEquals(replayed, announced, "the terms the replay publishes, for the same instruments");
        assertEquals(c.natives().size(), announced.size(), "every captured instrument is listed: " + announced.keySet());
    }

    @Test
    void aFailedFetchIsOneWarningTheCaptureGoesOnAndTheNextConnectionFetchesAgain() throws Exception {
        Case c = BITMEX;
        List<String> frames = c.frames();
        HttpServer rest = rest(c, 1); // the first request fails
        LiveConnectionTest.CollectingSink sink = new LiveConnectionTest.CollectingSink();
        AtomicInteger sessions = new AtomicInteger();
        List<String> warnings = new CopyOnWriteArrayList<>();
        Logger log = (Logger) LogManager.getLogger("io.rrralgorithms.connectors.live.InstrumentTerms");
        Appender appender = new AbstractAppender("instrument-terms-test", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent e) {
                warnings.add(e.getLevel() + " " + e.getMessage().getFormattedMessage());
            }
        };
        appender.start();
        log.addAppender(appender);
        try (LoopbackWebSocketServer server = new LoopbackWebSocketServer(conn -> {
            int n = sessions.incrementAndGet();
            conn.nextText(5_000);
            for (String f : frames) {
                conn.sendText(f);
            }
            if (n == 1) { // past the fetch's retry interval, then lost: the reconnect fetches again
                Thread.sleep(1_200);
                conn.disconnect();
                return;
            }
            while (!conn.isClosed()) {
                Thread.sleep(10);
            }
        })) {
            capture(c, server, rest, sink, 2 * frames.size());
        } finally {
            log.removeAppender(appender);
            appender.stop();
            rest.stop(0);
        }
        assertEquals(List.of("GET " + c.metadataPath(), "GET " + c.metadataPath()), metadataRequests(c),
                "fetched again on the reconnect");
        List<String> warned = warnings.stream().filter(w -> w.startsWith("WARN")).toList();
        assertEquals(1, warned.size(), warnings::toString);
        assertTrue(warned.get(0).contains("did not load") && warned.get(0).contains("HTTP 503"), warned.get(0));

        List<RawFrame> published = sink.frames;
        List<String> expected = new ArrayList<>(frames);
        expected.addAll(frames);
        assertEquals(expected, payloads(published, FrameKind.WS), "both sessions' frames, whole and in order");
        // the first session published no terms; the second one, each instrument's ahead of its frames
        int firstOfSecond = 0;
        for (int ws = 0; ws < frames.size(); firstOfSecond++) {
            assertFalse(published.get(firstOfSecond).kind == FrameKind.INSTRUMENT, "no terms in the first session");
            ws += published.get(firstOfSecond).kind == FrameKind.WS ? 1 : 0;
        }
        assertEquals(replayedTerms(c), checkAnnounced(c, published, firstOfSecond));
    }

    /** Runs the capture of the case's symbols against the loopback until {@code wsFrames} WebSocket frames are published. */
    private static void capture(Case c, LoopbackWebSocketServer server, HttpServer rest,
            LiveConnectionTest.CollectingSink sink, int wsFrames) throws Exception {
        CaptureConfig config = CaptureConfig.parse("""
                connectTimeoutSeconds: 2
                reconnect: {baseMs: 50, maxMs: 100}
                metrics: {logIntervalSeconds: 0}
                venues:
                  - feed: %s
                    nativeSymbols: [%s]
                    url: "%s"
                    restUrl: "http://127.0.0.1:%d"
                """.formatted(c.feed(), String.join(", ", c.natives()), server.url("/ws"), rest.getAddress().getPort()),
                "test");
        CaptureMetrics metrics = new CaptureMetrics();
        try (CaptureService service = new CaptureService(config, sink, metrics).start()) {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (sink.frames.stream().filter(f -> f.kind == FrameKind.WS).count() < wsFrames
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }
        assertTrue(server.handlerErrors().isEmpty(), server.handlerErrors()::toString);
        assertEquals(sink.frames.size(), metrics.feed(c.feed()).frames.sum(), "every published frame counted");
    }

    /**
     * Checks, from {@code from} on (one session), that each instrument frame comes just before the
     * first frame of its key, with its key and receive time, once per key, and that every key the
     * instrument list names is announced; the announced terms by key, as the decoder reads them.
     */
    private static Map<String, ContractTerms> checkAnnounced(Case c, List<RawFrame> published, int from)
            throws Exception {
        Map<String, ContractTerms> terms = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = from; i < published.size(); i++) {
            RawFrame f = published.get(i);
            if (f.kind == FrameKind.INSTRUMENT) {
                RawFrame next = published.get(i + 1);
                assertEquals(FrameKind.WS, next.kind);
                assertEquals(next.key, f.key, "keyed like the instrument's frames");
                assertEquals(next.receiveTimeNs, f.receiveTimeNs, "at its first frame's receive time");
                assertFalse(seen.contains(f.key), "before the first frame of " + f.key);
                List<MarketEvent> out = new ArrayList<>();
                c.venue().decoder().decode(f, out::add);
                assertEquals(1, out.size());
                assertEquals(EventType.INSTRUMENT, out.get(0).type);
                assertEquals(null, terms.put(f.key, out.get(0).contractTerms()), "once per session: " + f.key);
            } else if (f.key != null) {
                assertTrue(!c.isCaptured(f.key) || terms.containsKey(f.key), "announced before: " + f.key);
                seen.add(f.key);
            }
        }
        return terms;
    }

    /** The terms of the replay of the same capture (with its {@code EXCHANGE.0}), by key, of the captured symbols. */
    private static Map<String, ContractTerms> replayedTerms(Case c) throws Exception {
        Map<String, ContractTerms> out = new LinkedHashMap<>();
        try (CaptureReader r = CaptureFeeds.INFERRED.open(SharedData.cryptofeed(c.capture()))) {
            while (r.hasNext()) {
                RawFrame f = r.next();
                if (f.kind == FrameKind.INSTRUMENT && c.isCaptured(f.key)) {
                    List<MarketEvent> ev = new ArrayList<>();
                    c.venue().decoder().decode(f, ev::add);
                    out.put(f.key, ev.get(0).contractTerms());
                }
            }
        }
        assertFalse(out.isEmpty(), "the replay's instrument frames");
        out.values().forEach(t -> assertNotNull(t.currency()));
        return out;
    }

    /** The loopback REST server: the recorded instrument list, after {@code failures} requests answered 503. */
    private HttpServer rest(Case c, int failures) throws Exception {
        String metadata = c.metadata();
        HttpServer rest = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger failuresLeft = new AtomicInteger(failures);
        rest.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getRawPath();
                restRequests.add(exchange.getRequestMethod() + " " + path);
                boolean ok = path.equals(c.metadataPath()) && failuresLeft.getAndDecrement() <= 0;
                byte[] b = (ok ? metadata : "{\"error\":{\"message\":\"unavailable\"}}").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(ok ? 200 : 503, b.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(b);
                }
            }
        });
        rest.start();
        return rest;
    }

    private List<String> metadataRequests(Case c) {
        return restRequests.stream().filter(r -> r.equals("GET " + c.metadataPath())).toList();
    }

    private static List<String> payloads(List<RawFrame> frames, FrameKind kind) {
        return frames.stream().filter(f -> f.kind == kind).map(f -> new String(f.payload, StandardCharsets.UTF_8)).toList();
    }
}
