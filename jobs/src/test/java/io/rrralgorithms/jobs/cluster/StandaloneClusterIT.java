package io.rrralgorithms.jobs.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.kafka.CaptureReplayer;
import io.rrralgorithms.connectors.kafka.EmbeddedKafkaBroker;
import io.rrralgorithms.jobs.JavaProcesses;
import io.rrralgorithms.jobs.SharedData;
import io.rrralgorithms.jobs.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessSpec;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessUtils;
import org.apache.flink.runtime.util.config.memory.ProcessMemoryUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job jar on a standalone session cluster, as a Flink distribution runs it: a JobManager
 * ({@code StandaloneSessionClusterEntrypoint}) and TaskManagers ({@code TaskManagerRunner}) as
 * separate JVMs on what a distribution's {@code lib/} holds (Flink and logging, no job classes, no
 * connectors), the TaskManager started with the memory settings and JVM flags {@code
 * taskmanager.sh} derives ({@code BashJavaUtils}: {@link TaskExecutorProcessUtils}); the shaded
 * jar uploaded and run through the REST API as the web UI does. Runs in the integration-test
 * phase, on the packaged jar ({@code rrr.jobJar}).
 *
 * <ol>
 *   <li>a bad option: the submitter gets the one-line error, the JobManager lives on;
 *   <li>the reference: the Binance spot capture (pre-published) through an unbounded job run with
 *       {@code "parallelism": 2} (every vertex at 2) until quiet;
 *   <li>the same capture published paced while a second job (third submission in the same
 *       JobManager, migrating its own database) reads it: its TaskManager {@code kill -9}ed
 *       mid-stream and a new one started (the job recovers from its checkpoint); then the
 *       JobManager {@code kill -9}ed (no HA: the job is gone with it), JobManager and TaskManager
 *       restarted, the same command submitted with {@code --resume latest}; when the input is
 *       drained and the sinks have flushed, every table equals the reference's row for row, and
 *       the row counters (operator state) equal the reference's: nothing lost, nothing written
 *       twice.
 * </ol>
 */
class StandaloneClusterIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String FEED = "binance-spot";
    static final double SPEED = Double.parseDouble(System.getProperty("rrr.cluster.speed", "6"));
    /** The market-data tables compared ({@link TestDatabase#TABLES}): this job has no scoring or trading. */
    static final List<String> TABLES = List.of("book_top", "features", "trade_bars_1m", "book_gaps", "dead_letters");

    @TempDir
    Path tmp;

    final List<Process> processes = new ArrayList<>();
    Path logs;
    Path conf;
    String classPath;
    String base;
    int nextLog;

    @Test
    void restSubmissionsAndRecoveryFromTaskManagerAndJobManagerKills() throws Exception {
        String jar = System.getProperty("rrr.jobJar");
        assumeTrue(jar != null && Files.isRegularFile(Path.of(jar)),
                "runs in the integration-test phase, on the packaged job jar (rrr.jobJar)");
        Path capture = withBadFrames(SharedData.market("binance-spot/btcusdt_20240808.gz"));
        logs = Files.createDirectories(Path.of(System.getProperty("rrr.clusterLogs", tmp.resolve("logs").toString())));
        try (var old = Files.list(logs)) {
            for (Path f : old.toList()) {
                Files.delete(f); // the logs of an earlier run
            }
        }
        conf = writeConfig();
        classPath = clusterClassPath();
        String checkpoints = tmp.resolve("checkpoints").toUri().toString();
        Map<String, Long> recovery = new LinkedHashMap<>();
        try (TestDatabase ref = new TestDatabase(); TestDatabase rst = new TestDatabase();
                EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(0, null)) {
            Process jm = startJobManager();
            Process tm = startTaskManager();
            awaitSlots(2, jm);
            String jarId = upload(Path.of(jar));

            // 1. a bad option: the submitter gets the one-line error; the JobManager lives on
            List<String> badArgs = new ArrayList<>(jobArgs(kafka, "ref.", ref, checkpoints, false));
            badArgs.add("--nosuch");
            HttpResponse<String> bad = run(jarId, badArgs, null);
            assertTrue(bad.statusCode() >= 400, bad.body());
            assertTrue(bad.body().contains("rrr job: Unknown option: '--nosuch'"), bad.body());
            assertTrue(jm.isAlive(), "the JobManager died");
            assertEquals(200, get("/overview").statusCode());

            // 2. the reference, pre-published, read by an unbounded job at the request's parallelism 2
            CaptureReplayer.ensureTopics(kafka.bootstrapServers(), "ref.", List.of(FEED), 1);
            CaptureReplayer.builder().bootstrapServers(kafka.bootstrapServers()).topicPrefix("ref.").build()
                    .replay(List.of(capture), FEED);
            long t0 = System.nanoTime();
            String refJob = submit(jarId, jobArgs(kafka, "ref.", ref, tmp.resolve("ref-checkpoints").toUri().toString(),
                    false));
            List<Integer> parallelism = new ArrayList<>();
            JSON.readTree(get("/jobs/" + refJob).body()).get("vertices")
                    .forEach(v -> parallelism.add(v.get("parallelism").asInt()));
            assertTrue(!parallelism.isEmpty() && parallelism.stream().allMatch(p -> p == 2),
                    "the request's parallelism on every vertex: " + parallelism);
            awaitRunning(refJob);
            awaitQuiet(ref, refJob, "reference");
            Map<String, Long> refCounts = rowCounts(refJob);
            cancel(refJob);
            System.out.printf("reference: %.1f s, rows %s%n", (System.nanoTime() - t0) / 1e9, refCounts);

            // 3. the same data paced, read by a job whose TaskManager, then JobManager, are killed
            CaptureReplayer.ensureTopics(kafka.bootstrapServers(), "rst.", List.of(FEED), 1);
            List<String> rstArgs = jobArgs(kafka, "rst.", rst, checkpoints, true);
            String job1 = submit(jarId, rstArgs);
            awaitRunning(job1);
            CompletableFuture<CaptureReplayer.Result> replay = CompletableFuture.supplyAsync(() -> {
                try {
                    return CaptureReplayer.builder().bootstrapServers(kafka.bootstrapServers()).topicPrefix("rst.")
                            .speed(SPEED).build().replay(List.of(capture), FEED);
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });

            // TaskManager: kill -9 mid-stream, a new one; the JobManager restarts the job from its checkpoint
            awaitRows(rst, "book_top", 40, job1); // of 345: one a second of the capture's ~346 s
            long ckBefore = awaitCheckpoints(job1, lastCheckpoint(job1) + 1, -1);
            assertTrue(!replay.isDone(), "the replay ended before the TaskManager kill: lower rrr.cluster.speed");
            long killTm = System.nanoTime();
            tm.destroyForcibly().waitFor();
            tm = startTaskManager();
            long ck = awaitCheckpoints(job1, ckBefore + 1, killTm);
            recovery.put("TaskManager kill -9", System.nanoTime() - killTm);
            System.out.printf("TaskManager killed after checkpoint %d, job recovered, checkpoint %d completed after %.1f s%n",
                    ckBefore, ck, (System.nanoTime() - killTm) / 1e9);

            // JobManager (no HA): kill -9 mid-stream, restart it and the TaskManager, the same command with --resume latest
            awaitRows(rst, "book_top", 150, job1);
            awaitCheckpoints(job1, lastCheckpoint(job1) + 1, -1);
            assertTrue(!replay.isDone(), "the replay ended before the JobManager kill: lower rrr.cluster.speed");
            long killJm = System.nanoTime();
            jm.destroyForcibly().waitFor();
            tm.destroyForcibly().waitFor();
            jm = startJobManager();
            tm = startTaskManager();
            awaitSlots(2, jm);
            String job2 = submit(upload(Path.of(jar)), rstArgs);
            awaitCheckpoints(job2, 1, -1);
            recovery.put("JobManager kill -9 (+ restart, resubmit --resume latest)", System.nanoTime() - killJm);
            JsonNode restored = JSON.readTree(get("/jobs/" + job2 + "/checkpoints").body()).path("latest").path("restored");
            System.out.printf("JobManager killed; restarted, resubmitted, restored from %s, first checkpoint after %.1f s%n",
                    restored.path("external_path").asText(), (System.nanoTime() - killJm) / 1e9);
            assertTrue(restored.path("external_path").asText().contains(job1), "restored from job 1's checkpoint: "
                    + restored);

            CaptureReplayer.Result published = replay.get();
            System.out.printf("replay: %d frames in %.1f s (speed %s)%n", published.frames(), published.seconds(), SPEED);
            awaitQuiet(rst, job2, "recovered job");
            Map<String, Long> rstCounts = rowCounts(job2);
            cancel(job2);

            // every table row for row, and the row counters: nothing lost, nothing written twice
            List<String> mismatches = new ArrayList<>();
            long lostRows = 0;
            long extraRows = 0;
            for (String t : TABLES) {
                List<String> a = ref.table(t);
                List<String> b = rst.table(t);
                Set<String> onlyA = new LinkedHashSet<>(a);
                b.forEach(onlyA::remove);
                Set<String> onlyB = new LinkedHashSet<>(b);
                a.forEach(onlyB::remove);
                lostRows += onlyA.size();
                extraRows += onlyB.size();
                System.out.printf("  %-14s %7d rows (reference) %7d rows (recovered), %d only in the reference, "
                        + "%d only in the recovered run%n", t, a.size(), b.size(), onlyA.size(), onlyB.size());
                if (!a.equals(b)) {
                    mismatches.add(t + ": " + firstDiff(a, b));
                }
            }
            // the counters count every row emitted towards a sink (upserts would hide a replayed row in the tables)
            long lostCounted = 0;
            long duplicatedCounted = 0;
            for (String k : new TreeSet<>(refCounts.keySet())) {
                long d = rstCounts.getOrDefault(k, 0L) - refCounts.get(k);
                lostCounted += Math.max(0, -d);
                duplicatedCounted += Math.max(0, d);
            }
            System.out.println("recovery table (one run, both faults): fault | rows lost | rows duplicated | time to recover");
            for (var e : recovery.entrySet()) {
                System.out.printf("  %s | %d | %d | %.1f s%n", e.getKey(), Math.max(lostRows, lostCounted),
                        Math.max(extraRows, duplicatedCounted), e.getValue() / 1e9);
            }
            if (!refCounts.equals(rstCounts)) {
                mismatches.add("row counters: reference " + refCounts + " vs recovered " + rstCounts);
            }
            assertTrue(mismatches.isEmpty(), "tables differ:\n" + String.join("\n", mismatches));
            for (String t : List.of("book_top", "features", "trade_bars_1m", "dead_letters")) {
                assertTrue(ref.count(t) > 0, t + " is empty");
            }
            assertTrue(jm.isAlive());
        } finally {
            for (Process p : processes) {
                p.destroyForcibly().waitFor();
            }
        }
    }

    /**
     * The capture with 3 bad frames after each of two trades (one before, one after the JobManager
     * kill): truncated JSON, an unknown stream, a wrong field type; they go to dead_letters.
     */
    private Path withBadFrames(Path gz) throws IOException {
        List<String> lines;
        try (var in = new GZIPInputStream(Files.newInputStream(gz))) {
            lines = new ArrayList<>(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        }
        for (int from : new int[] {30_000, 9_000}) { // the later one first: indexes stay valid
            int at = from;
            while (!lines.get(at).contains("@trade")) {
                at++;
            }
            String trade = lines.get(at);
            lines.add(at + 1, trade.substring(0, trade.length() - 12));
            lines.add(at + 1, trade.replace("btcusdt@trade", "btcusdt@nosuch"));
            lines.add(at + 1, trade.replaceFirst("\"p\":\"[0-9.]+\"", "\"p\":[1]"));
        }
        Path out = Files.createDirectories(tmp.resolve("capture")).resolve(gz.getFileName());
        try (var w = new GZIPOutputStream(Files.newOutputStream(out))) {
            w.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    private List<String> jobArgs(EmbeddedKafkaBroker kafka, String prefix, TestDatabase db, String checkpointDir,
            boolean resume) {
        List<String> a = new ArrayList<>(List.of("job", "--bootstrap-servers", kafka.bootstrapServers(), "--feeds", FEED,
                "--topic-prefix", prefix, "--group-id", prefix + "group", "--jdbc-url", db.target.jdbcUrl(),
                "--checkpoint-dir", checkpointDir, "--checkpoint-interval-ms", "1000", "--idleness-ms", "1000",
                "--restart-initial-backoff-ms", "200", "--restart-max-backoff-ms", "1000"));
        if (resume) {
            a.addAll(List.of("--resume", "latest"));
        }
        return a;
    }

    // ---- the cluster's processes

    private Path writeConfig() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("conf"));
        int rpc = freePort();
        int rest = freePort();
        base = "http://127.0.0.1:" + rest;
        Files.writeString(dir.resolve("config.yaml"), String.join("\n",
                "jobmanager.rpc.address: 127.0.0.1",
                "jobmanager.rpc.port: " + rpc,
                "jobmanager.bind-host: 127.0.0.1",
                "jobmanager.memory.process.size: 1g",
                "rest.address: 127.0.0.1",
                "rest.bind-address: 127.0.0.1",
                "rest.port: " + rest,
                "taskmanager.host: 127.0.0.1",
                "taskmanager.bind-host: 127.0.0.1",
                "taskmanager.numberOfTaskSlots: 2",
                "taskmanager.memory.process.size: 1280m",
                "taskmanager.memory.managed.size: 64m",
                // a killed TaskManager is noticed within seconds, not the default 50 s
                "heartbeat.interval: 1000",
                "heartbeat.timeout: 5000",
                "web.tmpdir: " + tmp.resolve("web"),
                "io.tmp.dirs: " + tmp.resolve("io"),
                ""));
        Files.writeString(dir.resolve("log4j2.properties"), String.join("\n",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.console.ref = Console",
                "rootLogger.appenderRef.file.ref = File",
                "appender.console.type = Console",
                "appender.console.name = Console",
                "appender.console.layout.type = PatternLayout",
                "appender.console.layout.pattern = %d{HH:mm:ss,SSS} %-5p %c{1} - %m%n",
                "appender.console.filter.threshold.type = ThresholdFilter",
                "appender.console.filter.threshold.level = WARN",
                "appender.file.type = File",
                "appender.file.name = File",
                "appender.file.fileName = ${sys:log.file}",
                "appender.file.layout.type = PatternLayout",
                "appender.file.layout.pattern = %d{HH:mm:ss,SSS} %-5p %t %c - %m%n",
                "logger.kafka.name = org.apache.kafka",
                "logger.kafka.level = WARN",
                ""));
        return dir;
    }

    private List<String> logOptions(String name) {
        return List.of("-Dlog.file=" + logs.resolve(name + ".log"),
                "-Dlog4j.configurationFile=" + conf.resolve("log4j2.properties").toUri());
    }

    private Process startJobManager() throws IOException {
        String name = "jobmanager-" + (++nextLog);
        List<String> jvm = new ArrayList<>(List.of("-Xmx512m", "-XX:+UseSerialGC"));
        jvm.addAll(logOptions(name));
        Process p = JavaProcesses.start(classPath, jvm,
                "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint",
                List.of("--configDir", conf.toString()), logs.resolve(name + ".out"));
        processes.add(p);
        return p;
    }

    /** As taskmanager.sh: the JVM's memory flags and the derived memory settings from the configuration. */
    private Process startTaskManager() throws IOException {
        String name = "taskmanager-" + (++nextLog);
        Configuration c = GlobalConfiguration.loadConfiguration(conf.toString());
        TaskExecutorProcessSpec spec = TaskExecutorProcessUtils.processSpecFromConfig(c);
        List<String> jvm = new ArrayList<>(Arrays.asList(ProcessMemoryUtils.generateJvmParametersStr(spec).split(" ")));
        jvm.add("-XX:+UseSerialGC");
        jvm.addAll(logOptions(name));
        List<String> args = new ArrayList<>(List.of("--configDir", conf.toString()));
        args.addAll(Arrays.asList(TaskExecutorProcessUtils.generateDynamicConfigsStr(spec).trim().split(" ")));
        Process p = JavaProcesses.start(classPath, jvm, "org.apache.flink.runtime.taskexecutor.TaskManagerRunner", args,
                logs.resolve(name + ".out"));
        processes.add(p);
        return p;
    }

    /**
     * What a Flink distribution's lib/ holds, from the test class path: Flink's jars (flink-dist's
     * modules), their dependencies and log4j; not the job's classes, connectors (flink-runtime brings flink-connector-datagen, so flink-dist has it), Kafka, the JDBC
     * driver, Flyway, Jackson, picocli, TensorFlow, Scala or test jars.
     */
    static String clusterClassPath() {
        List<String> kept = new ArrayList<>();
        List<String> notInLib = List.of("rrr-", "flink-connector-base", "flink-connector-kafka", "flink-connector-jdbc","flink-test-utils", "flink-statebackend-rocksdb",
                "frocksdbjni", "kafka", "scala", "postgresql", "flyway", "tensorflow", "javacpp", "ndarray", "protobuf",
                "picocli", "jackson", "junit", "opentest4j", "apiguardian", "hamcrest", "assertj", "testcontainers",
                "docker-java", "duct-tape", "curator", "zookeeper", "jna", "byte-buddy", "jopt", "argparse4j",
                "pcollections", "metrics-core", "jose4j", "caffeine", "async-profiler", "netty-", "paranamer",
                "audience-annotations", "snakeyaml-2");
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(e).getFileName().toString();
            boolean ours = e.contains("/target/classes") || e.contains("/target/test-classes");
            boolean excluded = name.endsWith("-tests.jar") || notInLib.stream().anyMatch(name::startsWith);
            if (!ours && !excluded && name.endsWith(".jar")) {
                kept.add(e);
            }
        }
        return String.join(File.pathSeparator, kept);
    }

    // ---- REST

    void awaitSlots(int slots, Process jm) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            assertTrue(jm.isAlive(), () -> "the JobManager ended: " + tail("jobmanager"));
            try {
                HttpResponse<String> r = get("/overview");
                if (r.statusCode() == 200 && JSON.readTree(r.body()).get("slots-total").asInt() >= slots) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            assertTrue(System.nanoTime() < deadline, () -> "no TaskManager registered: " + tail("taskmanager"));
            Thread.sleep(300);
        }
    }

    void awaitRunning(String jobId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            JsonNode job = JSON.readTree(get("/jobs/" + jobId).body());
            String state = job.path("state").asText();
            boolean all = state.equals("RUNNING");
            for (JsonNode v : job.path("vertices")) {
                all &= v.path("status").asText().equals("RUNNING");
            }
            if (all) {
                return;
            }
            assertTrue(!state.equals("FAILED") && System.nanoTime() < deadline, "job state " + state + ": "
                    + tail("jobmanager"));
            Thread.sleep(300);
        }
    }

    /**
     * Waits until the job has completed checkpoint {@code atLeast} (id), restored after {@code since}
     * (System.nanoTime of a kill) when given; returns the newest completed id.
     */
    long awaitCheckpoints(String jobId, long atLeast, long since) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
        long sinceMs = since < 0 ? 0 : System.currentTimeMillis() - (System.nanoTime() - since) / 1_000_000;
        while (true) {
            HttpResponse<String> r = get("/jobs/" + jobId + "/checkpoints");
            if (r.statusCode() == 200) {
                JsonNode latest = JSON.readTree(r.body()).path("latest");
                long id = latest.path("completed").path("id").asLong(-1);
                long restoredAt = latest.path("restored").path("restore_timestamp").asLong(0);
                if (id >= atLeast && (since < 0 || restoredAt >= sinceMs)) {
                    return id;
                }
            }
            JsonNode job = JSON.readTree(get("/jobs/" + jobId).body());
            assertTrue(!job.path("state").asText().equals("FAILED") && System.nanoTime() < deadline,
                    "waiting for checkpoint " + atLeast + " of " + jobId + ", state " + job.path("state").asText()
                            + ": " + r.body() + "\n" + tail("jobmanager"));
            Thread.sleep(250);
        }
    }

    void awaitRows(TestDatabase db, String table, long n, String jobId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (db.count(table) < n) {
            assertTrue(System.nanoTime() < deadline, table + " never reached " + n + " rows");
            Thread.sleep(200);
        }
    }

    long lastCheckpoint(String jobId) throws Exception {
        return JSON.readTree(get("/jobs/" + jobId + "/checkpoints").body()).path("latest").path("completed").path("id")
                .asLong(0);
    }

    /** The input drained and the sinks flushed: no table changes for 5 s (checkpoints, hence flushes, every 1 s). */
    void awaitQuiet(TestDatabase db, String jobId, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        String last = "";
        long since = System.nanoTime();
        while (System.nanoTime() - since < Duration.ofSeconds(5).toNanos() || last.startsWith("0/")) {
            StringBuilder now = new StringBuilder();
            for (String t : TABLES) {
                now.append(db.count(t)).append('/');
            }
            if (!now.toString().equals(last)) {
                last = now.toString();
                since = System.nanoTime();
            }
            String state = JSON.readTree(get("/jobs/" + jobId).body()).path("state").asText();
            assertEquals("RUNNING", state, what + ": " + tail("jobmanager"));
            assertTrue(System.nanoTime() < deadline, what + " never went quiet (" + now + ")");
            Thread.sleep(250);
        }
    }

    Map<String, Long> rowCounts(String jobId) throws Exception {
        Map<String, Long> out = new TreeMap<>();
        for (JsonNode a : JSON.readTree(get("/jobs/" + jobId + "/accumulators").body()).path("user-task-accumulators")) {
            String name = a.path("name").asText();
            if (name.startsWith("rows.")) {
                out.put(name.substring("rows.".length()), Long.parseLong(a.path("value").asText()));
            }
        }
        return out;
    }

    String submit(String jarId, List<String> args) throws Exception {
        HttpResponse<String> ok = run(jarId, args, 2);
        assertEquals(200, ok.statusCode(), ok.body());
        return JSON.readTree(ok.body()).get("jobid").asText();
    }

    void cancel(String jobId) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/jobs/" + jobId + "?mode=cancel"))
                .method("PATCH", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, r.statusCode(), r.body());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!JSON.readTree(get("/jobs/" + jobId).body()).path("state").asText().equals("CANCELED")) {
            assertTrue(System.nanoTime() < deadline, "cancel of " + jobId);
            Thread.sleep(200);
        }
    }

    String upload(Path jar) throws Exception {
        String boundary = "rrr" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
                + jar.getFileName() + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/jars/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofFile(jar), HttpRequest.BodyPublishers.ofByteArray(tail)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return Path.of(JSON.readTree(r.body()).get("filename").asText()).getFileName().toString();
    }

    HttpResponse<String> run(String jarId, List<String> args, Integer parallelism) throws Exception {
        Map<String, Object> body = parallelism == null ? Map.of("programArgsList", args)
                : Map.of("programArgsList", args, "parallelism", parallelism);
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/jars/" + jarId + "/run"))
                .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The last lines of the newest log of that process kind. */
    String tail(String kind) {
        try (var files = Files.list(logs)) {
            Path f = files.filter(p -> p.getFileName().toString().startsWith(kind) && p.toString().endsWith(".log"))
                    .max((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).orElse(null);
            if (f == null) {
                return "(no " + kind + " log)";
            }
            List<String> lines = Files.readAllLines(f);
            return f + ":\n" + lines.stream().skip(Math.max(0, lines.size() - 30)).collect(Collectors.joining("\n"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static String firstDiff(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            if (!a.get(i).equals(b.get(i))) {
                return "row " + i + "\n    reference: " + a.get(i) + "\n    recovered: " + b.get(i);
            }
        }
        return "sizes " + a.size() + " (reference) vs " + b.size() + " (recovered)";
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
