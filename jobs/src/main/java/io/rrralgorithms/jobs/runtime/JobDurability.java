package io.rrralgorithms.jobs.runtime;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the job survives failures, in one place for the local run and the cluster entry point:
 * parallelism, checkpoint interval and storage, retained (externalized) checkpoints, a bounded
 * restart strategy, tolerated checkpoint failures, and the checkpoint or savepoint to restore.
 *
 * <p>Each setting is applied only where it was given explicitly (a non-null field) or where the
 * environment's configuration (on a cluster: config.yaml, {@code -D}, {@code flink run -p/-s})
 * does not set it already; then this class's defaults apply. So cluster settings win over the
 * defaults, and explicit options win over both.
 */
public final class JobDurability {
    private static final Logger LOG = LoggerFactory.getLogger(JobDurability.class);

    // in milliseconds too: the command line's descriptions name them (annotations need constants)
    public static final long DEFAULT_CHECKPOINT_INTERVAL_MS = 10_000L;
    public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofMillis(DEFAULT_CHECKPOINT_INTERVAL_MS);
    public static final int DEFAULT_RESTART_ATTEMPTS = 10;
    public static final long DEFAULT_RESTART_INITIAL_BACKOFF_MS = 1_000L;
    public static final Duration DEFAULT_RESTART_INITIAL_BACKOFF = Duration.ofMillis(DEFAULT_RESTART_INITIAL_BACKOFF_MS);
    public static final long DEFAULT_RESTART_MAX_BACKOFF_MS = 60_000L;
    public static final Duration DEFAULT_RESTART_MAX_BACKOFF = Duration.ofMillis(DEFAULT_RESTART_MAX_BACKOFF_MS);
    public static final int DEFAULT_TOLERABLE_CHECKPOINT_FAILURES = 3;
    /** Local runs keep today's effective default: a cluster's default parallelism is its own. */
    public static final int LOCAL_PARALLELISM = 1;
    /** File name of a checkpoint's or savepoint's metadata: what makes a directory restorable. */
    static final String METADATA = "_metadata";

    /** Null: the environment's value, else the default. */
    public Integer parallelism;
    public Duration checkpointInterval;
    /** URI of the checkpoint storage (a directory every TaskManager and the JobManager reach). */
    public String checkpointDir;
    /** Where savepoints go when {@code state.savepoints.dir} is not set: {@code <checkpointDir>/savepoints}. */
    public String savepointDir;
    public Integer restartAttempts;
    public Duration restartInitialBackoff;
    public Duration restartMaxBackoff;
    public Integer tolerableCheckpointFailures;
    /** A checkpoint or savepoint to restore from (null: the environment's {@code -s}, if any). */
    public String restorePath;

    /**
     * Applies the settings to {@code env}.
     *
     * @param local a local MiniCluster (its parallelism would default to the number of cores)
     * @throws IllegalStateException where no checkpoint storage is configured anywhere: the state
     *     would live in the JobManager's memory (5 MiB at most, lost with the JobManager)
     */
    public void apply(StreamExecutionEnvironment env, boolean local) {
        ReadableConfig base = env.getConfiguration();
        Configuration c = new Configuration();
        if (parallelism != null) {
            env.setParallelism(parallelism);
        } else if (local) {
            env.setParallelism(LOCAL_PARALLELISM);
        }
        if (checkpointInterval != null || base.getOptional(CheckpointingOptions.CHECKPOINTING_INTERVAL).isEmpty()) {
            c.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, orDefault(checkpointInterval, DEFAULT_CHECKPOINT_INTERVAL));
        }
        if (checkpointDir != null) {
            c.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
            c.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpointDir);
        } else if (base.getOptional(CheckpointingOptions.CHECKPOINTS_DIRECTORY).isEmpty()
                && !"filesystem".equals(base.get(CheckpointingOptions.CHECKPOINT_STORAGE))) {
            throw new IllegalStateException("no checkpoint storage: give --checkpoint-dir URI (a directory the "
                    + "JobManager and every TaskManager reach, e.g. s3://bucket/rrr or a shared file:/// path) or set "
                    + CheckpointingOptions.CHECKPOINTS_DIRECTORY.key() + " in the cluster configuration");
        }
        String savepoints = savepointDir != null ? savepointDir
                : checkpointDir != null ? checkpointDir.replaceAll("/+$", "") + "/savepoints" : null;
        if (savepoints != null && (savepointDir != null
                || base.getOptional(CheckpointingOptions.SAVEPOINT_DIRECTORY).isEmpty())) {
            c.set(CheckpointingOptions.SAVEPOINT_DIRECTORY, savepoints);
        }
        if (base.getOptional(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION).isEmpty()) {
            // kept when the job is cancelled or fails for good: what a resume restores from
            c.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                    ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        }
        boolean restartGiven = restartAttempts != null || restartInitialBackoff != null || restartMaxBackoff != null;
        if (restartGiven || base.getOptional(RestartStrategyOptions.RESTART_STRATEGY).isEmpty()) {
            // bounded: a task that always throws fails the job instead of restarting forever
            c.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
            c.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS,
                    orDefault(restartAttempts, DEFAULT_RESTART_ATTEMPTS));
            Duration initial = orDefault(restartInitialBackoff, DEFAULT_RESTART_INITIAL_BACKOFF);
            Duration max = orDefault(restartMaxBackoff, DEFAULT_RESTART_MAX_BACKOFF);
            c.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF, initial);
            c.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF, max.compareTo(initial) < 0 ? initial : max);
        }
        if (tolerableCheckpointFailures != null
                || base.getOptional(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER).isEmpty()) {
            // a slow or full checkpoint store does not restart the job at once
            c.set(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER,
                    orDefault(tolerableCheckpointFailures, DEFAULT_TOLERABLE_CHECKPOINT_FAILURES));
        }
        if (restorePath != null) {
            c.set(StateRecoveryOptions.SAVEPOINT_PATH, restorePath);
        }
        env.configure(c);
        LOG.info("durability: {}", c);
    }

    /** An independent copy: a run may fill in its own storage and restore path. */
    public JobDurability copy() {
        JobDurability d = new JobDurability();
        d.parallelism = parallelism;
        d.checkpointInterval = checkpointInterval;
        d.checkpointDir = checkpointDir;
        d.savepointDir = savepointDir;
        d.restartAttempts = restartAttempts;
        d.restartInitialBackoff = restartInitialBackoff;
        d.restartMaxBackoff = restartMaxBackoff;
        d.tolerableCheckpointFailures = tolerableCheckpointFailures;
        d.restorePath = restorePath;
        return d;
    }

    /** The effective restart attempts where this class sets the restart strategy. */
    public int restartAttemptsOrDefault() {
        return orDefault(restartAttempts, DEFAULT_RESTART_ATTEMPTS);
    }

    private static <T> T orDefault(T value, T dflt) {
        return value != null ? value : dflt;
    }

    /**
     * The newest restorable state under {@code dir}: a retained checkpoint
     * ({@code <dir>/<job id>/chk-N/_metadata}) or a savepoint ({@code <dir>/savepoint-*} or
     * {@code <dir>/savepoints/savepoint-*}), by the time its metadata was written. A checkpoint
     * that was in progress when the process died has no metadata and is skipped.
     */
    public static Optional<String> latestRestorable(String... dirs) throws IOException {
        Candidate best = null;
        for (String dir : dirs) {
            best = newer(best, latestUnder(dir));
        }
        return best == null ? Optional.empty() : Optional.of(best.path.toUri().toString());
    }

    private static Candidate latestUnder(String dir) throws IOException {
        Path root = new Path(URI.create(dir.replaceAll("/+$", "")));
        FileSystem fs = root.getFileSystem();
        if (!fs.exists(root)) {
            return null;
        }
        Candidate best = null;
        for (FileStatus child : list(fs, root)) {
            if (!child.isDir()) {
                continue;
            }
            String name = child.getPath().getName();
            if (name.startsWith("savepoint-")) {
                best = newer(best, candidate(fs, child.getPath()));
            } else {
                // a job's checkpoint directory, or the savepoints directory
                for (FileStatus sub : list(fs, child.getPath())) {
                    String n = sub.getPath().getName();
                    if (sub.isDir() && (n.startsWith("chk-") || n.startsWith("savepoint-"))) {
                        best = newer(best, candidate(fs, sub.getPath()));
                    }
                }
            }
        }
        return best;
    }

    private record Candidate(Path path, long time) {}

    private static FileStatus[] list(FileSystem fs, Path p) throws IOException {
        FileStatus[] s = fs.listStatus(p);
        return s == null ? new FileStatus[0] : s;
    }

    private static Candidate candidate(FileSystem fs, Path dir) throws IOException {
        Path metadata = new Path(dir, METADATA);
        if (!fs.exists(metadata)) {
            return null;
        }
        return new Candidate(dir, fs.getFileStatus(metadata).getModificationTime());
    }

    private static Candidate newer(Candidate a, Candidate b) {
        if (b == null) {
            return a;
        }
        return a == null || b.time > a.time ? b : a;
    }
}
