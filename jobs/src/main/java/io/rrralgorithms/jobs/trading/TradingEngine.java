package io.rrralgorithms.jobs.trading;

import io.rrralgorithms.connectors.model.Decimals;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.jobs.book.BookTop;
import io.rrralgorithms.jobs.scoring.Score;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * One paper account, free of Flink: strategy → risk → paper execution against the reconstructed
 * books → positions and PnL. Every input comes with its event time and must be given in
 * event-time order (the Flink operator sorts); then the outputs are deterministic.
 *
 * <p>Order latency: an accepted order reaches the book {@link TradingConfig#orderLatencyMs()}
 * after it was created; it executes against the first book state at or after that time.
 *
 * <p>All state lives in {@link TradingState}, which Jackson round-trips (the Flink operator keeps
 * it in keyed state).
 *
 * <h2>Execution (paper, event time)</h2>
 * <ul>
 *   <li>An accepted order is PENDING until {@code arrivesAtMs = createdAtMs + orderLatencyMs}. It
 *       reaches the book in the first {@link #onBook} of its instrument with time ≥ arrivesAtMs whose
 *       top is synced with both sides, and executes against that top (the new one). Trades, scores
 *       and seconds do not execute arrivals; an unsynced book makes orders wait.</li>
 *   <li>MARKET walks the opposite side's visible levels (BookTop, N = 10), filling min(remaining,
 *       size) at each level's price; IOC the same while the level is at or better than its limit.
 *       What the visible depth (or the limit) cannot fill is canceled, with the reason in
 *       {@link Order#cancelReason}. Taker fee of the feed. Several own orders arriving on the same
 *       top share its liquidity.</li>
 *   <li>LIMIT: the crossing part executes as taker at arrival (as IOC up to its price); the rest
 *       rests (OPEN or PARTIALLY_FILLED) with queueAhead = displayed size at its price on its own
 *       side (0 when the level is not displayed). A later trade whose aggressor hits the order's
 *       side (sell aggressor for a resting buy, buy aggressor for a resting sell) at the order's
 *       price or through it fills max(0, trade size − queueAhead) (capped by the remaining quantity
 *       and by what earlier own orders took from the same trade), then queueAhead −= trade size
 *       (floor 0). Maker fee, at the order's price.</li>
 *   <li>Like hftbacktest's risk-averse queue model, a later top whose displayed size at the
 *       order's price (within the visible price range) is smaller than queueAhead lowers queueAhead
 *       to it; and a top whose opposite best crosses a resting order (best ask ≤ buy price, best
 *       bid ≥ sell price) fills its remaining quantity at its price, as maker.</li>
 *   <li>Cancels take effect immediately (no latency).</li>
 *   <li>Marks: the exact mid (bid + ask) / 2 of the last synced top; an unsynced top keeps it.</li>
 * </ul>
 *
 * <h2>Risk (pre-trade, each order the strategy submits, in this order; first failure rejects)</h2>
 * <ul>
 *   <li>{@code invalid_order}: quantity ≤ 0, or a LIMIT/IOC price ≤ 0.</li>
 *   <li>{@code halted}: state HALTED, nothing passes.</li>
 *   <li>{@code reducing_only}: state REDUCING and the order does not reduce |position|: it must be
 *       on the side opposite the position with pending same-side quantity + its quantity ≤ |position|
 *       (so it cannot flip).</li>
 *   <li>{@code no_market}: no synced top seen for the instrument yet.</li>
 *   <li>{@code order_rate}: the accepted orders created in (t − riskOrderWindowMs, t] already number
 *       riskMaxOrdersPerWindow (rejected orders are not counted).</li>
 *   <li>{@code price_band}: |price − mid| &gt; riskPriceBand × mid; price = the limit of LIMIT/IOC,
 *       for MARKET the worst visible level it would walk to in the current top.</li>
 *   <li>{@code position_cap}: |resulting| &gt; riskMaxPositionQuantity where resulting = position +
 *       signed remaining quantity of open same-side orders + signed order quantity.</li>
 *   <li>{@code notional_cap}: |resulting| × mid &gt; riskMaxNotionalPerInstrument.</li>
 *   <li>{@code total_notional_cap}: |resulting| × mid + Σ over the other instruments of their worst
 *       exposure (max(|pos + open buys|, |pos − open sells|)) × mark &gt; riskMaxNotionalTotal.</li>
 *   <li>The three caps only reject orders that increase exposure (|resulting| &gt; |position|).</li>
 * </ul>
 * Rejected orders are emitted with status REJECTED, rejectRule and rejectDetail, plus a RiskEvent.
 *
 * <h2>Risk state</h2>
 * At each {@link #onSecond}: equity = realized + unrealized − fees is appended to the window
 * (points with time &gt; t − riskDrawdownWindowMs kept); drawdown = max equity in the window − equity.
 * ACTIVE with drawdown ≥ riskReduceDrawdown → REDUCING (open orders that would increase |position|
 * are canceled); ACTIVE/REDUCING with drawdown ≥ riskHaltDrawdown → HALTED (all open orders
 * canceled). One RiskEvent (rule {@code drawdown}) per change. Only {@link RiskCommand.Kind#ACTIVATE}
 * leaves REDUCING/HALTED, and it restarts the drawdown window from the current equity. KILL cancels
 * every open order and halts (rule {@code kill_switch}); HALT and REDUCE set the state (rule
 * {@code manual}; REDUCE cancels exposure-increasing orders, a manual HALT leaves working orders
 * alone, as nautilus_trader's HALTED does).
 */
public final class TradingEngine {
    private static final BigDecimal HALF = new BigDecimal("0.5");

    private final TradingConfig config;
    private final Strategy strategy;
    private final TradingState state;

    public TradingEngine(TradingConfig config, Strategy strategy, TradingState state) {
        this.config = config;
        this.strategy = strategy;
        this.state = state;
    }

    public TradingState state() {
        return state;
    }

    public TradingConfig config() {
        return config;
    }

    // ------------------------------------------------------------------ inputs

    /** A new book top of an instrument: marks positions, executes orders that have arrived. */
    public void onBook(BookTop top, long timeMs, TradingOutput out) {
        InstrumentState inst = instrument(top.feed, top.nativeSymbol, top.symbol);
        if (!top.hasBothSides()) {
            inst.synced = false;
            return;
        }
        BookTop copy = top.copyAsSample(top.sampleTimeMs);
        copy.bidPrices = top.bidPrices.clone();
        copy.bidSizes = top.bidSizes.clone();
        copy.askPrices = top.askPrices.clone();
        copy.askSizes = top.askSizes.clone();
        inst.top = copy;
        inst.synced = true;
        inst.mark = mid(copy);
        String key = inst.instrumentKey();
        // resting orders first: crossed by the book, queue capped by the displayed size
        for (Order o : openOrdersOf(key)) {
            if (o.status == OrderStatus.OPEN || o.status == OrderStatus.PARTIALLY_FILLED) {
                restingOnBook(o, inst, copy, timeMs, out);
            }
        }
        // then arrivals, sharing this top's liquidity
        long[] bidLeft = copy.bidSizes.clone();
        long[] askLeft = copy.askSizes.clone();
        for (Order o : openOrdersOf(key)) {
            if (o.status == OrderStatus.PENDING && o.arrivesAtMs <= timeMs) {
                arrive(o, inst, copy, bidLeft, askLeft, timeMs, out);
            }
        }
    }

    /** A public trade: fills resting limit orders it prints through, after their queue ahead. */
    public void onTrade(MarketEvent trade, long timeMs, TradingOutput out) {
        InstrumentState inst = state.instruments.get(trade.instrumentKey());
        if (inst == null) {
            return;
        }
        long tradeLeft = trade.size;
        for (Order o : openOrdersOf(inst.instrumentKey())) {
            if (o.status != OrderStatus.OPEN && o.status != OrderStatus.PARTIALLY_FILLED) {
                continue;
            }
            boolean hits = o.side == Side.BUY ? !trade.takerBuy : trade.takerBuy;
            boolean reaches = o.side == Side.BUY ? trade.price <= o.price : trade.price >= o.price;
            if (!hits || !reaches) {
                continue;
            }
            long beyondQueue = Math.max(0L, trade.size - o.queueAhead);
            o.queueAhead = Math.max(0L, o.queueAhead - trade.size);
            long qty = Math.min(o.remaining(), Math.min(beyondQueue, tradeLeft));
            if (qty > 0) {
                fill(o, inst, o.price, qty, false, timeMs, out);
                tradeLeft -= qty;
                o.status = o.remaining() == 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
                update(o, timeMs, out);
            }
        }
    }

    /** A model score: the strategy may create orders; each is checked by risk before it is sent. */
    public void onScore(Score score, long timeMs, TradingOutput out) {
        InstrumentState inst = instrument(score.feed, score.nativeSymbol, score.symbol);
        Ctx ctx = new Ctx(inst, timeMs, out);
        List<Order> orders = strategy.onScore(inst.instrumentKey(), score.score, ctx);
        for (Order o : orders) {
            submit(o, inst, timeMs, out);
        }
    }

    /** Risk-checks an order created by {@link Strategy.Context#newOrder}: PENDING or REJECTED. */
    private void submit(Order o, InstrumentState inst, long timeMs, TradingOutput out) {
        state.orders++;
        inst.lastOrderMs = timeMs;
        o.createdAtMs = timeMs;
        o.updatedAtMs = timeMs;
        String[] rejection = check(o, inst, timeMs);
        if (rejection != null) {
            state.rejections++;
            o.status = OrderStatus.REJECTED;
            o.rejectRule = rejection[0];
            o.rejectDetail = rejection[1];
            out.order(o.copy());
            riskEvent(timeMs, rejection[0], o.orderId, inst.instrumentKey(), state.riskState, state.riskState,
                    rejection[1], out);
            return;
        }
        o.status = OrderStatus.PENDING;
        o.arrivesAtMs = timeMs + config.orderLatencyMs();
        state.openOrders.put(o.orderId, o);
        state.orderTimesMs.add(timeMs);
        out.order(o.copy());
    }

    /** A manual risk command (kill switch, state change). */
    public void onControl(RiskCommand command, long timeMs, TradingOutput out) {
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
                int n = cancelWhere(null, "kill switch", timeMs, out);
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
                int n = cancelWhere(Boolean.TRUE, "risk state REDUCING", timeMs, out);
                riskEvent(timeMs, "manual", null, null, before, state.riskState,
                        "REDUCE, canceled " + n + " exposure-increasing orders" + why, out);
            }
            case ACTIVATE -> {
                state.riskState = RiskState.ACTIVE;
                BigDecimal equity = totals()[0];
                state.equityHistory.clear();
                state.equityHistory.add(new TradingState.EquityPoint(timeMs, equity));
                state.drawdown = BigDecimal.ZERO;
                riskEvent(timeMs, "manual", null, null, before, state.riskState,
                        "ACTIVATE, drawdown window restarts at equity " + plain(equity) + why, out);
            }
        }
    }

    /** The end of an event-time second: position and PnL snapshots, drawdown rules. */
    public void onSecond(long secondEndMs, TradingOutput out) {
        BigDecimal[] t = totals();
        BigDecimal equity = t[0];
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
            int n = cancelWhere(null, "risk state HALTED (drawdown)", secondEndMs, out);
            riskEvent(secondEndMs, "drawdown", null, null, before, RiskState.HALTED, numbers + " >= halt limit "
                    + plain(config.riskHaltDrawdown()) + "; canceled " + n + " open orders", out);
        } else if (before == RiskState.ACTIVE && drawdown.compareTo(config.riskReduceDrawdown()) >= 0) {
            state.riskState = RiskState.REDUCING;
            int n = cancelWhere(Boolean.TRUE, "risk state REDUCING (drawdown)", secondEndMs, out);
            riskEvent(secondEndMs, "drawdown", null, null, before, RiskState.REDUCING, numbers + " >= reduce limit "
                    + plain(config.riskReduceDrawdown()) + "; canceled " + n
                    + " exposure-increasing orders", out);
        }
        for (InstrumentState inst : state.instruments.values()) {
            if (inst.active) {
                out.position(positionSnapshot(inst, secondEndMs));
            }
        }
        PnlSnapshot p = new PnlSnapshot();
        p.accountId = config.accountId();
        p.timeMs = secondEndMs;
        p.equity = equity;
        p.realizedPnl = t[1];
        p.unrealizedPnl = t[2];
        p.fees = t[3];
        p.cash = t[4];
        p.markValue = t[5];
        p.grossNotional = t[6];
        p.drawdown = drawdown;
        p.riskState = state.riskState;
        p.fills = state.fills;
        p.orders = state.orders;
        p.rejections = state.rejections;
        out.pnl(p);
    }

    // ------------------------------------------------------------------ execution

    private void arrive(Order o, InstrumentState inst, BookTop top, long[] bidLeft, long[] askLeft, long timeMs,
            TradingOutput out) {
        boolean buy = o.side == Side.BUY;
        long[] prices = buy ? top.askPrices : top.bidPrices;
        long[] left = buy ? askLeft : bidLeft;
        boolean limited = o.type != OrderType.MARKET;
        int levelsUsed = 0;
        for (int i = 0; i < prices.length && o.remaining() > 0; i++) {
            if (limited && (buy ? prices[i] > o.price : prices[i] < o.price)) {
                break;
            }
            long qty = Math.min(o.remaining(), left[i]);
            if (qty > 0) {
                left[i] -= qty;
                levelsUsed = i + 1;
                fill(o, inst, prices[i], qty, true, timeMs, out);
            }
        }
        if (o.remaining() == 0) {
            o.status = OrderStatus.FILLED;
        } else if (o.type == OrderType.LIMIT) {
            long[] own = buy ? top.bidPrices : top.askPrices;
            long[] ownSizes = buy ? top.bidSizes : top.askSizes;
            o.queueAhead = sizeAt(own, ownSizes, o.price);
            o.status = o.filledQuantity > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.OPEN;
        } else {
            o.status = OrderStatus.CANCELED;
            o.cancelReason = (o.type == OrderType.MARKET
                    ? "visible depth exhausted (" + prices.length + " levels)"
                    : "no more liquidity at or better than limit " + Decimals.toPlainString(o.price))
                    + ": " + Decimals.toPlainString(o.remaining()) + " of " + Decimals.toPlainString(o.quantity)
                    + " unfilled, " + levelsUsed + " levels used";
        }
        update(o, timeMs, out);
    }

    private void restingOnBook(Order o, InstrumentState inst, BookTop top, long timeMs, TradingOutput out) {
        boolean buy = o.side == Side.BUY;
        boolean crossed = buy ? top.askPrices[0] <= o.price : top.bidPrices[0] >= o.price;
        if (crossed) {
            fill(o, inst, o.price, o.remaining(), false, timeMs, out);
            o.status = OrderStatus.FILLED;
            update(o, timeMs, out);
            return;
        }
        long[] own = buy ? top.bidPrices : top.askPrices;
        long[] ownSizes = buy ? top.bidSizes : top.askSizes;
        long worst = own[own.length - 1];
        boolean visible = buy ? o.price >= worst : o.price <= worst;
        if (visible) {
            o.queueAhead = Math.min(o.queueAhead, sizeAt(own, ownSizes, o.price));
        }
    }

    private static long sizeAt(long[] prices, long[] sizes, long price) {
        for (int i = 0; i < prices.length; i++) {
            if (prices[i] == price) {
                return sizes[i];
            }
        }
        return 0L;
    }

    private void fill(Order o, InstrumentState inst, long price, long qty, boolean taker, long timeMs,
            TradingOutput out) {
        BigDecimal px = Decimals.toBigDecimal(price);
        BigDecimal notional = px.multiply(Decimals.toBigDecimal(qty));
        BigDecimal rate = (taker ? config.takerFee() : config.makerFee()).getOrDefault(o.feed, BigDecimal.ZERO);
        BigDecimal fee = notional.multiply(rate);
        Fill f = new Fill();
        f.fillId = o.orderId + '-' + (++o.fillCount);
        f.orderId = o.orderId;
        f.accountId = o.accountId;
        f.feed = o.feed;
        f.nativeSymbol = o.nativeSymbol;
        f.symbol = o.symbol;
        f.side = o.side;
        f.price = price;
        f.quantity = qty;
        f.fee = fee;
        f.taker = taker;
        f.timeMs = timeMs;
        o.filledQuantity += qty;
        o.filledNotional = o.filledNotional.add(notional);
        o.fees = o.fees.add(fee);
        inst.applyFill(o.side.sign() * qty, px, fee);
        state.fills++;
        out.fill(f);
    }

    /** Emits the order; drops it from the open orders when final. */
    private void update(Order o, long timeMs, TradingOutput out) {
        o.updatedAtMs = timeMs;
        if (o.status == OrderStatus.FILLED || o.status == OrderStatus.CANCELED || o.status == OrderStatus.REJECTED) {
            state.openOrders.remove(o.orderId);
        }
        out.order(o.copy());
    }

    private void cancel(Order o, String reason, long timeMs, TradingOutput out) {
        if (!state.openOrders.containsKey(o.orderId)) {
            return;
        }
        o.status = OrderStatus.CANCELED;
        o.cancelReason = reason;
        update(o, timeMs, out);
    }

    /** Cancels open orders: all (increasingOnly null) or those that would increase |position|. */
    private int cancelWhere(Boolean increasingOnly, String reason, long timeMs, TradingOutput out) {
        int n = 0;
        for (Order o : new ArrayList<>(state.openOrders.values())) {
            if (increasingOnly != null) {
                InstrumentState inst = state.instruments.get(o.instrumentKey());
                long pos = inst == null ? 0 : inst.quantity;
                if (pos != 0 && o.side.sign() != Long.signum(pos)) {
                    continue;
                }
            }
            cancel(o, reason, timeMs, out);
            n++;
        }
        return n;
    }

    // ------------------------------------------------------------------ risk

    /** null when the order passes, else {rule, detail}. */
    private String[] check(Order o, InstrumentState inst, long timeMs) {
        String what = o.side + " " + o.type + " " + Decimals.toPlainString(o.quantity)
                + (o.type == OrderType.MARKET ? "" : " @ " + Decimals.toPlainString(o.price));
        long pos = inst.quantity;
        long pendingSame = 0;
        for (Order p : state.openOrders.values()) {
            if (p.side == o.side && p.instrumentKey().equals(inst.instrumentKey())) {
                pendingSame += p.remaining();
            }
        }
        long resulting = pos + o.side.sign() * (pendingSame + o.quantity);
        String exposure = "position " + Decimals.toPlainString(pos) + " + open " + o.side + " "
                + Decimals.toPlainString(pendingSame) + " + order " + what + " = " + Decimals.toPlainString(resulting);
        if (o.quantity <= 0 || (o.type != OrderType.MARKET && o.price <= 0)) {
            return new String[] {"invalid_order", "quantity and limit price must be > 0; order " + what};
        }
        if (state.riskState == RiskState.HALTED) {
            return new String[] {"halted", "account HALTED; order " + what};
        }
        if (state.riskState == RiskState.REDUCING) {
            boolean reducing = pos != 0 && o.side.sign() != Long.signum(pos)
                    && pendingSame + o.quantity <= Math.abs(pos);
            if (!reducing) {
                return new String[] {"reducing_only", "account REDUCING; " + exposure + ", |resulting| must be < |position| "
                        + Decimals.toPlainString(Math.abs(pos)) + " without flipping"};
            }
        }
        if (inst.top == null || inst.mark == null) {
            return new String[] {"no_market", "no synced book for " + inst.instrumentKey() + "; order " + what};
        }
        BigDecimal mid = inst.mark;
        long from = timeMs - config.riskOrderWindowMs();
        while (!state.orderTimesMs.isEmpty() && state.orderTimesMs.get(0) <= from) {
            state.orderTimesMs.remove(0);
        }
        if (state.orderTimesMs.size() >= config.riskMaxOrdersPerWindow()) {
            return new String[] {"order_rate", "orders in the last " + config.riskOrderWindowMs() + " ms: "
                    + state.orderTimesMs.size() + " >= limit " + config.riskMaxOrdersPerWindow() + "; order " + what};
        }
        long checkPrice = o.type == OrderType.MARKET ? walkPrice(o, inst.top) : o.price;
        BigDecimal px = Decimals.toBigDecimal(checkPrice);
        BigDecimal distance = px.subtract(mid).abs();
        BigDecimal band = config.riskPriceBand().multiply(mid);
        if (distance.compareTo(band) > 0) {
            return new String[] {"price_band", "price " + plain(px)
                    + (o.type == OrderType.MARKET ? " (worst level the MARKET order walks to)" : "")
                    + " is " + plain(distance) + " from mid " + plain(mid) + " > band "
                    + plain(config.riskPriceBand()) + " x mid = " + plain(band) + "; order " + what};
        }
        boolean increases = Math.abs(resulting) > Math.abs(pos);
        if (!increases) {
            return null;
        }
        if (Math.abs(resulting) > config.riskMaxPositionQuantity()) {
            return new String[] {"position_cap", "|" + exposure + "| > limit "
                    + Decimals.toPlainString(config.riskMaxPositionQuantity())};
        }
        BigDecimal notional = Decimals.toBigDecimal(Math.abs(resulting)).multiply(mid);
        if (notional.compareTo(config.riskMaxNotionalPerInstrument()) > 0) {
            return new String[] {"notional_cap", "|" + exposure + "| x mid " + plain(mid) + " = "
                    + plain(notional) + " > limit " + plain(config.riskMaxNotionalPerInstrument())};
        }
        BigDecimal others = BigDecimal.ZERO;
        for (InstrumentState other : state.instruments.values()) {
            if (other == inst || other.mark == null) {
                continue;
            }
            long buys = 0;
            long sells = 0;
            for (Order p : state.openOrders.values()) {
                if (p.instrumentKey().equals(other.instrumentKey())) {
                    if (p.side == Side.BUY) {
                        buys += p.remaining();
                    } else {
                        sells += p.remaining();
                    }
                }
            }
            long worst = Math.max(Math.abs(other.quantity + buys), Math.abs(other.quantity - sells));
            others = others.add(Decimals.toBigDecimal(worst).multiply(other.mark));
        }
        BigDecimal total = notional.add(others);
        if (total.compareTo(config.riskMaxNotionalTotal()) > 0) {
            return new String[] {"total_notional_cap", "this instrument " + plain(notional)
                    + " (" + exposure + " x mid " + plain(mid) + ") + other instruments "
                    + plain(others) + " = " + plain(total) + " > limit "
                    + plain(config.riskMaxNotionalTotal())};
        }
        return null;
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

    // ------------------------------------------------------------------ accounting

    /** {equity, realized, unrealized, fees, cash, markValue, grossNotional}. */
    private BigDecimal[] totals() {
        BigDecimal realized = BigDecimal.ZERO;
        BigDecimal unrealized = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        BigDecimal cash = BigDecimal.ZERO;
        BigDecimal markValue = BigDecimal.ZERO;
        BigDecimal gross = BigDecimal.ZERO;
        for (InstrumentState inst : state.instruments.values()) {
            realized = realized.add(inst.realizedPnl);
            unrealized = unrealized.add(inst.unrealized());
            fees = fees.add(inst.fees);
            cash = cash.add(inst.cash);
            BigDecimal mv = inst.markValue();
            markValue = markValue.add(mv);
            gross = gross.add(mv.abs());
        }
        BigDecimal equity = realized.add(unrealized).subtract(fees);
        return new BigDecimal[] {equity, realized, unrealized, fees, cash, markValue, gross};
    }

    private PositionSnapshot positionSnapshot(InstrumentState inst, long timeMs) {
        PositionSnapshot s = new PositionSnapshot();
        s.accountId = config.accountId();
        s.feed = inst.feed;
        s.nativeSymbol = inst.nativeSymbol;
        s.symbol = inst.symbol;
        s.timeMs = timeMs;
        s.quantity = inst.quantity;
        s.costBasis = inst.costBasis;
        s.averagePrice = inst.quantity == 0 ? null
                : inst.costBasis.divide(Decimals.toBigDecimal(inst.quantity), 10, RoundingMode.HALF_EVEN);
        s.mark = inst.mark;
        s.realizedPnl = inst.realizedPnl;
        s.unrealizedPnl = inst.unrealized();
        s.fees = inst.fees;
        return s;
    }

    /** For details: no trailing zeros, no exponent. */
    static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    static BigDecimal mid(BookTop top) {
        return Decimals.toBigDecimal(top.bidPrices[0]).add(Decimals.toBigDecimal(top.askPrices[0])).multiply(HALF);
    }

    // ------------------------------------------------------------------ helpers

    private InstrumentState instrument(String feed, String nativeSymbol, String symbol) {
        String key = MarketEvent.instrumentKey(feed, nativeSymbol);
        InstrumentState inst = state.instruments.get(key);
        if (inst == null) {
            inst = new InstrumentState();
            inst.feed = feed;
            inst.nativeSymbol = nativeSymbol;
            inst.symbol = symbol;
            state.instruments.put(key, inst);
        } else if (inst.symbol == null && symbol != null) {
            inst.symbol = symbol;
        }
        return inst;
    }

    private List<Order> openOrdersOf(String key) {
        List<Order> list = new ArrayList<>();
        for (Order o : state.openOrders.values()) {
            if (o.instrumentKey().equals(key)) {
                list.add(o);
            }
        }
        return list;
    }

    /** The strategy's view of one instrument at one score. */
    private final class Ctx implements Strategy.Context {
        private final InstrumentState inst;
        private final long timeMs;
        private final TradingOutput out;

        Ctx(InstrumentState inst, long timeMs, TradingOutput out) {
            this.inst = inst;
            this.timeMs = timeMs;
            this.out = out;
        }

        @Override
        public long timeMs() {
            return timeMs;
        }

        @Override
        public long position() {
            return inst.quantity;
        }

        @Override
        public long bestBid() {
            return inst.synced && inst.top != null ? inst.top.bidPrices[0] : 0L;
        }

        @Override
        public long bestAsk() {
            return inst.synced && inst.top != null ? inst.top.askPrices[0] : 0L;
        }

        @Override
        public List<Order> openOrders() {
            return openOrdersOf(inst.instrumentKey());
        }

        @Override
        public Order newOrder(Side side, OrderType type, long price, long quantity, String reason) {
            Order o = new Order();
            o.orderId = config.accountId() + '-' + inst.instrumentKey() + '-' + (++state.orderSequence);
            o.accountId = config.accountId();
            o.feed = inst.feed;
            o.nativeSymbol = inst.nativeSymbol;
            o.symbol = inst.symbol;
            o.side = side;
            o.type = type;
            o.price = type == OrderType.MARKET ? 0L : price;
            o.quantity = quantity;
            o.reason = reason;
            o.createdAtMs = timeMs;
            o.updatedAtMs = timeMs;
            return o;
        }

        @Override
        public void cancel(Order order, String reason) {
            Order live = state.openOrders.get(order.orderId);
            if (live != null && live.instrumentKey().equals(inst.instrumentKey())) {
                TradingEngine.this.cancel(live, reason, timeMs, out);
            }
        }

        @Override
        public long targetPosition() {
            return inst.targetPosition;
        }

        @Override
        public void setTargetPosition(long target) {
            inst.targetPosition = target;
        }

        @Override
        public long lastOrderTimeMs() {
            return inst.lastOrderMs;
        }
    }
}
