package io.rrralgorithms.jobs.trading;

import io.rrralgorithms.connectors.model.Decimals;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.jobs.book.BookTop;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

/**
 * The account's instruments ({@link TradingState#instruments}): marks from synced book tops,
 * fills booked with exact accounting ({@link InstrumentState#applyFill}), account totals and the
 * 1 s position and PnL snapshots. As nautilus_trader's Portfolio; the matcher books into it, the
 * risk engine reads positions and marks from it. A position is in its instrument's PnL currency
 * ({@link InstrumentState#pnlCurrency}: the base of an inverse contract); the account totals are in
 * the quote currency, an inverse instrument's amounts converted at its mark (so its realized PnL in
 * the totals moves with the mark, as its base-currency balance is worth more or less). A quanto's
 * amounts stay in its settlement currency, unconverted.
 */
final class Portfolio {
    private static final BigDecimal HALF = new BigDecimal("0.5");

    private final String accountId;
    private final TradingState state;

    Portfolio(String accountId, TradingState state) {
        this.accountId = accountId;
        this.state = state;
    }

    /** The instrument, created on first sight; a symbol learnt later is filled in. */
    InstrumentState instrument(String feed, String nativeSymbol, String symbol) {
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

    /** The instrument of that key, or null when none of its tops or scores was seen yet. */
    InstrumentState find(String instrumentKey) {
        return state.instruments.get(instrumentKey);
    }

    Collection<InstrumentState> instruments() {
        return state.instruments.values();
    }

    /**
     * Takes a new top of the instrument: with both sides it becomes the instrument's top (a copy:
     * the caller reuses its arrays) and its mid the mark; without, the instrument is unsynced and
     * keeps its mark. Returns whether orders may execute against it.
     */
    boolean mark(InstrumentState inst, BookTop top) {
        if (!top.hasBothSides()) {
            inst.synced = false;
            return false;
        }
        BookTop copy = top.copyAsSample(top.sampleTimeMs);
        copy.bidPrices = top.bidPrices.clone();
        copy.bidSizes = top.bidSizes.clone();
        copy.askPrices = top.askPrices.clone();
        copy.askSizes = top.askSizes.clone();
        inst.top = copy;
        inst.synced = true;
        inst.mark = mid(copy);
        return true;
    }

    /** Books an execution of {@code qty} on {@code side} at {@code price} with its fee. */
    void book(InstrumentState inst, Side side, BigDecimal price, long qty, BigDecimal fee) {
        inst.applyFill(side.sign() * qty, price, fee);
        state.fills++;
    }

    AccountTotals totals() {
        BigDecimal realized = BigDecimal.ZERO;
        BigDecimal unrealized = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        BigDecimal cash = BigDecimal.ZERO;
        BigDecimal markValue = BigDecimal.ZERO;
        BigDecimal gross = BigDecimal.ZERO;
        for (InstrumentState inst : state.instruments.values()) {
            realized = realized.add(inst.inQuote(inst.realizedPnl));
            unrealized = unrealized.add(inst.inQuote(inst.unrealized()));
            fees = fees.add(inst.inQuote(inst.fees));
            cash = cash.add(inst.inQuote(inst.cash));
            BigDecimal mv = inst.inQuote(inst.markValue());
            markValue = markValue.add(mv);
            gross = gross.add(inst.mark == null ? BigDecimal.ZERO
                    : inst.quoteNotional(BigDecimal.valueOf(inst.quantity, 8), inst.mark));
        }
        BigDecimal equity = realized.add(unrealized).subtract(fees);
        return new AccountTotals(equity, realized, unrealized, fees, cash, markValue, gross);
    }

    PositionSnapshot position(InstrumentState inst, long timeMs) {
        PositionSnapshot s = new PositionSnapshot();
        s.accountId = accountId;
        s.feed = inst.feed;
        s.nativeSymbol = inst.nativeSymbol;
        s.symbol = inst.symbol;
        s.timeMs = timeMs;
        s.quantity = inst.quantity;
        s.costBasis = inst.costBasis;
        s.averagePrice = inst.quantity == 0 || inst.costBasis.signum() == 0 ? null : averagePrice(inst);
        s.pnlCurrency = inst.pnlCurrency();
        s.mark = inst.mark;
        s.realizedPnl = inst.realizedPnl;
        s.unrealizedPnl = inst.unrealized();
        s.fees = inst.fees;
        return s;
    }

    /** The account's PnL snapshot from its totals, with the risk engine's drawdown and state and the counters. */
    PnlSnapshot pnl(long timeMs, AccountTotals t, BigDecimal drawdown, RiskState riskState) {
        PnlSnapshot p = new PnlSnapshot();
        p.accountId = accountId;
        p.timeMs = timeMs;
        p.equity = t.equity();
        p.realizedPnl = t.realizedPnl();
        p.unrealizedPnl = t.unrealizedPnl();
        p.fees = t.fees();
        p.cash = t.cash();
        p.markValue = t.markValue();
        p.grossNotional = t.grossNotional();
        p.drawdown = drawdown;
        p.riskState = riskState;
        p.fills = state.fills;
        p.orders = state.orders;
        p.rejections = state.rejections;
        return p;
    }

    /**
     * costBasis / quantity in price terms: of a linear contract divided by its multiplier, of an
     * inverse one the harmonic mean price −multiplier × quantity / costBasis.
     */
    private static BigDecimal averagePrice(InstrumentState inst) {
        BigDecimal q = Decimals.toBigDecimal(inst.quantity);
        BigDecimal m = inst.contractMultiplier == null ? BigDecimal.ONE : inst.contractMultiplier;
        return inst.inverseContract()
                ? m.negate().multiply(q).divide(inst.costBasis, 10, RoundingMode.HALF_EVEN)
                : inst.costBasis.divide(q.multiply(m), 10, RoundingMode.HALF_EVEN);
    }

    /** The exact mid (bid + ask) / 2 of a top with both sides. */
    static BigDecimal mid(BookTop top) {
        return Decimals.toBigDecimal(top.bidPrices[0]).add(Decimals.toBigDecimal(top.askPrices[0])).multiply(HALF);
    }
}
