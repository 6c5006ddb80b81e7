package io.rrralgorithms.jobs.trading;

/** What the trading engine reports; the Flink operator turns these into streams. */
public interface TradingOutput {
    /** Every order state change (new, rejected, open, partially filled, filled, canceled). */
    void order(Order order);

    void fill(Fill fill);

    void position(PositionSnapshot snapshot);

    void pnl(PnlSnapshot snapshot);

    void riskEvent(RiskEvent event);
}
