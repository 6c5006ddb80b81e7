package io.rrralgorithms.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.jdbc.PostgresTarget;
import io.rrralgorithms.connectors.kafka.EmbeddedKafkaBroker;
import io.rrralgorithms.connectors.kafka.RawFrameRecords;
import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.jobs.config.JobConfigOptions;
import io.rrralgorithms.jobs.local.LocalPipeline;
import io.rrralgorithms.jobs.local.RunSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The warm-up of a backfill really starts at a snapshot in the middle of the topic, and an
 * instrument without one in the look-back says so and waits for the next. The Binance spot capture
 * is published with REST snapshots of the true book (an independent replay, {@link ReferenceBook})
 * 1, 2, 4 and 5 minutes in, as a capture refreshing its snapshots would write them. The
 * market-data job (no trading: a job that trades reads from the beginning) runs once from the
 * beginning, then from a start 70 s after the second refreshed snapshot (so its latest snapshot a
 * minute before the start, where the features' window begins, is that one): it reads from 10 s
 * before that snapshot, not from the beginning, and every row from the start on is the full run's. With a
 * look-back of 20 s there is no snapshot to start from: one warning line, and no valid book before
 * the next snapshot.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackfillFromSnapshotIT {
    static final String FEED = "binance-spot";
    static final String PREFIX = "bfs.";
    /** When the refreshed snapshots come, in seconds after the first frame: none for two minutes after the second. */
    static final long[] REFRESH_AT_S = {60, 120, 240, 300};
    static final Pattern READ_FROM = Pattern.compile("state rebuilt from offsets \\{bfs\\.binance-spot-0=(\\d+)}");
    static final ObjectMapper JSON = new ObjectMapper();

    EmbeddedKafkaBroker kafka;
    TestDatabase db;
    /** Offset and receive time (ms) of each refreshed snapshot published. */
    final List<long[]> refreshed = new ArrayList<>();

    @BeforeAll
    void setUp() throws Exception {
        kafka = EmbeddedKafkaBroker.start(0, null);
        db = new TestDatabase();
        kafka.createTopic(PREFIX + FEED, 1);
        ReferenceBook truth = new ReferenceBook(false);
        long offset = 0;
        long firstNs = -1;
        int refreshes = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                RawFrameRecords.producerProperties(kafka.bootstrapServers()))) {
            for (String line : ReferenceBook.lines(SharedData.market("binance-spot/btcusdt_20240808.gz"))) {
                int sp = line.indexOf(' ');
                long ns = Long.parseLong(line.substring(0, sp));
                String payload = line.substring(sp + 1);
                JsonNode n = JSON.readTree(payload);
                truth.onJson(n);
                boolean snapshot = n.has("lastUpdateId");
                send(producer, ns, payload, snapshot ? FrameKind.REST_SNAPSHOT : FrameKind.WS);
                offset++;
                if (firstNs < 0) {
                    firstNs = ns;
                }
                boolean diff = !snapshot && n.get("stream").asText().contains("@depth");
                if (diff && refreshes < REFRESH_AT_S.length && ns >= firstNs + REFRESH_AT_S[refreshes] * 1_000_000_000L
                        && truth.lastU > 0) {
                    send(producer, ns + 1, truth.toSnapshotJson(), FrameKind.REST_SNAPSHOT);
                    refreshed.add(new long[] {offset, (ns + 1) / 1_000_000L});
                    offset++;
                    refreshes++;
                }
            }
        }
        assertEquals(REFRESH_AT_S.length, refreshed.size(), "refreshed snapshots");
        RunSpec full = spec("full_run");
        new LocalPipeline(full).run();
    }

    @AfterAll
    void tearDown() throws Exception {
        if (db != null) {
            db.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void theWarmUpStartsAtTheLatestSnapshotBeforeTheStartAndGivesTheFullRunsRows() throws Exception {
        long[] second = refreshed.get(1);
        long start = second[1] + 70_000L;
        RunSpec backfill = spec("from_snapshot");
        backfill.job.set(JobConfigOptions.FROM, "timestamp:" + start);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        backfill.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        backfill.err = backfill.out;
        new LocalPipeline(backfill).run();
        String printed = out.toString(StandardCharsets.UTF_8);
        printed.lines().filter(l -> l.startsWith("backfill from")).forEach(System.out::println);
        Matcher m = READ_FROM.matcher(printed);
        assertTrue(m.find(), printed);
        long readFrom = Long.parseLong(m.group(1));
        // 10 s before the snapshot: after the first one (the start), before the second refreshed one
        assertTrue(readFrom > refreshed.get(0)[0] && readFrom < second[0], readFrom + " vs " + second[0]);
        assertTrue(!printed.contains("warning:"), printed);

        for (String table : List.of("book_top", "features", "trade_bars_1m")) {
            List<String> expected = rows("full_run", table, start);
            assertTrue(!expected.isEmpty(), table);
            assertEquals(expected, rows("from_snapshot", table, null), table);
        }
    }

    @Test
    void withoutASnapshotInTheLookBackTheBookWaitsForTheNextAndSaysSo() throws Exception {
        long start = refreshed.get(1)[1] + 90_000L; // no snapshot in the minute and the 20 s before it
        long next = refreshed.get(2)[1];
        RunSpec backfill = spec("no_snapshot");
        backfill.job.set(JobConfigOptions.FROM, "timestamp:" + start);
        backfill.job.set(JobConfigOptions.WARM_UP_LOOK_BACK_MS, 20_000L);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        backfill.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        new LocalPipeline(backfill).run();
        List<String> warnings = err.toString(StandardCharsets.UTF_8).lines()
                .filter(l -> l.contains("has no book snapshot")).toList();
        assertEquals(1, warnings.size(), err.toString(StandardCharsets.UTF_8));
        assertTrue(warnings.get(0).startsWith("warning: binance-spot:BTCUSDT has no book snapshot in bfs.binance-spot-0 "
                // from the state span's start: it is longer than the look-back
                + "from " + Instant.ofEpochMilli(start - 63_000L) + " to the start " + Instant.ofEpochMilli(start)),
                warnings.get(0));
        // no valid book before the next snapshot, the full run's books after it (a minute on: the features' window)
        assertEquals(List.of(), db.rows("SELECT sample_time FROM no_snapshot.book_top WHERE sample_time <= "
                + at(next) + " LIMIT 1"));
        assertEquals(List.of(), db.rows("SELECT feature_time FROM no_snapshot.features WHERE book_valid AND "
                + "feature_time <= " + at(next) + " LIMIT 1"));
        long settled = next + 62_000L;
        assertEquals(rows("full_run", "book_top", settled).subList(0, 5),
                db.rows("SELECT * FROM no_snapshot.book_top WHERE sample_time > " + at(settled)
                        + " ORDER BY feed, native_symbol, sample_time").subList(0, 5));
    }

    private RunSpec spec(String schema) {
        RunSpec s = new RunSpec();
        s.bootstrapServers = kafka.bootstrapServers();
        s.webPort = 0;
        s.feeds = List.of(FEED);
        s.postgres = PostgresTarget.of(PostgresTarget.inSchema(TestDatabase.SERVER + db.name, schema), "postgres", null);
        s.out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        s.err = s.out;
        s.job.set(JobConfigOptions.TOPIC_PREFIX, PREFIX);
        s.job.set(JobConfigOptions.GROUP_ID, PREFIX + schema);
        return s;
    }

    private static String at(long ms) {
        return "(TIMESTAMPTZ 'epoch' + " + ms + " * INTERVAL '1 millisecond')";
    }

    /** A table's rows in a schema, those from {@code startMs} on where given (as a backfill writes them). */
    private List<String> rows(String schema, String table, Long startMs) throws Exception {
        String query = TestDatabase.TABLES.get(table).replace(" FROM " + table, " FROM " + schema + "." + table);
        if (startMs != null) {
            String where = switch (table) {
                case "book_top" -> "sample_time > " + at(startMs);
                case "features" -> "feature_time > " + at(startMs);
                case "trade_bars_1m" -> "window_start + INTERVAL '1 minute' > " + at(startMs);
                default -> throw new IllegalArgumentException(table);
            };
            int order = query.indexOf(" ORDER BY ");
            query = query.substring(0, order) + " WHERE " + where + query.substring(order);
        }
        return db.rows(query);
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, long ns, String payload, FrameKind kind) {
        producer.send(RawFrameRecords.record(PREFIX, new RawFrame(FEED, "BTCUSDT", kind, ns,
                payload.getBytes(StandardCharsets.UTF_8))));
    }
}
