package io.rrralgorithms.jobs.decision;

import io.rrralgorithms.jobs.book.OrderBook;
import io.rrralgorithms.jobs.decode.RecentTradeIds;
import io.rrralgorithms.jobs.trading.TradingState;

/** Everything the per-event path keeps of one instrument (see {@link DecisionEngine}). */
public class DecisionState {
    public OrderBook book;
    public EventFeatures features;
    public RecentTradeIds trades;
    /** The paper sub-account (Jackson round-trips it; kept as JSON in keyed state). */
    public TradingState trading;
    public String symbol;
    public long clockMs = Long.MIN_VALUE;
    /** The start of the second the clock is in; MIN_VALUE before the first event. */
    public long secondEndMs = Long.MIN_VALUE;

    public DecisionState() {}
}
