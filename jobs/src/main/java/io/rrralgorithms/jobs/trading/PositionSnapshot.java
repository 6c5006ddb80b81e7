package io.rrralgorithms.jobs.trading;

import java.math.BigDecimal;

/** An account's position in one instrument at an event time (1 s snapshots), marked to the mid. */
public class PositionSnapshot {
    public String accountId;
    public String feed;
    public String nativeSymbol;
    public String symbol;
    public long timeMs;
    /** Signed quantity mantissa: > 0 long, < 0 short. */
    public long quantity;
    /** Cost of the open position (Σ signed qty × value price of what is still open, see InstrumentState), exact. */
    public BigDecimal costBasis = BigDecimal.ZERO;
    /** costBasis / quantity, for display (rounded); null when flat. */
    public BigDecimal averagePrice;
    public BigDecimal mark;
    public BigDecimal realizedPnl = BigDecimal.ZERO;
    /** quantity × mark − costBasis. */
    public BigDecimal unrealizedPnl = BigDecimal.ZERO;
    public BigDecimal fees = BigDecimal.ZERO;
    /**
     * The currency of costBasis, PnL and fees: the quote currency (a quanto's settlement currency),
     * the base currency of an inverse contract; null where no contract terms are known.
     */
    public String pnlCurrency;

    public PositionSnapshot() {}
}
