package io.rrralgorithms.jobs.trading;

import java.math.BigDecimal;

/**
 * An account's PnL at an event time (1 s snapshots). Identity, exact: realized + unrealized −
 * fees = cash + Σ position × mark, where cash = Σ over fills of (−signed qty × price − fee).
 */
public class PnlSnapshot {
    public String accountId;
    public long timeMs;
    public BigDecimal realizedPnl = BigDecimal.ZERO;
    public BigDecimal unrealizedPnl = BigDecimal.ZERO;
    public BigDecimal fees = BigDecimal.ZERO;
    /** realized + unrealized − fees. */
    public BigDecimal equity = BigDecimal.ZERO;
    /** Cash flows of all fills (starting from 0). */
    public BigDecimal cash = BigDecimal.ZERO;
    /** Σ position × mark. */
    public BigDecimal markValue = BigDecimal.ZERO;
    /** Peak equity within the drawdown window minus equity now (≥ 0). */
    public BigDecimal drawdown = BigDecimal.ZERO;
    public BigDecimal grossNotional = BigDecimal.ZERO;
    public RiskState riskState = RiskState.ACTIVE;
    public long fills;
    public long orders;
    public long rejections;

    public PnlSnapshot() {}
}
