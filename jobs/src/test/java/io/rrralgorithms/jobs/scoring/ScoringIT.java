package io.rrralgorithms.jobs.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.rrralgorithms.connectors.kafka.CaptureReplayer;
import io.rrralgorithms.connectors.kafka.EmbeddedKafkaBroker;
import io.rrralgorithms.jobs.CollectingSinks;
import io.rrralgorithms.jobs.JobOptions;
import io.rrralgorithms.jobs.JobSources;
import io.rrralgorithms.jobs.MarketDataJob;
import io.rrralgorithms.jobs.SharedData;
import io.rrralgorithms.jobs.TestDatabase;
import io.rrralgorithms.jobs.cli.AnnounceModelCommand;
import io.rrralgorithms.jobs.config.JobConfigOptions;
import io.rrralgorithms.jobs.config.ScoringConfigOptions;
import io.rrralgorithms.jobs.features.FeatureRow;
import io.rrralgorithms.jobs.features.FeatureRowValues;
import io.rrralgorithms.jobs.sinks.PostgresMarketDataSinks;
import io.rrralgorithms.models.spec.FeatureSpec;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
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
import picocli.CommandLine;

/**
 * Scoring in the job on the real parts: KRaft broker, MiniCluster, PostgreSQL, recorded Binance
 * spot frames, real (tiny) TensorFlow SavedModels.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScoringIT {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    static final FeatureSpec SPEC = FeatureSpec.V1;
    static final float[] W_A = TestModels.weights(SPEC, 1);
    static final float B_A = 0.25f;
    static final float[] W_B = TestModels.weights(SPEC, -2);
    static final float B_B = -1f;

    final Path spot1 = SharedData.market("binance-spot/btcusdt_20240808.gz");
    final Path spot2 = SharedData.market("binance-spot/btcusdt_20240809.gz");

    @TempDir
    Path tmp;

    EmbeddedKafkaBroker kafka;

    @BeforeAll
    void startKafka() {
        kafka = EmbeddedKafkaBroker.start(0, null);
    }

    @AfterAll
    void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    /**
     * The job runs unbounded at parallelism 2. Model A is announced, then frames flow and are
     * scored by A; a corrupt model is announced and refused on both subtasks while A keeps
     * serving the next frames; model B is announced and scores the rest. Every scorable feature
     * row has exactly one score; per instrument the versions go A…A then B…B in event time; each
     * score is the announced model's w·x + b; PostgreSQL holds the same scores and model events.
     */
    @Test
    void hotSwapInARunningJobLosesNoScore() throws Exception {
        Configuration o = new Configuration();
        o.set(JobConfigOptions.TOPIC_PREFIX, "swap.");
        o.set(JobConfigOptions.GROUP_ID, "swap");
        o.set(JobConfigOptions.IDLENESS_MS, 1000L);
        o.set(ScoringConfigOptions.CONTROL_TOPIC, "swap.control");
        o.set(ScoringConfigOptions.BATCH_SIZE, 16);
        o.set(ScoringConfigOptions.LATENCY_BUDGET_MS, 500L);
        o.set(ScoringConfigOptions.TF_DEVICE, "/CPU:0");
        kafka.createTopic("swap.binance-spot", 2);

        Path modelA = TestModels.linear(tmp.resolve("model-a"), "A", SPEC, W_A, B_A);
        Path corrupt = TestModels.corrupt(tmp.resolve("model-corrupt"), "CORRUPT", SPEC);
        Path modelB = TestModels.linear(tmp.resolve("model-b"), "B", SPEC, W_B, B_B);
        Path forged = TestModels.linear(tmp.resolve("model-forged"), "FORGED", SPEC, W_B, B_B); // never registered
        List<Path> halves = split(spot1, tmp.resolve("split").resolve("binance-spot"));

        try (TestDatabase db = new TestDatabase()) {
            for (Path m : List.of(modelA, corrupt, modelB)) {
                TestModels.register(db.target, m);
            }
            o.set(ScoringConfigOptions.MODELS_ROOT, tmp.toAbsolutePath().normalize().toString());
            CollectingSinks collected = new CollectingSinks();
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(2);
            env.enableCheckpointing(500);
            String bs = kafka.bootstrapServers();
            JobSources sources = new JobSources(bs, Map.of(), o);
            new MarketDataJob(sources.rawFrames(List.of("binance-spot"), false), sources.modelAnnouncements(false), null,
                    List.of(new PostgresMarketDataSinks(db.target), collected), JobOptions.from(o, db.target)).build(env);
            JobClient job = env.executeAsync("hot-swap");
            long failedAt;
            try {
                announce(modelA, o.get(ScoringConfigOptions.CONTROL_TOPIC));
                await(() -> events(collected, ModelEvent.SWAPPED, "A").size() == 2, "A loaded on both subtasks",
                        () -> collected.modelEventList().toString(), job);
                // garbage on the control topic is skipped; the job runs on
                ModelControl.publishRaw(bs, o.get(ScoringConfigOptions.CONTROL_TOPIC), "{not json".getBytes(StandardCharsets.UTF_8));

                replay(halves.get(0), o);
                await(() -> versions(collected).contains("A"), "scores of A", () -> "", job);

                announce(corrupt, o.get(ScoringConfigOptions.CONTROL_TOPIC));
                await(() -> events(collected, ModelEvent.LOAD_FAILED, "CORRUPT").size() == 2,
                        "the corrupt model refused on both subtasks", () -> collected.modelEventList().toString(), job);
                // a model nobody registered: refused before anything is loaded
                announce(forged, o.get(ScoringConfigOptions.CONTROL_TOPIC));
                await(() -> events(collected, ModelEvent.REFUSED, "FORGED").size() == 2,
                        "the unregistered model refused on both subtasks", () -> collected.modelEventList().toString(),
                        job);
                failedAt = events(collected, ModelEvent.REFUSED, "FORGED").stream()
                        .mapToLong(e -> e.eventTimeMs).max().orElseThrow();

                replay(halves.get(1), o);
                await(() -> collected.scoreList().stream().anyMatch(s -> s.scoredAtMs > failedAt && "A".equals(s.modelVersion)),
                        "A still serving after the failed load", () -> "", job);

                announce(modelB, o.get(ScoringConfigOptions.CONTROL_TOPIC));
                await(() -> events(collected, ModelEvent.SWAPPED, "B").size() == 2, "B loaded on both subtasks",
                        () -> collected.modelEventList().toString(), job);

                replay(spot2, o);
                await(() -> versions(collected).contains("B"), "scores of B", () -> "", job);
                awaitQuiet(collected, job);
            } finally {
                if (!job.getJobStatus().get().isGloballyTerminalState()) {
                    job.stopWithSavepoint(false, tmp.resolve("savepoints").toUri().toString(),
                            SavepointFormatType.CANONICAL).get(120, TimeUnit.SECONDS);
                }
            }
            JobExecutionResult result = job.getJobExecutionResult().get(120, TimeUnit.SECONDS);
            Map<String, Object> acc = result.getAllAccumulatorResults();

            // every scorable feature row has exactly one score, and nothing else is scored
            Map<String, FeatureRow> scorable = new HashMap<>();
            int unscorable = 0;
            for (FeatureRow r : collected.featureRows()) {
                if (SPEC.vector(FeatureRowValues.of(r)) != null) {
                    assertNotNull(scorable.put(r.instrumentKey() + "@" + r.timeMs, r) == null ? r : null,
                            "feature row twice: " + r.instrumentKey() + "@" + r.timeMs);
                } else {
                    unscorable++;
                }
            }
            List<Score> scores = collected.scoreList();
            Map<String, List<Score>> byRow = scores.stream()
                    .collect(Collectors.groupingBy(s -> s.instrumentKey() + "@" + s.featureTimeMs));
            assertTrue(scorable.size() > 100, "scorable rows: " + scorable.size());
            assertEquals(scorable.keySet(), byRow.keySet(), "scored rows = scorable feature rows");
            byRow.forEach((k, l) -> assertEquals(1, l.size(), () -> "scores of " + k + ": " + l));
            assertEquals(0L, acc.get(ScoringOperator.ACC_SKIPPED_NO_MODEL));
            assertEquals((long) unscorable, ((Number) acc.getOrDefault(ScoringOperator.ACC_SKIPPED_UNSCORABLE, 0L)).longValue());
            assertEquals((long) scores.size(), acc.get(ScoringOperator.ACC_EMITTED));

            System.out.printf("hot swap: %d feature rows, %d unscorable, %d scores: %s%n", collected.featureRows().size(),
                    unscorable, scores.size(), scores.stream().collect(Collectors.groupingBy(s -> s.modelVersion,
                            TreeMap::new, Collectors.counting())));

            // per instrument, in event time: A…A then B…B, both present; each score is that model's w·x + b
            Map<String, List<Score>> byInstrument = new TreeMap<>(scores.stream()
                    .collect(Collectors.groupingBy(Score::instrumentKey)));
            for (var e : byInstrument.entrySet()) {
                List<Score> l = new ArrayList<>(e.getValue());
                l.sort(Comparator.comparingLong(s -> s.featureTimeMs));
                String seq = l.stream().map(s -> s.modelVersion).distinct().collect(Collectors.joining(","));
                assertEquals("A,B", seq, e.getKey() + ": versions in event-time order");
                int switches = 0;
                for (int i = 1; i < l.size(); i++) {
                    switches += l.get(i).modelVersion.equals(l.get(i - 1).modelVersion) ? 0 : 1;
                }
                assertEquals(1, switches, e.getKey() + ": one switch A→B, never back");
            }
            for (Score s : scores) {
                assertEquals(SPEC.id(), s.specId);
                float[] x = SPEC.vector(FeatureRowValues.of(scorable.get(s.instrumentKey() + "@" + s.featureTimeMs)));
                double expected = "A".equals(s.modelVersion) ? TestModels.expected(x, W_A, B_A)
                        : TestModels.expected(x, W_B, B_B);
                assertEquals(expected, s.score, 1e-4 * Math.max(1, Math.abs(expected)), s::toString);
            }

            // model events: on each subtask swapped A, load_failed CORRUPT, swapped B
            for (int subtask = 0; subtask < 2; subtask++) {
                int st = subtask;
                List<String> kinds = collected.modelEventList().stream().filter(e -> e.subtask == st)
                        .sorted(Comparator.comparingLong(e -> e.eventTimeMs))
                        .map(e -> e.kind + " " + e.modelVersion).toList();
                assertEquals(List.of("swapped A", "load_failed CORRUPT", "refused FORGED", "swapped B"), kinds,
                        "subtask " + st);
            }
            ModelEvent failed = events(collected, ModelEvent.LOAD_FAILED, "CORRUPT").get(0);
            assertTrue(failed.detail.contains("cannot be loaded") && failed.detail.contains("A keeps serving"),
                    failed.detail);

            // PostgreSQL: the same scores, each with its model version; the model events
            assertEquals(scores.size(), db.count("scores"));
            assertEquals(List.of("A | " + SPEC.id(), "B | " + SPEC.id()),
                    db.rows("SELECT DISTINCT model_version, spec_id FROM scores ORDER BY 1"));
            assertEquals(byInstrument.get("binance-spot:BTCUSDT").stream().filter(s -> "B".equals(s.modelVersion)).count(),
                    Long.parseLong(db.rows("SELECT count(*) FROM scores WHERE model_version = 'B'").get(0)));
            ModelEvent refused = events(collected, ModelEvent.REFUSED, "FORGED").get(0);
            assertTrue(refused.detail.startsWith("version FORGED is not registered in models; A keeps serving"),
                    refused.detail);
            assertEquals(2L, acc.get(ScoringOperator.ACC_REFUSED));
            assertEquals(List.of("load_failed | CORRUPT | 2", "refused | FORGED | 2", "swapped | A | 2",
                    "swapped | B | 2"),
                    db.rows("SELECT kind, model_version, count(*) FROM model_events GROUP BY 1, 2 ORDER BY 1, 2"));
        }
    }

    /** No model and no announcement: the job runs to its end, scores nothing and counts what it skipped. */
    @Test
    void noModelMeansNoScoresCountedAndTheJobRunsOn() throws Exception {
        Configuration o = new Configuration();
        o.set(JobConfigOptions.TOPIC_PREFIX, "nomodel.");
        o.set(JobConfigOptions.GROUP_ID, "nomodel");
        o.set(ScoringConfigOptions.CONTROL_TOPIC, "nomodel.control");
        kafka.createTopic("nomodel.binance-spot", 1);
        replay(spot1, o);
        ModelControl.ensureTopic(kafka.bootstrapServers(), o.get(ScoringConfigOptions.CONTROL_TOPIC));
        ModelControl.publishRaw(kafka.bootstrapServers(), o.get(ScoringConfigOptions.CONTROL_TOPIC), "garbage".getBytes(StandardCharsets.UTF_8));

        CollectingSinks collected = new CollectingSinks();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        String bs = kafka.bootstrapServers();
        JobSources sources = new JobSources(bs, Map.of(), o);
        new MarketDataJob(sources.rawFrames(List.of("binance-spot"), true), sources.modelAnnouncements(true), null,
                List.of(collected), JobOptions.from(o, null)).build(env);
        JobExecutionResult r = env.execute("no-model");
        Map<String, Object> acc = r.getAllAccumulatorResults();

        long scorable = collected.featureRows().stream().filter(f -> SPEC.vector(FeatureRowValues.of(f)) != null).count();
        assertTrue(scorable > 100, "scorable rows: " + scorable);
        assertTrue(collected.scoreList().isEmpty());
        assertTrue(collected.modelEventList().isEmpty());
        assertEquals(scorable, acc.get(ScoringOperator.ACC_SKIPPED_NO_MODEL));
        assertEquals(collected.featureRows().size() - scorable,
                ((Number) acc.getOrDefault(ScoringOperator.ACC_SKIPPED_UNSCORABLE, 0L)).longValue());
        assertEquals(0L, acc.get(ScoringOperator.ACC_EMITTED));
    }

    /** --model-dir alone (no control source): the model loads in open() and scores every scorable row of a bounded run. */
    @Test
    void anInitialModelWithoutControlTopicScoresEveryRow() throws Exception {
        Configuration o = new Configuration();
        o.set(JobConfigOptions.TOPIC_PREFIX, "initial.");
        o.set(JobConfigOptions.GROUP_ID, "initial");
        o.set(ScoringConfigOptions.MODEL_DIR,
                TestModels.linear(tmp.resolve("initial-a"), "A", SPEC, W_A, B_A).toString());
        kafka.createTopic("initial.binance-spot", 1);
        replay(spot1, o);

        CollectingSinks collected = new CollectingSinks();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        new MarketDataJob(new JobSources(kafka.bootstrapServers(), Map.of(), o).rawFrames(List.of("binance-spot"), true),
                List.of(collected), JobOptions.from(o, null)).build(env);
        env.execute("initial-model");

        long scorable = collected.featureRows().stream().filter(f -> SPEC.vector(FeatureRowValues.of(f)) != null).count();
        assertTrue(scorable > 100, "scorable rows: " + scorable);
        assertEquals(scorable, collected.scoreList().size());
        assertTrue(collected.scoreList().stream().allMatch(s -> "A".equals(s.modelVersion)));
        assertEquals(List.of("loaded A"), collected.modelEventList().stream().map(e -> e.kind + " " + e.modelVersion)
                .toList());
    }

    private void announce(Path dir, String topic) {
        StringBuilder out = new StringBuilder();
        int code = new CommandLine(new AnnounceModelCommand()).execute("--bootstrap-servers", kafka.bootstrapServers(),
                "--model-dir", dir.toString(), "--control-topic", topic);
        assertEquals(0, code, "announce " + dir + out);
    }

    private void replay(Path file, Configuration o) throws Exception {
        CaptureReplayer.builder().bootstrapServers(kafka.bootstrapServers()).topicPrefix(o.get(JobConfigOptions.TOPIC_PREFIX)).build()
                .replay(List.of(file), "binance-spot");
    }

    private static List<ModelEvent> events(CollectingSinks c, String kind, String version) {
        return c.modelEventList().stream().filter(e -> e.kind.equals(kind) && version.equals(e.modelVersion)).toList();
    }

    private static Set<String> versions(CollectingSinks c) {
        return c.scoreList().stream().map(s -> s.modelVersion).collect(Collectors.toSet());
    }

    private static void await(BooleanSupplier condition, String what, Supplier<String> state, JobClient job)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!condition.getAsBoolean()) {
            if (job.getJobStatus().get().isGloballyTerminalState()) {
                job.getJobExecutionResult().get(); // surfaces the failure
                fail("job ended while waiting for " + what);
            }
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what + " " + state.get());
            }
            Thread.sleep(100);
        }
    }

    /** Waits until features and scores stop changing for 3 s (several checkpoints: nothing stays buffered). */
    private static void awaitQuiet(CollectingSinks c, JobClient job) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        String last = "";
        long since = System.nanoTime();
        while (System.nanoTime() - since < TimeUnit.SECONDS.toNanos(3)) {
            String now = c.featureRows().size() + "/" + c.scoreList().size();
            if (!now.equals(last)) {
                last = now;
                since = System.nanoTime();
            }
            assertFalse(System.nanoTime() > deadline, "the job never went quiet");
            assertFalse(job.getJobStatus().get().isGloballyTerminalState(), "job ended");
            Thread.sleep(200);
        }
    }

    /** The capture cut in two halves, as two files of the same feed: the stream goes on across them. */
    private static List<Path> split(Path file, Path dir) throws Exception {
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8))) {
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                lines.add(l);
            }
        }
        Files.createDirectories(dir);
        List<Path> out = List.of(dir.resolve("btcusdt_part1.gz"), dir.resolve("btcusdt_part2.gz"));
        int half = lines.size() / 2;
        write(out.get(0), lines.subList(0, half));
        write(out.get(1), lines.subList(half, lines.size()));
        return out;
    }

    private static void write(Path f, List<String> lines) throws Exception {
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(f)),
                StandardCharsets.UTF_8))) {
            for (String l : lines) {
                w.write(l);
                w.write('\n');
            }
        }
    }
}
