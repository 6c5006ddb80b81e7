package io.rrralgorithms.jobs.bench;

import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.adapters.FrameDecoder;
import io.rrralgorithms.connectors.adapters.FrameGuard;
import io.rrralgorithms.connectors.flink.wire.MarketEventTypeInfo;
import io.rrralgorithms.connectors.model.DeadLetter;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.venues.Venues;
import io.rrralgorithms.jobs.JobOptions;
import io.rrralgorithms.jobs.MarketDataJob;
import io.rrralgorithms.jobs.MarketDataSinks;
import io.rrralgorithms.jobs.bars.TradeBar;
import io.rrralgorithms.jobs.book.BookGap;
import io.rrralgorithms.jobs.book.BookTop;
import io.rrralgorithms.jobs.config.JobConfigOptions;
import io.rrralgorithms.jobs.features.FeatureRow;
import io.rrralgorithms.jobs.runtime.JobDurability;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.runtime.checkpoint.AbstractCheckpointStats;
import org.apache.flink.runtime.checkpoint.CheckpointStatsSnapshot;
import org.apache.flink.runtime.checkpoint.CompletedCheckpointStats;
import org.apache.flink.runtime.checkpoint.FailedCheckpointStats;
import org.apache.flink.runtime.executiongraph.ArchivedExecutionGraph;
import org.apache.flink.runtime.jobmaster.JobResult;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.graph.StreamGraph;

/**
 * The market-data job ({@link MarketDataJob}, the job {@code rrr run} and {@code rrr job} build)
 * on a one-TaskManager MiniCluster over {@link SyntheticInstruments}, with checkpoints to files:
 * does it complete, how many checkpoints did it take, how large were they. The source is Flink's
 * {@link DataGeneratorSource} decoding the synthetic frames as the Kafka source's deserializer
 * does; it releases a third of the frames per completed checkpoint, so the run takes at least
 * three checkpoints, the later ones with every instrument's book in them. The outputs go to
 * discarding sinks (this measures state, not PostgreSQL).
 */
public final class ScalePipelineRun {

    /** What the run did. */
    /**
     * @param checkpointFailure why the latest failed checkpoint failed (null: none failed)
     * @param jobFailure the failure the job restarted from (null: it ran through without one)
     */
    public record Result(JobID jobId, long events, double seconds, long completedCheckpoints, long failedCheckpoints,
            long latestCheckpointBytes, long largestCheckpointBytes, String checkpointFailure, String jobFailure) {}

    private ScalePipelineRun() {}

    /**
     * Runs {@code in}'s first {@code instruments} instruments through the job.
     *
     * @param maxBookLevels the job's {@code rrr.book.max-levels}
     * @throws Exception where the job fails (a checkpoint failure fails it: none is tolerated)
     */
    public static Result run(SyntheticInstruments in, int instruments, int maxBookLevels, Path checkpointDir)
            throws Exception {
        int[] frames = singleEventFrames(in);
        long events = (long) instruments * frames.length;
        Configuration cluster = new Configuration();
        cluster.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        cluster.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpointDir.toUri().toString());
        MiniClusterConfiguration mc = new MiniClusterConfiguration.Builder().setConfiguration(cluster)
                .setNumTaskManagers(1).setNumSlotsPerTaskManager(1).build();
        try (MiniCluster mini = new MiniCluster(mc)) {
            mini.start();
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            JobDurability d = new JobDurability();
            d.parallelism = 1;
            d.checkpointDir = checkpointDir.toUri().toString();
            d.checkpointInterval = Duration.ofMillis(500);
            d.tolerableCheckpointFailures = 0; // a checkpoint that fails (too large, too slow) fails the run
            d.restartAttempts = 1; // the strategy needs one; a failed checkpoint then fails the run for good
            d.apply(env, true);
            Configuration job = new Configuration();
            job.set(JobConfigOptions.MAX_BOOK_LEVELS, maxBookLevels);
            int perCheckpoint = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (events + 2) / 3));
            DataGeneratorSource<MarketEvent> source = new DataGeneratorSource<>(
                    new Frames(in, instruments, frames), events, RateLimiterStrategy.perCheckpoint(perCheckpoint),
                    MarketEventTypeInfo.INSTANCE);
            new MarketDataJob(source, List.of(new Discarding()), JobOptions.from(job, null)).build(env);
            StreamGraph graph = env.getStreamGraph();
            graph.setJobName("rrr scale " + instruments + " instruments");
            long start = System.nanoTime();
            JobID id = mini.submitJob(graph).get().getJobID();
            JobResult result = mini.requestJobResult(id).get();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!result.isSuccess()) {
                Throwable t = result.getSerializedThrowable().map(s -> (Throwable) s).orElse(null);
                Throwable root = t;
                while (root != null && root.getCause() != null) {
                    root = root.getCause();
                }
                throw new IllegalStateException("the scale run failed: " + (root == null ? result.getApplicationStatus()
                        : root), t);
            }
            ArchivedExecutionGraph g = mini.getArchivedExecutionGraph(id).get();
            CheckpointStatsSnapshot stats = g.getCheckpointStatsSnapshot();
            CompletedCheckpointStats latest = stats.getHistory().getLatestCompletedCheckpoint();
            long largest = 0;
            for (AbstractCheckpointStats c : stats.getHistory().getCheckpoints()) {
                if (c instanceof CompletedCheckpointStats) {
                    largest = Math.max(largest, c.getStateSize());
                }
            }
            FailedCheckpointStats failed = stats.getHistory().getLatestFailedCheckpoint();
            return new Result(id, events, seconds, stats.getCounts().getNumberOfCompletedCheckpoints(),
                    stats.getCounts().getNumberOfFailedCheckpoints(), latest == null ? 0 : latest.getStateSize(),
                    largest, failed == null ? null : failed.getFailureMessage(),
                    g.getFailureInfo() == null ? null : g.getFailureInfo().getExceptionAsString().lines().findFirst()
                            .orElse(""));
        }
    }

    /** The frames whose (real) decoding is exactly one event: what a generator's one element per index can carry. */
    public static int[] singleEventFrames(SyntheticInstruments in) {
        FrameDecoder decoder = Venues.forFeed(in.feed()).decoder();
        FrameGuard guard = new FrameGuard(FrameGuard.Limits.defaults());
        List<Integer> kept = new ArrayList<>();
        for (int j = 0; j < in.framesPerInstrument(); j++) {
            List<MarketEvent> out = new ArrayList<>();
            try {
                guard.decode(decoder, in.frame(j, 0), out::add);
            } catch (DecodeException | RuntimeException e) {
                continue;
            }
            if (out.size() == 1 && out.get(0).type != EventType.DECODE_ERROR) {
                kept.add(j);
            }
        }
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Element i: frame {@code frames[i / n]} of instrument {@code i % n}, decoded. */
    private static final class Frames implements GeneratorFunction<Long, MarketEvent> {
        private final SyntheticInstruments in;
        private final int n;
        private final int[] frames;
        private transient FrameDecoder decoder;
        private transient FrameGuard guard;
        private transient MarketEvent decoded;

        Frames(SyntheticInstruments in, int n, int[] frames) {
            this.in = in;
            this.n = n;
            this.frames = frames;
        }

        @Override
        public void open(SourceReaderContext readerContext) {
            decoder = Venues.forFeed(in.feed()).decoder();
            guard = new FrameGuard(FrameGuard.Limits.defaults());
        }

        @Override
        public MarketEvent map(Long index) throws Exception {
            long i = index;
            decoded = null;
            guard.decode(decoder, in.frame(frames[(int) (i / n)], (int) (i % n)), e -> decoded = e);
            if (decoded == null) {
                throw new IllegalStateException("frame " + frames[(int) (i / n)] + " decoded to no event");
            }
            return decoded;
        }
    }

    /** Every output to a discarding sink: the operators that make them stay in the job. */
    private static final class Discarding implements MarketDataSinks, Serializable {
        @Override
        public Sink<BookTop> bookSamples() {
            return new DiscardingSink<>();
        }

        @Override
        public Sink<FeatureRow> features() {
            return new DiscardingSink<>();
        }

        @Override
        public Sink<TradeBar> tradeBars() {
            return new DiscardingSink<>();
        }

        @Override
        public Sink<BookGap> gaps() {
            return new DiscardingSink<>();
        }

        @Override
        public Sink<DeadLetter> deadLetters() {
            return new DiscardingSink<>();
        }
    }
}
