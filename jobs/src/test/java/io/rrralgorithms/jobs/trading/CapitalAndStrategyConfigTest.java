package io.rrralgorithms.jobs.trading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rrralgorithms.jobs.config.TradingConfigOptions;
import io.rrralgorithms.jobs.trading.flink.StrategyFactory;
import java.math.BigDecimal;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

/** --capital with --risk-max-drawdown-pct sets the halt drawdown; --strategy picks the strategy. */
class CapitalAndStrategyConfigTest {
    @Test
    void drawdownLimitInPercentOfCapital() {
        Configuration c = new Configuration();
        c.set(TradingConfigOptions.CAPITAL, "10000");
        c.set(TradingConfigOptions.RISK_MAX_DRAWDOWN_PCT, 2.0);
        TradingConfig t = TradingConfig.accounts(c).get(0);
        assertEquals(0, new BigDecimal("200").compareTo(t.riskHaltDrawdown()), t.riskHaltDrawdown().toPlainString());
        assertEquals(0, new BigDecimal("100").compareTo(t.riskReduceDrawdown()), "reduce at half the halt drawdown");
        // a lower absolute halt drawdown given explicitly wins, a higher one does not
        c.set(TradingConfigOptions.RISK_HALT_DRAWDOWN, "50");
        assertEquals(0, new BigDecimal("50").compareTo(TradingConfig.accounts(c).get(0).riskHaltDrawdown()));
        c.set(TradingConfigOptions.RISK_HALT_DRAWDOWN, "5000");
        assertEquals(0, new BigDecimal("200").compareTo(TradingConfig.accounts(c).get(0).riskHaltDrawdown()));
        c.set(TradingConfigOptions.RISK_REDUCE_DRAWDOWN, "150");
        assertEquals(0, new BigDecimal("150").compareTo(TradingConfig.accounts(c).get(0).riskReduceDrawdown()));
        // without the capital nothing changes
        Configuration plain = new Configuration();
        assertEquals(TradingConfig.defaults().riskHaltDrawdown(), TradingConfig.accounts(plain).get(0).riskHaltDrawdown());
    }

    @Test
    void strategyByName() {
        Configuration c = new Configuration();
        assertInstanceOf(ThresholdStrategy.class, StrategyFactory.of(c).create(TradingConfig.accounts(c).get(0)));
        c.set(TradingConfigOptions.STRATEGY, "cost-aware");
        assertInstanceOf(CostAwareStrategy.class, StrategyFactory.of(c).create(TradingConfig.accounts(c).get(0)));
        c.set(TradingConfigOptions.STRATEGY, "nope");
        assertThrows(IllegalArgumentException.class, () -> StrategyFactory.of(c));
    }
}
