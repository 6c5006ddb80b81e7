package io.rrralgorithms.jobs.local;

import io.rrralgorithms.connectors.capture.CaptureFeeds;
import io.rrralgorithms.connectors.jdbc.PostgresTarget;
import io.rrralgorithms.connectors.live.CaptureConfig;
import io.rrralgorithms.jobs.MarketDataSinks;
import io.rrralgorithms.jobs.runtime.JobDurability;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;

/**
 * What a {@link LocalPipeline} runs: plain values, as {@code rrr run} parsed them or a test sets
 * them. The job's own settings are {@link #job} (keys of {@link io.rrralgorithms.jobs.config}).
 */
public final class RunSpec {
    public List<Path> files = new ArrayList<>();
    /** The feed each file is read as. */
    public CaptureFeeds feedOfFile = CaptureFeeds.INFERRED;
    public List<String> feeds = new ArrayList<>();
    public double speed;
    /** How paced feeds share the replay clock: per-feed or aligned (see CaptureReplayer.Builder#pace). */
    public String pace = "per-feed";
    /** A longer pause (recorded time) is a gap between recordings, not slept through. */
    public double maxPauseSeconds = 60;
    /** The replay stops publishing after this many seconds of wall time (null: every frame); for benchmarks. */
    public Double maxReplaySeconds;
    /** Run just before an unbounded run's replay starts (its job's tasks running); null: nothing. */
    public Runnable beforeReplay;
    /** Whether the replay draws its progress bar on stderr. */
    public boolean replayProgress = true;
    public boolean bounded = true;
    /** Null: start the embedded broker. */
    public String bootstrapServers;
    public int kafkaPort = 9092;
    public Path kafkaDir;
    public int partitions = 1;
    public int webPort = 8081;
    /**
     * Port of the live page ({@link io.rrralgorithms.jobs.ui.LivePage}); null = its default port,
     * or a free one when that is taken; 0 = any free port; negative = no live page.
     */
    public Integer uiPort;
    /** Port of Flink's Prometheus reporter ({@code /metrics}); null = no reporter. */
    public Integer prometheusPort;
    public PostgresTarget postgres = PostgresTarget.of(PostgresTarget.DEFAULT_URL, "postgres", null);
    /** The database {@link #postgres} is on, where the run must keep it up while stopping (null: not ours). */
    public LocalDatabase database;
    /** Where announced models must be registered (null: every announcement is refused). */
    public PostgresTarget modelRegistry;
    /** The job's settings; a key not set has its option's default. */
    public Configuration job = new Configuration();
    /** Checkpoints, restarts, parallelism (null fields: the defaults). */
    public JobDurability durability = new JobDurability();
    /** Kafka client settings of every client of the run (they may hold credentials). */
    public Map<String, String> kafkaProperties = Map.of();
    public List<MarketDataSinks> extraSinks = new ArrayList<>();
    public PrintStream out = System.out;
    /** Where --keep-ui waits for Enter. */
    public InputStream in = System.in;
    /**
     * Bounded run: keep the local cluster with its web UI, and the live page, up after the job until
     * Enter, Ctrl-C or {@link LocalPipeline#stop()}.
     */
    public boolean keepUi;
    /** Where the summary's {@code warning: } lines go (after the summary). */
    public PrintStream err = System.err;
    /** Where an unbounded run's stop-with-savepoint writes (default: a temporary folder). */
    public Path savepointDir;
    /**
     * The live run (no files, no feeds): what to capture; null = {@link CaptureConfig#liveDefault()}.
     * Its Kafka settings are replaced by the run's (broker, topic prefix, partitions).
     */
    public CaptureConfig capture;
    /** Where the broker's log, the retained checkpoints and the run record live, for a resume (null: none). */
    public Path stateDir;
    /** A checkpoint or savepoint to restore the job from (null: a fresh start). */
    public String restorePath;
}
