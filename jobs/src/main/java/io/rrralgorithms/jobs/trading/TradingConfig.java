package io.rrralgorithms.jobs.trading;

import io.rrralgorithms.connectors.model.Decimals;
import io.rrralgorithms.jobs.config.TradingConfigOptions;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ReadableConfig;

/**
 * Strategy, execution and risk settings of one paper account. Quantities and prices are
 * mantissas (1e-8); money and ratios BigDecimal; times in event-time milliseconds.
 */
public record TradingConfig(
        String accountId,
        // strategy: threshold with hysteresis, max position, cooldown
        double entryThreshold,
        double exitThreshold,
        long orderQuantity,
        long maxPositionQuantity,
        long cooldownMs,
        OrderType orderType,
        // execution
        long orderLatencyMs,
        /** Fees per feed: taker and maker, as a fraction of notional (0.001 = 10 bps). */
        Map<String, BigDecimal> takerFee,
        Map<String, BigDecimal> makerFee,
        // risk
        long riskMaxPositionQuantity,
        BigDecimal riskMaxNotionalPerInstrument,
        BigDecimal riskMaxNotionalTotal,
        int riskMaxOrdersPerWindow,
        long riskOrderWindowMs,
        /** Orders priced more than this fraction away from the mid are rejected (fat finger). */
        BigDecimal riskPriceBand,
        /** Drawdown (peak equity − equity) over the rolling window that moves ACTIVE → REDUCING. */
        BigDecimal riskReduceDrawdown,
        /** Drawdown that moves the account to HALTED. */
        BigDecimal riskHaltDrawdown,
        long riskDrawdownWindowMs) implements Serializable {

    /** One config per account of {@link TradingConfigOptions#ACCOUNTS}, each with the settings of {@code config}. */
    public static List<TradingConfig> accounts(ReadableConfig config) {
        return config.get(TradingConfigOptions.ACCOUNTS).stream().map(id -> of(id, config)).toList();
    }

    /** The default account with the defaults of {@link TradingConfigOptions}. */
    public static TradingConfig defaults() {
        return accounts(new Configuration()).get(0);
    }

    private static TradingConfig of(String accountId, ReadableConfig c) {
        BigDecimal halt = haltDrawdown(c);
        BigDecimal reduce = reduceDrawdown(c, halt);
        return new TradingConfig(accountId, c.get(TradingConfigOptions.ENTRY_THRESHOLD),
                c.get(TradingConfigOptions.EXIT_THRESHOLD), Decimals.parse(c.get(TradingConfigOptions.ORDER_QUANTITY)),
                Decimals.parse(c.get(TradingConfigOptions.MAX_POSITION)), c.get(TradingConfigOptions.COOLDOWN_MS),
                c.get(TradingConfigOptions.ORDER_TYPE), c.get(TradingConfigOptions.ORDER_LATENCY_MS),
                fees(c, TradingConfigOptions.TAKER_FEE), fees(c, TradingConfigOptions.MAKER_FEE),
                Decimals.parse(c.get(TradingConfigOptions.RISK_MAX_POSITION)),
                new BigDecimal(c.get(TradingConfigOptions.RISK_MAX_NOTIONAL)),
                new BigDecimal(c.get(TradingConfigOptions.RISK_MAX_TOTAL_NOTIONAL)),
                c.get(TradingConfigOptions.RISK_MAX_ORDERS), c.get(TradingConfigOptions.RISK_ORDER_WINDOW_MS),
                new BigDecimal(c.get(TradingConfigOptions.RISK_PRICE_BAND)),
                reduce, halt, c.get(TradingConfigOptions.RISK_DRAWDOWN_WINDOW_MS));
    }

    /**
     * The halt drawdown: {@code --risk-halt-drawdown}; with {@code --capital} and {@code
     * --risk-max-drawdown-pct} that share of the capital (the lower of the two where both are given).
     */
    static BigDecimal haltDrawdown(ReadableConfig c) {
        BigDecimal halt = new BigDecimal(c.get(TradingConfigOptions.RISK_HALT_DRAWDOWN));
        var capital = c.getOptional(TradingConfigOptions.CAPITAL);
        var pct = c.getOptional(TradingConfigOptions.RISK_MAX_DRAWDOWN_PCT);
        if (capital.isPresent() && pct.isPresent()) {
            BigDecimal share = new BigDecimal(capital.get()).multiply(BigDecimal.valueOf(pct.get())).movePointLeft(2);
            halt = c.getOptional(TradingConfigOptions.RISK_HALT_DRAWDOWN).isPresent() ? halt.min(share) : share;
        }
        return halt;
    }

    /**
     * The reduce drawdown: {@code --risk-reduce-drawdown}, at most the halt drawdown; with a limit in %
     * of capital and no {@code --risk-reduce-drawdown}, half the halt drawdown.
     */
    static BigDecimal reduceDrawdown(ReadableConfig c, BigDecimal halt) {
        boolean pctLimit = c.getOptional(TradingConfigOptions.CAPITAL).isPresent()
                && c.getOptional(TradingConfigOptions.RISK_MAX_DRAWDOWN_PCT).isPresent();
        if (pctLimit && c.getOptional(TradingConfigOptions.RISK_REDUCE_DRAWDOWN).isEmpty()) {
            return halt.divide(BigDecimal.valueOf(2));
        }
        return new BigDecimal(c.get(TradingConfigOptions.RISK_REDUCE_DRAWDOWN)).min(halt);
    }

    /** The given fees over the defaults: a feed not given keeps its default fee. */
    private static Map<String, BigDecimal> fees(ReadableConfig c, ConfigOption<Map<String, String>> option) {
        Map<String, String> fees = new HashMap<>(option.defaultValue());
        c.getOptional(option).ifPresent(fees::putAll);
        Map<String, BigDecimal> out = new HashMap<>();
        fees.forEach((feed, fee) -> out.put(feed, new BigDecimal(fee)));
        return Map.copyOf(out);
    }
}
