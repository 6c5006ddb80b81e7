package io.rrralgorithms.jobs.sinks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.flink.DecodingRawFrameDeserializer;
import io.rrralgorithms.connectors.jdbc.PostgresTarget;
import io.rrralgorithms.connectors.kafka.EmbeddedKafkaBroker;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.jobs.SharedData;
import io.rrralgorithms.jobs.TestDatabase;
import io.rrralgorithms.jobs.config.JobConfigOptions;
import io.rrralgorithms.jobs.config.ScoringConfigOptions;
import io.rrralgorithms.jobs.config.TradingConfigOptions;
import io.rrralgorithms.jobs.local.LocalPipeline;
import io.rrralgorithms.jobs.local.RunSpec;
import io.rrralgorithms.jobs.scoring.TestModels;
import io.rrralgorithms.models.spec.FeatureSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A backfill from any start gives exactly what a run from the beginning gave, from that start on:
 * for Binance spot, Binance USDⓈ-M (REST snapshots), Kraken (WebSocket snapshots on subscribe,
 * checksummed) and Coinbase (unsequenced, snapshots on subscribe), the whole job (books, features,
 * bars, TensorFlow scoring, paper trading) runs once from the beginning of the topic and then from
 * three starts: {@code timestamp:} just after the (last initial) snapshot, {@code offsets:} in the
 * middle of the stream, and {@code committed} (the group's offset, set a few seconds before the
 * end). Every row at or after the start (a second or a minute that ends after it, an instant at or
 * after it) must be the full run's, in every table, and nothing before it may be written. One
 * Kafka broker and one database for the class; each run in its own schema.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackfillFromAnyStartIT {
    static final List<String> TABLES = List.of("book_top", "features", "trade_bars_1m", "scores", "orders", "fills",
            "positions", "pnl");
    /** Each table's rows at or after the start, as {@code EmitFrom} writes them. */
    static final Map<String, String> FROM_START = Map.of(
            "book_top", "sample_time > %s",
            "features", "feature_time > %s",
            "trade_bars_1m", "window_start + INTERVAL '1 minute' > %s",
            "scores", "feature_time > %s",
            "orders", "updated_at >= %s",
            "fills", "fill_time >= %s",
            "positions", "snapshot_time >= %s",
            "pnl", "snapshot_time >= %s");

    @TempDir
    static Path tmp;

    EmbeddedKafkaBroker kafka;
    TestDatabase db;
    String modelDir;
    final List<String> equalityTable = new ArrayList<>();

    @BeforeAll
    void setUp() throws Exception {
        kafka = EmbeddedKafkaBroker.start(0, null);
        db = new TestDatabase();
        float[] w = new float[FeatureSpec.V1.size()];
        w[FeatureSpec.V1.inputNames().indexOf("depth_imbalance")] = 1f;
        modelDir = TestModels.linear(tmp.resolve("model-imbalance"), "IMB", FeatureSpec.V1, w, 0f).toString();
    }

    @AfterAll
    void tearDown() throws Exception {
        System.out.println("=== backfill equality (venue × start × tables equal, rows compared) ===");
        equalityTable.forEach(System.out::println);
        if (db != null) {
            db.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    /** {@code -Dbf.venue=kraken}: only that venue. */
    static Stream<Arguments> venues() {
        String only = System.getProperty("bf.venue");
        return Stream.of(
                Arguments.of("binance-spot", "binance-spot/btcusdt_20240808.gz"),
                Arguments.of("binance-usdm", "binance-usdm/btcusdt_20240718.gz"),
                Arguments.of("kraken", "cryptofeed/KRAKEN.ws.50.0"),
                Arguments.of("coinbase", "cryptofeed/COINBASE.ws.28.0"))
                .filter(a -> only == null || only.equals(a.get()[0]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("venues")
    void everyRowFromTheStartOnIsTheFullRunsRow(String feed, String file) throws Exception {
        String prefix = "bf-" + feed + ".";
        String venue = feed.replace('-', '_');
        RunSpec full = spec(prefix, "full_" + venue);
        full.files = List.of(SharedData.market(file));
        new LocalPipeline(full).run();

        TopicPartition tp = new TopicPartition(prefix + feed, 0);
        List<long[]> records = records(prefix, feed, tp); // offset, timestamp, 1 = a book snapshot
        long lastSnapshotOffset = -1;
        for (long[] r : records) {
            if (r[2] == 1 && (lastSnapshotOffset < 0 || r[0] - lastSnapshotOffset < 200)) {
                lastSnapshotOffset = r[0]; // the snapshots sent on subscribe come together
            }
        }
        assertTrue(lastSnapshotOffset >= 0, "no snapshot in " + file);
        long afterSnapshot = records.get((int) lastSnapshotOffset)[1] + 1_000L;
        int middle = records.size() / 2;
        long endTime = records.get(records.size() - 1)[1];
        int beforeEnd = 0;
        while (records.get(beforeEnd)[1] < endTime - 3_000L) {
            beforeEnd++;
        }
        String group = prefix + "committed-group";

        Map<String, Long> starts = new LinkedHashMap<>();
        starts.put("timestamp:" + Instant.ofEpochMilli(afterSnapshot), afterSnapshot);
        starts.put("offsets:" + tp.topic() + ":0:" + middle, records.get(middle)[1]);
        starts.put("committed", records.get(beforeEnd)[1]);
        List<String> failures = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, Long> start : starts.entrySet()) {
            String schema = "bf_" + venue + "_" + (++n);
            RunSpec backfill = spec(prefix, schema);
            backfill.feeds = List.of(feed);
            backfill.job.set(JobConfigOptions.FROM, start.getKey());
            // the source commits its offsets on checkpoints: the committed start has a group of its own
            backfill.job.set(JobConfigOptions.GROUP_ID, start.getKey().equals("committed") ? group : prefix + schema);
            if (start.getKey().equals("committed")) {
                commit(group, tp, beforeEnd);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            backfill.out = new PrintStream(out, true, StandardCharsets.UTF_8);
            new LocalPipeline(backfill).run();
            String printed = out.toString(StandardCharsets.UTF_8);
            printed.lines().filter(l -> l.startsWith("backfill from")).forEach(System.out::println);
            assertTrue(printed.contains("backfill from " + start.getKey() + ": rows from "
                    + Instant.ofEpochMilli(start.getValue())), printed);

            StringBuilder line = new StringBuilder(String.format("%-13s %-58s", feed, start.getKey()));
            int equal = 0;
            for (String table : TABLES) {
                List<String> expected = rows("full_" + venue, table, start.getValue());
                List<String> actual = rows(schema, table, null);
                boolean same = expected.equals(actual);
                equal += same ? 1 : 0;
                line.append(String.format(" %s %s=%d", same ? "✓" : "✗", table, expected.size()));
                if (!same) {
                    failures.add(feed + " " + start.getKey() + " " + table + ": full run from the start "
                            + expected.size() + " rows, backfill " + actual.size() + firstDifference(expected, actual));
                }
            }
            line.insert(0, equal + "/" + TABLES.size() + " ");
            equalityTable.add(line.toString());
            System.out.println(line);
        }
        assertEquals(List.of(), failures);
        // the starts were really inside the stream: the backfills wrote rows, and fewer than the full run
        List<String> features = rows("full_" + venue, "features", null);
        assertTrue(rows("bf_" + venue + "_2", "features", null).size() < features.size());
        assertTrue(!rows("bf_" + venue + "_3", "features", null).isEmpty(), "nothing written before the end");
    }

    private RunSpec spec(String prefix, String schema) {
        RunSpec s = new RunSpec();
        s.bootstrapServers = kafka.bootstrapServers();
        s.webPort = 0;
        s.postgres = PostgresTarget.of(PostgresTarget.inSchema(TestDatabase.SERVER + db.name, schema), "postgres", null);
        s.out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        s.err = s.out;
        s.job.set(JobConfigOptions.TOPIC_PREFIX, prefix);
        s.job.set(ScoringConfigOptions.TF_DEVICE, "/CPU:0");
        s.job.set(ScoringConfigOptions.MODEL_DIR, modelDir);
        s.job.set(TradingConfigOptions.ENABLED, true);
        return s;
    }

    /** A table's rows in a schema, those from {@code startMs} on where given. */
    private List<String> rows(String schema, String table, Long startMs) throws Exception {
        String query = TestDatabase.TABLES.get(table).replace(" FROM " + table, " FROM " + schema + "." + table);
        if (startMs != null) {
            String at = "(TIMESTAMPTZ 'epoch' + " + startMs + " * INTERVAL '1 millisecond')";
            int order = query.indexOf(" ORDER BY ");
            query = query.substring(0, order) + " WHERE " + String.format(FROM_START.get(table), at)
                    + query.substring(order);
        }
        return db.rows(query);
    }

    private static String firstDifference(List<String> expected, List<String> actual) {
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            String e = i < expected.size() ? expected.get(i) : "(none)";
            String a = i < actual.size() ? actual.get(i) : "(none)";
            if (!e.equals(a)) {
                return "; first difference at row " + i + ":\n  full     " + e + "\n  backfill " + a;
            }
        }
        return "";
    }

    private Properties consumer(String group) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(16 * 1024 * 1024));
        return p;
    }

    /** Every record of the partition: offset, record time, and 1 where it holds a book snapshot. */
    private List<long[]> records(String prefix, String feed, TopicPartition tp) {
        List<long[]> out = new ArrayList<>();
        DecodingRawFrameDeserializer decoder = new DecodingRawFrameDeserializer(prefix);
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(consumer(prefix + "test-scan"))) {
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            long end = c.endOffsets(List.of(tp)).get(tp);
            while (c.position(tp) < end) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(500)).records(tp)) {
                    boolean[] snapshot = {false};
                    decoder.deserialize(r, new Collector<>() {
                        @Override
                        public void collect(MarketEvent e) {
                            snapshot[0] |= e.type == EventType.BOOK_SNAPSHOT;
                        }

                        @Override
                        public void close() {}
                    });
                    out.add(new long[] {r.offset(), r.timestamp(), snapshot[0] ? 1 : 0});
                }
            }
        }
        assertEquals(out.size(), out.get(out.size() - 1)[0] + 1, "offsets not dense in " + feed);
        return out;
    }

    private void commit(String group, TopicPartition tp, long offset) {
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(consumer(group))) {
            c.assign(List.of(tp));
            c.commitSync(Map.of(tp, new OffsetAndMetadata(offset)));
        }
    }
}
