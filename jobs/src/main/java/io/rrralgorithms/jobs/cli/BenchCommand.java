package io.rrralgorithms.jobs.cli;

import io.rrralgorithms.connectors.capture.CaptureFeeds;
import io.rrralgorithms.connectors.jdbc.PostgresTarget;
import io.rrralgorithms.connectors.kafka.EmbeddedKafkaBroker;
import io.rrralgorithms.connectors.latency.Latencies;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.jobs.bench.DecodeBookFeaturesBenchmark;
import io.rrralgorithms.jobs.bench.KafkaRoundTrip;
import io.rrralgorithms.jobs.bench.LatencyReport;
import io.rrralgorithms.jobs.bench.ScaleBenchmark;
import io.rrralgorithms.jobs.bench.ScalePipelineRun;
import io.rrralgorithms.jobs.bench.ScoringBenchmark;
import io.rrralgorithms.jobs.bench.SimpleTokenBookBaseline;
import io.rrralgorithms.jobs.bench.SyntheticInstruments;
import io.rrralgorithms.jobs.config.DecisionConfigOptions;
import io.rrralgorithms.jobs.config.LatencyConfigOptions;
import io.rrralgorithms.jobs.config.TradingConfigOptions;
import io.rrralgorithms.jobs.features.ReplayFeatures;
import io.rrralgorithms.jobs.local.JobCpu;
import io.rrralgorithms.jobs.local.LocalPipeline;
import io.rrralgorithms.jobs.local.RunSpec;
import io.rrralgorithms.jobs.local.RunSummary;
import io.rrralgorithms.models.scoring.TfScorer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rrr bench}: benchmarks that print numbers (they are not tests and assert nothing but the
 * determinism of their own output).
 *
 * <ul>
 *   <li>{@code rrr bench decode-book-features [FILE...]}: the job's hot path in one thread without
 *       Kafka or Flink (decode → order book → features and 1-minute bars), on frames loaded into
 *       memory first; warm-up iterations, then measured ones, each from fresh state.
 *   <li>{@code rrr bench latency [FILE...] --rate-multiplier K}: the unbounded local pipeline on a replay
 *       at K times the recorded pace, and each latency stage's percentiles beside the Kafka round
 *       trip measured on the same broker in the same run.
 *   <li>{@code rrr bench pipeline [FILE...]}: the whole local pipeline, as {@code rrr run} runs it:
 *       replay into an embedded Kafka, then the bounded job on a local Flink cluster into
 *       PostgreSQL (database {@code rrr_bench} unless {@code --jdbc-url} says otherwise).
 * </ul>
 *
 * Without files both use the four Binance captures under {@code --data-dir}
 * ({@value #DEFAULT_DATA_DIR} relative to the working folder, i.e. the repository root for
 * {@code ./rrr}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmarks: print throughput numbers (not tests).",
                "  decode-book-features  decode → order book → features/bars in one thread, no Kafka, no Flink",
                "  pipeline              replay → embedded Kafka → local Flink job → PostgreSQL (database rrr_bench)",
                "  scoring               SavedModel scoring latency and rows/s per batch size (CPU; --tf-device)",
                "  latency               per-stage latency at K x recorded pace beside the Kafka round trip",
                "  scale                 ns/msg, heap per instrument at 1..10,000 instruments; the job at 10,000"},
        subcommands = {BenchCommand.DecodeBookFeatures.class, BenchCommand.Pipeline.class, BenchCommand.Scoring.class,
                BenchCommand.Latency.class, BenchCommand.Scale.class})
public class BenchCommand implements Callable<Integer> {
    static final String DEFAULT_DATA_DIR = "../shared/data";
    /** The default capture files, relative to {@code --data-dir}. */
    static final List<String> DEFAULT_FILES = List.of(
            "market/binance-spot/btcusdt_20240808.gz",
            "market/binance-spot/btcusdt_20240809.gz",
            "market/binance-usdm/btcusdt_20240718.gz",
            "market/binance-usdm/btcusdt_20240719.gz");
    static final String BENCH_JDBC_URL = "jdbc:postgresql://127.0.0.1:5432/rrr_bench";

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 0;
    }

    /** Options common to both benchmarks: which captures. */
    static class FileOptions {
        @Parameters(arity = "0..*", paramLabel = "FILE",
                description = "capture files or folders (unset: the four Binance BTCUSDT captures under --data-dir: "
                        + "binance-spot 2024-08-08/09, binance-usdm 2024-07-18/19); FEED=FILE names one file's feed")
        List<Path> files = new ArrayList<>();

        @Option(names = "--data-dir", defaultValue = DEFAULT_DATA_DIR,
                description = "folder of the default captures, relative to the working folder or else to the "
                        + "repository root")
        Path dataDir;

        @Option(names = "--feed", description = "feed of the files, if it cannot be inferred from the folder/file name")
        String feed;

        /** The feed of each file, once {@link #resolve} has read the arguments. */
        CaptureFeeds feeds = CaptureFeeds.INFERRED;

        List<Path> resolve() throws IOException {
            Path dir = dataDir;
            if (!dir.isAbsolute() && !Files.isDirectory(dir)) { // relative to the repository root, wherever run from
                Path root = repositoryRoot();
                if (root != null && Files.isDirectory(root.resolve(dir))) {
                    dir = root.resolve(dir);
                }
            }
            CaptureArguments.Resolved resolved = CaptureArguments.resolve(files, feed);
            files = resolved.files();
            feeds = resolved.feeds();
            List<Path> out = files.isEmpty() ? DEFAULT_FILES.stream().map(dir::resolve).toList() : files;
            for (Path p : out) {
                if (!Files.isRegularFile(p)) {
                    throw new IOException("no such capture file: " + p.toAbsolutePath().normalize()
                            + (files.isEmpty() ? " (give FILEs or --data-dir)" : ""));
                }
            }
            return out;
        }
    }

    /**
     * What both local-job benchmarks ({@code pipeline}, {@code latency}) take: the captures, the database and its
     * batching, the local cluster's web port, partitions and parallelism.
     */
    static class LocalJobOptions {
        @Mixin
        FileOptions input;

        @Mixin
        PostgresOptions postgres;

        @Mixin
        JdbcBatchOptions jdbcBatch;

        @Option(names = "--web-port", defaultValue = "0", description = "Flink web UI port; 0 = a free one")
        int webPort;

        @Option(names = "--partitions", defaultValue = "1", description = "partitions of the raw topics")
        int partitions;

        @Option(names = "--parallelism", defaultValue = "1", description = "job parallelism")
        int parallelism;

        /** The one line to print when the options are wrong, else null. */
        String invalid() {
            return partitions < 1 || parallelism < 1 ? "--partitions and --parallelism must be >= 1" : null;
        }

        /** The database: its own ({@code rrr_bench}) unless one is given, not the one of 'rrr run'. */
        PostgresTarget postgresTarget() {
            if (postgres.jdbcUrl == null) {
                postgres.jdbcUrl = BENCH_JDBC_URL;
            }
            return postgres.batching(jdbcBatch).target();
        }

        /** A run of the local pipeline over {@code files} with these options; the caller sets pace and bounds. */
        RunSpec runSpec(List<Path> files, PostgresTarget target) throws IOException {
            RunSpec s = new RunSpec();
            s.files = files;
            s.feedOfFile = input.feeds;
            s.partitions = partitions;
            s.durability.parallelism = parallelism;
            s.webPort = webPort != 0 ? webPort : Pipeline.freePort();
            s.postgres = target;
            return s;
        }
    }

    @Command(name = "decode-book-features", mixinStandardHelpOptions = true, resourceBundle = ConfigDescriptions.BUNDLE,
            defaultValueProvider = ConfigDefaults.class,
            description = {"Single-threaded benchmark of the job's hot path without Kafka or Flink: all frames are "
                    + "loaded into memory, then each iteration decodes every frame with its feed's decoder, runs "
                    + "the book sync protocol on one OrderBook per instrument, feeds book tops and trades into the "
                    + "per-second features (seconds closed by a per-feed watermark: max event time - "
                    + "out-of-orderness) and trades into 1-minute bars. Fresh state each iteration.",
                    "Prints per iteration and in the end: messages (decoded events + decode errors, as the run "
                            + "summary counts them), seconds, messages/s, ns/message (mean and best), and "
                            + "checksums of the output (identical across iterations).",
                    "For the steadiest numbers give the JVM a fixed heap: "
                            + "RRR_JAVA_OPTS='-Xms2g -Xmx2g -XX:+AlwaysPreTouch' ./rrr bench decode-book-features"})
    static class DecodeBookFeatures implements Callable<Integer> {
        @Mixin
        FileOptions input;

        @Option(names = "--warmup", defaultValue = "5",
                description = "warm-up iterations, not counted: JIT compilation and heap growth")
        int warmup;

        @Option(names = "--iterations", defaultValue = "5",
                description = "measured iterations")
        int iterations;

        @Option(names = "--gc-between", description = "System.gc() before each iteration (on G1 this shrinks the "
                + "heap, and growing it again costs page faults inside the timed region: noisier numbers)")
        boolean gcBetween;

        // the job's own settings: default and description from their ConfigOption, as in rrr run
        @Option(names = "--depth-levels", descriptionKey = "rrr.book.depth-levels")
        int depthLevels;

        @Option(names = "--max-pending-diffs", descriptionKey = "rrr.book.max-pending-diffs")
        int maxPendingDiffs;

        @Option(names = "--out-of-orderness-ms", descriptionKey = "rrr.watermark.out-of-orderness-ms")
        long outOfOrdernessMs;

        @Override
        public Integer call() throws Exception {
            if (iterations < 1 || warmup < 0) {
                System.err.println("rrr bench: --iterations must be >= 1 and --warmup >= 0");
                return 2;
            }
            List<Path> files;
            try {
                files = input.resolve();
            } catch (IOException e) {
                System.err.println("rrr bench: " + e.getMessage());
                return 2;
            }
            PrintStream out = System.out;
            out.println("== rrr bench decode-book-features ==");
            printEnvironment(out);
            out.println("files:");
            files.forEach(f -> out.println("  " + f.toAbsolutePath().normalize()));

            DecodeBookFeaturesBenchmark.Input in = DecodeBookFeaturesBenchmark.load(files, input.feeds);
            out.printf(Locale.ROOT, "loaded %,d frames (%s), %.1f MiB of payload, %,d lines skipped, in %.2f s%n",
                    in.frames().size(), in.framesByFeed().entrySet().stream()
                            .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%,d", e.getValue()))
                            .collect(Collectors.joining(", ")),
                    in.payloadBytes() / 1048576.0, in.skippedLines(), in.loadSeconds());
            out.printf(Locale.ROOT, "settings: BookSynchronizer(%d, %d), InstrumentFeatures.create(%d), "
                    + "watermark = max event time - %d ms - 1 (per feed), %d warm-up + %d measured iterations%n",
                    depthLevels, maxPendingDiffs, depthLevels, outOfOrdernessMs, warmup, iterations);

            DecodeBookFeaturesBenchmark bench =
                    new DecodeBookFeaturesBenchmark(depthLevels, maxPendingDiffs, outOfOrdernessMs);
            List<DecodeBookFeaturesBenchmark.Result> measured = new ArrayList<>();
            List<SimpleTokenBookBaseline.Result> baseline = new ArrayList<>();
            String reference = null;
            boolean deterministic = true;
            for (int it = 0; it < warmup + iterations; it++) {
                boolean warm = it < warmup;
                if (gcBetween) {
                    System.gc(); // outside the timed region
                }
                DecodeBookFeaturesBenchmark.Result r = bench.runOnce(in);
                String label = warm ? String.format(Locale.ROOT, "warmup %d/%d", it + 1, warmup)
                        : String.format(Locale.ROOT, "iter   %d/%d", it - warmup + 1, iterations);
                out.printf(Locale.ROOT, "%s: %,d messages in %.3f s = %,.0f msg/s, %.1f ns/msg "
                                + "(thread CPU %.3f s, %.1f ns/msg)%n", label, r.messages(), r.seconds(),
                        r.messagesPerSecond(), r.nanosPerMessage(), r.cpuNanos / 1e9, r.cpuNanosPerMessage());
                out.println("    " + r.checks());
                // the simple baseline in the same JVM, right after: same frames, same warm-up, same load
                SimpleTokenBookBaseline.Result b = SimpleTokenBookBaseline.runOnce(in.frames());
                out.printf(Locale.ROOT, "    simple baseline (Jackson tokens + TreeMap book): %,.0f msg/s, %.1f ns/msg "
                        + "(thread CPU %.1f ns/msg), checksum %016x%n", b.messagesPerSecond(), b.nanosPerMessage(),
                        b.cpuNanosPerMessage(), b.checksum());
                if (!warm) {
                    baseline.add(b);
                }
                if (reference == null) {
                    reference = r.checks();
                } else if (!reference.equals(r.checks())) {
                    deterministic = false;
                    out.println("    WARNING: output differs from the first iteration's");
                }
                if (!warm) {
                    measured.add(r);
                }
            }

            DecodeBookFeaturesBenchmark.Result first = measured.get(0);
            long messages = first.messages();
            double[] ns = measured.stream().mapToDouble(DecodeBookFeaturesBenchmark.Result::nanosPerMessage).toArray();
            double meanSeconds = measured.stream().mapToDouble(DecodeBookFeaturesBenchmark.Result::seconds)
                    .average().orElse(0);
            double bestSeconds = measured.stream().mapToDouble(DecodeBookFeaturesBenchmark.Result::seconds)
                    .min().orElse(0);
            double meanNs = meanSeconds * 1e9 / messages;
            double bestNs = bestSeconds * 1e9 / messages;
            double sdNs = stddev(ns);
            double meanCpuNs = measured.stream().mapToDouble(DecodeBookFeaturesBenchmark.Result::cpuNanosPerMessage)
                    .average().orElse(Double.NaN);
            double bestCpuNs = measured.stream().mapToDouble(DecodeBookFeaturesBenchmark.Result::cpuNanosPerMessage)
                    .min().orElse(Double.NaN);

            out.println();
            out.println("events by type: " + eventsByType(first));
            out.printf(Locale.ROOT, "checks: %s%n", first.checks());
            out.printf(Locale.ROOT, "checks identical across all %d iterations: %s%n", warmup + iterations,
                    deterministic ? "yes" : "NO");
            out.printf(Locale.ROOT, "RESULT decode-book-features: %,d messages (%,d frames) x %d iterations; "
                            + "seconds mean %.3f best %.3f; msg/s mean %,.0f best %,.0f; ns/msg mean %.1f "
                            + "(sd %.1f) best %.1f; frames/s mean %,.0f; thread CPU ns/msg mean %.1f best %.1f%n",
                    messages, first.counters.frames, iterations, meanSeconds, bestSeconds, messages / meanSeconds,
                    messages / bestSeconds, meanNs, sdNs, bestNs, first.counters.frames / meanSeconds, meanCpuNs, bestCpuNs);
            double baseMeanNs = baseline.stream().mapToDouble(SimpleTokenBookBaseline.Result::nanosPerMessage)
                    .average().orElse(Double.NaN);
            double baseBestNs = baseline.stream().mapToDouble(SimpleTokenBookBaseline.Result::nanosPerMessage)
                    .min().orElse(Double.NaN);
            double baseMeanCpuNs = baseline.stream().mapToDouble(SimpleTokenBookBaseline.Result::cpuNanosPerMessage)
                    .average().orElse(Double.NaN);
            out.printf(Locale.ROOT, "BASELINE simple Jackson-token + TreeMap book (same JVM, after each iteration): "
                            + "msg/s mean %,.0f; ns/msg mean %.1f best %.1f; thread CPU ns/msg mean %.1f%n",
                    1e9 / baseMeanNs, baseMeanNs, baseBestNs, baseMeanCpuNs);
            // each iteration against the baseline run right after it (the same load on a shared machine)
            double[] paired = new double[measured.size()];
            for (int i = 0; i < paired.length; i++) {
                paired[i] = measured.get(i).cpuNanosPerMessage() / baseline.get(i).cpuNanosPerMessage();
            }
            out.printf(Locale.ROOT, "RATIO pipeline / simple baseline: ns/msg mean %.2fx, best %.2fx, thread CPU mean "
                    + "%.2fx, thread CPU per iteration median %.2fx%n", meanNs / baseMeanNs, bestNs / baseBestNs,
                    meanCpuNs / baseMeanCpuNs, median(paired));
            out.println("(wall-clock numbers are the result; thread CPU = user + system time of the benchmark "
                    + "thread: wall time well above it means the machine was busy elsewhere)");
            return deterministic ? 0 : 1;
        }

        private static String eventsByType(DecodeBookFeaturesBenchmark.Result r) {
            StringBuilder b = new StringBuilder();
            for (EventType t : EventType.values()) {
                b.append(b.length() > 0 ? " " : "").append(t.name()).append('=').append(r.counters.eventsByType[t.ordinal()]);
            }
            return b.toString();
        }

        private static double median(double[] xs) {
            double[] sorted = xs.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }

        private static double stddev(double[] xs) {
            if (xs.length < 2) {
                return 0;
            }
            double mean = 0;
            for (double x : xs) {
                mean += x;
            }
            mean /= xs.length;
            double ss = 0;
            for (double x : xs) {
                ss += (x - mean) * (x - mean);
            }
            return Math.sqrt(ss / (xs.length - 1));
        }
    }

    @Command(name = "pipeline", mixinStandardHelpOptions = true,
            description = {"End-to-end benchmark of the local pipeline, as 'rrr run' runs it: PostgreSQL database "
                    + "created and migrated, embedded Kafka (KRaft, any free port), replay of the captures as fast as "
                    + "possible, then the bounded job on a local Flink cluster from Kafka into PostgreSQL.",
                    "Prints the replay's frames and frames/s into Kafka, and the job's time (from the run summary: "
                            + "env.execute(), including the local cluster's start), messages (decoded events + "
                            + "dead letters), messages/s and ns/message end to end, the CPU seconds while the job ran "
                            + "and their ns/message (steadier than wall clock on a shared machine) of Flink's task "
                            + "threads (each task's too) and of the whole process (broker, JIT compilers and GC "
                            + "included), and the whole run's wall time.",
                    "Writes into the database rrr_bench by default (not rrr): give --jdbc-url to change it."})
    static class Pipeline implements Callable<Integer> {

        @Mixin
        LocalJobOptions job;

        @Option(names = "--kafka-port", defaultValue = "0",
                description = "port of the embedded broker; 0 = any")
        int kafkaPort;

        @Option(names = "--runs", defaultValue = "1",
                description = "whole pipeline runs in this JVM, one after the other")
        int runs;

        @Override
        public Integer call() throws Exception {
            if (runs < 1) {
                System.err.println("rrr bench: --runs must be >= 1");
                return 2;
            }
            if (job.invalid() != null) {
                System.err.println("rrr bench: " + job.invalid());
                return 2;
            }
            List<Path> files;
            try {
                files = job.input.resolve();
            } catch (IOException e) {
                System.err.println("rrr bench: " + e.getMessage());
                return 2;
            }
            PrintStream out = System.out;
            out.println("== rrr bench pipeline ==");
            printEnvironment(out);
            out.println("files:");
            files.forEach(f -> out.println("  " + f.toAbsolutePath().normalize()));
            PostgresTarget target = job.postgresTarget();
            out.println("PostgreSQL: " + PostgresTarget.maskUrl(target.jdbcUrl()) + " (user " + target.user()
                    + ", batch " + target.batchSize() + " rows / " + target.batchIntervalMs() + " ms)");

            List<String> results = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                RunSpec s = job.runSpec(files, target);
                s.speed = 0;
                s.bounded = true;
                s.kafkaPort = kafkaPort;
                s.out = out;

                out.printf(Locale.ROOT, "%n-- run %d/%d --%n", run, runs);
                long start = System.nanoTime();
                RunSummary summary;
                LocalPipeline pipeline = new LocalPipeline(s);
                try {
                    summary = pipeline.run();
                } catch (IllegalArgumentException | IllegalStateException e) {
                    System.err.println("rrr bench: " + e.getMessage());
                    return 2;
                }
                double wall = (System.nanoTime() - start) / 1e9;
                var replay = pipeline.lastReplay();
                long replayedFrames = replay.frames();
                double replayedSeconds = replay.seconds();

                out.println();
                out.printf(Locale.ROOT, "replay into Kafka: %,d frames in %.2f s = %,.0f frames/s%n", replayedFrames,
                        replayedSeconds, replayedFrames / Math.max(replayedSeconds, 1e-9));
                long messages = summary.messages();
                double jobSeconds = summary.seconds();
                JobCpu.Result cpu = pipeline.lastJobCpu();
                out.println("task threads' CPU: " + cpu.describeTasks());
                String line = String.format(Locale.ROOT, "RESULT pipeline run %d/%d: job (Kafka -> Flink -> "
                                + "PostgreSQL, incl. local cluster start) %,d messages in %.2f s = %,.0f msg/s, "
                                + "%,.0f ns/msg; CPU during the job: task threads %.2f s = %,.0f ns/msg, process "
                                + "%.2f s = %,.0f ns/msg; replay %,d frames in %.1f s = %,.0f frames/s; whole run() "
                                + "%.2f s",
                        run, runs, messages, jobSeconds, messages / jobSeconds, jobSeconds * 1e9 / messages,
                        cpu.taskSeconds(), cpu.taskSeconds() * 1e9 / messages,
                        cpu.processSeconds(), cpu.processSeconds() * 1e9 / messages,
                        replayedFrames, replayedSeconds, replayedFrames / Math.max(replayedSeconds, 1e-9), wall);
                out.println("checks: gaps=" + summary.gaps() + " crossed=" + summary.crossed() + " dead_letters="
                        + summary.deadLetters() + " late_trades=" + summary.lateTrades() + " events="
                        + summary.eventsByType() + " rows=" + summary.rowsByTable());
                out.println(line);
                results.add(line);
            }
            if (runs > 1) {
                out.println();
                results.forEach(out::println);
            }
            return 0;
        }

        static int freePort() throws IOException {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            }
        }

    }

    @Command(name = "latency", mixinStandardHelpOptions = true, resourceBundle = ConfigDescriptions.BUNDLE,
            defaultValueProvider = Latency.LatencyDefaults.class,
            description = {"Latency benchmark: the local pipeline as 'rrr run --unbounded' runs it (embedded Kafka, local "
                    + "Flink cluster, PostgreSQL database rrr_bench), fed by a replay of the captures at K times their "
                    + "recorded pace, stopped after --max-seconds of replay (plus --drain-seconds).",
                    "Prints every latency stage's count and p50/p95/p99/p99.9/max in ms from the frame's publish into "
                            + "Kafka (what a live frame's receive time is), beside the floor measured in the same "
                            + "run on the same broker: a plain producer -> consumer round trip (paced-replay producer "
                            + "settings), and the targets' verdicts (tick-to-order p99 <= 10 ms and <= 3x the round "
                            + "trip p99; frame -> order row in PostgreSQL p95 <= 100 ms)."})
    static class Latency implements Callable<Integer> {

        /** The sinks flush often: a row's latency is mostly the flush interval. */
        public static final class LatencyDefaults implements CommandLine.IDefaultValueProvider {
            @Override
            public String defaultValue(ArgSpec arg) throws Exception {
                if (arg instanceof OptionSpec o && List.of(o.names()).contains("--jdbc-batch-interval-ms")) {
                    return String.valueOf(BENCH_FLUSH_INTERVAL_MS);
                }
                return new ConfigDefaults().defaultValue(arg);
            }
        }

        static final long BENCH_FLUSH_INTERVAL_MS = 10;

        @Mixin
        LocalJobOptions job;

        @Option(names = "--rate-multiplier", defaultValue = "1", paramLabel = "K",
                description = "replay pace: K x the recorded pace (1 = as recorded)")
        double rateMultiplier;

        @Option(names = "--max-seconds", defaultValue = "60",
                description = "stop the replay after this many seconds (wall time)")
        double maxSeconds;

        @Option(names = "--drain-seconds", defaultValue = "3",
                description = "after the replay, let the job finish what it holds this long before it is stopped")
        double drainSeconds;

        @Option(names = "--warm-up-seconds", defaultValue = "10",
                description = "the first seconds of the replay are a warm-up (JIT compilation, class loading, "
                        + "heap sizing): the tables leave them out, the whole run's tick-to-order is printed beside")
        double warmUpSeconds;

        @Option(names = "--round-trip-rate", defaultValue = "200",
                description = "messages/s of the Kafka round-trip probe beside the job")
        int roundTripRate;

        @Option(names = "--buffer-timeout-ms", descriptionKey = "rrr.latency.buffer-timeout-ms")
        long bufferTimeoutMs;

        @Option(names = "--watermark-interval-ms", descriptionKey = "rrr.latency.watermark-interval-ms")
        long watermarkIntervalMs;

        @Option(names = "--object-reuse", negatable = true, descriptionKey = "rrr.latency.object-reuse")
        boolean objectReuse;

        @Option(names = "--decision", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "run the per-event decision path (tick-to-order); --no-decision: the market path only")
        boolean decision;

        @Option(names = "--decision-batch-size", descriptionKey = "rrr.decision.batch-size")
        int decisionBatchSize;

        @Option(names = "--decision-batch-budget-us", descriptionKey = "rrr.decision.batch-budget-us")
        long decisionBatchBudgetUs;

        @Option(names = "--cooldown-ms", defaultValue = "250",
                description = "the strategy's cooldown between orders of an instrument (here short: more orders to time; "
                        + "the order-rate risk limit is lifted too)")
        long cooldownMs;

        /** The checks of the options; null when they are fine, else the one line to print. */
        String invalid() {
            if (!(rateMultiplier > 0) || Double.isInfinite(rateMultiplier)) {
                return "--rate-multiplier must be > 0 (1 = recorded pace)";
            }
            if (!(maxSeconds > 0)) {
                return "--max-seconds must be > 0";
            }
            if (drainSeconds < 0) {
                return "--drain-seconds must be >= 0";
            }
            if (!(warmUpSeconds >= 0) || warmUpSeconds >= maxSeconds) {
                return "--warm-up-seconds must be >= 0 and below --max-seconds";
            }
            if (job.invalid() != null) {
                return job.invalid();
            }
            if (roundTripRate < 1) {
                return "--round-trip-rate must be >= 1";
            }
            if (bufferTimeoutMs < 0 || watermarkIntervalMs < 1) {
                return "--buffer-timeout-ms must be >= 0 and --watermark-interval-ms >= 1";
            }
            if (decisionBatchSize < 1 || decisionBatchBudgetUs < 0 || cooldownMs < 0) {
                return "--decision-batch-size must be >= 1, --decision-batch-budget-us and --cooldown-ms >= 0";
            }
            return null;
        }

        @Override
        public Integer call() throws Exception {
            String invalid = invalid();
            if (invalid != null) {
                System.err.println("rrr bench: " + invalid);
                return 2;
            }
            List<Path> files;
            try {
                files = job.input.resolve();
            } catch (IOException e) {
                System.err.println("rrr bench: " + e.getMessage());
                return 2;
            }
            PrintStream out = System.out;
            out.println("== rrr bench latency ==");
            printEnvironment(out);
            out.println("files:");
            files.forEach(f -> out.println("  " + f.toAbsolutePath().normalize()));
            out.printf(Locale.ROOT, "settings: %s x recorded pace, replay capped at %.0f s (+ %.0f s drain), "
                            + "buffer timeout %d ms, watermark interval %d ms, object reuse %s, sink flush every %d ms (batch %d rows), "
                            + "parallelism %d, %d partition(s), Kafka round-trip probe %d msg/s; per-event decision "
                            + "path %s (micro-batch %d rows / %d us, cooldown %d ms)%n",
                    rateMultiplier, maxSeconds, drainSeconds, bufferTimeoutMs, watermarkIntervalMs, objectReuse ? "on" : "off",
                    job.jdbcBatch.batchIntervalMs, job.jdbcBatch.batchSize, job.parallelism, job.partitions,
                    roundTripRate,
                    decision ? "on" : "off", decisionBatchSize, decisionBatchBudgetUs, cooldownMs);

            try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, null)) {
                RunSpec s = job.runSpec(files, job.postgresTarget());
                s.speed = rateMultiplier;
                s.bounded = false;
                s.maxReplaySeconds = maxSeconds;
                s.replayProgress = false;
                s.bootstrapServers = broker.bootstrapServers();
                s.job.set(LatencyConfigOptions.BUFFER_TIMEOUT_MS, bufferTimeoutMs);
                s.job.set(LatencyConfigOptions.WATERMARK_INTERVAL_MS, watermarkIntervalMs);
                s.job.set(LatencyConfigOptions.OBJECT_REUSE, objectReuse);
                // the per-event path decides; a short cooldown and a wide order-rate limit give many orders to time
                s.job.set(DecisionConfigOptions.ENABLED, decision);
                s.job.set(DecisionConfigOptions.BATCH_SIZE, decisionBatchSize);
                s.job.set(DecisionConfigOptions.BATCH_BUDGET_US, decisionBatchBudgetUs);
                s.job.set(TradingConfigOptions.COOLDOWN_MS, cooldownMs);
                s.job.set(TradingConfigOptions.RISK_MAX_ORDERS, 1_000_000);
                s.out = out;
                LocalPipeline pipeline = new LocalPipeline(s);
                AtomicReference<Exception> failed = new AtomicReference<>();
                Thread run = new Thread(() -> {
                    try {
                        pipeline.run();
                    } catch (Exception e) {
                        failed.set(e);
                    }
                }, "rrr-bench-latency-run");
                // the floor is measured over the replay's time, beside it: from when the job's tasks run
                KafkaRoundTrip floorProbe = new KafkaRoundTrip(broker.bootstrapServers(), roundTripRate);
                WarmUp warmUp = new WarmUp(floorProbe, warmUpSeconds);
                s.beforeReplay = () -> {
                    try {
                        floorProbe.start();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    warmUp.start();
                };
                try (floorProbe) {
                    run.start();
                    while (pipeline.lastReplay() == null && run.isAlive()) {
                        Thread.sleep(100);
                    }
                    Thread.sleep((long) (drainSeconds * 1000));
                    warmUp.freeze();
                    Histogram floorWhole = floorProbe.histogram();
                    RunSummary summary = pipeline.stop();
                    run.join(180_000);
                    if (failed.get() != null || summary == null) {
                        System.err.println("rrr bench: the run failed: " + (failed.get() == null ? "no summary"
                                : failed.get().getMessage()));
                        return 1;
                    }
                    if (floorProbe.failure() != null) {
                        System.err.println("rrr bench: the Kafka round-trip probe failed: " + floorProbe.failure());
                    }
                    // the histograms of this JVM's run (the summary's) less what the warm-up had recorded
                    Map<String, Latencies.Percentiles> stages = warmUp.steadyState(Latencies.snapshot());
                    Latencies.Percentiles floor = Latencies.Percentiles.of(warmUp.steadyStateFloor(floorWhole));
                    out.println();
                    out.print(LatencyReport.table(String.format(Locale.ROOT, "latency at %sx recorded pace, %,d frames "
                                    + "replayed in %.1f s, %s", trim(rateMultiplier), pipeline.lastReplay().frames(),
                                    pipeline.lastReplay().seconds(), warmUp.describe()), summary.latencyKeys(), stages,
                            floor));
                    Latencies.Percentiles wholeOrder = summary.latencies().get(LatencyReport.TICK_TO_ORDER);
                    if (warmUp.taken() && wholeOrder != null) {
                        out.printf(Locale.ROOT, "whole run incl. the warm-up: kafka round trip p99 %.2f ms, tick-to-order "
                                        + "p50 %.2f p99 %.2f ms (%,d orders)%n",
                                Latencies.Percentiles.of(floorWhole).p99Ms(), wholeOrder.p50Ms(), wholeOrder.p99Ms(),
                                wholeOrder.count());
                    }
                    out.print(LatencyReport.verdicts(stages, floor));
                    Latencies.Percentiles order = stages.get(LatencyReport.TICK_TO_ORDER);
                    Latencies.Percentiles book = stages
                            .get(Latencies.key(Latencies.PATH_MARKET, Latencies.STAGE_BOOK, null));
                    out.printf(Locale.ROOT, "RESULT latency %sx: kafka round trip p50 %.2f p99 %.2f ms; book p50 %.2f "
                                    + "p99 %.2f ms; tick-to-order p50 %.2f p99 %.2f ms (%,d orders)%n",
                            trim(rateMultiplier), floor.p50Ms(), floor.p99Ms(), book == null ? 0 : book.p50Ms(),
                            book == null ? 0 : book.p99Ms(), order == null ? 0 : order.p50Ms(),
                            order == null ? 0 : order.p99Ms(), order == null ? 0 : order.count());
                }
            }
            return 0;
        }

        /**
         * Marks the end of the warm-up: {@code seconds} after the replay starts it copies every stage's histogram and
         * the floor's, so that what came after is the whole run's histogram less that copy (HdrHistogram subtracts
         * exactly). A warm-up of 0 s, or a run shorter than it, leaves the whole run.
         */
        static final class WarmUp {
            private final KafkaRoundTrip floorProbe;
            private final double seconds;
            private Map<String, Histogram> stagesAtEnd;
            private Histogram floorAtEnd;
            private boolean frozen;
            private Thread timer;

            WarmUp(KafkaRoundTrip floorProbe, double seconds) {
                this.floorProbe = floorProbe;
                this.seconds = seconds;
            }

            void start() {
                if (seconds <= 0) {
                    return;
                }
                timer = new Thread(() -> {
                    try {
                        Thread.sleep((long) (seconds * 1000));
                    } catch (InterruptedException e) {
                        return;
                    }
                    synchronized (this) {
                        if (!frozen) { // a run shorter than its warm-up keeps the whole run
                            floorAtEnd = floorProbe.histogram();
                            stagesAtEnd = Latencies.snapshot();
                        }
                    }
                }, "rrr-bench-latency-warm-up");
                timer.setDaemon(true);
                timer.start();
            }

            /** The run is over: a warm-up not ended by now never ends (nothing is subtracted from a later copy). */
            synchronized void freeze() {
                frozen = true;
                if (timer != null) {
                    timer.interrupt();
                }
            }

            synchronized boolean taken() {
                return stagesAtEnd != null;
            }

            String describe() {
                return taken() ? String.format(Locale.ROOT, "after a %s s warm-up", trim(seconds)) : "no warm-up left out";
            }

            synchronized Map<String, Latencies.Percentiles> steadyState(Map<String, Histogram> whole) {
                return minusEach(whole, stagesAtEnd);
            }

            /** Each stage's histogram less the one {@code before} has of it (none: the whole). */
            static Map<String, Latencies.Percentiles> minusEach(Map<String, Histogram> whole,
                    Map<String, Histogram> before) {
                Map<String, Latencies.Percentiles> out = new TreeMap<>();
                whole.forEach((k, h) -> out.put(k, Latencies.Percentiles.of(minus(h, before == null ? null : before.get(k)))));
                return out;
            }

            synchronized Histogram steadyStateFloor(Histogram whole) {
                return minus(whole, floorAtEnd);
            }

            private static Histogram minus(Histogram whole, Histogram before) {
                if (before == null) {
                    return whole;
                }
                Histogram h = whole.copy();
                h.subtract(before);
                return h;
            }
        }

        private static String trim(double d) {
            return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
        }
    }

    /** The checkout this class was loaded from (the folder with the {@code rrr} script), or null. */
    static Path repositoryRoot() {
        try {
            Path p = Path.of(BenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (; p != null; p = p.getParent()) {
                if (Files.isRegularFile(p.resolve("rrr")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                    return p;
                }
            }
        } catch (Exception e) {
            // not loaded from a file: no root
        }
        return null;
    }

    /** JVM, CPU and heap: the context of the numbers. */
    static void printEnvironment(PrintStream out) {
        Runtime rt = Runtime.getRuntime();
        out.printf(Locale.ROOT, "JVM: %s %s (%s), max heap %,d MiB, GC %s%n", System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version", System.getProperty("java.version")),
                System.getProperty("java.vm.vendor"), rt.maxMemory() / 1048576,
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                        .collect(Collectors.joining(" + ")));
        List<String> flags = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-X") || a.startsWith("-XX")).toList();
        out.println("JVM flags: " + (flags.isEmpty() ? "(none)" : String.join(" ", flags)));
        out.printf(Locale.ROOT, "CPU: %d available processors%s; OS %s %s %s%n", rt.availableProcessors(),
                cpuModel(), System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("os.arch"));
    }

    private static String cpuModel() {
        try {
            Path info = Path.of("/proc/cpuinfo");
            if (Files.isReadable(info)) {
                for (String l : Files.readAllLines(info)) {
                    if (l.startsWith("model name")) {
                        return ", " + l.substring(l.indexOf(':') + 1).trim();
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // no model name: print none
        }
        return "";
    }

    @Command(name = "scoring", mixinStandardHelpOptions = true,
            description = {"Scoring benchmark: loads a SavedModel (rrr train writes one) and scores real feature "
                    + "vectors (computed in-process from the captures) in batches, as the Flink scoring operator "
                    + "does per micro-batch. Prints per batch size: calls, latency p50/p99/mean per call, rows/s."})
    static class Scoring implements Callable<Integer> {
        @Mixin
        FileOptions input;

        @Option(names = "--model-dir", required = true, description = "model directory (saved_model/ + rrr-model.json)")
        Path modelDir;

        @Option(names = "--batch-sizes", split = ",", defaultValue = "1,64,1024",
                description = "batch sizes")
        List<Integer> batchSizes;

        @Option(names = "--seconds", defaultValue = "5", description = "timed seconds per batch size")
        double seconds;

        @Option(names = "--tf-device", description = "TensorFlow device, e.g. /CPU:0 or /GPU:0 (unset: TensorFlow's choice)")
        String device;

        @Override
        public Integer call() throws Exception {
            List<Path> files = input.resolve();
            PrintStream out = System.out;
            out.println("== rrr bench scoring ==");
            printEnvironment(out);
            try (var scorer = TfScorer.loadAnySpec(modelDir, device)) {
                float[][] vectors = ScoringBenchmark.vectors(new ReplayFeatures().compute(files, input.feeds),
                        scorer.inputs());
                out.printf(Locale.ROOT, "%,d scorable feature rows from %d capture files; spec %s%n", vectors.length,
                        files.size(), scorer.spec().id());
                out.println("model " + scorer.versionId() + " (" + modelDir + "), device "
                        + (device == null ? "TensorFlow default" : device));
                for (int b : batchSizes) {
                    var r = ScoringBenchmark.run(scorer, vectors, b, 200, 100,
                            (long) (seconds * 1e9));
                    ScoringBenchmark.print(out, r);
                }
            }
            return 0;
        }
    }

    @Command(name = "scale", mixinStandardHelpOptions = true, resourceBundle = ConfigDescriptions.BUNDLE,
            defaultValueProvider = ConfigDefaults.class,
            description = {"How the job's cost and state grow with the number of instruments. N instruments are made "
                    + "from one real Binance capture (the first FILE; unset: binance-spot 2024-08-08) by renaming its "
                    + "symbol in every frame (BTCUSDT -> A00USDT, A01USDT, ...): each instrument gets the capture's "
                    + "first --frames-per-instrument frames, its depth snapshot among them, frame by frame across all "
                    + "instruments.",
                    "1. Single thread, in process (as decode-book-features): ns/msg at each N beside N = 1 measured "
                            + "in the same run (before and after the others), and heap per instrument (used heap "
                            + "after a full GC with the state alive, minus before, / N). --levels 50: the snapshot "
                            + "cut to 50 levels (a limit=50 REST snapshot) and --book-max-levels 50; full: the "
                            + "captured 1,000-level snapshot and --book-max-levels (default 1,000; 0 = unbounded).",
                    "2. The job (MarketDataJob) on a one-TaskManager MiniCluster at --pipeline-instruments, full "
                            + "books, checkpoints to files (none may fail): completes or not, checkpoints and their "
                            + "size.",
                    "Give the JVM room: RRR_JAVA_OPTS='-Xms4g -Xmx4g' ./rrr bench scale"})
    static class Scale implements Callable<Integer> {
        @Mixin
        FileOptions input;

        @Option(names = "--instruments", split = ",", defaultValue = "1,100,1000,10000",
                description = "numbers of instruments (N = 1 is always measured: it is the baseline)")
        List<Integer> instruments;

        @Option(names = "--levels", split = ",", defaultValue = "50,full",
                description = "book sizes: 50 and/or full (comma-separated)")
        List<String> levels;

        @Option(names = "--frames-per-instrument", defaultValue = "300",
                description = "frames of the capture each instrument gets (from its start; the depth snapshot is "
                        + "always among them)")
        int framesPerInstrument;

        @Option(names = "--min-messages", defaultValue = "1000000",
                description = "small N are run again from fresh state until each point has this many messages")
        long minMessages;

        @Option(names = "--pipeline-instruments", defaultValue = "10000",
                description = "instruments of the job run on a MiniCluster (0: no job run)")
        int pipelineInstruments;

        @Option(names = "--pipeline-frames", defaultValue = "30",
                description = "frames per instrument in the job run")
        int pipelineFrames;

        @Option(names = "--depth-levels", descriptionKey = "rrr.book.depth-levels")
        int depthLevels;

        @Option(names = "--max-pending-diffs", descriptionKey = "rrr.book.max-pending-diffs")
        int maxPendingDiffs;

        @Option(names = "--book-max-levels", descriptionKey = "rrr.book.max-levels")
        int bookMaxLevels;

        @Option(names = "--out-of-orderness-ms", descriptionKey = "rrr.watermark.out-of-orderness-ms")
        long outOfOrdernessMs;

        @Override
        public Integer call() throws Exception {
            List<Integer> ns = new ArrayList<>(instruments);
            ns.removeIf(n -> n == 1);
            ns.sort(Comparator.naturalOrder());
            int max = ns.isEmpty() ? 1 : ns.get(ns.size() - 1);
            if (ns.stream().anyMatch(n -> n < 1) || max > SyntheticInstruments.MAX_INSTRUMENTS
                    || pipelineInstruments > SyntheticInstruments.MAX_INSTRUMENTS || pipelineInstruments < 0) {
                System.err.println("rrr bench scale: instruments must be 1.." + SyntheticInstruments.MAX_INSTRUMENTS);
                return 2;
            }
            if (framesPerInstrument < 1 || pipelineFrames < 1 || minMessages < 1
                    || !levels.stream().allMatch(l -> l.equals("50") || l.equals("full"))) {
                System.err.println("rrr bench scale: --levels takes 50 and/or full; --frames-per-instrument, "
                        + "--pipeline-frames and --min-messages must be >= 1");
                return 2;
            }
            Path file;
            try {
                file = input.resolve().get(0);
            } catch (IOException e) {
                System.err.println("rrr bench: " + e.getMessage());
                return 2;
            }
            PrintStream out = System.out;
            out.println("== rrr bench scale ==");
            printEnvironment(out);
            out.println("capture: " + file.toAbsolutePath().normalize());
            List<String> table = new ArrayList<>();
            for (String l : levels) {
                boolean full = l.equals("full");
                int snapshotLevels = full ? 0 : 50;
                int bookLevels = full ? bookMaxLevels : 50;
                SyntheticInstruments in = SyntheticInstruments.fromCapture(file, max, framesPerInstrument,
                        snapshotLevels);
                ScaleBenchmark bench = new ScaleBenchmark(depthLevels, maxPendingDiffs, bookLevels, outOfOrdernessMs);
                long perInstrument = bench.messagesPerInstrument(in);
                out.printf(Locale.ROOT, "%n-- levels %s: snapshot %s, --book-max-levels %d; %d frames = %,d messages "
                                + "(%,d bytes) per instrument, symbol %s renamed to %s..%s --%n", l,
                        full ? "as captured" : "cut to 50 levels", bookLevels, in.framesPerInstrument(), perInstrument,
                        in.bytesPerInstrument(), in.originalSymbol(), in.symbol(0), in.symbol(max - 1));
                bench.measure(in, Math.min(max, 100), minMessages); // warm-up: JIT
                ScaleBenchmark.Point before = bench.measure(in, 1, minMessages);
                print(out, l, before, Double.NaN);
                List<ScaleBenchmark.Point> points = new ArrayList<>();
                for (int n : ns) {
                    ScaleBenchmark.Point p = bench.measure(in, n, minMessages);
                    points.add(p);
                    print(out, l, p, before.nanosPerMessage());
                }
                ScaleBenchmark.Point after = bench.measure(in, 1, minMessages);
                print(out, l, after, before.nanosPerMessage());
                double base = (before.nanosPerMessage() + after.nanosPerMessage()) / 2;
                double cpuBase = (before.cpuNanosPerMessage() + after.cpuNanosPerMessage()) / 2;
                table.add(row(l, 1, base, 1.0, cpuBase, 1.0,
                        (before.heapBytesPerInstrument() + after.heapBytesPerInstrument()) / 2));
                for (ScaleBenchmark.Point p : points) {
                    table.add(row(l, p.instruments(), p.nanosPerMessage(), p.nanosPerMessage() / base,
                            p.cpuNanosPerMessage(), p.cpuNanosPerMessage() / cpuBase, p.heapBytesPerInstrument()));
                }
            }
            out.println();
            out.println("RESULT scale (one thread; ns/msg wall clock and thread CPU, each with its ratio to N = 1 of "
                    + "the same levels, the mean of before and after; heap per instrument after a full GC; on a busy "
                    + "machine the CPU columns are the steadier):");
            out.println(String.format(Locale.ROOT, "%-6s %12s %10s %8s %14s %8s %16s", "levels", "instruments",
                    "ns/msg", "x N=1", "CPU ns/msg", "x N=1", "heap/instrument"));
            table.forEach(out::println);
            if (pipelineInstruments > 0) {
                out.printf(Locale.ROOT, "%n-- the job on a MiniCluster: %,d instruments, full books (--book-max-levels "
                        + "%d), %d frames each, checkpoints every 500 ms to files, none may fail --%n",
                        pipelineInstruments, bookMaxLevels, pipelineFrames);
                SyntheticInstruments in = SyntheticInstruments.fromCapture(file, pipelineInstruments, pipelineFrames, 0);
                Path dir = Files.createTempDirectory("rrr-scale-checkpoints");
                try {
                    ScalePipelineRun.Result r = ScalePipelineRun.run(in, pipelineInstruments, bookMaxLevels, dir);
                    out.printf(Locale.ROOT, "RESULT scale job: %,d instruments, %,d events in %.1f s: completed; "
                                    + "%d checkpoints completed, %d failed; latest checkpoint %.1f MiB, largest %.1f "
                                    + "MiB = %,d bytes per instrument%n", pipelineInstruments, r.events(), r.seconds(),
                            r.completedCheckpoints(), r.failedCheckpoints(), r.latestCheckpointBytes() / 1048576.0,
                            r.largestCheckpointBytes() / 1048576.0, r.largestCheckpointBytes() / pipelineInstruments);
                    if (r.checkpointFailure() != null) {
                        out.println("latest failed checkpoint: " + r.checkpointFailure());
                    }
                    if (r.jobFailure() != null) {
                        out.println("the job restarted once after: " + r.jobFailure());
                    }
                } catch (Exception e) {
                    out.println("RESULT scale job: " + pipelineInstruments + " instruments: FAILED: " + e.getMessage());
                    return 1;
                } finally {
                    deleteTree(dir);
                }
            }
            return 0;
        }

        private static String row(String levels, int n, double ns, double ratio, double cpuNs, double cpuRatio,
                long heap) {
            return String.format(Locale.ROOT, "%-6s %,12d %10.1f %8.2f %14.1f %8.2f %,14d B", levels, n, ns, ratio,
                    cpuNs, cpuRatio, heap);
        }

        private static void print(PrintStream out, String levels, ScaleBenchmark.Point p, double baseNs) {
            out.printf(Locale.ROOT, "levels %s N=%,d: %d run(s), %,d messages in %.2f s = %.1f ns/msg%s (thread CPU "
                            + "%.1f ns/msg); heap/instrument %,d B; books %,d, synced tops %,d, gaps %d%n", levels,
                    p.instruments(), p.runs(), p.messages(), p.seconds(), p.nanosPerMessage(),
                    Double.isNaN(baseNs) ? "" : String.format(Locale.ROOT, " = %.2fx N=1", p.nanosPerMessage() / baseNs),
                    p.cpuNanosPerMessage(), p.heapBytesPerInstrument(), p.books(), p.syncedTops(), p.gaps());
        }

        private static void deleteTree(Path dir) throws IOException {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
