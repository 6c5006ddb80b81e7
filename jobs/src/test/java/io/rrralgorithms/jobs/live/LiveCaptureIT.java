package io.rrralgorithms.jobs.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.adapters.FrameGuard;
import io.rrralgorithms.connectors.kafka.ControlTopic;
import io.rrralgorithms.connectors.kafka.EmbeddedKafkaBroker;
import io.rrralgorithms.connectors.kafka.RawTopics;
import io.rrralgorithms.connectors.kafka.ResyncRequests;
import io.rrralgorithms.connectors.live.CaptureConfig;
import io.rrralgorithms.connectors.live.CaptureMetrics;
import io.rrralgorithms.connectors.live.CaptureService;
import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.jobs.SharedData;
import io.rrralgorithms.jobs.book.BookGap;
import io.rrralgorithms.jobs.book.BookTop;
import io.rrralgorithms.jobs.features.InProcessPipeline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/**
 * The live capture service end to end against Binance spot played on loopback from a real
 * recording ({@link BinanceLoopbackExchange}), into a real (embedded) Kafka, read back over
 * sockets and run through the job's in-process pipeline. The exchange cuts the connection in
 * the middle of the stream and loses 500 frames before the client is back.
 */
public class LiveCaptureIT {
    private static final int FIRST_SESSION_FRAMES = 15_000;
    private static final int LOST_FRAMES = 500;
    private static final int TOP = 20;
    /** Frame checks for recorded frames served as live: exchange times may lag the receive time by years. */
    static final FrameGuard.Limits RECORDED_FRAMES_LIVE =
            FrameGuard.Limits.defaults().withMaxClockSkewMs(10L * 366 * 24 * 3600 * 1000);

    @Test
    void reconnectsResubscribesResnapshotsAndTheBookResyncs() throws Exception {
        long testStartNs = epochNanos();
        int metricsPort;
        try (ServerSocket free = new ServerSocket(0)) {
            metricsPort = free.getLocalPort();
        }
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(0, null);
                BinanceLoopbackExchange exchange = new BinanceLoopbackExchange(
                        SharedData.market("binance-spot/btcusdt_20240808.gz"), new int[] {FIRST_SESSION_FRAMES},
                        LOST_FRAMES, 50)) {
            CaptureConfig config = CaptureConfig.parse("""
                    kafka: {bootstrap: "%s", topicPrefix: "raw.", partitions: 1}
                    metrics: {port: %d, host: 127.0.0.1, logIntervalSeconds: 1}
                    reconnect: {baseMs: 200, maxMs: 2000}
                    connectTimeoutSeconds: 5
                    silenceTimeoutSeconds: 60
                    snapshotDelayMs: 0
                    venues:
                      - feed: binance-spot
                        symbols: [BTC-USDT]
                        url: "%s"
                        restUrl: "%s"
                    """.formatted(kafka.bootstrapServers(), metricsPort, exchange.wsUrl(), exchange.restUrl()), "test");

            List<ConsumerRecord<byte[], byte[]>> records;
            CaptureMetrics.Feed m;
            String metricsText;
            int sessionsOpened;
            try (CaptureService service = CaptureService.toKafka(config).start()) {
                long deadline = System.nanoTime() + 120_000_000_000L;
                while (!exchange.done() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertTrue(exchange.done(), "the exchange did not play its script: " + exchange.sentPerSession.size()
                        + " session(s), errors " + exchange.ws.handlerErrors());
                int expected = exchange.sentPerSession.stream().mapToInt(List::size).sum() + 2;
                records = consume(kafka.bootstrapServers(), "raw.binance-spot", expected, Duration.ofSeconds(60));
                metricsText = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                m = service.metrics().feed("binance-spot");
                sessionsOpened = service.connections().get(0).sessionsOpened();
                assertEquals(1, service.connections().size());
            }
            long testEndNs = epochNanos();
            assertTrue(exchange.ws.handlerErrors().isEmpty(), exchange.ws.handlerErrors()::toString);

            // ---- the exchange saw: two sessions, the same SUBSCRIBE twice, two snapshot requests
            List<String> sent1 = exchange.sentPerSession.get(0);
            List<String> sent2 = exchange.sentPerSession.get(1);
            assertEquals(2, exchange.sentPerSession.size());
            assertEquals(FIRST_SESSION_FRAMES + 1, sent1.size()); // + the subscription reply
            assertEquals(exchange.frames.size() - FIRST_SESSION_FRAMES - LOST_FRAMES + 1, sent2.size());
            assertEquals(LOST_FRAMES, exchange.skipped.size());
            String subscribe = "{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@trade\",\"btcusdt@depth@100ms\","
                    + "\"btcusdt@bookTicker\"],\"id\":1}";
            assertEquals(List.of(subscribe, subscribe), exchange.subscribeMessages);
            assertEquals(List.of("/api/v3/depth?symbol=BTCUSDT&limit=1000", "/api/v3/depth?symbol=BTCUSDT&limit=1000"),
                    exchange.restRequests);
            var conns = exchange.ws.connections();
            assertEquals(2, conns.size());
            assertEquals("/stream", conns.get(0).path);
            assertTrue(conns.get(0).pongs.get() >= 1, "the client answers pings"); // pings every 1000 frames
            long reconnectMs = (conns.get(1).openedAtNanos - conns.get(0).closedAtNanos) / 1_000_000L;
            assertTrue(reconnectMs >= 0 && reconnectMs < 200 + 2_000,
                    "reconnected after " + reconnectMs + " ms (first retry waits 0..200 ms)");

            // ---- the client counted it
            assertEquals(2, sessionsOpened);
            assertEquals(1, m.reconnects.sum());
            assertEquals(0, m.connectFailures.sum());
            assertEquals(2, m.snapshots.sum());
            assertEquals(0, m.kafkaSendErrors.sum());
            assertEquals(records.size(), m.frames.sum());
            assertTrue(metricsText.contains("rrr_capture_reconnects_total{feed=\"binance-spot\"} 1\n"), metricsText);
            assertTrue(metricsText.contains("rrr_capture_rest_snapshots_total{feed=\"binance-spot\"} 2\n"), metricsText);
            for (String stream : List.of("btcusdt@trade", "btcusdt@depth@100ms", "btcusdt@bookTicker")) {
                assertTrue(metricsText.contains("rrr_capture_seconds_since_last_frame{feed=\"binance-spot\",stream=\""
                        + stream + "\"} "), metricsText);
            }

            // ---- Kafka holds every frame sent, in order, with receive times; and the two snapshots
            List<String> ws = new ArrayList<>();
            List<RawFrame> frames = new ArrayList<>();
            List<String> snapshots = new ArrayList<>();
            long lastWsNs = 0;
            int firstSession2Index = -1;
            for (ConsumerRecord<byte[], byte[]> r : records) {
                long ns = Long.parseLong(header(r, RawTopics.HEADER_RECEIVE_NS));
                FrameKind kind = FrameKind.valueOf(header(r, RawTopics.HEADER_KIND));
                String key = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
                String value = new String(r.value(), StandardCharsets.UTF_8);
                assertTrue(ns >= testStartNs && ns <= testEndNs, "receive time " + ns + " outside the test");
                assertEquals(ns / 1_000_000L, r.timestamp());
                if (kind == FrameKind.WS) {
                    assertTrue(ns >= lastWsNs, "receive times of one connection never go back");
                    lastWsNs = ns;
                    if (ws.size() == sent1.size()) {
                        firstSession2Index = frames.size();
                    }
                    ws.add(value);
                    assertEquals(value.startsWith("{\"result\"") ? null : "BTCUSDT", key, value);
                } else {
                    snapshots.add(value);
                    assertEquals("BTCUSDT", key);
                }
                frames.add(new RawFrame("binance-spot", key, kind, ns, r.value()));
            }
            List<String> sent = new ArrayList<>(sent1);
            sent.addAll(sent2);
            assertEquals(sent.size(), ws.size());
            assertEquals(sent, ws); // every frame the exchange sent, before and after the reconnect, in order
            assertEquals(exchange.servedSnapshots, snapshots);

            // ---- downstream: a gap at the disconnect, resynced by the new snapshot, final book = exchange's
            List<BookGap> gaps = new ArrayList<>();
            List<Integer> gapAt = new ArrayList<>();
            List<BookTop> synced = new ArrayList<>();
            List<Integer> syncedAt = new ArrayList<>();
            int[] at = {0};
            // the loopback exchange serves 2024 frames now: their exchange times lag the receive times by years
            InProcessPipeline p = new InProcessPipeline(TOP, 100_000, 0L, RECORDED_FRAMES_LIVE,
                    new InProcessPipeline.Listener() {
                @Override
                public void top(BookTop t) {
                    if (t.synced) {
                        synced.add(t);
                        syncedAt.add(at[0]);
                    }
                }

                @Override
                public void gap(BookGap g) {
                    gaps.add(g);
                    gapAt.add(at[0]);
                }
            });
            for (int i = 0; i < frames.size(); i++) {
                at[0] = i;
                p.frame(frames.get(i));
            }
            p.finish();
            InProcessPipeline.Counters c = p.counters();
            assertEquals(0, c.decodeErrors);
            assertEquals(2, c.snapshots);
            assertEquals(0, c.crossed);
            long tradeFrames = sent.stream().filter(s -> s.startsWith("{\"stream\":\"btcusdt@trade\"")).count();
            assertEquals(tradeFrames, c.trades);

            assertEquals(1, gaps.size(), gaps::toString);
            BookGap gap = gaps.get(0);
            assertTrue(gap.reason.startsWith("sequence break"), gap.reason);
            int firstDiffOfSession2 = firstSession2Index;
            while (!new String(frames.get(firstDiffOfSession2).payload, StandardCharsets.UTF_8)
                    .startsWith("{\"stream\":\"btcusdt@depth")) {
                firstDiffOfSession2++;
            }
            assertEquals(firstDiffOfSession2, gapAt.get(0), "the gap is the first diff after the reconnect");
            assertTrue(syncedAt.get(0) < firstSession2Index, "synced before the disconnect");
            int secondSnapshot = -1;
            for (int i = frames.size() - 1; i >= 0 && secondSnapshot < 0; i--) {
                secondSnapshot = frames.get(i).kind == FrameKind.REST_SNAPSHOT ? i : -1;
            }
            assertTrue(secondSnapshot > gapAt.get(0), "the new snapshot comes after the gap");
            assertEquals(exchange.servedSnapshots.get(1),
                    new String(frames.get(secondSnapshot).payload, StandardCharsets.UTF_8));
            int resyncTop = syncedAt.indexOf(syncedAt.stream().filter(i -> i > gapAt.get(0)).findFirst().orElseThrow());
            int resync = syncedAt.get(resyncTop);
            // invalid from the gap until the new snapshot; synced again from it (at the snapshot when it finds
            // a buffered diff bridging it, else at the first diff after it)
            assertTrue(resync >= secondSnapshot, "synced again at frame " + resync + ", before the new snapshot at "
                    + secondSnapshot);
            long snapshotId = Long.parseLong(exchange.servedSnapshots.get(1).replaceAll("^\\{\"lastUpdateId\":(\\d+),.*$", "$1"));
            assertTrue(synced.get(resyncTop).lastUpdateId > snapshotId, "the resynced book continues the snapshot");
            BookTop last = synced.get(synced.size() - 1);
            assertEquals(exchange.lastUpdateId(), last.lastUpdateId);
            long[][] bids = exchange.top(true, TOP);
            long[][] asks = exchange.top(false, TOP);
            assertArrayEquals(bids[0], last.bidPrices);
            assertArrayEquals(bids[1], last.bidSizes);
            assertArrayEquals(asks[0], last.askPrices);
            assertArrayEquals(asks[1], last.askSizes);
            System.out.printf("live capture: %d frames in Kafka (%d + %d WS, 2 snapshots), %d lost while away, "
                    + "reconnect after %d ms, gap at frame %d, resync at frame %d, final book u=%d%n", records.size(),
                    sent1.size(), sent2.size(), LOST_FRAMES, reconnectMs, gapAt.get(0), resync, last.lastUpdateId);
        }
    }

    /**
     * The job's resync request (a gap on BTCUSDT) published on the resync topic makes the
     * capture fetch a fresh REST snapshot at once and publish it as a REST_SNAPSHOT frame; a
     * burst of further requests within the interval coalesces into exactly one more snapshot at
     * the end of the interval; a request for a symbol not captured is ignored.
     */
    @Test
    void resyncRequestFetchesAFreshSnapshot() throws Exception {
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(0, null);
                BinanceLoopbackExchange exchange = new BinanceLoopbackExchange(
                        SharedData.market("binance-spot/btcusdt_20240808.gz"), new int[0], 0, 50)) {
            CaptureConfig config = CaptureConfig.parse("""
                    kafka: {bootstrap: "%s", topicPrefix: "raw.", partitions: 1}
                    metrics: {port: 0, logIntervalSeconds: 0}
                    snapshotDelayMs: 0
                    silenceTimeoutSeconds: 60
                    resyncTopic: test.resync
                    resyncIntervalMs: 1500
                    venues:
                      - feed: binance-spot
                        symbols: [BTC-USDT]
                        url: "%s"
                        restUrl: "%s"
                    """.formatted(kafka.bootstrapServers(), exchange.wsUrl(), exchange.restUrl()), "test");
            try (CaptureService service = CaptureService.toKafka(config).start()) {
                long deadline = System.nanoTime() + 120_000_000_000L;
                while (!exchange.done() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertTrue(exchange.done(), "the exchange did not play its stream");
                assertEquals(1, exchange.restRequests.size()); // the snapshot of the connect
                String bootstrap = kafka.bootstrapServers();
                Consumer<String> request = symbol -> {
                    try {
                        ControlTopic.publish(bootstrap, "test.resync",
                                ResyncRequests.toJson(
                                        new ResyncRequests.Request("binance-spot",
                                                symbol, "sequence break: test", 0, 0)), null);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                };
                request.accept("ETHUSDT"); // not captured here: ignored
                request.accept("BTCUSDT");
                waitFor(() -> exchange.restRequests.size() >= 2, 20_000);
                assertEquals(2, exchange.restRequests.size());
                long firstResyncNs = System.nanoTime();
                for (int i = 0; i < 5; i++) { // a gap storm within the interval
                    request.accept("BTCUSDT");
                }
                waitFor(() -> exchange.restRequests.size() >= 3, 20_000);
                long coalescedMs = (System.nanoTime() - firstResyncNs) / 1_000_000L;
                Thread.sleep(3000); // nothing more comes of the storm
                assertEquals(List.of("/api/v3/depth?symbol=BTCUSDT&limit=1000", "/api/v3/depth?symbol=BTCUSDT&limit=1000",
                        "/api/v3/depth?symbol=BTCUSDT&limit=1000"), exchange.restRequests);
                assertTrue(coalescedMs >= 1000, "the coalesced resync waited for the interval: " + coalescedMs + " ms");
                CaptureMetrics.Feed m = service.metrics().feed("binance-spot");
                assertEquals(2, m.resyncs.sum());
                assertEquals(3, m.snapshots.sum());
                assertEquals(1, service.connections().get(0).sessionsOpened(), "a REST venue resyncs without reconnecting");
                assertTrue(service.metrics().prometheusText().contains("rrr_capture_resyncs_total{feed=\"binance-spot\"} 2\n"));

                int expected = exchange.sentPerSession.get(0).size() + 3;
                List<ConsumerRecord<byte[], byte[]>> records = consume(bootstrap, "raw.binance-spot", expected,
                        Duration.ofSeconds(30));
                List<String> snapshots = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    if (FrameKind.valueOf(header(r, RawTopics.HEADER_KIND)) == FrameKind.REST_SNAPSHOT) {
                        assertEquals("BTCUSDT", new String(r.key(), StandardCharsets.UTF_8));
                        snapshots.add(new String(r.value(), StandardCharsets.UTF_8));
                    }
                }
                assertEquals(exchange.servedSnapshots, snapshots);
                // the two resync snapshots are the last records: after every frame of the stream
                assertEquals(FrameKind.REST_SNAPSHOT,
                        FrameKind.valueOf(header(records.get(records.size() - 1), RawTopics.HEADER_KIND)));
                assertEquals(FrameKind.REST_SNAPSHOT,
                        FrameKind.valueOf(header(records.get(records.size() - 2), RawTopics.HEADER_KIND)));
                assertTrue(snapshots.get(1).startsWith("{\"lastUpdateId\":" + exchange.lastUpdateId() + ","),
                        "the resync snapshot is the exchange's book now");
            }
        }
    }

    /**
     * {@code snapshotRefreshSeconds}: where snapshots come over REST, every symbol's is fetched
     * again at that interval on the same session, and each one lands in the raw topic, so that a
     * backfill from any start finds a recent snapshot.
     */
    @Test
    void restSnapshotsAreRefreshedPeriodically() throws Exception {
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(0, null);
                BinanceLoopbackExchange exchange = new BinanceLoopbackExchange(
                        SharedData.market("binance-spot/btcusdt_20240808.gz"), new int[0], 0, 50)) {
            CaptureConfig config = CaptureConfig.parse("""
                    kafka: {bootstrap: "%s", topicPrefix: "raw.", partitions: 1}
                    metrics: {port: 0, logIntervalSeconds: 0}
                    snapshotDelayMs: 0
                    silenceTimeoutSeconds: 60
                    snapshotRefreshSeconds: 1
                    venues:
                      - feed: binance-spot
                        symbols: [BTC-USDT]
                        url: "%s"
                        restUrl: "%s"
                    """.formatted(kafka.bootstrapServers(), exchange.wsUrl(), exchange.restUrl()), "test");
            try (CaptureService service = CaptureService.toKafka(config).start()) {
                waitFor(() -> exchange.restRequests.size() >= 3, 60_000);
                assertTrue(exchange.restRequests.size() >= 3, "refreshed snapshots: " + exchange.restRequests);
                assertTrue(exchange.restRequests.stream().allMatch("/api/v3/depth?symbol=BTCUSDT&limit=1000"::equals),
                        exchange.restRequests.toString());
                assertEquals(1, service.connections().get(0).sessionsOpened(), "refreshed without reconnecting");
                // counted once written to the raw topic
                waitFor(() -> service.metrics().feed("binance-spot").snapshots.sum() >= 3, 20_000);
                long published = service.metrics().feed("binance-spot").snapshots.sum();
                assertTrue(published >= 3, "snapshots published: " + published);
            }
        }
    }

    private static void waitFor(BooleanSupplier condition, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        assertNotNull(h, name);
        return new String(h.value(), StandardCharsets.US_ASCII);
    }

    public static List<ConsumerRecord<byte[], byte[]>> consume(String bootstrap, String topic, int expected, Duration timeout) {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            TopicPartition tp = new TopicPartition(topic, 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (out.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            consumer.poll(Duration.ofMillis(500)).forEach(out::add); // nothing more than expected
        }
        assertEquals(expected, out.size(), "records in " + topic);
        return out;
    }

    private static long epochNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
