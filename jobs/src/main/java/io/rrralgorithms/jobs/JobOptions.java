package io.rrralgorithms.jobs;

import io.rrralgorithms.connectors.jdbc.PostgresTarget;
import io.rrralgorithms.jobs.config.JobConfigOptions;
import io.rrralgorithms.jobs.config.ScoringConfigOptions;
import io.rrralgorithms.jobs.config.TradingConfigOptions;
import io.rrralgorithms.jobs.scoring.ScoringOptions;
import io.rrralgorithms.jobs.trading.TradingConfig;
import io.rrralgorithms.jobs.trading.flink.StrategyFactory;
import io.rrralgorithms.jobs.trading.flink.TradingOptions;
import java.io.Serializable;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.configuration.ReadableConfig;

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

    /**
     * The job's settings from {@code config} ({@link JobConfigOptions}, {@link ScoringConfigOptions},
     * {@link TradingConfigOptions}; a key not set there has its option's default), without resync
     * requests (see {@link #withResync}).
     *
     * @param modelRegistry the PostgreSQL whose {@code models} table announced models must be in; null: every
     *     announcement is refused
     */
    public static JobOptions from(ReadableConfig config, PostgresTarget modelRegistry) {
        return new JobOptions(config.get(JobConfigOptions.DEPTH_LEVELS), config.get(JobConfigOptions.MAX_PENDING_DIFFS),
                Duration.ofMillis(config.get(JobConfigOptions.OUT_OF_ORDERNESS_MS)),
                Duration.ofMillis(config.get(JobConfigOptions.IDLENESS_MS)), ScoringOptions.from(config, modelRegistry),
                tradingOptions(config), null);
    }

    private static TradingOptions tradingOptions(ReadableConfig config) {
        if (!config.get(TradingConfigOptions.ENABLED)) {
            return TradingOptions.disabled();
        }
        TradingOptions t = new TradingOptions(true, TradingConfig.accounts(config),
                config.get(TradingConfigOptions.RISK_CONTROL_TOPIC),
                StrategyFactory.of(config), false);
        return config.getOptional(TradingConfigOptions.RISK_HMAC_KEY_FILE).map(t::withRiskKeyFile).orElse(t);
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
