package io.rrralgorithms.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.rrralgorithms.connectors.kafka.CaptureReplayer;
import io.rrralgorithms.connectors.kafka.EmbeddedKafkaBroker;
import io.rrralgorithms.jobs.config.JobConfigOptions;
import io.rrralgorithms.jobs.config.ScoringConfigOptions;
import io.rrralgorithms.jobs.scoring.ModelEvent;
import io.rrralgorithms.jobs.scoring.TestModels;
import io.rrralgorithms.jobs.sinks.PostgresMarketDataSinks;
import io.rrralgorithms.jobs.trading.OrderType;
import io.rrralgorithms.jobs.trading.TradingConfig;
import io.rrralgorithms.jobs.trading.flink.TradingOperator;
import io.rrralgorithms.jobs.trading.flink.TradingOptions;
import io.rrralgorithms.models.spec.FeatureSpec;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stop with a savepoint mid-stream and resume: no row lost, none duplicated. The two Binance spot
 * captures (08 then 09: one continuous stream) feed the whole job (decode, book, features, bars,
 * TensorFlow scoring with a linear model on depth_imbalance, paper trading). Reference: both files
 * in one topic, one bounded run. Restart: file 1 only in a second topic, the job unbounded until it
 * has processed it, stop-with-savepoint (not drained: open windows, seconds, timers, buffered
 * scores, resting orders and risk windows go into the savepoint); then file 2 into the topic and
 * the job resumed from the savepoint until it has processed it, stopped with a drained savepoint
 * (MAX_WATERMARK, as the end of the bounded input). Every table must hold the same rows; the row
 * counters of run 2, which continue run 1's from the savepoint, must equal the reference's
 * (at-least-once sinks and upserts would hide a replayed row in the tables, not in the counts).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestartFromSavepointIT {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    static final FeatureSpec SPEC = FeatureSpec.V1;
    /**
     * Parallelism 1 and no source idleness. With one partition, a second source subtask has no
     * split and only idleness lets the watermark pass it; but Flink 2.0.1 drops the MAX_WATERMARK
     * of a drained stop-with-savepoint when the source is idle at that moment (RecordWriterOutput
     * discards watermarks while its status is IDLE; FLINK-40499, fix proposed in apache/flink#29037),
     * so the last seconds (open feature seconds, the last trade bar, their scores and trading) are
     * never written. {@code -Drst.parallelism=2} runs the test that way (idleness 1000 ms) and it
     * fails on exactly that: every table matches but for the rows of the last ~3 s of the stream.
     */
    static final int PARALLELISM = Integer.getInteger("rst.parallelism", 1);
    static final String FEED = "binance-spot";

    final Path spot1 = SharedData.market("binance-spot/btcusdt_20240808.gz");
    final Path spot2 = SharedData.market("binance-spot/btcusdt_20240809.gz");

    @TempDir
    static Path tmp;

    EmbeddedKafkaBroker kafka;
    String modelDir;

    @BeforeAll
    void setUp() throws Exception {
        kafka = EmbeddedKafkaBroker.start(0, null);
        float[] w = new float[SPEC.size()];
        w[SPEC.inputNames().indexOf("depth_imbalance")] = 1f;
        modelDir = TestModels.linear(tmp.resolve("model-imbalance"), "IMB", SPEC, w, 0f).toString();
    }

    @AfterAll
    void tearDown() {
        if (kafka != null) {
            kafka.close();
        }
    }

    /** The same options for every run but the topic prefix (and group id). */
    private Configuration options(String prefix) {
        Configuration o = new Configuration();
        o.set(JobConfigOptions.TOPIC_PREFIX, prefix);
        o.set(JobConfigOptions.GROUP_ID, prefix + "group");
        // the bounded reference runs without idleness anyway
        o.set(JobConfigOptions.IDLENESS_MS, PARALLELISM > 1 ? 1000L : 0L);
        o.set(ScoringConfigOptions.TF_DEVICE, "/CPU:0");
        o.set(ScoringConfigOptions.MODEL_DIR, modelDir);
        return o;
    }

    /**
     * "paper": the defaults (trades on ±0.5 of depth_imbalance); "rate": at most 3 orders per
     * 10 minutes, so its order-rate window spans the restart and rejects after it; "limit": resting
     * LIMIT orders with their queue position, which may rest across the savepoint.
     */
    static List<TradingConfig> accounts() {
        TradingConfig d = TradingConfig.defaults();
        List<TradingConfig> l = new ArrayList<>();
        l.add(d);
        l.add(new TradingConfig("rate", d.entryThreshold(), d.exitThreshold(), d.orderQuantity(),
                d.maxPositionQuantity(), 2_000L, OrderType.MARKET, d.orderLatencyMs(), d.takerFee(), d.makerFee(),
                100_000_000L, new BigDecimal("1e9"), new BigDecimal("1e9"), 3, 600_000L, d.riskPriceBand(),
                new BigDecimal("1e9"), new BigDecimal("1e9"), 600_000L));
        l.add(new TradingConfig("limit", d.entryThreshold(), d.exitThreshold(), d.orderQuantity(),
                d.maxPositionQuantity(), 2_000L, OrderType.LIMIT, d.orderLatencyMs(), d.takerFee(), d.makerFee(),
                100_000_000L, new BigDecimal("1e9"), new BigDecimal("1e9"), 1000, 600_000L, d.riskPriceBand(),
                new BigDecimal("1e9"), new BigDecimal("1e9"), 600_000L));
        return l;
    }

    private StreamExecutionEnvironment build(TestDatabase db, Configuration o, boolean bounded, String savepoint) {
        Configuration conf = new Configuration();
        conf.setString("restart-strategy.type", "none"); // fail fast
        if (savepoint != null) {
            conf.setString("execution.savepoint.path", savepoint);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.configure(conf);
        env.setParallelism(PARALLELISM);
        env.enableCheckpointing(500);
        TradingOptions trading = new TradingOptions(true, accounts(), null, null, false);
        new MarketDataJob(new JobSources(kafka.bootstrapServers(), Map.of(), o).rawFrames(List.of(FEED), bounded), null,
                null, List.of(new PostgresMarketDataSinks(db.target)), JobOptions.from(o, null).withTrading(trading))
                .build(env);
        return env;
    }

    private void replay(Path file, Configuration o) throws Exception {
        CaptureReplayer.builder().bootstrapServers(kafka.bootstrapServers()).topicPrefix(o.get(JobConfigOptions.TOPIC_PREFIX)).build()
                .replay(List.of(file), FEED);
    }

    @Test
    void stopWithSavepointAndResumeLosesAndDuplicatesNothing() throws Exception {
        try (TestDatabase ref = new TestDatabase(); TestDatabase rst = new TestDatabase()) {
            // reference: one bounded run over both files
            Configuration refOpts = options("restart-ref.");
            kafka.createTopic(refOpts.get(JobConfigOptions.TOPIC_PREFIX) + FEED, 1);
            replay(spot1, refOpts);
            replay(spot2, refOpts);
            long t0 = System.nanoTime();
            JobExecutionResult refResult = build(ref, refOpts, true, null).execute("restart-reference");
            Map<String, Long> refCounts = rowCounts(refResult.getAllAccumulatorResults());
            long t1 = System.nanoTime();

            // restart: file 1, unbounded run, stop with savepoint (not drained)
            Configuration rstOpts = options("restart-rst.");
            kafka.createTopic(rstOpts.get(JobConfigOptions.TOPIC_PREFIX) + FEED, 1);
            replay(spot1, rstOpts);
            JobClient run1 = build(rst, rstOpts, false, null).executeAsync("restart-run-1");
            awaitQuiet(run1, "run 1");
            String savepoint1 = run1.stopWithSavepoint(false, tmp.resolve("savepoints-1").toUri().toString(),
                    SavepointFormatType.CANONICAL).get(120, TimeUnit.SECONDS);
            Map<String, Long> run1Counts = rowCounts(
                    run1.getJobExecutionResult().get(120, TimeUnit.SECONDS).getAllAccumulatorResults());
            long t2 = System.nanoTime();
            System.out.println("after run 1: features " + rst.rows("SELECT min(feature_time), max(feature_time), "
                    + "count(*) FROM features") + ", bars " + rst.rows("SELECT max(window_start), count(*) FROM "
                    + "trade_bars_1m"));

            // file 2 arrives while the job is down; resume from the savepoint, drain at the end
            replay(spot2, rstOpts);
            JobClient run2 = build(rst, rstOpts, false, savepoint1).executeAsync("restart-run-2");
            awaitQuiet(run2, "run 2");
            run2.stopWithSavepoint(true, tmp.resolve("savepoints-2").toUri().toString(), SavepointFormatType.CANONICAL)
                    .get(120, TimeUnit.SECONDS);
            Map<String, Long> run2Counts = rowCounts(
                    run2.getJobExecutionResult().get(120, TimeUnit.SECONDS).getAllAccumulatorResults());
            long t3 = System.nanoTime();
            System.out.printf("restart: reference %.1f s, run 1 %.1f s, run 2 %.1f s%n", (t1 - t0) / 1e9,
                    (t2 - t1) / 1e9, (t3 - t2) / 1e9);
            System.out.println("reference: features " + ref.rows("SELECT min(feature_time), max(feature_time), "
                    + "count(*) FROM features") + ", bars " + ref.rows("SELECT max(window_start), count(*) FROM "
                    + "trade_bars_1m"));
            System.out.println("row counts: reference " + refCounts + "\n  run 1 " + run1Counts + "\n  run 2 "
                    + run2Counts);

            // the stop was really mid-stream and run 2 really resumed (it did not re-read file 1)
            assertTrue(run1Counts.getOrDefault("features", 0L) > 100, "run 1 features: " + run1Counts);
            // run 2's counters start from the savepoint's (they are operator state): it counts the whole stream
            assertTrue(run2Counts.getOrDefault("features", 0L) - run1Counts.getOrDefault("features", 0L) > 100,
                    "run 2 features: " + run2Counts);
            assertTrue(run1Counts.getOrDefault("orders", 0L) > 0, "run 1 orders: " + run1Counts);
            assertTrue(run2Counts.getOrDefault("orders", 0L) > run1Counts.getOrDefault("orders", 0L),
                    "run 2 orders: " + run2Counts);

            // every row emitted exactly once over the two runs: run 2's totals are the reference's;
            // model events aside: each job start logs the load of its --model-dir on every subtask
            Map<String, Long> sum = new TreeMap<>(run2Counts);
            Map<String, Long> expected = new TreeMap<>(refCounts);
            expected.merge("model_events", (long) PARALLELISM, Long::sum);
            List<String> mismatches = new ArrayList<>();
            if (!expected.equals(sum)) {
                mismatches.add("rows emitted: reference (+1 load per subtask) " + expected + " vs run 1 + run 2 " + sum);
            }
            assertEquals(0L, lateInputs(refResult.getAllAccumulatorResults()), "late inputs (reference)");

            // every table, row by row
            for (var t : TestDatabase.TABLES.entrySet()) {
                List<String> a = ref.rows(t.getValue());
                List<String> b = rst.rows(t.getValue());
                System.out.printf("  %-14s %7d rows (reference) %7d rows (restart)%n", t.getKey(), a.size(), b.size());
                String diff = firstDifference(a, b);
                if (diff != null) {
                    mismatches.add(t.getKey() + ": " + diff);
                }
            }
            assertTrue(mismatches.isEmpty(), "tables differ:\n" + String.join("\n", mismatches));
            for (String t : List.of("book_top", "features", "trade_bars_1m", "scores", "orders", "fills", "positions",
                    "pnl", "risk_events")) {
                assertNotEquals(0L, ref.count(t), t + " is empty");
            }
            assertTrue(Long.parseLong(ref.rows("SELECT count(*) FROM risk_events WHERE account_id = 'rate' AND "
                    + "rule = 'order_rate'").get(0)) > 0, "order-rate rejections");

            // model events are processing-time logs: the reference loaded the model once per subtask,
            // the restart once per subtask and job start
            List<String> loadedOnce = new ArrayList<>();
            List<String> loadedTwice = new ArrayList<>();
            for (int st = 0; st < PARALLELISM; st++) {
                loadedOnce.add(ModelEvent.LOADED + " | IMB | " + st + " | 1");
                loadedTwice.add(ModelEvent.LOADED + " | IMB | " + st + " | 2");
            }
            assertEquals(loadedOnce,
                    ref.rows("SELECT kind, model_version, subtask, count(*) FROM model_events GROUP BY 1, 2, 3 "
                            + "ORDER BY 1, 2, 3"));
            assertEquals(loadedTwice,
                    rst.rows("SELECT kind, model_version, subtask, count(*) FROM model_events GROUP BY 1, 2, 3 "
                            + "ORDER BY 1, 2, 3"));
        }
    }

    /** Row counters ({@code rows.<table>}) of a finished run. */
    private static Map<String, Long> rowCounts(Map<String, Object> acc) {
        Map<String, Long> out = new TreeMap<>();
        acc.forEach((k, v) -> {
            if (k.startsWith(RowCounter.ACC_PREFIX)) {
                out.put(k.substring(RowCounter.ACC_PREFIX.length()), ((Number) v).longValue());
            }
        });
        return out;
    }

    private static long lateInputs(Map<String, Object> acc) {
        return ((Number) acc.getOrDefault(TradingOperator.ACC_LATE, 0L)).longValue();
    }

    /** Null if equal, else the first differing row (or the size difference) and the rows on one side only. */
    private static String firstDifference(List<String> a, List<String> b) {
        if (a.equals(b)) {
            return null;
        }
        Set<String> onlyA = new LinkedHashSet<>(a);
        b.forEach(onlyA::remove);
        Set<String> onlyB = new LinkedHashSet<>(b);
        a.forEach(onlyB::remove);
        return firstDiff(a, b) + "\n    only in reference (" + onlyA.size() + "): "
                + String.join("\n      ", onlyA.stream().limit(8).toList()) + "\n    only in restart (" + onlyB.size()
                + "): " + String.join("\n      ", onlyB.stream().limit(8).toList());
    }

    private static String firstDiff(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            if (!a.get(i).equals(b.get(i))) {
                return "row " + i + "\n    reference: " + a.get(i) + "\n    restart:   " + b.get(i);
            }
        }
        return a.size() == b.size() ? null : "sizes " + a.size() + " (reference) vs " + b.size() + " (restart)";
    }

    /**
     * Waits until the running job's row counters (features, book samples, scores, orders) stop
     * growing for 3 s: it has read all that is in the topic (what stays open waits for the next
     * event time).
     */
    private static void awaitQuiet(JobClient job, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        String last = "";
        long since = System.nanoTime();
        while (System.nanoTime() - since < TimeUnit.SECONDS.toNanos(3) || last.startsWith("0/")) {
            if (job.getJobStatus().get().isGloballyTerminalState()) {
                job.getJobExecutionResult().get(); // surfaces the failure
                fail(what + ": the job ended");
            }
            Map<String, Long> c = rowCounts(job.getAccumulators().get(30, TimeUnit.SECONDS));
            String now = c.getOrDefault("features", 0L) + "/" + c.getOrDefault("book_top", 0L) + "/"
                    + c.getOrDefault("scores", 0L) + "/" + c.getOrDefault("orders", 0L);
            if (!now.equals(last)) {
                last = now;
                since = System.nanoTime();
            }
            assertFalse(System.nanoTime() > deadline, what + ": the job never went quiet (" + now + ")");
            Thread.sleep(200);
        }
    }
}
