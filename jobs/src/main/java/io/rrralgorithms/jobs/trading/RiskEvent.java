package io.rrralgorithms.jobs.trading;

/** A risk decision worth recording: an order rejected by a rule, or an account state change. */
public class RiskEvent {
    public String accountId;
    public long timeMs;
    /** e.g. position_cap, notional_cap, total_notional_cap, order_rate, price_band, reducing_only, halted, drawdown, kill_switch, manual. */
    public String rule;
    /** The rejected order, or null for a state change. */
    public String orderId;
    public String instrumentKey;
    public RiskState stateBefore;
    public RiskState stateAfter;
    /** The numbers: limit, value, order quantity/price/mid ... */
    public String detail;
    /** Per account sequence: natural key with accountId. */
    public long sequence;

    public RiskEvent() {}
}
