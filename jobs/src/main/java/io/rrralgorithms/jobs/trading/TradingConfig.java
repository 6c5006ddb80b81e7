package io.rrralgorithms.jobs.trading;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Map;

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

    /** Defaults for the shared BTCUSDT captures: small size, 10 bps taker / 2 bps maker fees, 50 ms latency. */
    public static TradingConfig defaults() {
        return new TradingConfig("paper", 0.5, 0.1, 1_000_000L /* 0.01 */, 5_000_000L /* 0.05 */, 5_000L,
                OrderType.MARKET, 50L,
                Map.of("binance-spot", new BigDecimal("0.001"), "binance-usdm", new BigDecimal("0.0005")),
                Map.of("binance-spot", new BigDecimal("0.001"), "binance-usdm", new BigDecimal("0.0002")),
                10_000_000L /* 0.1 */, new BigDecimal("10000"), new BigDecimal("15000"), 20, 60_000L,
                new BigDecimal("0.01"), new BigDecimal("50"), new BigDecimal("100"), 600_000L);
    }
}
