package io.rrralgorithms.jobs.trading;

import io.rrralgorithms.connectors.model.Decimals;
import io.rrralgorithms.jobs.book.BookTop;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The account's risk: pre-trade checks of each order the strategy submits, and the risk state
 * machine (ACTIVE / REDUCING / HALTED) driven by drawdown and by manual commands, with a
 * {@link RiskEvent} per rejection and per state change. As nautilus_trader's RiskEngine; the rules
 * are in {@link TradingEngine}'s comment ("Risk", "Risk state"). State changes cancel through the
 * {@link PaperMatcher}.
 */
final class RiskEngine {
    private final TradingConfig config;
    private final TradingState state;
    private final Portfolio portfolio;
    private final OpenOrders openOrders;
    private final PaperMatcher matcher;

    RiskEngine(TradingConfig config, TradingState state, Portfolio portfolio, OpenOrders openOrders,
            PaperMatcher matcher) {
        this.config = config;
        this.state = state;
        this.portfolio = portfolio;
        this.openOrders = openOrders;
        this.matcher = matcher;
    }

    RiskState riskState() {
        return state.riskState;
    }

    /** The first rule the order fails, in the documented order; empty when it passes. */
    Optional<Rejection> check(Order o, InstrumentState inst, long timeMs) {
        String what = o.side + " " + o.type + " " + Decimals.toPlainString(o.quantity)
                + (o.type == OrderType.MARKET ? "" : " @ " + Decimals.toPlainString(o.price));
        long pos = inst.quantity;
        long pendingSame = openOrders.remaining(inst.instrumentKey(), o.side);
        long resulting = pos + o.side.sign() * (pendingSame + o.quantity);
        String exposure = "position " + Decimals.toPlainString(pos) + " + open " + o.side + " "
                + Decimals.toPlainString(pendingSame) + " + order " + what + " = " + Decimals.toPlainString(resulting);
        if (o.quantity <= 0 || (o.type != OrderType.MARKET && o.price <= 0)) {
            return reject("invalid_order", "quantity and limit price must be > 0; order " + what);
        }
        if (state.riskState == RiskState.HALTED) {
            return reject("halted", "account HALTED; order " + what);
        }
        if (state.riskState == RiskState.REDUCING) {
            boolean reducing = pos != 0 && o.side.sign() != Long.signum(pos)
                    && pendingSame + o.quantity <= Math.abs(pos);
            if (!reducing) {
                return reject("reducing_only", "account REDUCING; " + exposure + ", |resulting| must be < |position| "
                        + Decimals.toPlainString(Math.abs(pos)) + " without flipping");
            }
        }
        if (inst.top == null || inst.mark == null) {
            return reject("no_market", "no synced book for " + inst.instrumentKey() + "; order " + what);
        }
        BigDecimal mid = inst.mark;
        long from = timeMs - config.riskOrderWindowMs();
        while (!state.orderTimesMs.isEmpty() && state.orderTimesMs.get(0) <= from) {
            state.orderTimesMs.remove(0);
        }
        if (state.orderTimesMs.size() >= config.riskMaxOrdersPerWindow()) {
            return reject("order_rate", "orders in the last " + config.riskOrderWindowMs() + " ms: "
                    + state.orderTimesMs.size() + " >= limit " + config.riskMaxOrdersPerWindow() + "; order " + what);
        }
        long checkPrice = o.type == OrderType.MARKET ? walkPrice(o, inst.top) : o.price;
        BigDecimal px = Decimals.toBigDecimal(checkPrice);
        BigDecimal distance = px.subtract(mid).abs();
        BigDecimal band = config.riskPriceBand().multiply(mid);
        if (distance.compareTo(band) > 0) {
            return reject("price_band", "price " + plain(px)
                    + (o.type == OrderType.MARKET ? " (worst level the MARKET order walks to)" : "")
                    + " is " + plain(distance) + " from mid " + plain(mid) + " > band "
                    + plain(config.riskPriceBand()) + " x mid = " + plain(band) + "; order " + what);
        }
        boolean increases = Math.abs(resulting) > Math.abs(pos);
        if (!increases) {
            return Optional.empty();
        }
        if (Math.abs(resulting) > config.riskMaxPositionQuantity()) {
            return reject("position_cap", "|" + exposure + "| > limit "
                    + Decimals.toPlainString(config.riskMaxPositionQuantity()));
        }
        // in the quote currency by the contract terms (an inverse contract's: contracts x multiplier)
        BigDecimal notional = inst.quoteNotional(Decimals.toBigDecimal(resulting), mid);
        if (notional.compareTo(config.riskMaxNotionalPerInstrument()) > 0) {
            return reject("notional_cap", "|" + exposure + "| x mid " + plain(mid) + " = "
                    + plain(notional) + " > limit " + plain(config.riskMaxNotionalPerInstrument()));
        }
        BigDecimal others = BigDecimal.ZERO;
        for (InstrumentState other : portfolio.instruments()) {
            if (other != inst && other.mark != null) {
                others = others.add(other.quoteNotional(Decimals.toBigDecimal(worstExposure(other)), other.mark));
            }
        }
        BigDecimal total = notional.add(others);
        if (total.compareTo(config.riskMaxNotionalTotal()) > 0) {
            return reject("total_notional_cap", "this instrument " + plain(notional)
                    + " (" + exposure + " x mid " + plain(mid) + ") + other instruments "
                    + plain(others) + " = " + plain(total) + " > limit "
                    + plain(config.riskMaxNotionalTotal()));
        }
        return Optional.empty();
    }

    /** An accepted order counts towards the order-rate window (rejected ones do not). */
    void accepted(long timeMs) {
        state.orderTimesMs.add(timeMs);
    }

    /** Records a rejection of {@link #check}: the account's state does not change. */
    void rejected(Order o, InstrumentState inst, Rejection rejection, long timeMs, TradingOutput out) {
        riskEvent(timeMs, rejection.rule(), o.orderId, inst.instrumentKey(), state.riskState, state.riskState,
                rejection.detail(), out);
    }

    /** A manual risk command for this account (or all); a refused one is only recorded. */
    void onCommand(RiskCommand command, long timeMs, TradingOutput out) {
        if (command.accountId != null && !command.accountId.equals(config.accountId())) {
            return;
        }
        RiskState before = state.riskState;
        String why = command.reason == null ? "" : " reason=" + command.reason;
        if (command.refusal != null) { // not authentic (or a wildcard ACTIVATE): recorded, never applied
            riskEvent(timeMs, "command_refused", null, null, before, before, command.command + " refused: "
                    + command.refusal + why, out);
            return;
        }
        switch (command.command) {
            case KILL -> {
                int n = matcher.cancelWhere(o -> true, "kill switch", timeMs, out);
                state.riskState = RiskState.HALTED;
                riskEvent(timeMs, "kill_switch", null, null, before, state.riskState,
                        "canceled " + n + " open orders" + why, out);
            }
            case HALT -> {
                state.riskState = RiskState.HALTED;
                riskEvent(timeMs, "manual", null, null, before, state.riskState, "HALT" + why, out);
            }
            case REDUCE -> {
                state.riskState = RiskState.REDUCING;
                int n = matcher.cancelWhere(this::increasesExposure, "risk state REDUCING", timeMs, out);
                riskEvent(timeMs, "manual", null, null, before, state.riskState,
                        "REDUCE, canceled " + n + " exposure-increasing orders" + why, out);
            }
            case ACTIVATE -> {
                state.riskState = RiskState.ACTIVE;
                BigDecimal equity = portfolio.totals().equity();
                state.equityHistory.clear();
                state.equityHistory.add(new TradingState.EquityPoint(timeMs, equity));
                state.drawdown = BigDecimal.ZERO;
                riskEvent(timeMs, "manual", null, null, before, state.riskState,
                        "ACTIVATE, drawdown window restarts at equity " + plain(equity) + why, out);
            }
        }
    }

    /**
     * The end of an event-time second with the account's equity: the drawdown window moves on and
     * the drawdown rules apply. Returns the drawdown.
     */
    BigDecimal onSecond(long secondEndMs, BigDecimal equity, TradingOutput out) {
        state.equityHistory.add(new TradingState.EquityPoint(secondEndMs, equity));
        long from = secondEndMs - config.riskDrawdownWindowMs();
        while (!state.equityHistory.isEmpty() && state.equityHistory.get(0).timeMs <= from) {
            state.equityHistory.remove(0);
        }
        BigDecimal peak = equity;
        for (TradingState.EquityPoint p : state.equityHistory) {
            peak = peak.max(p.equity);
        }
        BigDecimal drawdown = peak.subtract(equity);
        state.drawdown = drawdown;
        RiskState before = state.riskState;
        String numbers = "drawdown " + plain(drawdown) + " = peak " + plain(peak) + " - equity "
                + plain(equity) + " over " + config.riskDrawdownWindowMs() + " ms";
        if (before != RiskState.HALTED && drawdown.compareTo(config.riskHaltDrawdown()) >= 0) {
            state.riskState = RiskState.HALTED;
            int n = matcher.cancelWhere(o -> true, "risk state HALTED (drawdown)", secondEndMs, out);
            riskEvent(secondEndMs, "drawdown", null, null, before, RiskState.HALTED, numbers + " >= halt limit "
                    + plain(config.riskHaltDrawdown()) + "; canceled " + n + " open orders", out);
        } else if (before == RiskState.ACTIVE && drawdown.compareTo(config.riskReduceDrawdown()) >= 0) {
            state.riskState = RiskState.REDUCING;
            int n = matcher.cancelWhere(this::increasesExposure, "risk state REDUCING (drawdown)", secondEndMs, out);
            riskEvent(secondEndMs, "drawdown", null, null, before, RiskState.REDUCING, numbers + " >= reduce limit "
                    + plain(config.riskReduceDrawdown()) + "; canceled " + n
                    + " exposure-increasing orders", out);
        }
        return drawdown;
    }

    /** An open order that would increase |position|: same side as the position, or any when flat. */
    private boolean increasesExposure(Order o) {
        InstrumentState inst = portfolio.find(o.instrumentKey());
        long pos = inst == null ? 0 : inst.quantity;
        return pos == 0 || o.side.sign() == Long.signum(pos);
    }

    /** The larger |position| the instrument's open orders could leave: all buys or all sells filled. */
    private long worstExposure(InstrumentState inst) {
        long buys = openOrders.remaining(inst.instrumentKey(), Side.BUY);
        long sells = openOrders.remaining(inst.instrumentKey(), Side.SELL);
        return Math.max(Math.abs(inst.quantity + buys), Math.abs(inst.quantity - sells));
    }

    /** The worst visible level a MARKET order of this size would reach in {@code top} (the last one when deeper). */
    private static long walkPrice(Order o, BookTop top) {
        long[] prices = o.side == Side.BUY ? top.askPrices : top.bidPrices;
        long[] sizes = o.side == Side.BUY ? top.askSizes : top.bidSizes;
        long left = o.quantity;
        for (int i = 0; i < prices.length; i++) {
            left -= sizes[i];
            if (left <= 0) {
                return prices[i];
            }
        }
        return prices[prices.length - 1];
    }

    private static Optional<Rejection> reject(String rule, String detail) {
        return Optional.of(new Rejection(rule, detail));
    }

    private void riskEvent(long timeMs, String rule, String orderId, String instrumentKey, RiskState before,
            RiskState after, String detail, TradingOutput out) {
        RiskEvent e = new RiskEvent();
        e.accountId = config.accountId();
        e.timeMs = timeMs;
        e.rule = rule;
        e.orderId = orderId;
        e.instrumentKey = instrumentKey;
        e.stateBefore = before;
        e.stateAfter = after;
        e.detail = detail;
        e.sequence = ++state.riskEventSequence;
        out.riskEvent(e);
    }

    /** For details: no trailing zeros, no exponent. */
    static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
