package io.rrralgorithms.jobs.trading;

/**
 * Everything a {@link TradingEngine} remembers (positions, open orders, order sequence numbers,
 * books' last tops, order-rate window, equity history for the drawdown window, risk state).
 * Plain public fields, String-keyed maps, no cycles: Jackson round-trips it.
 */
public class TradingState {
    public TradingState() {}
}
