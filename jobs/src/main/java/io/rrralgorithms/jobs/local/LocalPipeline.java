package io.rrralgorithms.jobs.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.flink.StartPlanner;
import io.rrralgorithms.connectors.jdbc.PostgresDatabase;
import io.rrralgorithms.connectors.jdbc.PostgresTarget;
import io.rrralgorithms.connectors.kafka.CaptureReplayer;
import io.rrralgorithms.connectors.kafka.ControlTopic;
import io.rrralgorithms.connectors.kafka.EmbeddedKafkaBroker;
import io.rrralgorithms.connectors.kafka.ResyncRequests;
import io.rrralgorithms.connectors.latency.Latencies;
import io.rrralgorithms.connectors.live.CaptureConfig;
import io.rrralgorithms.connectors.live.CaptureService;
import io.rrralgorithms.connectors.venues.LiveStream;
import io.rrralgorithms.connectors.venues.LiveVenue;
import io.rrralgorithms.connectors.venues.Venues;
import io.rrralgorithms.jobs.JobOptions;
import io.rrralgorithms.jobs.JobSources;
import io.rrralgorithms.jobs.MarketDataJob;
import io.rrralgorithms.jobs.MarketDataSinks;
import io.rrralgorithms.jobs.config.JobConfigOptions;
import io.rrralgorithms.jobs.runtime.JobDurability;
import io.rrralgorithms.jobs.scoring.ServedModelRegistration;
import io.rrralgorithms.jobs.sinks.PostgresMarketDataSinks;
import io.rrralgorithms.jobs.ui.LivePage;
import io.rrralgorithms.jobs.ui.LiveState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.client.program.PerJobMiniClusterFactory;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.JobListener;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ExceptionUtils;
import org.apache.flink.util.FileUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one-command local run: an in-process KRaft Kafka broker (unless one is given), the replay
 * of the given captures into it, the job on a local Flink cluster with its web UI, PostgreSQL
 * (database created and migrated), and a summary at the end. Bounded: replay, then run the job
 * until it has drained the topics. Unbounded: start the job, replay at the given pace beside it,
 * and run until interrupted.
 *
 * <p>Live (no capture files and no {@code --feeds}): the live capture service
 * ({@link CaptureService}) writes the venues' frames into the embedded Kafka and the job runs
 * unbounded on them; by default Binance spot BTC-USDT and ETH-USDT. Before anything starts,
 * each venue's endpoint must answer a WebSocket handshake within the connect timeout; where none
 * does, the run stops at once with {@link NoExchangeAnswersException} (one line naming the
 * endpoint, the reason, and how to run on recorded data instead).
 */
public final class LocalPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(LocalPipeline.class);

    /** Flink's Prometheus reporter (flink-metrics-prometheus), as configured by {@code rrr run --prometheus-port}. */
    public static final String PROMETHEUS_REPORTER_FACTORY = "org.apache.flink.metrics.prometheus.PrometheusReporterFactory";

    /** Where the hint of the "no exchange answers" line points: the recorded Binance spot captures. */
    public static final String RECORDED_DATA_HINT = "./rrr run ../shared/data/market/binance-spot/*.gz "
            + "(./rrr fetch-samples downloads them where they are missing)";

    private final RunSpec s;
    /** The spec's durability, with this run's storage and restore path filled in. */
    private final JobDurability durability;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile RunningJob running;
    private volatile CaptureReplayer.Result lastReplay;
    private volatile JobCpu.Result lastJobCpu = JobCpu.Result.NONE;
    private long unboundedStartNs;
    private CaptureConfig live;
    private volatile CaptureService liveCapture;
    private StateDirectory state;
    private Path tempCheckpointDir;
    private List<String> stateInputs;
    private volatile LivePage livePage;
    /** Released by Ctrl-C or {@link #stop()}: ends the wait of {@code --keep-ui} after a bounded run. */
    private final CountDownLatch uiHold = new CountDownLatch(1);
    /** The embedded broker (null: an outside Kafka): closed, and its temporary folder removed, on every exit. */
    private volatile EmbeddedKafkaBroker broker;
    /** --keep-ui: the bounded job's cluster, kept after the job. */
    private KeptMiniClusters keptCluster;

    public LocalPipeline(RunSpec spec) {
        this.s = spec;
        this.durability = spec.durability.copy();
    }

    public RunSummary run() throws Exception {
        try {
            return runPipeline();
        } finally {
            LivePage page = livePage;
            if (page != null) {
                livePage = null;
                page.close();
            }
        }
    }

    private RunSummary runPipeline() throws Exception {
        if (s.files.isEmpty() && s.feeds.isEmpty()) {
            // live: first of all, does any exchange answer? (no point starting Kafka, Flink, …)
            live = s.capture != null ? s.capture : CaptureConfig.liveDefault();
            live.validate("capture configuration");
            for (String feed : live.feeds()) {
                if (!Venues.isSupported(feed)) {
                    throw new IllegalArgumentException("feed " + feed + " can be captured live but the job has no "
                            + "decoder for it; supported: " + Venues.feeds());
                }
            }
            requireExchangeAnswers(live);
        }
        prepareDatabase(s.postgres);
        ServedModelRegistration.register(s.job, s.postgres, s.out);
        startLivePage();

        List<String> feeds = new ArrayList<>(s.feeds);
        if (live != null) {
            feeds.addAll(live.feeds());
        }
        for (String f : CaptureReplayer.feedsOf(s.files, s.feedOfFile)) {
            if (!feeds.contains(f)) {
                feeds.add(f);
            }
        }
        if (feeds.isEmpty()) {
            throw new IllegalArgumentException("nothing to run: give capture files to replay, --feeds to read "
                    + "topics that already hold frames, or a live capture configuration");
        }

        List<String> inputs = live != null
                ? live.venues.stream().map(v -> "live:" + v.feed + ":" + v.endpoint(Venues.liveForFeed(v.feed)))
                        .toList()
                : s.files.isEmpty()
                ? feeds.stream().map(f -> topicPrefix() + f).toList()
                : s.files.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList();
        StateDirectory.LastRun previous = s.stateDir == null ? null : openStateDirectory(inputs);

        String bootstrap = s.bootstrapServers;
        Thread closeAtExit = null;
        if (bootstrap == null) {
            broker = EmbeddedKafkaBroker.start(s.kafkaPort, s.kafkaDir);
            bootstrap = broker.bootstrapServers();
            s.out.println("Kafka (embedded, KRaft) at " + bootstrap);
            if (s.bounded) { // Ctrl-C in a bounded run: the broker's temporary folder goes too (unbounded: stop())
                closeAtExit = new Thread(this::closeBroker, "rrr-kafka-close");
                Runtime.getRuntime().addShutdownHook(closeAtExit);
            }
        }
        try {
            CaptureReplayer.ensureTopics(bootstrap, s.kafkaProperties, topicPrefix(), feeds,
                    s.partitions);
            PipelineRuns runs = new PipelineRuns(s.postgres);
            boolean bounded = s.bounded && live == null; // a live run never drains
            UUID runId = runs.start(bounded ? "bounded" : "unbounded", inputs, bootstrap);
            s.out.println("run " + runId + " on feeds " + feeds + (live != null ? " (live capture)" : ""));
            if (state != null) {
                if (previous != null && StateDirectory.RUNNING.equals(previous.status())) {
                    runs.interrupted(previous.runId(), runId);
                }
                state.record(runId, StateDirectory.RUNNING, inputs);
                stateInputs = inputs;
            }
            RunSummary summary = bounded ? runBounded(bootstrap, feeds, runs, runId)
                    : runUnbounded(bootstrap, feeds, runs, runId);
            if (tempCheckpointDir != null) {
                FileUtils.deleteDirectoryQuietly(tempCheckpointDir.toFile());
            }
            return summary;
        } finally {
            stopLiveCapture();
            closeBroker();
            if (closeAtExit != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(closeAtExit);
                } catch (IllegalStateException shuttingDown) {
                    // the hook closes it too: closing twice is fine
                }
            }
        }
    }

    private void closeBroker() {
        EmbeddedKafkaBroker b = broker;
        if (b != null) {
            b.close(); // idempotent; deletes the folder it made
        }
    }

    private RunSummary runBounded(String bootstrap, List<String> feeds, PipelineRuns runs, UUID runId) throws Exception {
        if (!s.files.isEmpty()) {
            replay(bootstrap);
        }
        StreamExecutionEnvironment env = environment();
        build(env, bootstrap, feeds, true);
        long start = System.nanoTime();
        try {
            Latencies.reset(); // the summary's latencies are this run's
            JobExecutionResult result;
            try (JobCpu cpu = new JobCpu()) {
                result = executeBounded(env);
                cpu.close();
                lastJobCpu = cpu.result();
            }
            RunSummary summary = RunSummary.fromAccumulators(result.getAllAccumulatorResults(),
                    (System.nanoTime() - start) / 1e9).withLatencies(Latencies.percentiles());
            runs.finish(runId, "finished", result.getJobID().toString(), summary.toJson(), null);
            recordState(runId, StateDirectory.FINISHED);
            print(summary);
            keepUi();
            return summary;
        } catch (Exception e) {
            runs.finish(runId, "failed", null, null, String.valueOf(e));
            recordState(runId, "failed");
            throw e;
        }
    }

    /**
     * Runs the bounded job to its end with a status line every few seconds; with --keep-ui on a
     * local cluster that outlives the job (its web UI stays up until {@link #keepUi()} returns).
     */
    private JobExecutionResult executeBounded(StreamExecutionEnvironment env) throws Exception {
        JobClient job;
        if (s.keepUi) {
            keptCluster = new KeptMiniClusters();
            job = PerJobMiniClusterFactory.createWithFactory(Configuration.fromMap(env.getConfiguration().toMap()),
                    keptCluster::create).submitJob(env.getStreamGraph(), Thread.currentThread().getContextClassLoader())
                    .get();
        } else {
            job = env.executeAsync("rrr market data (bounded)");
        }
        Long lastFrameMs = lastReplay == null || lastReplay.lastReceiveTimeNs() == 0 ? null
                : lastReplay.lastReceiveTimeNs() / 1_000_000L;
        try (JobStatusLines status = new JobStatusLines(job, s.webPort, s.err, lastFrameMs).start()) {
            return job.getJobExecutionResult().get();
        } catch (ExecutionException e) {
            Throwable cause = ExceptionUtils.stripExecutionException(e);
            throw cause instanceof Exception x ? x : e;
        }
    }

    /**
     * --keep-ui: the finished job's web UI and the live page stay up until Enter, Ctrl-C or
     * {@link #stop()}; then the cluster stops. Standard input at its end (no terminal) is not Enter:
     * then only Ctrl-C or stop() ends the wait.
     */
    private void keepUi() throws Exception {
        LivePage page = livePage;
        if (!s.keepUi || (keptCluster == null && page == null)) {
            return;
        }
        List<String> kept = new ArrayList<>();
        if (keptCluster != null) {
            kept.add("web UI at http://localhost:" + s.webPort);
        }
        if (page != null) {
            kept.add("live page at " + page.url());
        }
        s.out.println("kept up (--keep-ui): " + String.join(", ", kept) + "; press Enter (or Ctrl-C) to stop");
        s.out.flush();
        Thread enter = new Thread(() -> {
            try {
                if (s.in.read() >= 0) {
                    uiHold.countDown();
                }
            } catch (IOException closed) {
                // no input: Ctrl-C or stop() ends the wait
            }
        }, "rrr-keep-ui-enter");
        enter.setDaemon(true);
        enter.start();
        Thread hook = new Thread(uiHold::countDown, "rrr-keep-ui");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            uiHold.await();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook released the wait
            }
            if (keptCluster != null) {
                keptCluster.release();
            }
        }
    }

    private RunSummary runUnbounded(String bootstrap, List<String> feeds, PipelineRuns runs, UUID runId)
            throws Exception {
        StreamExecutionEnvironment env = environment();
        build(env, bootstrap, feeds, false);
        unboundedStartNs = System.nanoTime();
        Latencies.reset(); // the summary's latencies are this run's
        JobClient job = env.executeAsync("rrr market data (unbounded)");
        running = new RunningJob(job, runs, runId);
        running.status = new JobStatusLines(job, s.webPort, s.err, null).start();
        running.database = s.database == null ? null : s.database.hold(); // Ctrl-C: the sinks flush into it first
        s.out.println("Flink job " + job.getJobID() + " running; web UI at http://localhost:" + s.webPort
                + " ; Ctrl-C to stop");
        Thread hook = new Thread(() -> {
            stop();
            closeBroker(); // the JVM ends after the hooks: the main thread's finally may never run
            if (tempCheckpointDir != null) {
                FileUtils.deleteDirectoryQuietly(tempCheckpointDir.toFile());
            }
        }, "rrr-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            if (live != null) {
                startLiveCapture(bootstrap);
            }
            if (!s.files.isEmpty()) {
                // a replay beside the job starts once its tasks run, or its first frames wait for them
                awaitTasksRunning(job, Duration.ofSeconds(60));
                if (s.beforeReplay != null) {
                    s.beforeReplay.run();
                }
                replay(bootstrap);
                s.out.println("replay done; the job keeps running on the topics (Ctrl-C to stop)");
            }
            var result = job.getJobExecutionResult();
            while (!stopped.await(1, TimeUnit.SECONDS)) {
                if (result.isDone()) {
                    result.get(); // the job ended by itself: a failure surfaces here
                    return stop();
                }
            }
            return running.summary;
        } catch (Exception e) {
            if (running.summary == null) {
                runs.finish(runId, "failed", job.getJobID().toString(), null, String.valueOf(e));
                recordState(runId, "failed");
            }
            throw e;
        } finally {
            running.status.close();
            running.releaseDatabase();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it stops the job
            }
        }
    }

    /**
     * Stops an unbounded run gracefully: stop-with-savepoint lets the sinks flush and the final
     * accumulators arrive, then the run is recorded as stopped and the summary printed. Called on
     * Ctrl-C; safe to call twice. The savepoint can resume the job ({@code flink run -s}).
     */
    public synchronized RunSummary stop() {
        uiHold.countDown();
        stopLiveCapture(); // the capture's last frames are flushed before the job stops
        RunningJob r = running;
        if (r == null || r.summary != null) {
            return r == null ? null : r.summary;
        }
        try {
            if (!r.job.getJobStatus().get().isGloballyTerminalState()) {
                Path savepoints = s.savepointDir != null ? s.savepointDir
                        : Files.createTempDirectory("rrr-savepoints");
                String savepoint = r.job.stopWithSavepoint(false, savepoints.toUri().toString(),
                        SavepointFormatType.CANONICAL).get(120, TimeUnit.SECONDS);
                s.out.println("stopped with savepoint " + savepoint);
            }
            JobExecutionResult result = r.job.getJobExecutionResult().get(120, TimeUnit.SECONDS);
            r.summary = RunSummary.fromAccumulators(result.getAllAccumulatorResults(),
                    (System.nanoTime() - unboundedStartNs) / 1e9).withLatencies(Latencies.percentiles());
            r.runs.finish(r.runId, "stopped", r.job.getJobID().toString(), r.summary.toJson(), null);
            recordState(r.runId, "stopped");
            print(r.summary);
        } catch (Exception e) {
            LOG.warn("stopping the job", e);
        } finally {
            r.status.close();
            r.releaseDatabase();
            stopped.countDown();
        }
        return r.summary;
    }

    /** The live page on --ui-port (its default port, or a free one when that is taken), unless off. */
    private void startLivePage() throws IOException {
        if (s.uiPort != null && s.uiPort < 0) {
            return;
        }
        int port = s.uiPort == null ? LivePage.DEFAULT_PORT : s.uiPort;
        livePage = LivePage.start(s.postgres, port, s.uiPort == null, LiveState.MAX_LEVELS);
        s.out.println("live page at " + livePage.url());
    }

    /** The URL of the live page, null when there is none: for tests. */
    public String livePageUrl() {
        LivePage page = livePage;
        return page == null ? null : page.url();
    }

    /**
     * Waits until every task of the job runs (the web UI's REST API: {@code /jobs/<id>}, every
     * vertex RUNNING), at most {@code timeout}; then goes on whatever the state (a failure surfaces
     * from the job's result).
     */
    private void awaitTasksRunning(JobClient job, Duration timeout) throws InterruptedException {
        if (s.webPort == 0) { // a port of the cluster's choice, unknown here: the job's status only
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && !jobIs(job, JobStatus.RUNNING)) {
                Thread.sleep(200);
            }
            return;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.webPort + "/jobs/"
                + job.getJobID())).timeout(Duration.ofSeconds(5)).build();
        ObjectMapper json = new ObjectMapper();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                JsonNode vertices = json.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body())
                        .path("vertices");
                boolean allRunning = vertices.size() > 0;
                for (JsonNode v : vertices) {
                    allRunning &= "RUNNING".equals(v.path("status").asText());
                }
                if (allRunning) {
                    return;
                }
            } catch (IOException e) {
                LOG.debug("job status not available yet: {}", e.toString());
            }
            if (jobIs(job, null)) {
                return; // it ended already: its result says why
            }
            Thread.sleep(200);
        }
        LOG.warn("the job's tasks are not all running after {} s; replaying anyway", timeout.toSeconds());
    }

    /** Whether the job is in {@code status}, or (null) in a terminal state. */
    private static boolean jobIs(JobClient job, JobStatus status) {
        try {
            JobStatus now = job.getJobStatus().get(5, TimeUnit.SECONDS);
            return status == null ? now.isTerminalState() : now == status;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } catch (Exception e) {
            return status == null; // no answer: treat as ended when asked whether it ended
        }
    }

    /**
     * Opens --state-dir: the broker's log, checkpoints and savepoints default to it, and unless its
     * last run finished, the job restores from the newest retained checkpoint or savepoint there.
     */
    private StateDirectory.LastRun openStateDirectory(List<String> inputs) throws IOException {
        state = new StateDirectory(s.stateDir);
        StateDirectory.LastRun previous = state.lastRun().orElse(null);
        if (previous != null && !previous.inputs().equals(inputs)) {
            throw new IllegalArgumentException("--state-dir " + s.stateDir + " holds a run of other inputs "
                    + previous.inputs() + ": give the same inputs to resume it, or another --state-dir");
        }
        if (s.kafkaDir == null) {
            s.kafkaDir = state.kafka();
        }
        if (s.savepointDir == null) {
            s.savepointDir = state.savepoints();
        }
        if (durability.checkpointDir == null) {
            durability.checkpointDir = state.checkpoints().toUri().toString();
        }
        if (previous != null && !StateDirectory.FINISHED.equals(previous.status()) && s.restorePath == null) {
            Optional<String> latest = JobDurability.latestRestorable(durability.checkpointDir,
                    s.savepointDir.toUri().toString());
            s.restorePath = latest.orElse(null);
            s.out.println("resuming run " + previous.runId() + " (" + previous.status() + ") from "
                    + latest.orElse("the start (no retained checkpoint)"));
        }
        return previous;
    }

    private void recordState(UUID runId, String status) {
        if (state != null) {
            try {
                state.record(runId, status, stateInputs);
            } catch (IOException e) {
                LOG.warn("cannot record the run in {}", s.stateDir, e);
            }
        }
    }

    /** The summary, then one {@code warning: } line per place where output is missing. */
    private void print(RunSummary summary) {
        s.out.print(summary.render());
        s.out.flush();
        summary.warnings().forEach(w -> s.err.println("warning: " + w));
        s.err.flush();
    }

    /**
     * Creates (where missing) and migrates the database; first of all, asks the server: where it
     * does not answer, {@link DatabaseUnavailableException} with the one line to print.
     */
    public static void prepareDatabase(PostgresTarget target) {
        try {
            PostgresDatabase.checkReachable(target);
        } catch (IllegalStateException e) {
            throw new DatabaseUnavailableException(e.getMessage(), e.getCause());
        }
        PostgresDatabase.createIfMissing(target);
        PostgresDatabase.migrate(target);
    }

    private static final class RunningJob {
        final JobClient job;
        final PipelineRuns runs;
        final UUID runId;
        volatile RunSummary summary;
        volatile AutoCloseable database;
        volatile JobStatusLines status;

        void releaseDatabase() {
            AutoCloseable d = database;
            if (d != null) {
                try {
                    d.close();
                } catch (Exception e) {
                    LOG.warn("releasing the database", e);
                }
            }
        }

        RunningJob(JobClient job, PipelineRuns runs, UUID runId) {
            this.job = job;
            this.runs = runs;
            this.runId = runId;
        }
    }

    /**
     * Probes every venue's endpoint (in parallel, each bounded by the connect timeout); throws
     * {@link NoExchangeAnswersException} when none answers, warns about those that do not when
     * some do (the capture keeps retrying them).
     */
    static void requireExchangeAnswers(CaptureConfig config) {
        Duration timeout = Duration.ofSeconds(config.connectTimeoutSeconds);
        List<URI> endpoints = new ArrayList<>();
        List<CompletableFuture<String>> probes = new ArrayList<>();
        for (CaptureConfig.Venue v : config.venues) {
            LiveVenue venue = Venues.liveForFeed(v.feed);
            List<LiveStream> streams = new ArrayList<>();
            for (String symbol : v.resolveNativeSymbols(venue)) {
                streams.addAll(venue.streams(symbol, v.channelSet()));
            }
            URI uri = venue.endpoint(v.endpoint(venue), streams);
            endpoints.add(uri);
            String restBase = v.restBase(venue); // where a venue's connections start with a REST handshake (KuCoin)
            probes.add(CompletableFuture.supplyAsync(() -> CaptureService.probe(venue, uri, restBase, timeout)));
        }
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < endpoints.size(); i++) {
            String reason = probes.get(i).join();
            if (reason != null) {
                URI u = endpoints.get(i);
                failures.add(u.getScheme() + "://" + u.getRawAuthority() + " (" + reason + ")");
            }
        }
        if (failures.size() == endpoints.size()) {
            throw new NoExchangeAnswersException("no exchange answers at " + String.join(", ", failures)
                    + "; to run on recorded data: " + RECORDED_DATA_HINT);
        }
        failures.forEach(f -> LOG.warn("no answer at {}; the capture keeps retrying it", f));
    }

    private void startLiveCapture(String bootstrap) throws IOException {
        live.kafka.bootstrap = bootstrap;
        live.kafka.topicPrefix = topicPrefix();
        live.kafka.partitions = s.partitions;
        live.kafka.properties.putAll(s.kafkaProperties);
        if (live.resyncTopic == null) {
            live.resyncTopic = resyncTopic();
        }
        liveCapture = CaptureService.toKafka(live).start();
        if (live.resyncTopic != null) {
            s.out.println("book gaps go to " + live.resyncTopic + " as resync requests: the capture fetches fresh "
                    + "snapshots (at most one per symbol per " + live.resyncIntervalMs + " ms)");
        }
        for (CaptureConfig.Venue v : live.venues) {
            LiveVenue venue = Venues.liveForFeed(v.feed);
            s.out.println("live capture of " + v.feed + " " + v.resolveNativeSymbols(venue) + " from "
                    + v.endpoint(venue) + " into " + topicPrefix() + v.feed);
        }
    }

    private void stopLiveCapture() {
        CaptureService c = liveCapture;
        if (c != null) {
            liveCapture = null;
            c.close();
        }
    }

    private void replay(String bootstrap) throws Exception {
        var result = CaptureReplayer.builder()
                .bootstrapServers(bootstrap)
                .kafkaProperties(s.kafkaProperties)
                .topicPrefix(topicPrefix())
                .partitions(s.partitions)
                .speed(s.speed)
                .pace(s.pace)
                .maxPause(Duration.ofNanos((long) (s.maxPauseSeconds * 1e9)))
                .resume(state != null)
                .maxDuration(s.maxReplaySeconds == null ? null : Duration.ofNanos((long) (s.maxReplaySeconds * 1e9)))
                .progress(s.replayProgress ? System.err : null)
                .build()
                .replay(s.files, s.feedOfFile);
        s.out.printf("replayed %,d frames into %s in %.1f s%n", result.frames(), result.framesPerTopic().keySet(),
                result.seconds());
        if (result.alreadyPublished() > 0) {
            s.out.printf("(%,d frames were already in the topics from the interrupted run)%n", result.alreadyPublished());
        }
        lastReplay = result;
    }

    /** What the last replay of this run published (null before one ran): for benchmarks. */
    public CaptureReplayer.Result lastReplay() {
        return lastReplay;
    }

    /** CPU time of the process and of the job's task threads while the last bounded job ran (NaN before one ran). */
    public JobCpu.Result lastJobCpu() {
        return lastJobCpu;
    }

    private StreamExecutionEnvironment environment() throws IOException {
        Configuration conf = new Configuration();
        conf.set(RestOptions.PORT, s.webPort);
        conf.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        // the status lines (JobStatusLines) read the vertex metrics and accumulators: fresh every 2 s, not 10
        conf.setString("metrics.fetcher.update-interval", "2000");
        conf.setString("heartbeat.interval", "2000");
        if (s.prometheusPort != null) {
            conf.setString("metrics.reporter.prom.factory.class", PROMETHEUS_REPORTER_FACTORY);
            conf.setString("metrics.reporter.prom.port", String.valueOf(s.prometheusPort));
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(conf);
        env.registerJobListener(new JobListener() { // the live page links to the job's page of the web UI
            @Override
            public void onJobSubmitted(JobClient client, Throwable error) {
                LivePage page = livePage;
                if (client != null && page != null) {
                    page.flinkJob(s.webPort == 0 ? null : "http://localhost:" + s.webPort, client.getJobID().toString());
                }
            }

            @Override
            public void onJobExecuted(JobExecutionResult result, Throwable error) {}
        });
        if (durability.checkpointDir == null) {
            durability.checkpointDir = checkpointDir().toUri().toString();
        }
        if (s.savepointDir != null) {
            durability.savepointDir = s.savepointDir.toUri().toString();
        }
        durability.restorePath = s.restorePath;
        durability.apply(env, true);
        s.out.println("Flink web UI at http://localhost:" + s.webPort);
        if (s.prometheusPort != null) {
            s.out.println("Prometheus metrics at http://localhost:" + s.prometheusPort + "/metrics");
        }
        return env;
    }

    /**
     * The local checkpoint storage: under the state directory, else a temporary folder, kept when
     * the run fails (its retained checkpoint may be resumed with an outside Kafka) and removed when
     * it ends normally.
     */
    /** The temporary checkpoint folder of a run without --state-dir (null before it is made): for tests. */
    public Path tempCheckpointDir() {
        return tempCheckpointDir;
    }

    private Path checkpointDir() throws IOException {
        if (s.stateDir != null) {
            return Files.createDirectories(s.stateDir.resolve("checkpoints"));
        }
        tempCheckpointDir = Files.createTempDirectory("rrr-checkpoints");
        return tempCheckpointDir;
    }

    private void build(StreamExecutionEnvironment env, String bootstrap, List<String> feeds, boolean bounded) {
        List<MarketDataSinks> sinks = new ArrayList<>();
        sinks.add(new PostgresMarketDataSinks(s.postgres));
        sinks.addAll(s.extraSinks);
        String resyncTopic = resyncTopic();
        if (resyncTopic != null) {
            try {
                ControlTopic.ensure(bootstrap, s.kafkaProperties,
                        resyncTopic);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        JobSources sources = new JobSources(bootstrap, s.kafkaProperties, s.job);
        long planning = System.nanoTime();
        Optional<StartPlanner.StartPlan> start = sources.startPlan(feeds, s.restorePath != null);
        start.ifPresent(p -> {
            s.out.printf("backfill from %s: rows from %s, state rebuilt from offsets %s (start offsets %s; planned in "
                    + "%.1f s)%n", s.job.get(JobConfigOptions.FROM), Instant.ofEpochMilli(p.emitFromMs()), p.readFrom(),
                    p.startAt(), (System.nanoTime() - planning) / 1e9);
            p.warnings().forEach(w -> s.err.println("warning: " + w));
        });
        new MarketDataJob(sources.rawFrames(feeds, bounded, start), sources.modelAnnouncements(bounded),
                sources.riskCommands(bounded), sinks, JobOptions.from(s.job, s.modelRegistry)
                        .withResync(bootstrap, resyncTopic, s.kafkaProperties).withBackfill(start)).build(env);
    }

    private String topicPrefix() {
        return s.job.get(JobConfigOptions.TOPIC_PREFIX);
    }

    /**
     * The resync topic: --resync-topic where given; in a live run {@link ResyncRequests#DEFAULT_TOPIC}
     * (the job's gaps go to the capture, which fetches fresh snapshots); else none (a replay waits
     * for the next recorded snapshot).
     */
    private String resyncTopic() {
        return s.job.getOptional(JobConfigOptions.RESYNC_TOPIC)
                .orElse(live != null ? ResyncRequests.DEFAULT_TOPIC : null);
    }
}
