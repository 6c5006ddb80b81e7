package io.rrralgorithms.jobs.config;

import static org.apache.flink.configuration.ConfigOptions.key;

import io.rrralgorithms.jobs.decision.LinearEventScorer;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;

/**
 * The per-event decision path ({@link io.rrralgorithms.jobs.decision.DecisionEngine}): off by
 * default (it keeps a second order book per instrument and writes orders of its own sub-accounts);
 * its strategy, execution and risk settings are those of {@link TradingConfigOptions}.
 */
public final class DecisionConfigOptions {
    private DecisionConfigOptions() {}

    public static final ConfigOption<Boolean> ENABLED = key("rrr.decision.enabled").booleanType().defaultValue(false)
            .withDescription("decide on every book update, BBO and trade: per-event features, micro-batch scoring, "
                    + "strategy, risk and paper execution per instrument, orders at once (beside the 1 s / 1 min "
                    + "aggregates); the strategy and risk settings are the trading ones (--entry-threshold, ...)");

    public static final ConfigOption<String> ACCOUNT_PREFIX = key("rrr.decision.account-prefix").stringType()
            .defaultValue("decision")
            .withDescription("each instrument trades in its own paper sub-account <prefix>@<feed>:<native symbol>");

    public static final ConfigOption<Long> FLOW_WINDOW_MS = key("rrr.decision.flow-window-ms").longType()
            .defaultValue(1_000L).withDescription("sliding event-time window of order-flow imbalance and trade flow");

    public static final ConfigOption<Long> VOLATILITY_WINDOW_MS = key("rrr.decision.volatility-window-ms").longType()
            .defaultValue(10_000L).withDescription("sliding event-time window of the realized volatility");

    public static final ConfigOption<Integer> IMBALANCE_LEVELS = key("rrr.decision.imbalance-levels").intType()
            .defaultValue(5).withDescription("book levels of the per-event depth imbalance");

    public static final ConfigOption<List<Double>> WEIGHTS = key("rrr.decision.weights").doubleType().asList()
            .defaultValues(LinearEventScorer.DEFAULT_WEIGHTS.toArray(Double[]::new))
            .withDescription("linear score weights of spread_bps, microprice_imbalance, depth_imbalance, ofi, "
                    + "trade_flow, trade_count, realized_vol_bps");

    public static final ConfigOption<Double> BIAS = key("rrr.decision.bias").doubleType().defaultValue(0.0)
            .withDescription("linear score bias");

    public static final ConfigOption<Integer> BATCH_SIZE = key("rrr.decision.batch-size").intType().defaultValue(64)
            .withDescription("a micro-batch of per-event rows is scored when it holds this many");

    public static final ConfigOption<Long> BATCH_BUDGET_US = key("rrr.decision.batch-budget-us").longType()
            .defaultValue(500L)
            .withDescription("... or when its oldest row has waited this long (processing time, µs), or when the input "
                    + "pauses; 0 = score every row at once");
}
