package io.rrralgorithms.jobs;

import io.rrralgorithms.connectors.flink.StartPlanner;
import io.rrralgorithms.connectors.jdbc.PostgresTarget;
import io.rrralgorithms.jobs.config.JobConfigOptions;
import io.rrralgorithms.jobs.config.LatencyConfigOptions;
import io.rrralgorithms.jobs.config.ScoringConfigOptions;
import io.rrralgorithms.jobs.config.TradingConfigOptions;
import io.rrralgorithms.jobs.decision.DecisionSettings;
import io.rrralgorithms.jobs.scoring.ScoringOptions;
import io.rrralgorithms.jobs.trading.TradingConfig;
import io.rrralgorithms.jobs.trading.flink.StrategyFactory;
import io.rrralgorithms.jobs.trading.flink.TradingOptions;
import java.io.Serializable;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;

/** Tuning of the market-data job. */
public record JobOptions(int depthLevels, int maxPendingDiffs, int maxBookLevels, Duration outOfOrderness, Duration sourceIdleness,
        Duration liveLag, ScoringOptions scoring, TradingOptions trading, Resync resync, Backfill backfill,
        Latency latency, Decision decision) implements Serializable {

    /**
     * The per-event decision path: its settings, the trading settings its sub-accounts get, and the strategy.
     */
    public record Decision(DecisionSettings settings, TradingConfig account, StrategyFactory strategy)
            implements Serializable {
        public boolean enabled() {
            return settings.enabled();
        }

        public static Decision from(ReadableConfig config) {
            return new Decision(DecisionSettings.from(config), TradingConfig.accounts(config).get(0),
                    StrategyFactory.threshold(config.get(TradingConfigOptions.IOC_ALLOWANCE_BPS)));
        }
    }

    /**
     * The low-latency settings ({@link LatencyConfigOptions}).
     *
     * @param bufferTimeoutMs network buffer timeout
     * @param watermarkIntervalMs auto-watermark interval
     * @param objectReuse whether chained operators pass records on without a copy
     */
    public record Latency(long bufferTimeoutMs, long watermarkIntervalMs, boolean objectReuse) implements Serializable {
        public Latency {
            if (bufferTimeoutMs < 0 || watermarkIntervalMs < 1) {
                throw new IllegalArgumentException("buffer timeout must be >= 0 ms and watermark interval >= 1 ms");
            }
        }

        public static Latency from(ReadableConfig config) {
            return new Latency(config.get(LatencyConfigOptions.BUFFER_TIMEOUT_MS),
                    config.get(LatencyConfigOptions.WATERMARK_INTERVAL_MS), config.get(LatencyConfigOptions.OBJECT_REUSE));
        }
    }


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

    /**
     * A backfill from a start that is not the beginning ({@link io.rrralgorithms.connectors.flink.StartPlanner}):
     * the job reads from the warm-up offsets and writes only the rows that end at or after
     * {@code emitFromMs}; {@code backfill == null}: every row.
     *
     * @param instrumentsWithoutSnapshot instruments whose book had no snapshot before the start (a metric)
     */
    public record Backfill(long emitFromMs, int instrumentsWithoutSnapshot) implements Serializable {}

    public JobOptions {
        if (scoring == null) {
            scoring = ScoringOptions.disabled();
        }
        if (trading == null) {
            trading = TradingOptions.disabled();
        }
        if (latency == null) {
            latency = Latency.from(new Configuration());
        }
        if (decision == null) {
            decision = Decision.from(new Configuration());
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
                config.get(JobConfigOptions.MAX_BOOK_LEVELS),
                Duration.ofMillis(config.get(JobConfigOptions.OUT_OF_ORDERNESS_MS)),
                Duration.ofMillis(config.get(JobConfigOptions.IDLENESS_MS)),
                Duration.ofMillis(config.get(JobConfigOptions.LIVE_LAG_MS)), ScoringOptions.from(config, modelRegistry),
                tradingOptions(config), null, null, Latency.from(config), Decision.from(config));
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
        return new JobOptions(depthLevels, maxPendingDiffs, maxBookLevels, outOfOrderness, sourceIdleness, liveLag, scoring, t, resync,
                backfill, latency, decision);
    }

    /** Rows written only from the plan's start on; an empty plan: every row. */
    public JobOptions withBackfill(Optional<StartPlanner.StartPlan> plan) {
        Backfill b = plan.map(p -> new Backfill(p.emitFromMs(), p.instrumentsWithoutSnapshot())).orElse(null);
        return new JobOptions(depthLevels, maxPendingDiffs, maxBookLevels, outOfOrderness, sourceIdleness, liveLag, scoring, trading,
                resync, b, latency, decision);
    }

    /** Gaps also to {@code topic} as resync requests; a null topic: off. */
    public JobOptions withResync(String bootstrapServers, String topic) {
        return withResync(bootstrapServers, topic, Map.of());
    }

    /** The same with the user's Kafka client settings for the resync sink. */
    public JobOptions withResync(String bootstrapServers, String topic, Map<String, String> kafkaProperties) {
        return new JobOptions(depthLevels, maxPendingDiffs, maxBookLevels, outOfOrderness, sourceIdleness, liveLag, scoring, trading,
                topic == null ? null : new Resync(bootstrapServers, topic, kafkaProperties), backfill, latency,
                decision);
    }
}
