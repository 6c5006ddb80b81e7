package io.rrralgorithms.jobs.cli;

import io.rrralgorithms.connectors.kafka.RawTopics;
import io.rrralgorithms.jobs.JobOptions;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Options of the Flink job shared by {@code run} and {@code job}. */
public class PipelineOptions {
    @Option(names = "--topic-prefix", defaultValue = RawTopics.DEFAULT_PREFIX,
            description = "raw topics are <prefix><feed> (default: ${DEFAULT-VALUE})")
    public String topicPrefix = RawTopics.DEFAULT_PREFIX;

    @Option(names = "--from", defaultValue = "earliest",
            description = "where to start reading: earliest, latest, committed (the group's offsets), timestamp:<ms|ISO instant>, "
                    + "offsets:<topic>:<partition>:<offset>[,...] (default: ${DEFAULT-VALUE})")
    public String from = "earliest";

    @Option(names = "--group-id", defaultValue = "rrr-market-data",
            description = "Kafka consumer group (offsets are committed on checkpoints) (default: ${DEFAULT-VALUE})")
    public String groupId = "rrr-market-data";

    @Option(names = "--depth-levels", defaultValue = "10",
            description = "book levels kept in tops, samples and depth imbalance (default: ${DEFAULT-VALUE})")
    public int depthLevels = 10;

    @Option(names = "--max-pending-diffs", defaultValue = "10000",
            description = "diffs buffered per instrument while waiting for a snapshot (default: ${DEFAULT-VALUE})")
    public int maxPendingDiffs = 10000;

    @Option(names = "--out-of-orderness-ms", defaultValue = "2000",
            description = "watermark bound on event-time disorder (default: ${DEFAULT-VALUE})")
    public long outOfOrdernessMs = 2000L;

    @Option(names = "--idleness-ms", defaultValue = "10000",
            description = "a partition silent this long stops holding the watermark back (default: ${DEFAULT-VALUE})")
    public long idlenessMs = 10000L;

    @Option(names = "--parallelism", defaultValue = "1", description = "job parallelism (default: ${DEFAULT-VALUE})")
    public int parallelism = 1;

    @Option(names = "--checkpoint-interval-ms", defaultValue = "10000",
            description = "checkpoint interval; sinks flush and offsets commit on checkpoints (default: ${DEFAULT-VALUE})")
    public long checkpointIntervalMs = 10000L;

    public String topicPrefix() {
        return topicPrefix;
    }

    public String from() {
        return from;
    }

    public String groupId() {
        return groupId;
    }

    public int parallelism() {
        return parallelism;
    }

    public long checkpointIntervalMs() {
        return checkpointIntervalMs;
    }

    public JobOptions jobOptions() {
        return new JobOptions(depthLevels, maxPendingDiffs, Duration.ofMillis(outOfOrdernessMs),
                Duration.ofMillis(idlenessMs));
    }
}
