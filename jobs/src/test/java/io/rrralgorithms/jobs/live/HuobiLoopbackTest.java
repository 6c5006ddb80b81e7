package io.rrralgorithms.jobs.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.adapters.FrameDecoder;
import io.rrralgorithms.connectors.adapters.huobi.HuobiVenue;
import io.rrralgorithms.connectors.live.CaptureConfig;
import io.rrralgorithms.connectors.live.CaptureMetrics;
import io.rrralgorithms.connectors.live.CaptureService;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.SharedData;
import io.rrralgorithms.connectors.venues.Venues;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Huobi's live specs against the loopback exchange, with the recorded sessions' own gzip frames
 * (spot {@code HUOBI.ws.44.0}; the swaps' {@code HUOBI_SWAP.ws.1.0}, coin-margined, and
 * {@code .ws.2.0}, USDT-margined): the capture opens the feed's endpoint for the symbols' margin
 * ({@code /linear-swap-ws} for USDT-margined swaps where {@code /swap-ws} is configured), subscribes
 * one topic a message, inflates every binary message and publishes it keyed by its symbol, and
 * answers Huobi's gzip {@code {"ping":<ms>}} with {@code {"pong":<ms>}} (Huobi closes a connection
 * that misses two); the published frames decode to the events the recorded ones give.
 */
class HuobiLoopbackTest {

    /**
     * @param url    the configured endpoint's path
     * @param opened the path the capture must open
     */
    record Case(String feed, String capture, String symbols, List<String> topics, String url, String opened) {
        @Override
        public String toString() {
            return feed + " " + capture;
        }
    }

    static Stream<Case> sessions() {
        return Stream.of(
                new Case(HuobiVenue.FEED, "HUOBI.ws.44.0", "ZEN-ETH, NEST-ETH", List.of("market.zeneth.trade.detail",
                        "market.zeneth.depth.step0", "market.nesteth.trade.detail", "market.nesteth.depth.step0"), "/ws",
                        "/ws"),
                new Case(HuobiVenue.SWAP_FEED, "HUOBI_SWAP.ws.1.0", "ATOM-USD-PERP, SHIB-USD-PERP", List.of(
                        "market.ATOM-USD.trade.detail", "market.ATOM-USD.depth.step0", "market.SHIB-USD.trade.detail",
                        "market.SHIB-USD.depth.step0"), "/swap-ws", "/swap-ws"),
                new Case(HuobiVenue.SWAP_FEED, "HUOBI_SWAP.ws.2.0", "GRT-USDT-PERP, SNX-USDT-PERP", List.of(
                        "market.GRT-USDT.trade.detail", "market.GRT-USDT.depth.step0", "market.SNX-USDT.trade.detail",
                        "market.SNX-USDT.depth.step0"), "/swap-ws", "/linear-swap-ws"));
    }

    private static byte[] gzip(String text) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(b)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return b.toByteArray();
    }

    private static void await(BooleanSupplier condition, long timeoutMs, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(condition.getAsBoolean(), what);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sessions")
    void subscribesAnswersThePingAndPublishesDecodableFrames(Case c) throws Exception {
        List<String> topics = c.topics();
        // the recorded messages of the two pairs' topics and the first ping, as the venue sent them (gzip)
        List<String> recorded = CaptureLines.payloads(SharedData.cryptofeed(c.capture()));
        List<String> data = new ArrayList<>();
        for (String topic : topics) {
            data.add(recorded.stream().filter(p -> CaptureLines.text(p).startsWith("{\"ch\":\"" + topic + "\""))
                    .findFirst().orElseThrow());
        }
        String ping = recorded.stream().filter(p -> CaptureLines.text(p).startsWith("{\"ping\":")).findFirst().orElseThrow();
        String pingText = CaptureLines.text(ping);
        String pong = pingText.replace("ping", "pong");

        List<String> subscribes = new CopyOnWriteArrayList<>();
        List<String> answers = new CopyOnWriteArrayList<>();
        try (LoopbackWebSocketServer server = new LoopbackWebSocketServer(conn -> {
            for (int i = 0; i < topics.size(); i++) {
                String sub = conn.nextText(5000);
                subscribes.add(sub);
                String id = sub.replaceAll(".*\"id\":\"([0-9]+)\".*", "$1");
                conn.sendBinary(gzip("{\"id\":\"" + id + "\",\"status\":\"ok\",\"subbed\":\"" + topics.get(i)
                        + "\",\"ts\":1}"));
            }
            for (String p : data) {
                conn.sendBinary(CaptureLines.bytes(p));
            }
            conn.sendBinary(CaptureLines.bytes(ping));
            answers.add(String.valueOf(conn.nextText(3000)));
            conn.sendBinary(gzip("{\"ping\":1618678078643}")); // a second one, answered with its own time
            answers.add(String.valueOf(conn.nextText(3000)));
            while (!conn.isClosed()) {
                Thread.sleep(10);
            }
        })) {
            LiveConnectionTest.CollectingSink sink = new LiveConnectionTest.CollectingSink();
            CaptureMetrics metrics = new CaptureMetrics();
            CaptureConfig config = CaptureConfig.parse("""
                    connectTimeoutSeconds: 2
                    metrics: {logIntervalSeconds: 0}
                    venues:
                      - feed: %s
                        symbols: [%s]
                        channels: [trades, book]
                        url: "%s"
                    """.formatted(c.feed(), c.symbols(), server.url(c.url())), "test");
            try (CaptureService service = new CaptureService(config, sink, metrics).start()) {
                await(() -> answers.size() == 2, 10_000, "both pings answered");
                await(() -> sink.frames.size() == topics.size() + 4 + 2, 5_000, "every message published");
                assertEquals(1, service.connections().size());
                assertEquals(c.opened(), server.connections().get(0).path, "the endpoint of the symbols' margin");
            }
            assertTrue(server.handlerErrors().isEmpty(), server.handlerErrors()::toString);

            // one topic a subscribe message, ids counting from 1
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < topics.size(); i++) {
                expected.add("{\"sub\":\"" + topics.get(i) + "\",\"id\":\"" + (i + 1) + "\"}");
            }
            assertEquals(expected, subscribes);
            assertEquals(List.of(pong, "{\"pong\":1618678078643}"), answers, "Huobi's pings answered with their time");

            // replies, data and pings published in order, inflated, keyed by symbol; the data decode as recorded
            FrameDecoder decoder = Venues.forFeed(c.feed()).decoder();
            List<RawFrame> frames = sink.frames;
            for (int i = 0; i < topics.size(); i++) {
                RawFrame reply = frames.get(i);
                assertTrue(new String(reply.payload, StandardCharsets.UTF_8).contains("\"status\":\"ok\""));
                assertNull(reply.key);
                RawFrame f = frames.get(topics.size() + i);
                assertEquals(c.feed(), f.feed);
                assertEquals(FrameKind.WS, f.kind);
                assertEquals(CaptureLines.text(data.get(i)), new String(f.payload, StandardCharsets.UTF_8), "inflated");
                assertEquals(topics.get(i).split("\\.")[1], f.key);
                List<MarketEvent> live = new ArrayList<>();
                assertEquals(FrameDecoder.Result.EVENTS, decoder.decode(f, live::add));
                List<MarketEvent> fromCapture = new ArrayList<>();
                decoder.decode(new RawFrame(f.feed, f.key, FrameKind.WS, f.receiveTimeNs,
                        data.get(i).getBytes(StandardCharsets.UTF_8)), fromCapture::add);
                assertEquals(fromCapture, live);
                assertEquals(topics.get(i).endsWith("depth.step0") ? EventType.BOOK_SNAPSHOT : EventType.TRADE,
                        live.get(0).type);
            }
            RawFrame pingFrame = frames.get(2 * topics.size());
            assertEquals(pingText, new String(pingFrame.payload, StandardCharsets.UTF_8), "the ping is published too");
            assertEquals(FrameDecoder.Result.IGNORED, decoder.decode(pingFrame, e -> { }));
            assertFalse(metrics.feed(c.feed()).reconnects.sum() > 0, "no reconnect");
        }
    }
}
