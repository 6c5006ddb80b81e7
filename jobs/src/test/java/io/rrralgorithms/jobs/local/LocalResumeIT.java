package io.rrralgorithms.jobs.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.kafka.RawTopics;
import io.rrralgorithms.jobs.JavaProcesses;
import io.rrralgorithms.jobs.SharedData;
import io.rrralgorithms.jobs.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rrr run --unbounded --state-dir DIR} killed with SIGKILL mid-stream, then the same run
 * again: the replay continues after the frames the topic holds (each frame once), the job
 * restores from the retained checkpoint, and every table, and the summary's counts, equal an
 * uninterrupted run's.
 */
class LocalResumeIT {
    static final Path FILE = SharedData.market("binance-spot/btcusdt_20240808.gz");
    static final String TOPIC = RawTopics.topicOf(RawTopics.DEFAULT_PREFIX, "binance-spot");
    static final double SPEED = 20; // the file's ~6 minutes in ~17 s: the kill lands mid-stream

    @Test
    void aKilledRunResumesToTheTablesOfAnUninterruptedRun(@TempDir Path tmp) throws Exception {
        try (TestDatabase ref = new TestDatabase(); TestDatabase rst = new TestDatabase()) {
            // the reference: uninterrupted, stopped once everything is processed
            Run reference = new Run(settings(tmp.resolve("ref"), ref, 0));
            reference.awaitProcessed();
            List<String> referenceTopic = topic(reference.bootstrap);
            RunSummary referenceSummary = reference.stop();

            // the interrupted run: a separate process, killed with SIGKILL mid-stream
            Path stateDir = tmp.resolve("state");
            int kafkaPort = freePort();
            int webPort = freePort();
            Path log = tmp.resolve("killed.log");
            Process p = JavaProcesses.start("io.rrralgorithms.jobs.cli.Rrr", List.of("run", FILE.toString(),
                    "--unbounded", "--speed", String.valueOf(SPEED), "--state-dir", stateDir.toString(),
                    "--kafka-port", String.valueOf(kafkaPort), "--web-port", String.valueOf(webPort),
                    "--jdbc-url", rst.target.jdbcUrl(), "--checkpoint-interval-ms", "500"), log);
            long deadline = System.currentTimeMillis() + 180_000;
            while (!(rst.count("features") > 0 && retainedCheckpoint(stateDir.resolve("checkpoints")))) {
                assertTrue(p.isAlive(), () -> "the run ended early:\n" + read(log));
                assertTrue(System.currentTimeMillis() < deadline, () -> "no checkpoint in time:\n" + read(log));
                Thread.sleep(200);
            }
            assertFalse(read(log).contains("replay done"), "the kill must land mid-stream");
            p.destroyForcibly(); // SIGKILL
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            long rowsAtKill = rst.count("features");
            assertEquals(List.of("unbounded | running"), rst.rows("SELECT mode, status FROM pipeline_runs"));

            // the same run again (in this JVM, to stop it like the reference)
            RunSpec again = settings(stateDir, rst, SPEED);
            again.kafkaPort = kafkaPort;
            again.webPort = webPort;
            Run resumed = new Run(again);
            resumed.awaitProcessed();
            String printed = resumed.out.toString(StandardCharsets.UTF_8);
            System.out.println("killed with " + rowsAtKill + " features rows written; the rerun printed:\n" + printed);
            assertTrue(printed.contains("resuming run ") && printed.contains("/chk-"), printed);
            assertTrue(printed.contains("frames were already in the topics"), printed);
            assertEquals(referenceTopic, topic(resumed.bootstrap), "the topic holds each frame once, in order");
            RunSummary resumedSummary = resumed.stop();

            assertTrue(rowsAtKill < rst.count("features"), "the resumed run wrote the rest");
            assertEquals(tables(ref), tables(rst));
            assertEquals(referenceSummary.eventsByType(), resumedSummary.eventsByType());
            assertEquals(referenceSummary.rowsByTable(), resumedSummary.rowsByTable());
            assertEquals(referenceSummary.byFeed(), resumedSummary.byFeed());
            assertEquals(referenceSummary.instruments(), resumedSummary.instruments());
            List<String> runs = rst.rows("SELECT status, error LIKE 'interrupted: %resumed by run%' FROM pipeline_runs "
                    + "ORDER BY started_at");
            assertEquals(List.of("failed | t", "stopped | null"), runs);
        }
    }

    private static RunSpec settings(Path stateDir, TestDatabase db, double speed) throws Exception {
        RunSpec s = new RunSpec();
        s.files = List.of(FILE);
        s.bounded = false;
        s.speed = speed;
        s.stateDir = stateDir;
        s.kafkaPort = freePort();
        s.webPort = freePort();
        s.postgres = db.target;
        s.durability.checkpointInterval = Duration.ofMillis(500);
        return s;
    }

    /** An unbounded run in this JVM. */
    private static final class Run {
        final LocalPipeline pipeline;
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final CompletableFuture<RunSummary> result;
        final String bootstrap;

        Run(RunSpec s) {
            s.out = new PrintStream(out, true, StandardCharsets.UTF_8);
            bootstrap = "127.0.0.1:" + s.kafkaPort;
            pipeline = new LocalPipeline(s);
            result = CompletableFuture.supplyAsync(() -> {
                try {
                    return pipeline.run();
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            });
        }

        /**
         * The replay is done and the job's committed offsets (on checkpoints, after the sinks
         * flushed) reached the topic's end; then a few watermark intervals and checkpoints more.
         */
        void awaitProcessed() throws Exception {
            long deadline = System.currentTimeMillis() + 240_000;
            while (!out.toString(StandardCharsets.UTF_8).contains("replay done") || !committedToEnd(bootstrap)) {
                if (result.isDone()) {
                    result.join(); // surfaces the failure
                    throw new AssertionError("the run ended by itself: " + out.toString(StandardCharsets.UTF_8));
                }
                assertTrue(System.currentTimeMillis() < deadline, () -> out.toString(StandardCharsets.UTF_8));
                Thread.sleep(250);
            }
            Thread.sleep(3_000);
        }

        RunSummary stop() throws Exception {
            RunSummary summary = pipeline.stop();
            assertEquals(summary, result.get(120, TimeUnit.SECONDS));
            return summary;
        }
    }

    private static boolean committedToEnd(String bootstrap) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        TopicPartition tp = new TopicPartition(TOPIC, 0);
        try (Admin admin = Admin.create(p)) {
            var committed = admin.listConsumerGroupOffsets("rrr-market-data").partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS).get(tp);
            var end = admin.listOffsets(Map.of(tp, OffsetSpec.latest())).all().get(10, TimeUnit.SECONDS);
            return committed != null && committed.offset() == end.get(tp).offset();
        }
    }

    /** Every record of the topic: receive time header, key and payload hash, in offset order. */
    static List<String> topic(String bootstrap) throws Exception {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<String> out = new ArrayList<>();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p)) {
            TopicPartition tp = new TopicPartition(TOPIC, 0);
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            long end = c.endOffsets(List.of(tp)).get(tp);
            while (c.position(tp) < end) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofSeconds(1))) {
                    out.add(new String(r.headers().lastHeader(RawTopics.HEADER_RECEIVE_NS).value(),
                            StandardCharsets.US_ASCII) + " " + (r.key() == null ? "-"
                            : new String(r.key(), StandardCharsets.UTF_8)) + " "
                            + HexFormat.of().formatHex(sha.digest(r.value())));
                }
            }
        }
        return out;
    }

    static Map<String, List<String>> tables(TestDatabase db) throws Exception {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String t : List.of("book_top", "features", "trade_bars_1m", "book_gaps", "dead_letters")) {
            out.put(t, db.table(t));
        }
        assertTrue(out.get("features").size() > 100 && out.get("trade_bars_1m").size() > 2, out.keySet()::toString);
        return out;
    }

    private static boolean retainedCheckpoint(Path checkpoints) throws IOException {
        if (!Files.isDirectory(checkpoints)) {
            return false;
        }
        try (var files = Files.walk(checkpoints, 3)) {
            return files.anyMatch(f -> f.getFileName().toString().equals("_metadata"));
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
