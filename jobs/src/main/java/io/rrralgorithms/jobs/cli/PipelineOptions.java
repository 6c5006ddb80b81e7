package io.rrralgorithms.jobs.cli;

import io.rrralgorithms.connectors.kafka.RawTopics;
import io.rrralgorithms.jobs.JobOptions;
import io.rrralgorithms.jobs.scoring.ScoringOptions;
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

    @Option(names = "--model-dir", description = "model directory (saved_model/ + rrr-model.json) to score with from the "
            + "start; turns scoring on. Default: no model until one is announced on the control topic")
    public String modelDir;

    @Option(names = "--control-topic", description = "Kafka topic of model announcements (rrr announce-model); turns "
            + "scoring on. Default when scoring is on: " + ScoringOptions.DEFAULT_CONTROL_TOPIC)
    public String controlTopic;

    @Option(names = "--scoring", negatable = true, description = "score the features with a model (default: on when "
            + "--model-dir or --control-topic is given); --no-scoring turns it off")
    public Boolean scoring;

    @Option(names = "--score-batch-size", defaultValue = "64",
            description = "rows scored in one TensorFlow call at most (default: ${DEFAULT-VALUE})")
    public int scoreBatchSize = ScoringOptions.DEFAULT_BATCH_SIZE;

    @Option(names = "--score-latency-budget-ms", defaultValue = "500",
            description = "a row waits for its batch at most this long in event time (watermark) (default: ${DEFAULT-VALUE})")
    public long scoreLatencyBudgetMs = ScoringOptions.DEFAULT_LATENCY_BUDGET_MS;

    @Option(names = "--tf-device", description = "TensorFlow device for scoring, e.g. /CPU:0 or /GPU:0 "
            + "(default: TensorFlow's choice)")
    public String tfDevice;

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

    public boolean scoringEnabled() {
        return scoring != null ? scoring : modelDir != null || controlTopic != null;
    }

    public String controlTopic() {
        return controlTopic != null ? controlTopic : ScoringOptions.DEFAULT_CONTROL_TOPIC;
    }

    public ScoringOptions scoringOptions() {
        // the task managers resolve the directory, not the client's working directory
        String dir = modelDir == null ? null : java.nio.file.Path.of(modelDir).toAbsolutePath().normalize().toString();
        return new ScoringOptions(scoringEnabled(), dir, controlTopic(), scoreBatchSize,
                Duration.ofMillis(scoreLatencyBudgetMs), tfDevice, "v1");
    }

    public JobOptions jobOptions() {
        return new JobOptions(depthLevels, maxPendingDiffs, Duration.ofMillis(outOfOrdernessMs),
                Duration.ofMillis(idlenessMs), scoringOptions());
    }
}
