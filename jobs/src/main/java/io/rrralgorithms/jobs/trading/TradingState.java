package io.rrralgorithms.jobs.trading;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a {@link TradingEngine} remembers (positions, open orders, order sequence numbers,
 * books' last tops, order-rate window, equity history for the drawdown window, risk state).
 * Plain public fields, String-keyed maps, no cycles: Jackson round-trips it.
 *
 * <p>Maps are {@link LinkedHashMap}s and are iterated in insertion order everywhere (Jackson
 * writes and reads them in that order), so a restored state continues exactly as the original.
 */
public class TradingState {
    public RiskState riskState = RiskState.ACTIVE;
    /** Last order sequence number of the account (ids {@code <account>-<feed>:<symbol>-<seq>}, from 1). */
    public long orderSequence;
    /** Last risk event sequence number of the account (from 1). */
    public long riskEventSequence;
    /** Per instrument ({@code feed:nativeSymbol}): position, accounting, last book top, strategy target. */
    public Map<String, InstrumentState> instruments = new LinkedHashMap<>();
    /** Orders not yet final (PENDING, OPEN, PARTIALLY_FILLED) by order id, in creation order. */
    public Map<String, Order> openOrders = new LinkedHashMap<>();
    /** Creation times of the accepted orders inside the order-rate window, oldest first. */
    public List<Long> orderTimesMs = new ArrayList<>();
    /** Equity at each second end inside the drawdown window, oldest first. */
    public List<EquityPoint> equityHistory = new ArrayList<>();
    /** Counters for the PnL snapshots: orders created (accepted + rejected), rejections, fills. */
    public long orders;
    public long rejections;
    public long fills;
    /** Last drawdown computed at a second end. */
    public BigDecimal drawdown = BigDecimal.ZERO;

    public TradingState() {}

    /** Equity of the account at a second end. */
    public static class EquityPoint {
        public long timeMs;
        public BigDecimal equity = BigDecimal.ZERO;

        public EquityPoint() {}

        public EquityPoint(long timeMs, BigDecimal equity) {
            this.timeMs = timeMs;
            this.equity = equity;
        }
    }
}
