package io.rrralgorithms.jobs.cli;

import io.rrralgorithms.connectors.adapters.FrameGuard;
import io.rrralgorithms.connectors.jdbc.PostgresTarget;
import io.rrralgorithms.connectors.kafka.RawTopics;
import io.rrralgorithms.jobs.JobOptions;
import io.rrralgorithms.jobs.runtime.JobDurability;
import io.rrralgorithms.connectors.model.Decimals;
import io.rrralgorithms.jobs.scoring.ScoringOptions;
import io.rrralgorithms.jobs.trading.OrderType;
import io.rrralgorithms.jobs.trading.TradingConfig;
import io.rrralgorithms.jobs.trading.flink.TradingOptions;
import io.rrralgorithms.jobs.trading.RiskCommandAuth;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options of the Flink job shared by {@code run} and {@code job}. */
public class PipelineOptions {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineOptions.class);

    /** Client settings of every Kafka client of the job (sources, resync sink) and of the command itself. */
    @Mixin
    public KafkaOptions kafka = new KafkaOptions();

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

    @Option(names = "--resync-topic", paramLabel = "TOPIC", description = "also write every book gap (sequence "
            + "break, checksum mismatch) to this Kafka topic as a resync request {\"feed\",\"nativeSymbol\",\"reason\","
            + "\"exchangeTimeMs\",\"receiveTimeNs\"} for the live capture (rrr capture with resyncTopic); default: off")
    public String resyncTopic;

    @Option(names = "--depth-levels", defaultValue = "10",
            description = "book levels kept in tops, samples and depth imbalance (default: ${DEFAULT-VALUE})")
    public int depthLevels = 10;

    @Option(names = "--max-pending-diffs", defaultValue = "10000",
            description = "diffs buffered per instrument while waiting for a snapshot (default: ${DEFAULT-VALUE})")
    public int maxPendingDiffs = 10000;

    @Option(names = "--out-of-orderness-ms", defaultValue = "2000",
            description = "watermark bound on event-time disorder (default: ${DEFAULT-VALUE})")
    public long outOfOrdernessMs = 2000L;

    @Option(names = "--max-clock-skew-ms", defaultValue = "300000",
            description = "a frame whose exchange time is further than this from its receive time is dead-lettered "
                    + "(default: ${DEFAULT-VALUE})")
    public long maxClockSkewMs = FrameGuard.Limits.DEFAULT_MAX_CLOCK_SKEW_MS;

    @Option(names = "--max-frame-bytes", defaultValue = "4194304",
            description = "a WebSocket frame larger than this is dead-lettered unparsed; REST snapshots may be 4x "
                    + "larger (default: ${DEFAULT-VALUE})")
    public int maxFrameBytes = FrameGuard.Limits.DEFAULT_MAX_FRAME_BYTES;

    @Option(names = "--idleness-ms", defaultValue = "10000",
            description = "a partition silent this long stops holding the watermark back (default: ${DEFAULT-VALUE})")
    public long idlenessMs = 10000L;

    // Unset (null) where the cluster's configuration decides: flink run -p, parallelism.default, -D, config.yaml
    @Option(names = "--parallelism", description = "job parallelism (default: the cluster's parallelism.default / "
            + "flink run -p; " + JobDurability.LOCAL_PARALLELISM + " in rrr run)")
    public Integer parallelism;

    @Option(names = "--checkpoint-interval-ms", description = "checkpoint interval; sinks flush and offsets commit on "
            + "checkpoints (default: the cluster's execution.checkpointing.interval, else 10000)")
    public Long checkpointIntervalMs;

    @Option(names = "--checkpoint-dir", paramLabel = "URI", description = "checkpoint storage (retained on cancel and "
            + "failure; savepoints go to URI/savepoints unless state.savepoints.dir is set). rrr job: required unless "
            + "the cluster sets execution.checkpointing.dir; rrr run: under --state-dir, else a temporary folder")
    public String checkpointDir;

    @Option(names = "--restart-attempts", description = "failed tasks restart with exponential delay this many times, "
            + "then the job fails (default: the cluster's restart strategy, else "
            + JobDurability.DEFAULT_RESTART_ATTEMPTS + ")")
    public Integer restartAttempts;

    @Option(names = "--restart-initial-backoff-ms", description = "first restart delay, doubling up to "
            + "--restart-max-backoff-ms (default: 1000)")
    public Long restartInitialBackoffMs;

    @Option(names = "--restart-max-backoff-ms", description = "longest restart delay (default: 60000)")
    public Long restartMaxBackoffMs;

    @Option(names = "--tolerable-checkpoint-failures", description = "checkpoints that may fail in a row before the "
            + "job restarts (default: the cluster's, else " + JobDurability.DEFAULT_TOLERABLE_CHECKPOINT_FAILURES + ")")
    public Integer tolerableCheckpointFailures;

    @Option(names = "--model-dir", description = "model directory (saved_model/ + rrr-model.json) to score with from the "
            + "start; turns scoring on. Default: no model until one is announced on the control topic")
    public String modelDir;

    @Option(names = "--control-topic", description = "Kafka topic of model announcements (rrr announce-model); turns "
            + "scoring on. Default when scoring is on: " + ScoringOptions.DEFAULT_CONTROL_TOPIC)
    public String controlTopic;

    @Option(names = "--scoring", negatable = true, description = "score the features with a model (default: on when "
            + "--model-dir or --control-topic is given); --no-scoring turns it off")
    public Boolean scoring;

    @Option(names = "--models-root", paramLabel = "DIR", description = "announced models are loaded only from under "
            + "DIR, when registered in the models table with the checksum of their files (default: none, every "
            + "announcement is refused; --model-dir is not affected)")
    public Path modelsRoot;

    /** The PostgreSQL whose {@code models} table announced models must be in (set by the command from its options). */
    public PostgresTarget modelRegistry;

    @Option(names = "--score-batch-size", defaultValue = "64",
            description = "rows scored in one TensorFlow call at most (default: ${DEFAULT-VALUE})")
    public int scoreBatchSize = ScoringOptions.DEFAULT_BATCH_SIZE;

    @Option(names = "--score-latency-budget-ms", defaultValue = "500",
            description = "a row waits for its batch at most this long in event time (watermark) (default: ${DEFAULT-VALUE})")
    public long scoreLatencyBudgetMs = ScoringOptions.DEFAULT_LATENCY_BUDGET_MS;

    @Option(names = "--tf-device", description = "TensorFlow device for scoring, e.g. /CPU:0 or /GPU:0 "
            + "(default: TensorFlow's choice)")
    public String tfDevice;

    // ---- paper trading (defaults: TradingConfig.defaults()) ----

    @Option(names = "--trading", description = "paper-trade on the scores (needs scoring: --model-dir or --control-topic); "
            + "writes orders, fills, positions, pnl, risk_events")
    public boolean trading;

    @Option(names = "--account", split = ",", description = "paper account id(s), each with the settings below "
            + "(default: paper)")
    public List<String> accounts = new ArrayList<>();

    @Option(names = "--entry-threshold", description = "|score| above which the strategy opens a position (default: 0.5)")
    public Double entryThreshold;

    @Option(names = "--exit-threshold", description = "|score| below which it closes it (hysteresis) (default: 0.1)")
    public Double exitThreshold;

    @Option(names = "--order-qty", description = "order quantity, base units, e.g. 0.01 (default: 0.01)")
    public String orderQty;

    @Option(names = "--max-position", description = "strategy's max |position|, base units (default: 0.05)")
    public String maxPosition;

    @Option(names = "--cooldown-ms", description = "event time between two entries of an instrument (default: 5000)")
    public Long cooldownMs;

    @Option(names = "--order-type", description = "MARKET, IOC or LIMIT (default: MARKET)")
    public OrderType orderType;

    @Option(names = "--ioc-allowance-bps", description = "IOC orders are priced this far through the touch "
            + "(default: 5)")
    public Long iocAllowanceBps;

    @Option(names = "--order-latency-ms", description = "event time from order creation to its arrival at the book "
            + "(default: 50)")
    public Long orderLatencyMs;

    @Option(names = "--taker-fee", split = ",", description = "taker fee per feed as a fraction, e.g. "
            + "binance-spot=0.001 (default: binance-spot=0.001, binance-usdm=0.0005)")
    public Map<String, String> takerFee = new HashMap<>();

    @Option(names = "--maker-fee", split = ",", description = "maker fee per feed, e.g. binance-usdm=0.0002 "
            + "(default: binance-spot=0.001, binance-usdm=0.0002)")
    public Map<String, String> makerFee = new HashMap<>();

    @Option(names = "--risk-max-position", description = "risk: max |position| per instrument, base units, "
            + "orders beyond are rejected (position_cap) (default: 0.1)")
    public String riskMaxPosition;

    @Option(names = "--risk-max-notional", description = "risk: max |notional| per instrument (notional_cap) "
            + "(default: 10000)")
    public BigDecimal riskMaxNotional;

    @Option(names = "--risk-max-total-notional", description = "risk: max gross notional of the account "
            + "(total_notional_cap) (default: 15000)")
    public BigDecimal riskMaxTotalNotional;

    @Option(names = "--risk-max-orders", description = "risk: orders allowed per window (order_rate) (default: 20)")
    public Integer riskMaxOrders;

    @Option(names = "--risk-order-window-ms", description = "risk: the order-rate window (default: 60000)")
    public Long riskOrderWindowMs;

    @Option(names = "--risk-price-band", description = "risk: max |price - mid| / mid of a priced order "
            + "(price_band) (default: 0.01)")
    public BigDecimal riskPriceBand;

    @Option(names = "--risk-reduce-drawdown", description = "risk: drawdown that moves the account to REDUCING "
            + "(default: 50)")
    public BigDecimal riskReduceDrawdown;

    @Option(names = "--risk-halt-drawdown", description = "risk: drawdown that moves it to HALTED (default: 100)")
    public BigDecimal riskHaltDrawdown;

    @Option(names = "--risk-drawdown-window-ms", description = "risk: rolling window of the peak equity "
            + "(default: 600000)")
    public Long riskDrawdownWindowMs;

    @Option(names = "--risk-control-topic", description = "Kafka topic of risk commands {\"accountId\",\"command\":"
            + "\"KILL|HALT|REDUCE|ACTIVATE\",\"reason\"} (default: " + TradingOptions.DEFAULT_CONTROL_TOPIC + ")")
    public String riskControlTopic;

    @Option(names = "--risk-hmac-key-file", paramLabel = "FILE", description = "risk commands must be signed "
            + "(HMAC-SHA256) with the key in FILE, read by the task managers (default: the environment variable "
            + RiskCommandAuth.KEY_ENV + "; with neither, every risk command is refused)")
    public Path riskHmacKeyFile;

    /**
     * Refuses values the job would only fail on once running (where a task that throws is
     * restarted forever): zero or negative levels, sizes, intervals and counts, a bad --from, bad
     * trading settings.
     */
    public void validate() {
        kafka.properties();
        Preflight.startPosition(from);
        Preflight.atLeast("--depth-levels", depthLevels, 1);
        Preflight.atLeast("--max-pending-diffs", maxPendingDiffs, 1);
        Preflight.atLeast("--out-of-orderness-ms", outOfOrdernessMs, 0);
        Preflight.atLeast("--idleness-ms", idlenessMs, 1);
        Preflight.atLeast("--max-clock-skew-ms", maxClockSkewMs, 1);
        Preflight.atLeast("--max-frame-bytes", maxFrameBytes, 1);
        Preflight.atLeastIfGiven("--parallelism", parallelism == null ? null : parallelism.longValue(), 1);
        Preflight.atLeastIfGiven("--checkpoint-interval-ms", checkpointIntervalMs, 10); // Flink's minimum
        Preflight.atLeastIfGiven("--restart-attempts", restartAttempts == null ? null : restartAttempts.longValue(), 0);
        Preflight.atLeastIfGiven("--restart-initial-backoff-ms", restartInitialBackoffMs, 1);
        Preflight.atLeastIfGiven("--restart-max-backoff-ms", restartMaxBackoffMs, 1);
        Preflight.atLeastIfGiven("--tolerable-checkpoint-failures",
                tolerableCheckpointFailures == null ? null : tolerableCheckpointFailures.longValue(), 0);
        Preflight.atLeast("--score-batch-size", scoreBatchSize, 1);
        Preflight.atLeast("--score-latency-budget-ms", scoreLatencyBudgetMs, 0);
        if (modelDir != null && !Files.isDirectory(Path.of(modelDir))) {
            throw new UserError(ExitCodes.INPUT, "--model-dir " + modelDir + " is not a directory (give the model "
                    + "directory with saved_model/ and rrr-model.json)");
        }
        if (modelsRoot != null && !Files.isDirectory(modelsRoot)) {
            throw new UserError(ExitCodes.INPUT, "--models-root " + modelsRoot + " is not a directory");
        }
        if (entryThreshold != null) {
            Preflight.atLeast("--entry-threshold", entryThreshold, 0.0);
        }
        if (exitThreshold != null) {
            Preflight.atLeast("--exit-threshold", exitThreshold, 0.0);
        }
        Preflight.positiveDecimal("--order-qty", orderQty);
        Preflight.positiveDecimal("--max-position", maxPosition);
        Preflight.positiveDecimal("--risk-max-position", riskMaxPosition);
        Preflight.atLeastIfGiven("--cooldown-ms", cooldownMs, 0);
        Preflight.atLeastIfGiven("--order-latency-ms", orderLatencyMs, 0);
        Preflight.atLeastIfGiven("--ioc-allowance-bps", iocAllowanceBps, 0);
        takerFee.forEach((feed, fee) -> Preflight.nonNegativeDecimal("--taker-fee " + feed, fee));
        makerFee.forEach((feed, fee) -> Preflight.nonNegativeDecimal("--maker-fee " + feed, fee));
        Preflight.positive("--risk-max-notional", riskMaxNotional);
        Preflight.positive("--risk-max-total-notional", riskMaxTotalNotional);
        Preflight.positive("--risk-price-band", riskPriceBand);
        Preflight.positive("--risk-reduce-drawdown", riskReduceDrawdown);
        Preflight.positive("--risk-halt-drawdown", riskHaltDrawdown);
        Preflight.atLeastIfGiven("--risk-max-orders", riskMaxOrders == null ? null : riskMaxOrders.longValue(), 1);
        Preflight.atLeastIfGiven("--risk-order-window-ms", riskOrderWindowMs, 1);
        Preflight.atLeastIfGiven("--risk-drawdown-window-ms", riskDrawdownWindowMs, 1);
        if (trading && riskHmacKeyFile != null) {
            try {
                RiskCommandAuth.checked(RiskCommandAuth.readKeyFile(riskHmacKeyFile), "--risk-hmac-key-file");
            } catch (IOException e) {
                throw UserError.usage("--risk-hmac-key-file " + riskHmacKeyFile + ": " + (e.getMessage() != null
                        && e.getMessage().contains("shorter") ? e.getMessage() : "cannot be read (" + e.getClass()
                                .getSimpleName() + ")"));
            }
        } else if (trading && System.getenv(RiskCommandAuth.KEY_ENV) == null) {
            LOG.warn("no risk command key (--risk-hmac-key-file or {}): every risk command will be refused, the kill "
                    + "switch can only come from the drawdown rules", RiskCommandAuth.KEY_ENV);
        }
        try {
            jobOptions(); // the job's own consistency checks (trading needs scoring, thresholds, …)
        } catch (IllegalArgumentException e) {
            throw UserError.usage(e.getMessage());
        }
    }

    /** The user's Kafka client settings ({@code --kafka-properties}, {@code --kafka-property}). */
    public Map<String, String> kafkaProperties() {
        return kafka.properties();
    }

    public String topicPrefix() {
        return topicPrefix;
    }

    public String from() {
        return from;
    }

    public String groupId() {
        return groupId;
    }

    /**
     * The durability settings given on the command line (null where not given: the cluster's
     * configuration, else {@link JobDurability}'s defaults).
     */
    public JobDurability durability() {
        JobDurability d = new JobDurability();
        d.parallelism = parallelism;
        d.checkpointInterval = checkpointIntervalMs == null ? null : Duration.ofMillis(checkpointIntervalMs);
        d.checkpointDir = checkpointDir;
        d.restartAttempts = restartAttempts;
        d.restartInitialBackoff = restartInitialBackoffMs == null ? null : Duration.ofMillis(restartInitialBackoffMs);
        d.restartMaxBackoff = restartMaxBackoffMs == null ? null : Duration.ofMillis(restartMaxBackoffMs);
        d.tolerableCheckpointFailures = tolerableCheckpointFailures;
        return d;
    }

    /** What a frame may contain before it is dead-lettered (see {@link FrameGuard}). */
    public FrameGuard.Limits frameLimits() {
        return new FrameGuard.Limits(maxClockSkewMs, maxFrameBytes, (int) Math.min(Integer.MAX_VALUE, 4L * maxFrameBytes),
                FrameGuard.Limits.DEFAULT_MAX_NOTIONAL);
    }

    public boolean scoringEnabled() {
        return scoring != null ? scoring : modelDir != null || controlTopic != null;
    }

    public String controlTopic() {
        return controlTopic != null ? controlTopic : ScoringOptions.DEFAULT_CONTROL_TOPIC;
    }

    public ScoringOptions scoringOptions() {
        // the task managers resolve the directory, not the client's working directory
        String dir = modelDir == null ? null : Path.of(modelDir).toAbsolutePath().normalize().toString();
        return new ScoringOptions(scoringEnabled(), dir, controlTopic(), scoreBatchSize,
                Duration.ofMillis(scoreLatencyBudgetMs), tfDevice, "v1",
                modelsRoot == null ? null : modelsRoot.toAbsolutePath().normalize().toString(), modelRegistry);
    }

    public String riskControlTopic() {
        return riskControlTopic != null ? riskControlTopic : TradingOptions.DEFAULT_CONTROL_TOPIC;
    }

    /** One config per --account, from the options given over {@link TradingConfig#defaults()}. */
    public List<TradingConfig> tradingConfigs() {
        TradingConfig d = TradingConfig.defaults();
        Map<String, BigDecimal> taker = new HashMap<>(d.takerFee());
        takerFee.forEach((k, v) -> taker.put(k, new BigDecimal(v)));
        Map<String, BigDecimal> maker = new HashMap<>(d.makerFee());
        makerFee.forEach((k, v) -> maker.put(k, new BigDecimal(v)));
        List<String> ids = accounts.isEmpty() ? List.of(d.accountId()) : accounts;
        List<TradingConfig> out = new ArrayList<>();
        for (String id : ids) {
            out.add(new TradingConfig(id,
                    entryThreshold != null ? entryThreshold : d.entryThreshold(),
                    exitThreshold != null ? exitThreshold : d.exitThreshold(),
                    orderQty != null ? Decimals.parse(orderQty) : d.orderQuantity(),
                    maxPosition != null ? Decimals.parse(maxPosition) : d.maxPositionQuantity(),
                    cooldownMs != null ? cooldownMs : d.cooldownMs(),
                    orderType != null ? orderType : d.orderType(),
                    orderLatencyMs != null ? orderLatencyMs : d.orderLatencyMs(),
                    Map.copyOf(taker), Map.copyOf(maker),
                    riskMaxPosition != null ? Decimals.parse(riskMaxPosition) : d.riskMaxPositionQuantity(),
                    riskMaxNotional != null ? riskMaxNotional : d.riskMaxNotionalPerInstrument(),
                    riskMaxTotalNotional != null ? riskMaxTotalNotional : d.riskMaxNotionalTotal(),
                    riskMaxOrders != null ? riskMaxOrders : d.riskMaxOrdersPerWindow(),
                    riskOrderWindowMs != null ? riskOrderWindowMs : d.riskOrderWindowMs(),
                    riskPriceBand != null ? riskPriceBand : d.riskPriceBand(),
                    riskReduceDrawdown != null ? riskReduceDrawdown : d.riskReduceDrawdown(),
                    riskHaltDrawdown != null ? riskHaltDrawdown : d.riskHaltDrawdown(),
                    riskDrawdownWindowMs != null ? riskDrawdownWindowMs : d.riskDrawdownWindowMs()));
        }
        return out;
    }

    public TradingOptions tradingOptions() {
        if (!trading) {
            return TradingOptions.disabled();
        }
        TradingOptions t = new TradingOptions(true, tradingConfigs(), riskControlTopic(), iocAllowanceBps == null ? null
                : io.rrralgorithms.jobs.trading.flink.StrategyFactory.threshold(iocAllowanceBps), false);
        // the task managers read the file: an absolute path, not the client's working directory
        return riskHmacKeyFile == null ? t : t.withRiskKeyFile(riskHmacKeyFile.toAbsolutePath().normalize().toString());
    }

    /** The job options with resync requests to {@code bootstrapServers} where --resync-topic is set. */
    public JobOptions jobOptions(String bootstrapServers) {
        return jobOptions().withResync(bootstrapServers, resyncTopic, kafkaProperties());
    }

    public JobOptions jobOptions() {
        return new JobOptions(depthLevels, maxPendingDiffs, Duration.ofMillis(outOfOrdernessMs),
                Duration.ofMillis(idlenessMs), scoringOptions(), tradingOptions());
    }
}
