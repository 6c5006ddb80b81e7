package io.rrralgorithms.jobs;

import io.rrralgorithms.jobs.scoring.ScoringOptions;
import io.rrralgorithms.jobs.trading.flink.TradingOptions;
import java.io.Serializable;
import java.time.Duration;
import java.util.Map;

/** Tuning of the market-data job. */
public record JobOptions(int depthLevels, int maxPendingDiffs, Duration outOfOrderness, Duration sourceIdleness,
        ScoringOptions scoring, TradingOptions trading, Resync resync) implements Serializable {

    /**
     * Where book gaps are also written as resync requests for the live capture
     * ({@link io.rrralgorithms.connectors.kafka.ResyncRequests}); {@code resync == null}: nowhere.
     */
    public record Resync(String bootstrapServers, String topic, Map<String, String> kafkaProperties)
            implements Serializable {
        public Resync {
            if (bootstrapServers == null || bootstrapServers.isBlank() || topic == null || topic.isBlank()) {
                throw new IllegalArgumentException("resync needs Kafka bootstrap servers and a topic");
            }
            kafkaProperties = kafkaProperties == null ? Map.of() : Map.copyOf(kafkaProperties);
        }

        public Resync(String bootstrapServers, String topic) {
            this(bootstrapServers, topic, Map.of());
        }

        /** Kafka client settings may hold credentials (sasl.jaas.config): never printed. */
        @Override
        public String toString() {
            return "Resync[" + bootstrapServers + ", " + topic + ", kafka properties " + kafkaProperties.keySet() + "]";
        }
    }

    public JobOptions {
        if (scoring == null) {
            scoring = ScoringOptions.disabled();
        }
        if (trading == null) {
            trading = TradingOptions.disabled();
        }
        if (trading.enabled() && !scoring.enabled()) {
            throw new IllegalArgumentException("trading needs scores: turn scoring on (--model-dir or --control-topic)");
        }
    }

    /** Without resync requests. */
    public JobOptions(int depthLevels, int maxPendingDiffs, Duration outOfOrderness, Duration sourceIdleness,
            ScoringOptions scoring, TradingOptions trading) {
        this(depthLevels, maxPendingDiffs, outOfOrderness, sourceIdleness, scoring, trading, null);
    }

    /** Without trading. */
    public JobOptions(int depthLevels, int maxPendingDiffs, Duration outOfOrderness, Duration sourceIdleness,
            ScoringOptions scoring) {
        this(depthLevels, maxPendingDiffs, outOfOrderness, sourceIdleness, scoring, TradingOptions.disabled());
    }

    /** Without scoring. */
    public JobOptions(int depthLevels, int maxPendingDiffs, Duration outOfOrderness, Duration sourceIdleness) {
        this(depthLevels, maxPendingDiffs, outOfOrderness, sourceIdleness, ScoringOptions.disabled());
    }

    public static JobOptions defaults() {
        return new JobOptions(10, 10_000, Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    public JobOptions withDepthLevels(int n) {
        return new JobOptions(n, maxPendingDiffs, outOfOrderness, sourceIdleness, scoring, trading, resync);
    }

    public JobOptions withScoring(ScoringOptions s) {
        return new JobOptions(depthLevels, maxPendingDiffs, outOfOrderness, sourceIdleness, s, trading, resync);
    }

    public JobOptions withTrading(TradingOptions t) {
        return new JobOptions(depthLevels, maxPendingDiffs, outOfOrderness, sourceIdleness, scoring, t, resync);
    }

    /** Gaps also to {@code topic} as resync requests; a null topic: off. */
    public JobOptions withResync(String bootstrapServers, String topic) {
        return withResync(bootstrapServers, topic, Map.of());
    }

    /** The same with the user's Kafka client settings for the resync sink. */
    public JobOptions withResync(String bootstrapServers, String topic, Map<String, String> kafkaProperties) {
        return new JobOptions(depthLevels, maxPendingDiffs, outOfOrderness, sourceIdleness, scoring, trading,
                topic == null ? null : new Resync(bootstrapServers, topic, kafkaProperties));
    }
}
