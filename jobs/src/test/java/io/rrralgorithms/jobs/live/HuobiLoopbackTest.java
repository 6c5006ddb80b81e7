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
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Huobi's live spec against the loopback exchange, with the recorded session's own gzip frames
 * ({@code HUOBI.ws.44.0}): the capture subscribes one topic a message, inflates every binary
 * message and publishes it keyed by its symbol, and answers Huobi's gzip {@code {"ping":<ms>}}
 * with {@code {"pong":<ms>}} (Huobi closes a connection that misses two); the published frames
 * decode to the events the recorded ones give.
 */
class HuobiLoopbackTest {
    private static final List<String> TOPICS = List.of("market.zeneth.trade.detail", "market.zeneth.depth.step0",
            "market.nesteth.trade.detail", "market.nesteth.depth.step0");

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

    @Test
    void subscribesAnswersThePingAndPublishesDecodableFrames() throws Exception {
        // the recorded messages of the two pairs' topics and the first ping, as the venue sent them (gzip)
        List<String> recorded = CaptureLines.payloads(SharedData.cryptofeed("HUOBI.ws.44.0"));
        List<String> data = new ArrayList<>();
        for (String topic : TOPICS) {
            data.add(recorded.stream().filter(p -> CaptureLines.text(p).startsWith("{\"ch\":\"" + topic + "\""))
                    .findFirst().orElseThrow());
        }
        String ping = recorded.stream().filter(p -> CaptureLines.text(p).startsWith("{\"ping\":")).findFirst().orElseThrow();
        String pingText = CaptureLines.text(ping);
        String pong = pingText.replace("ping", "pong");

        List<String> subscribes = new CopyOnWriteArrayList<>();
        List<String> answers = new CopyOnWriteArrayList<>();
        try (LoopbackWebSocketServer server = new LoopbackWebSocketServer(c -> {
            for (int i = 0; i < TOPICS.size(); i++) {
                String sub = c.nextText(5000);
                subscribes.add(sub);
                String id = sub.replaceAll(".*\"id\":\"([0-9]+)\".*", "$1");
                c.sendBinary(gzip("{\"id\":\"" + id + "\",\"status\":\"ok\",\"subbed\":\"" + TOPICS.get(i) + "\",\"ts\":1}"));
            }
            for (String p : data) {
                c.sendBinary(CaptureLines.bytes(p));
            }
            c.sendBinary(CaptureLines.bytes(ping));
            answers.add(String.valueOf(c.nextText(3000)));
            c.sendBinary(gzip("{\"ping\":1618678078643}")); // a second one, answered with its own time
            answers.add(String.valueOf(c.nextText(3000)));
            while (!c.isClosed()) {
                Thread.sleep(10);
            }
        })) {
            LiveConnectionTest.CollectingSink sink = new LiveConnectionTest.CollectingSink();
            CaptureMetrics metrics = new CaptureMetrics();
            CaptureConfig config = CaptureConfig.parse("""
                    connectTimeoutSeconds: 2
                    metrics: {logIntervalSeconds: 0}
                    venues:
                      - feed: huobi
                        symbols: [ZEN-ETH, NEST-ETH]
                        channels: [trades, book]
                        url: "%s"
                    """.formatted(server.url("/ws")), "test");
            try (CaptureService service = new CaptureService(config, sink, metrics).start()) {
                await(() -> answers.size() == 2, 10_000, "both pings answered");
                await(() -> sink.frames.size() == TOPICS.size() + 4 + 2, 5_000, "every message published");
                assertEquals(1, service.connections().size());
            }
            assertTrue(server.handlerErrors().isEmpty(), server.handlerErrors()::toString);

            // one topic a subscribe message, ids counting from 1
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < TOPICS.size(); i++) {
                expected.add("{\"sub\":\"" + TOPICS.get(i) + "\",\"id\":\"" + (i + 1) + "\"}");
            }
            assertEquals(expected, subscribes);
            assertEquals(List.of(pong, "{\"pong\":1618678078643}"), answers, "Huobi's pings answered with their time");

            // replies, data and pings published in order, inflated, keyed by symbol; the data decode as recorded
            FrameDecoder decoder = HuobiVenue.VENUE.decoder();
            List<RawFrame> frames = sink.frames;
            for (int i = 0; i < TOPICS.size(); i++) {
                RawFrame reply = frames.get(i);
                assertTrue(new String(reply.payload, StandardCharsets.UTF_8).contains("\"status\":\"ok\""));
                assertNull(reply.key);
                RawFrame f = frames.get(TOPICS.size() + i);
                assertEquals(HuobiVenue.FEED, f.feed);
                assertEquals(FrameKind.WS, f.kind);
                assertEquals(CaptureLines.text(data.get(i)), new String(f.payload, StandardCharsets.UTF_8), "inflated");
                assertEquals(TOPICS.get(i).split("\\.")[1], f.key);
                List<MarketEvent> live = new ArrayList<>();
                assertEquals(FrameDecoder.Result.EVENTS, decoder.decode(f, live::add));
                List<MarketEvent> fromCapture = new ArrayList<>();
                decoder.decode(new RawFrame(f.feed, f.key, FrameKind.WS, f.receiveTimeNs,
                        data.get(i).getBytes(StandardCharsets.UTF_8)), fromCapture::add);
                assertEquals(fromCapture, live);
                assertEquals(TOPICS.get(i).endsWith("depth.step0") ? EventType.BOOK_SNAPSHOT : EventType.TRADE,
                        live.get(0).type);
            }
            RawFrame pingFrame = frames.get(2 * TOPICS.size());
            assertEquals(pingText, new String(pingFrame.payload, StandardCharsets.UTF_8), "the ping is published too");
            assertEquals(FrameDecoder.Result.IGNORED, decoder.decode(pingFrame, e -> { }));
            assertFalse(metrics.feed(HuobiVenue.FEED).reconnects.sum() > 0, "no reconnect");
        }
    }
}
