package io.rrralgorithms.jobs.cli;

import io.rrralgorithms.jobs.JobOptions;
import io.rrralgorithms.jobs.config.ConfigCatalog;
import io.rrralgorithms.jobs.config.DecisionConfigOptions;
import io.rrralgorithms.jobs.config.JobConfigOptions;
import io.rrralgorithms.jobs.config.LatencyConfigOptions;
import io.rrralgorithms.jobs.config.ScoringConfigOptions;
import io.rrralgorithms.jobs.config.TradingConfigOptions;
import io.rrralgorithms.jobs.runtime.JobDurability;
import io.rrralgorithms.jobs.trading.OrderType;
import io.rrralgorithms.jobs.trading.RiskCommandAuth;
import io.rrralgorithms.jobs.trading.flink.StrategyFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The job's options, shared by {@code run} and {@code job}. Each option that sets a job setting
 * names its configuration key as {@code descriptionKey}: its description and default are the
 * {@link org.apache.flink.configuration.ConfigOption}'s ({@link ConfigDescriptions}, {@link ConfigDefaults}),
 * and {@link #configuration} puts only the options given on the command line over {@code -D} and
 * over the cluster's configuration. The durability options set Flink's own settings (see
 * {@link JobDurability}); the Kafka client settings stay apart (they may hold credentials).
 */
@Command(resourceBundle = ConfigDescriptions.BUNDLE)
public class JobArguments {
    private static final Logger LOG = LoggerFactory.getLogger(JobArguments.class);

    /** The command these options belong to: which of them were given. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The same where these options are parsed alone, not mixed into a command. */
    @Spec
    CommandSpec self;

    /** Client settings of every Kafka client of the job (sources, resync sink) and of the command itself. */
    @Mixin
    public KafkaOptions kafka = new KafkaOptions();

    @Option(names = "-D", paramLabel = "KEY=VALUE", description = "a job setting by its configuration key, e.g. "
            + "-Drrr.book.depth-levels=20 (repeatable; the options below win; see docs/configuration.md)")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--topic-prefix", descriptionKey = "rrr.source.topic-prefix")
    String topicPrefix;

    @Option(names = "--from", descriptionKey = "rrr.source.from")
    String from;

    @Option(names = "--warm-up-look-back-ms", descriptionKey = "rrr.source.warm-up-look-back-ms")
    long warmUpLookBackMs;

    @Option(names = "--group-id", descriptionKey = "rrr.source.group-id")
    String groupId;

    @Option(names = "--resync-topic", paramLabel = "TOPIC", descriptionKey = "rrr.book.resync-topic")
    String resyncTopic;

    @Option(names = "--depth-levels", descriptionKey = "rrr.book.depth-levels")
    int depthLevels;

    @Option(names = "--max-pending-diffs", descriptionKey = "rrr.book.max-pending-diffs")
    int maxPendingDiffs;

    @Option(names = "--book-max-levels", descriptionKey = "rrr.book.max-levels")
    int bookMaxLevels;

    @Option(names = "--out-of-orderness-ms", descriptionKey = "rrr.watermark.out-of-orderness-ms")
    long outOfOrdernessMs;

    @Option(names = "--max-clock-skew-ms", descriptionKey = "rrr.source.max-clock-skew-ms")
    long maxClockSkewMs;

    @Option(names = "--max-frame-bytes", descriptionKey = "rrr.source.max-frame-bytes")
    int maxFrameBytes;

    @Option(names = "--idleness-ms", descriptionKey = "rrr.watermark.idleness-ms")
    long idlenessMs;

    @Option(names = "--live-lag-ms", descriptionKey = "rrr.watermark.live-lag-ms")
    long liveLagMs;
    @Option(names = "--buffer-timeout-ms", descriptionKey = "rrr.latency.buffer-timeout-ms")
    long bufferTimeoutMs;

    @Option(names = "--watermark-interval-ms", descriptionKey = "rrr.latency.watermark-interval-ms")
    long watermarkIntervalMs;

    @Option(names = "--object-reuse", negatable = true, descriptionKey = "rrr.latency.object-reuse")
    Boolean objectReuse;

    @Option(names = "--decision", descriptionKey = "rrr.decision.enabled")
    boolean decision;

    @Option(names = "--decision-account-prefix", descriptionKey = "rrr.decision.account-prefix")
    String decisionAccountPrefix;

    @Option(names = "--decision-flow-window-ms", descriptionKey = "rrr.decision.flow-window-ms")
    long decisionFlowWindowMs;

    @Option(names = "--decision-volatility-window-ms", descriptionKey = "rrr.decision.volatility-window-ms")
    long decisionVolatilityWindowMs;

    @Option(names = "--decision-imbalance-levels", descriptionKey = "rrr.decision.imbalance-levels")
    int decisionImbalanceLevels;

    @Option(names = "--decision-weights", split = ",", descriptionKey = "rrr.decision.weights")
    List<Double> decisionWeights;

    @Option(names = "--decision-bias", descriptionKey = "rrr.decision.bias")
    double decisionBias;

    @Option(names = "--decision-batch-size", descriptionKey = "rrr.decision.batch-size")
    int decisionBatchSize;

    @Option(names = "--decision-batch-budget-us", descriptionKey = "rrr.decision.batch-budget-us")
    long decisionBatchBudgetUs;

    // Unset (null) where the cluster's configuration decides: flink run -p, parallelism.default, -D, config.yaml
    @Option(names = "--parallelism", description = "job parallelism. Unset: the cluster's parallelism.default / "
            + "flink run -p; " + JobDurability.LOCAL_PARALLELISM + " in rrr run")
    public Integer parallelism;

    @Option(names = "--checkpoint-interval-ms", description = "checkpoint interval; sinks flush and offsets commit on "
            + "checkpoints. Unset: the cluster's execution.checkpointing.interval, else "
            + JobDurability.DEFAULT_CHECKPOINT_INTERVAL_MS)
    public Long checkpointIntervalMs;

    @Option(names = "--checkpoint-dir", paramLabel = "URI", description = "checkpoint storage (retained on cancel and "
            + "failure; savepoints go to URI/savepoints unless state.savepoints.dir is set). rrr job: required unless "
            + "the cluster sets execution.checkpointing.dir; rrr run: under --state-dir, else a temporary folder")
    public String checkpointDir;

    @Option(names = "--restart-attempts", description = "failed tasks restart with exponential delay this many times, "
            + "then the job fails. Unset: the cluster's restart strategy, else "
            + JobDurability.DEFAULT_RESTART_ATTEMPTS)
    public Integer restartAttempts;

    @Option(names = "--restart-initial-backoff-ms", description = "first restart delay, doubling up to "
            + "--restart-max-backoff-ms. Unset: " + JobDurability.DEFAULT_RESTART_INITIAL_BACKOFF_MS)
    public Long restartInitialBackoffMs;

    @Option(names = "--restart-max-backoff-ms", description = "longest restart delay. Unset: "
            + JobDurability.DEFAULT_RESTART_MAX_BACKOFF_MS)
    public Long restartMaxBackoffMs;

    @Option(names = "--tolerable-checkpoint-failures", description = "checkpoints that may fail in a row before the "
            + "job restarts. Unset: the cluster's, else " + JobDurability.DEFAULT_TOLERABLE_CHECKPOINT_FAILURES)
    public Integer tolerableCheckpointFailures;

    @Option(names = "--model-dir", descriptionKey = "rrr.scoring.model-dir")
    Path modelDir;

    @Option(names = "--control-topic", descriptionKey = "rrr.scoring.control-topic")
    String controlTopic;

    @Option(names = "--scoring", negatable = true, descriptionKey = "rrr.scoring.enabled")
    Boolean scoring;

    @Option(names = "--models-root", paramLabel = "DIR", descriptionKey = "rrr.scoring.models-root")
    Path modelsRoot;

    @Option(names = "--score-batch-size", descriptionKey = "rrr.scoring.batch-size")
    int scoreBatchSize;

    @Option(names = "--score-latency-budget-ms", descriptionKey = "rrr.scoring.latency-budget-ms")
    long scoreLatencyBudgetMs;

    @Option(names = "--tf-device", descriptionKey = "rrr.scoring.tf-device")
    String tfDevice;

    // ---- paper trading ----

    @Option(names = "--trading", descriptionKey = "rrr.trading.enabled")
    boolean trading;

    @Option(names = "--account", split = ",", descriptionKey = "rrr.trading.accounts")
    List<String> accounts;

    @Option(names = "--entry-threshold", descriptionKey = "rrr.trading.entry-threshold")
    double entryThreshold;

    @Option(names = "--exit-threshold", descriptionKey = "rrr.trading.exit-threshold")
    double exitThreshold;

    @Option(names = "--order-qty", descriptionKey = "rrr.trading.order-qty")
    String orderQty;

    @Option(names = "--max-position", descriptionKey = "rrr.trading.max-position")
    String maxPosition;

    @Option(names = "--cooldown-ms", descriptionKey = "rrr.trading.cooldown-ms")
    long cooldownMs;

    @Option(names = "--order-type", descriptionKey = "rrr.trading.order-type")
    OrderType orderType;

    @Option(names = "--ioc-allowance-bps", descriptionKey = "rrr.trading.ioc-allowance-bps")
    long iocAllowanceBps;

    @Option(names = "--strategy", descriptionKey = "rrr.trading.strategy")
    String strategy;

    @Option(names = "--order-notional", descriptionKey = "rrr.trading.order-notional")
    String orderNotional;

    @Option(names = "--max-position-notional", descriptionKey = "rrr.trading.max-position-notional")
    String maxPositionNotional;

    @Option(names = "--cost-margin-bps", descriptionKey = "rrr.trading.cost-margin-bps")
    double costMarginBps;

    @Option(names = "--capital", descriptionKey = "rrr.trading.capital")
    String capital;

    @Option(names = "--risk-max-drawdown-pct", descriptionKey = "rrr.risk.max-drawdown-pct")
    Double riskMaxDrawdownPct;

    @Option(names = "--order-latency-ms", descriptionKey = "rrr.trading.order-latency-ms")
    long orderLatencyMs;

    @Option(names = "--taker-fee", split = ",", descriptionKey = "rrr.trading.taker-fee")
    Map<String, String> takerFee;

    @Option(names = "--maker-fee", split = ",", descriptionKey = "rrr.trading.maker-fee")
    Map<String, String> makerFee;

    @Option(names = "--risk-max-position", descriptionKey = "rrr.risk.max-position")
    String riskMaxPosition;

    @Option(names = "--risk-max-notional", descriptionKey = "rrr.risk.max-notional")
    BigDecimal riskMaxNotional;

    @Option(names = "--risk-max-total-notional", descriptionKey = "rrr.risk.max-total-notional")
    BigDecimal riskMaxTotalNotional;

    @Option(names = "--risk-max-orders", descriptionKey = "rrr.risk.max-orders")
    int riskMaxOrders;

    @Option(names = "--risk-order-window-ms", descriptionKey = "rrr.risk.order-window-ms")
    long riskOrderWindowMs;

    @Option(names = "--risk-price-band", descriptionKey = "rrr.risk.price-band")
    BigDecimal riskPriceBand;

    @Option(names = "--risk-reduce-drawdown", descriptionKey = "rrr.risk.reduce-drawdown")
    BigDecimal riskReduceDrawdown;

    @Option(names = "--risk-halt-drawdown", descriptionKey = "rrr.risk.halt-drawdown")
    BigDecimal riskHaltDrawdown;

    @Option(names = "--risk-drawdown-window-ms", descriptionKey = "rrr.risk.drawdown-window-ms")
    long riskDrawdownWindowMs;

    @Option(names = "--risk-control-topic", descriptionKey = "rrr.risk.control-topic")
    String riskControlTopic;

    @Option(names = "--risk-hmac-key-file", paramLabel = "FILE", descriptionKey = "rrr.risk.hmac-key-file")
    Path riskHmacKeyFile;

    /**
     * The job's settings: {@code base} (on a cluster its configuration: config.yaml, {@code flink run
     * -D}), then {@code -D}, then the options given; checked first. Refuses values the job would only
     * fail on once running (where a task that throws is restarted forever): zero or negative levels,
     * sizes, intervals and counts, a bad --from, bad trading settings, an unknown {@code -D} key.
     */
    public Configuration configuration(ReadableConfig base) {
        kafka.properties();
        Configuration config = Configuration.fromMap(base.toMap());
        settings.forEach((key, value) -> {
            if (ConfigCatalog.byKey(key).isEmpty()) {
                throw UserError.usage("-D" + key + ": unknown setting; the keys are listed in docs/configuration.md "
                        + "(Flink's own settings go to the cluster: flink run -D, config.yaml)");
            }
            config.setString(key, value);
        });
        for (OptionSpec option : given()) {
            Object value = option.getValue();
            config.setString(option.descriptionKey(), ConfigCatalog.configurationValue(
                    value instanceof Path p ? p.toAbsolutePath().normalize() : value)); // the task managers read paths
        }
        Preflight.atLeastIfGiven("--parallelism", parallelism == null ? null : parallelism.longValue(), 1);
        Preflight.atLeastIfGiven("--checkpoint-interval-ms", checkpointIntervalMs, 10); // Flink's minimum
        Preflight.atLeastIfGiven("--restart-attempts", restartAttempts == null ? null : restartAttempts.longValue(), 0);
        Preflight.atLeastIfGiven("--restart-initial-backoff-ms", restartInitialBackoffMs, 1);
        Preflight.atLeastIfGiven("--restart-max-backoff-ms", restartMaxBackoffMs, 1);
        Preflight.atLeastIfGiven("--tolerable-checkpoint-failures",
                tolerableCheckpointFailures == null ? null : tolerableCheckpointFailures.longValue(), 0);
        try {
            check(config);
        } catch (IllegalArgumentException e) {
            // a -D or config.yaml value Flink cannot parse, or the job's own consistency checks
            throw UserError.usage(e.getMessage());
        }
        return config;
    }

    /** The options given on the command line that set a job setting. */
    private List<OptionSpec> given() {
        CommandSpec spec = command != null ? command : self;
        ParseResult parsed = spec.commandLine().getParseResult();
        return spec.options().stream()
                .filter(o -> o.descriptionKey() != null && ConfigCatalog.byKey(o.descriptionKey()).isPresent())
                .filter(parsed::hasMatchedOption)
                .toList();
    }

    private static void check(ReadableConfig c) {
        Preflight.startPosition(c.get(JobConfigOptions.FROM));
        Preflight.atLeast("--depth-levels", c.get(JobConfigOptions.DEPTH_LEVELS), 1);
        Preflight.atLeast("--max-pending-diffs", c.get(JobConfigOptions.MAX_PENDING_DIFFS), 1);
        int maxLevels = c.get(JobConfigOptions.MAX_BOOK_LEVELS);
        if (maxLevels != 0) {
            // tops, samples and depth imbalance read the best depth-levels: a smaller bound would cut them
            Preflight.atLeast("--book-max-levels (or 0 for every level)", maxLevels,
                    c.get(JobConfigOptions.DEPTH_LEVELS));
        }
        Preflight.atLeast("--out-of-orderness-ms", c.get(JobConfigOptions.OUT_OF_ORDERNESS_MS), 0);
        Preflight.atLeast("--idleness-ms", c.get(JobConfigOptions.IDLENESS_MS), 1);
        Preflight.atLeast("--live-lag-ms", c.get(JobConfigOptions.LIVE_LAG_MS), 0);
        Preflight.atLeast("--warm-up-look-back-ms", c.get(JobConfigOptions.WARM_UP_LOOK_BACK_MS), 0);
        Preflight.atLeast("--buffer-timeout-ms", c.get(LatencyConfigOptions.BUFFER_TIMEOUT_MS), 0);
        Preflight.atLeast("--watermark-interval-ms", c.get(LatencyConfigOptions.WATERMARK_INTERVAL_MS), 1);
        Preflight.atLeast("--decision-flow-window-ms", c.get(DecisionConfigOptions.FLOW_WINDOW_MS), 1);
        Preflight.atLeast("--decision-volatility-window-ms", c.get(DecisionConfigOptions.VOLATILITY_WINDOW_MS), 1);
        Preflight.atLeast("--decision-imbalance-levels", c.get(DecisionConfigOptions.IMBALANCE_LEVELS), 1);
        Preflight.atLeast("--decision-batch-size", c.get(DecisionConfigOptions.BATCH_SIZE), 1);
        Preflight.atLeast("--decision-batch-budget-us", c.get(DecisionConfigOptions.BATCH_BUDGET_US), 0);
        Preflight.atLeast("--max-clock-skew-ms", c.get(JobConfigOptions.MAX_CLOCK_SKEW_MS), 1);
        Preflight.atLeast("--max-frame-bytes", c.get(JobConfigOptions.MAX_FRAME_BYTES), 1);
        Preflight.atLeast("--score-batch-size", c.get(ScoringConfigOptions.BATCH_SIZE), 1);
        Preflight.atLeast("--score-latency-budget-ms", c.get(ScoringConfigOptions.LATENCY_BUDGET_MS), 0);
        c.getOptional(ScoringConfigOptions.MODEL_DIR).filter(dir -> !Files.isDirectory(Path.of(dir))).ifPresent(dir -> {
            throw new UserError(ExitCodes.INPUT, "--model-dir " + dir + " is not a directory (give the model "
                    + "directory with saved_model/ and rrr-model.json)");
        });
        c.getOptional(ScoringConfigOptions.MODELS_ROOT).filter(dir -> !Files.isDirectory(Path.of(dir))).ifPresent(dir -> {
            throw new UserError(ExitCodes.INPUT, "--models-root " + dir + " is not a directory");
        });
        Preflight.atLeast("--entry-threshold", c.get(TradingConfigOptions.ENTRY_THRESHOLD), 0.0);
        Preflight.atLeast("--exit-threshold", c.get(TradingConfigOptions.EXIT_THRESHOLD), 0.0);
        Preflight.positiveDecimal("--order-qty", c.get(TradingConfigOptions.ORDER_QUANTITY));
        Preflight.positiveDecimal("--max-position", c.get(TradingConfigOptions.MAX_POSITION));
        Preflight.positiveDecimal("--risk-max-position", c.get(TradingConfigOptions.RISK_MAX_POSITION));
        Preflight.atLeast("--cooldown-ms", c.get(TradingConfigOptions.COOLDOWN_MS), 0);
        Preflight.atLeast("--order-latency-ms", c.get(TradingConfigOptions.ORDER_LATENCY_MS), 0);
        Preflight.atLeast("--ioc-allowance-bps", c.get(TradingConfigOptions.IOC_ALLOWANCE_BPS), 0);
        String strategyName = c.get(TradingConfigOptions.STRATEGY);
        if (!StrategyFactory.NAMES.contains(strategyName)) {
            throw UserError.usage("--strategy must be one of " + StrategyFactory.NAMES + ", got '" + strategyName + "'");
        }
        Preflight.positiveDecimal("--order-notional", c.get(TradingConfigOptions.ORDER_NOTIONAL));
        Preflight.positiveDecimal("--max-position-notional", c.get(TradingConfigOptions.MAX_POSITION_NOTIONAL));
        Preflight.atLeast("--cost-margin-bps", c.get(TradingConfigOptions.COST_MARGIN_BPS), 0.0);
        c.getOptional(TradingConfigOptions.CAPITAL).ifPresent(v -> Preflight.positiveDecimal("--capital", v));
        c.getOptional(TradingConfigOptions.RISK_MAX_DRAWDOWN_PCT).ifPresent(pct -> {
            if (!(pct > 0 && pct <= 100)) {
                throw UserError.usage("--risk-max-drawdown-pct must be in (0, 100], got " + pct);
            }
            if (c.getOptional(TradingConfigOptions.CAPITAL).isEmpty()) {
                throw UserError.usage("--risk-max-drawdown-pct needs --capital: it is a share of the capital");
            }
        });
        c.getOptional(TradingConfigOptions.TAKER_FEE)
                .ifPresent(fees -> fees.forEach((feed, fee) -> Preflight.nonNegativeDecimal("--taker-fee " + feed, fee)));
        c.getOptional(TradingConfigOptions.MAKER_FEE)
                .ifPresent(fees -> fees.forEach((feed, fee) -> Preflight.nonNegativeDecimal("--maker-fee " + feed, fee)));
        Preflight.positiveDecimal("--risk-max-notional", c.get(TradingConfigOptions.RISK_MAX_NOTIONAL));
        Preflight.positiveDecimal("--risk-max-total-notional", c.get(TradingConfigOptions.RISK_MAX_TOTAL_NOTIONAL));
        Preflight.positiveDecimal("--risk-price-band", c.get(TradingConfigOptions.RISK_PRICE_BAND));
        Preflight.positiveDecimal("--risk-reduce-drawdown", c.get(TradingConfigOptions.RISK_REDUCE_DRAWDOWN));
        Preflight.positiveDecimal("--risk-halt-drawdown", c.get(TradingConfigOptions.RISK_HALT_DRAWDOWN));
        Preflight.atLeast("--risk-max-orders", c.get(TradingConfigOptions.RISK_MAX_ORDERS), 1);
        Preflight.atLeast("--risk-order-window-ms", c.get(TradingConfigOptions.RISK_ORDER_WINDOW_MS), 1);
        Preflight.atLeast("--risk-drawdown-window-ms", c.get(TradingConfigOptions.RISK_DRAWDOWN_WINDOW_MS), 1);
        boolean trading = c.get(TradingConfigOptions.ENABLED);
        Path keyFile = c.getOptional(TradingConfigOptions.RISK_HMAC_KEY_FILE).map(Path::of).orElse(null);
        if (trading && keyFile != null) {
            try {
                RiskCommandAuth.checked(RiskCommandAuth.readKeyFile(keyFile), "--risk-hmac-key-file");
            } catch (IOException e) {
                throw UserError.usage("--risk-hmac-key-file " + keyFile + ": " + (e.getMessage() != null
                        && e.getMessage().contains("shorter") ? e.getMessage() : "cannot be read (" + e.getClass()
                                .getSimpleName() + ")"));
            }
        } else if (trading && System.getenv(RiskCommandAuth.KEY_ENV) == null) {
            LOG.warn("no risk command key (--risk-hmac-key-file or {}): every risk command will be refused, the kill "
                    + "switch can only come from the drawdown rules", RiskCommandAuth.KEY_ENV);
        }
        JobOptions.from(c, null); // the job's own consistency checks (trading needs scoring, account ids, …)
    }

    /** The user's Kafka client settings ({@code --kafka-properties}, {@code --kafka-property}). */
    public Map<String, String> kafkaProperties() {
        return kafka.properties();
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
}
