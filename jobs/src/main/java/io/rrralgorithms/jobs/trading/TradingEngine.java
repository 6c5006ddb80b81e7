package io.rrralgorithms.jobs.trading;

import io.rrralgorithms.connectors.instruments.ContractTerms;
import io.rrralgorithms.connectors.model.Decimals;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.util.RateLimitedLog;
import io.rrralgorithms.jobs.book.BookTop;
import io.rrralgorithms.jobs.scoring.Score;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * One paper account, free of Flink: strategy → risk → paper execution against the reconstructed
 * books → positions and PnL. Every input comes with its event time and must be given in
 * event-time order (the Flink operator sorts); then the outputs are deterministic.
 *
 * <p>A thin coordinator of three parts, as in nautilus_trader: the {@link RiskEngine} (pre-trade
 * checks and the risk state machine), the {@link PaperMatcher} (the matching core: arrivals,
 * fills, resting orders, cancels) and the {@link Portfolio} (instruments, marks, accounting,
 * snapshots). It routes each input to them: a top marks the portfolio, then the matcher executes;
 * a trade goes to the matcher; a score asks the strategy, each order it creates goes through risk,
 * then to the matcher (accepted) or out as REJECTED; a command goes to risk; a second end runs the
 * drawdown rules, then the snapshots. The rules below are what these parts implement together.
 *
 * <p>Order latency: an accepted order reaches the book {@link TradingConfig#orderLatencyMs()}
 * after it was created; it executes against the first book state at or after that time.
 *
 * <p>All state lives in {@link TradingState} (the parts share it and keep nothing else), which
 * Jackson round-trips (the Flink operator keeps it in keyed state).
 *
 * <h2>Execution (paper, event time; {@link PaperMatcher})</h2>
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
 *   <li>Marks ({@link Portfolio}): the exact mid (bid + ask) / 2 of the last synced top; an unsynced
 *       top keeps it. Accounting per instrument as in {@link InstrumentState}.</li>
 * </ul>
 *
 * <h2>Risk (pre-trade, each order the strategy submits, in this order; first failure rejects;
 * {@link RiskEngine})</h2>
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
 * <h2>Risk state ({@link RiskEngine})</h2>
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
    /** One per engine: the log is not thread-safe. */
    private final RateLimitedLog untradable = new RateLimitedLog(LoggerFactory.getLogger(TradingEngine.class), 60_000L);

    private final TradingConfig config;
    private final Strategy strategy;
    private final TradingState state;
    private final Portfolio portfolio;
    private final OpenOrders openOrders;
    private final PaperMatcher matcher;
    private final RiskEngine risk;

    public TradingEngine(TradingConfig config, Strategy strategy, TradingState state) {
        this.config = config;
        this.strategy = strategy;
        this.state = state;
        this.portfolio = new Portfolio(config.accountId(), state);
        this.openOrders = new OpenOrders(state);
        this.matcher = new PaperMatcher(config, portfolio, openOrders);
        this.risk = new RiskEngine(config, state, portfolio, openOrders, matcher);
    }

    public TradingState state() {
        return state;
    }

    public TradingConfig config() {
        return config;
    }

    /** A new book top of an instrument: marks positions, executes orders that have arrived. */
    public void onBook(BookTop top, long timeMs, TradingOutput out) {
        BookTop t = atTradingScale(top);
        if (t == null) {
            return;
        }
        InstrumentState inst = portfolio.instrument(t.feed, t.nativeSymbol, t.symbol);
        if (portfolio.mark(inst, t)) {
            matcher.onBook(inst, timeMs, out);
        }
    }

    /**
     * A public trade: fills resting limit orders it prints through, after their queue ahead. An
     * INSTRUMENT event (on the same input) gives the instrument's contract terms, as does a trade
     * stamped with them: orders are sized, risk-checked and accounted by them.
     */
    public void onTrade(MarketEvent trade, long timeMs, TradingOutput out) {
        if (trade.type == EventType.INSTRUMENT) {
            portfolio.instrument(trade.feed, trade.nativeSymbol, trade.symbol).takeTerms(trade);
            return;
        }
        InstrumentState inst = portfolio.find(trade.instrumentKey());
        if (inst != null) {
            inst.takeTerms(trade);
        }
        MarketEvent t = inst == null ? null : atTradingScale(trade);
        if (t != null) {
            matcher.onTrade(inst, t, timeMs, out);
        }
    }

    /**
     * The top with its prices and sizes at the engine's scale ({@link Decimals#SCALE}: orders,
     * fills and positions are 8-decimal mantissas), exactly; null, and the instrument is not
     * traded, when they are not exact there (a tick finer than 1e-8, or a value too large for 8
     * decimals in a long): books, features and bars carry such instruments exactly, paper trading
     * does not (docs/status.md).
     */
    BookTop atTradingScale(BookTop top) {
        if (top.priceScale == Decimals.SCALE && top.sizeScale == Decimals.SCALE) {
            return top;
        }
        BookTop t = top.copyAsSample(top.sampleTimeMs);
        try {
            t.bidPrices = rescaled(top.bidPrices, top.priceScale);
            t.askPrices = rescaled(top.askPrices, top.priceScale);
            t.bidSizes = rescaled(top.bidSizes, top.sizeScale);
            t.askSizes = rescaled(top.askSizes, top.sizeScale);
        } catch (ArithmeticException e) {
            untradable.warn("{} is not traded: its book is not exact at {} decimals ({})", top.instrumentKey(),
                    Decimals.SCALE, e.getMessage());
            return null;
        }
        t.priceScale = Decimals.SCALE;
        t.sizeScale = Decimals.SCALE;
        return t;
    }

    /** {@link #atTradingScale(BookTop)} of a trade. */
    MarketEvent atTradingScale(MarketEvent trade) {
        if (trade.priceScale == Decimals.SCALE && trade.sizeScale == Decimals.SCALE) {
            return trade;
        }
        try {
            MarketEvent t = MarketEvent.trade(trade.feed, trade.nativeSymbol, trade.symbol, trade.receiveTimeNs);
            t.exchangeTimeMs = trade.exchangeTimeMs;
            t.tradeId = trade.tradeId;
            t.takerBuy = trade.takerBuy;
            t.price = Decimals.rescale(trade.price, trade.priceScale, Decimals.SCALE);
            t.size = Decimals.rescale(trade.size, trade.sizeScale, Decimals.SCALE);
            return t;
        } catch (ArithmeticException e) {
            untradable.warn("{} is not traded: its trade is not exact at {} decimals ({})", trade.instrumentKey(),
                    Decimals.SCALE, e.getMessage());
            return null;
        }
    }

    private static long[] rescaled(long[] values, int scale) {
        long[] out = values.clone();
        Decimals.rescale(out, out.length, scale, Decimals.SCALE);
        return out;
    }

    /** A model score: the strategy may create orders; each is checked by risk before it is sent. */
    public void onScore(Score score, long timeMs, TradingOutput out) {
        InstrumentState inst = portfolio.instrument(score.feed, score.nativeSymbol, score.symbol);
        Ctx ctx = new Ctx(inst, timeMs, out);
        List<Order> orders = strategy.onScore(inst.instrumentKey(), score.score, ctx);
        for (Order o : orders) {
            o.modelVersion = score.modelVersion;
            o.score = score.score;
            submit(o, inst, timeMs, out);
        }
    }

    /** A manual risk command (kill switch, state change). */
    public void onControl(RiskCommand command, long timeMs, TradingOutput out) {
        risk.onCommand(command, timeMs, out);
    }

    /** The end of an event-time second: drawdown rules, then position and PnL snapshots. */
    public void onSecond(long secondEndMs, TradingOutput out) {
        AccountTotals totals = portfolio.totals();
        BigDecimal drawdown = risk.onSecond(secondEndMs, totals.equity(), out);
        for (InstrumentState inst : portfolio.instruments()) {
            if (inst.active) {
                out.position(portfolio.position(inst, secondEndMs));
            }
        }
        out.pnl(portfolio.pnl(secondEndMs, totals, drawdown, risk.riskState()));
    }

    /** Risk-checks an order created by {@link Strategy.Context#newOrder}: PENDING or REJECTED. */
    private void submit(Order o, InstrumentState inst, long timeMs, TradingOutput out) {
        state.orders++;
        inst.lastOrderMs = timeMs;
        o.createdAtMs = timeMs;
        o.updatedAtMs = timeMs;
        Optional<Rejection> rejection = risk.check(o, inst, timeMs);
        if (rejection.isPresent()) {
            state.rejections++;
            o.status = OrderStatus.REJECTED;
            o.rejectRule = rejection.get().rule();
            o.rejectDetail = rejection.get().detail();
            out.order(o.copy());
            risk.rejected(o, inst, rejection.get(), timeMs, out);
            return;
        }
        matcher.accept(o, timeMs);
        risk.accepted(timeMs);
        out.order(o.copy());
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
            return openOrders.of(inst.instrumentKey());
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
            Order live = openOrders.get(order.orderId);
            if (live != null && live.instrumentKey().equals(inst.instrumentKey())) {
                matcher.cancel(live, reason, timeMs, out);
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

        @Override
        public BookTop book() {
            return inst.synced && inst.top != null && inst.top.hasBothSides() ? inst.top : null;
        }

        @Override
        public ContractTerms contractTerms() {
            return inst.contractKind == null ? null
                    : new ContractTerms(inst.contractKind, inst.contractMultiplier, inst.notionalCurrency);
        }

        @Override
        public BigDecimal takerFee() {
            return config.takerFee().getOrDefault(inst.feed, BigDecimal.ZERO);
        }
    }
}
