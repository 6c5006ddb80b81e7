package io.rrralgorithms.jobs.trading.flink;

import io.rrralgorithms.jobs.config.TradingConfigOptions;
import io.rrralgorithms.jobs.trading.CostAwareStrategy;
import io.rrralgorithms.jobs.trading.Strategy;
import io.rrralgorithms.jobs.trading.ThresholdStrategy;
import io.rrralgorithms.jobs.trading.TradingConfig;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import org.apache.flink.configuration.ReadableConfig;

/** Makes an account's strategy from its config, on the task manager (strategies keep no state: it is in TradingState). */
@FunctionalInterface
public interface StrategyFactory extends Serializable {
    Strategy create(TradingConfig config);

    /** The threshold strategy of {@link TradingConfig}, IOC allowance 5 bps. */
    static StrategyFactory threshold() {
        return new Threshold(ThresholdStrategy.DEFAULT_IOC_ALLOWANCE_BPS);
    }

    /** The threshold strategy; IOC orders priced {@code iocAllowanceBps} through the touch. */
    static StrategyFactory threshold(long iocAllowanceBps) {
        return new Threshold(iocAllowanceBps);
    }

    /** The strategies {@code --strategy} names. */
    List<String> NAMES = List.of("threshold", "cost-aware");

    /** The strategy {@link TradingConfigOptions#STRATEGY} names, with its settings. */
    static StrategyFactory of(ReadableConfig config) {
        long ioc = config.get(TradingConfigOptions.IOC_ALLOWANCE_BPS);
        return switch (config.get(TradingConfigOptions.STRATEGY)) {
            case "threshold" -> threshold(ioc);
            case "cost-aware" -> new CostAware(new BigDecimal(config.get(TradingConfigOptions.ORDER_NOTIONAL)),
                    new BigDecimal(config.get(TradingConfigOptions.MAX_POSITION_NOTIONAL)),
                    config.get(TradingConfigOptions.COST_MARGIN_BPS) / 1e4, ioc);
            default -> throw new IllegalArgumentException("unknown strategy '" + config.get(TradingConfigOptions.STRATEGY)
                    + "'; known: " + NAMES);
        };
    }

    /** The cost-aware strategy; cooldown and order type from the account's config. */
    record CostAware(BigDecimal orderNotional, BigDecimal maxPositionNotional, double margin, long iocAllowanceBps)
            implements StrategyFactory {
        @Override
        public Strategy create(TradingConfig config) {
            return new CostAwareStrategy(orderNotional, maxPositionNotional, margin, config.cooldownMs(),
                    config.orderType(), iocAllowanceBps);
        }
    }

    /** A named class rather than a lambda: stable in the job graph and in savepoints. */
    record Threshold(long iocAllowanceBps) implements StrategyFactory {
        @Override
        public Strategy create(TradingConfig config) {
            return new ThresholdStrategy(config, iocAllowanceBps);
        }
    }
}
