package io.rrralgorithms.jobs.trading.flink;

import io.rrralgorithms.jobs.trading.Strategy;
import io.rrralgorithms.jobs.trading.ThresholdStrategy;
import io.rrralgorithms.jobs.trading.TradingConfig;
import java.io.Serializable;

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

    /** A named class rather than a lambda: stable in the job graph and in savepoints. */
    record Threshold(long iocAllowanceBps) implements StrategyFactory {
        @Override
        public Strategy create(TradingConfig config) {
            return new ThresholdStrategy(config, iocAllowanceBps);
        }
    }
}
