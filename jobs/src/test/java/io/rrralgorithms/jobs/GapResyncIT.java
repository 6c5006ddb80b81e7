package io.rrralgorithms.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.kafka.EmbeddedKafkaBroker;
import io.rrralgorithms.connectors.kafka.RawTopics;
import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.jobs.book.BookGap;
import io.rrralgorithms.jobs.book.BookTop;
import io.rrralgorithms.jobs.config.JobConfigOptions;
import io.rrralgorithms.jobs.live.LiveCaptureIT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A diff deliberately dropped from the real spot stream is detected as a gap; the book is marked
 * invalid and stays so until a later snapshot (built here from an independent replay of the true
 * stream) resyncs it; from then on it equals the independent replay again.
 */
class GapResyncIT {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(1)
                    .build());

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DROPPED_DIFF = 1000;
    private static final int RESYNC_AFTER_DIFF = 2000;

    @Test
    void droppedDiffIsAGapAndTheBookResyncsFromTheNextSnapshot() throws Exception {
        Path file = SharedData.market("binance-spot/btcusdt_20240808.gz");
        List<String> lines = ReferenceBook.lines(file);
        ReferenceBook truth = new ReferenceBook(false);
        long droppedPrevU = -1;
        long droppedU = -1;
        long afterDroppedU = -1;
        long resyncId = -1;
        int diffs = 0;
        long lastU = -1;

        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(0, null)) {
            kafka.createTopic("gap.binance-spot", 1);
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
                for (String line : lines) {
                    int sp = line.indexOf(' ');
                    long ns = Long.parseLong(line.substring(0, sp));
                    String payload = line.substring(sp + 1);
                    JsonNode n = JSON.readTree(payload);
                    truth.onJson(n);
                    boolean snapshot = n.has("lastUpdateId");
                    boolean diff = !snapshot && n.get("stream").asText().contains("@depth");
                    if (diff) {
                        diffs++;
                        long u = n.get("data").get("u").asLong();
                        if (diffs == DROPPED_DIFF) {
                            droppedPrevU = lastU;
                            droppedU = u;
                            lastU = u;
                            continue; // lost on the wire
                        }
                        if (diffs == DROPPED_DIFF + 1) {
                            afterDroppedU = u;
                        }
                        lastU = u;
                    }
                    send(producer, ns, payload, snapshot ? FrameKind.REST_SNAPSHOT : FrameKind.WS);
                    if (diff && diffs == RESYNC_AFTER_DIFF) {
                        // a fresh REST snapshot of the true book, as a resync would fetch
                        resyncId = truth.lastU;
                        send(producer, ns + 1, truth.toSnapshotJson(), FrameKind.REST_SNAPSHOT);
                    }
                }
            }

            Configuration options = new Configuration();
            options.set(JobConfigOptions.TOPIC_PREFIX, "gap.");
            // the gaps also go out as resync requests for a live capture
            options.set(JobConfigOptions.RESYNC_TOPIC, "gap.resync");
            kafka.createTopic("gap.resync", 1);
            CollectingSinks collected = new CollectingSinks();
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(1);
            String bs = kafka.bootstrapServers();
            new MarketDataJob(new JobSources(bs, Map.of(), options).rawFrames(List.of("binance-spot"), true),
                    List.of(collected), JobOptions.from(options, null).withResync(bs, "gap.resync")).build(env);
            env.execute("gap-resync");

            List<BookGap> gaps = collected.gapList();
            assertEquals(1, gaps.size(), () -> "gaps: " + gaps);
            BookGap g = gaps.get(0);
            assertEquals(droppedPrevU, g.lastUpdateId);
            assertEquals(afterDroppedU, g.updateId);
            assertTrue(g.firstUpdateId > droppedPrevU + 1 && g.firstUpdateId == droppedU + 1, g::toString);
            assertTrue(g.reason.contains("sequence break"), g.reason);

            // the gap as a resync request on the resync topic, keyed by feed:symbol
            var requests = LiveCaptureIT.consume(kafka.bootstrapServers(), "gap.resync", 1,
                    Duration.ofSeconds(20));
            assertEquals("binance-spot:BTCUSDT", new String(requests.get(0).key(), StandardCharsets.UTF_8));
            JsonNode req = JSON.readTree(requests.get(0).value());
            assertEquals("binance-spot", req.get("feed").asText());
            assertEquals("BTCUSDT", req.get("nativeSymbol").asText());
            assertEquals(g.reason, req.get("reason").asText());
            assertEquals(g.exchangeTimeMs, req.get("exchangeTimeMs").asLong());
            assertEquals(g.receiveTimeNs, req.get("receiveTimeNs").asLong());
            assertEquals(5, req.size(), req::toString);

            List<BookTop> tops = collected.tops();
            int invalidAt = -1;
            for (int i = 0; i < tops.size(); i++) {
                if (!tops.get(i).synced) {
                    assertEquals(-1, invalidAt, "exactly one invalid top");
                    invalidAt = i;
                }
            }
            assertTrue(invalidAt > 0, "the book was marked invalid");
            assertEquals(droppedPrevU, tops.get(invalidAt - 1).lastUpdateId, "the last valid top is before the gap");
            BookTop resynced = tops.get(invalidAt + 1);
            assertTrue(resynced.synced);
            assertTrue(resynced.lastUpdateId > resyncId, "no valid top between the gap and the snapshot: " + resynced);
            for (BookTop t : tops) {
                assertFalse(t.synced && t.bidPrices[0] >= t.askPrices[0], () -> "crossed " + t);
            }
            // after the resync the book is the true book again, to the last event
            EndToEndPipelineIT.assertTop(truth, EndToEndPipelineIT.lastTops(tops).get("binance-spot:BTCUSDT"));
        }
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, long ns, String payload, FrameKind kind)
            throws Exception {
        var r = new ProducerRecord<>("gap.binance-spot", null, ns / 1_000_000L,
                "BTCUSDT".getBytes(StandardCharsets.UTF_8), payload.getBytes(StandardCharsets.UTF_8));
        r.headers().add(RawTopics.HEADER_RECEIVE_NS, Long.toString(ns).getBytes(StandardCharsets.US_ASCII));
        r.headers().add(RawTopics.HEADER_KIND, kind.name().getBytes(StandardCharsets.US_ASCII));
        producer.send(r);
    }
}
