package io.rrralgorithms.jobs.decision;

import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.jobs.book.BookGap;
import io.rrralgorithms.jobs.book.BookOutput;
import io.rrralgorithms.jobs.book.BookSynchronizer;
import io.rrralgorithms.jobs.book.BookTop;
import io.rrralgorithms.jobs.book.OrderBook;
import io.rrralgorithms.jobs.decode.RecentTradeIds;
import io.rrralgorithms.jobs.scoring.Score;
import io.rrralgorithms.jobs.trading.Strategy;
import io.rrralgorithms.jobs.trading.TradingConfig;
import io.rrralgorithms.jobs.trading.TradingEngine;
import io.rrralgorithms.jobs.trading.TradingOutput;
import io.rrralgorithms.jobs.trading.TradingState;

/**
 * The per-event decision path of one instrument, free of Flink: every event of the instrument, in
 * its partition's arrival order, goes through its own order book (the job's {@link BookSynchronizer}
 * rules), its {@link EventFeatures}, and a {@link TradingEngine} of its own paper sub-account (the
 * job's strategy, risk checks, paper execution and accounting); a feature row is ready to score after
 * every applied book update, BBO and (first-seen) trade, and its score goes to the strategy at once.
 *
 * <p>Deterministic by construction: the only input is the instrument's own event sequence, so the
 * same events give the same orders and fills however fast they come. Times: the instrument's clock
 * is the largest event time seen ({@link MarketEvent#eventTimeMs}; arrival order across a venue's
 * streams may carry slightly older times, which do not move it back); a clock entering a new second
 * first closes the previous one in the engine (drawdown rules, position and PnL snapshots).
 *
 * <p>Why a sub-account per instrument ({@link #accountId}): account-wide rules (total notional cap,
 * drawdown over the whole account) would make one instrument's decision depend on how far another
 * instrument's events had got, i.e. on timing. Here each instrument's risk state is its own; the
 * account-wide view stays with the event-time trading operator.
 */
public final class DecisionEngine {
    public static final String SPEC_ID = "event-features-v1";

    private final BookSynchronizer sync;
    private final TradingEngine trading;
    private final DecisionState state;
    private final TopCollector tops = new TopCollector();

    public DecisionEngine(BookSynchronizer sync, TradingConfig account, Strategy strategy, DecisionState state) {
        this.sync = sync;
        this.state = state;
        this.trading = new TradingEngine(account, strategy, state.trading);
    }

    /** The sub-account of one instrument: {@code <prefix>@<feed>:<native symbol>}. */
    public static String accountId(String prefix, String instrumentKey) {
        return prefix + '@' + instrumentKey;
    }

    /** {@code base} with the sub-account id of {@code instrumentKey}. */
    public static TradingConfig forInstrument(TradingConfig base, String prefix, String instrumentKey) {
        return new TradingConfig(accountId(prefix, instrumentKey), base.entryThreshold(), base.exitThreshold(),
                base.orderQuantity(), base.maxPositionQuantity(), base.cooldownMs(), base.orderType(),
                base.orderLatencyMs(), base.takerFee(), base.makerFee(), base.riskMaxPositionQuantity(),
                base.riskMaxNotionalPerInstrument(), base.riskMaxNotionalTotal(), base.riskMaxOrdersPerWindow(),
                base.riskOrderWindowMs(), base.riskPriceBand(), base.riskReduceDrawdown(), base.riskHaltDrawdown(),
                base.riskDrawdownWindowMs());
    }

    public DecisionState state() {
        return state;
    }

    /** The instrument's clock, ms. */
    public long clockMs() {
        return state.clockMs;
    }

    public EventFeatures features() {
        return state.features;
    }

    /** What one event did. */
    public enum Step {
        /** Nothing to score (an unknown event type, a duplicate trade, a book not valid yet). */
        NONE,
        /** The book applied it (a top came out) and a row is ready. */
        BOOK,
        /** A BBO or a trade updated the features and a row is ready. */
        FLOW
    }

    /** One event of this instrument, in arrival order; the engine's outputs go to {@code out}. */
    public Step onEvent(MarketEvent e, TradingOutput out) {
        if (e.type == EventType.INSTRUMENT) {
            trading.onTrade(e, state.clockMs, out); // the contract terms orders are sized and accounted by; no market time
            return Step.NONE;
        }
        long t = Math.max(state.clockMs, e.eventTimeMs());
        state.clockMs = t;
        long second = Math.floorDiv(t, 1000L) * 1000L;
        if (state.secondEndMs == Long.MIN_VALUE) {
            state.secondEndMs = second;
        } else if (second > state.secondEndMs) {
            state.secondEndMs = second;
            trading.onSecond(second, out);
        }
        EventFeatures f = state.features;
        switch (e.type) {
            case BOOK_SNAPSHOT, BOOK_DELTA -> {
                tops.clear();
                sync.process(state.book, e, tops);
                if (tops.count == 0) {
                    return Step.NONE;
                }
                for (int i = 0; i < tops.count; i++) {
                    BookTop top = tops.tops[i];
                    if (top.hasBothSides()) {
                        f.onBook(top.bidPrices, top.bidSizes, top.askPrices, top.askSizes, t);
                    }
                    trading.onBook(top, t, out);
                }
                return tops.last().hasBothSides() && f.ready() ? Step.BOOK : Step.NONE;
            }
            case BBO -> {
                if (e.bidPrices == null || e.askPrices == null || e.bidPrices.length == 0 || e.askPrices.length == 0) {
                    return Step.NONE;
                }
                f.onBbo(e.bidPrices[0], e.bidSizes[0], e.askPrices[0], e.askSizes[0], t);
                return f.ready() ? Step.FLOW : Step.NONE;
            }
            case TRADE -> {
                if (e.tradeId != MarketEvent.NONE && !state.trades.firstSeen(e.tradeId)) {
                    return Step.NONE;
                }
                f.onTrade(e.size, e.takerBuy, t);
                trading.onTrade(e, t, out);
                return f.ready() ? Step.FLOW : Step.NONE;
            }
            default -> {
                return Step.NONE;
            }
        }
    }

    /** The score of the row made at {@code timeMs}: the strategy may create orders, risk checks each. */
    public void onScore(String feed, String nativeSymbol, String symbol, double score, long timeMs, String version,
            TradingOutput out) {
        Score s = new Score();
        s.feed = feed;
        s.nativeSymbol = nativeSymbol;
        s.symbol = symbol;
        s.featureTimeMs = timeMs;
        s.modelVersion = version;
        s.specId = SPEC_ID;
        s.score = score;
        trading.onScore(s, timeMs, out);
    }

    /** The instrument's symbols, once an event named them (null before). */
    public String symbol() {
        return state.symbol;
    }

    /** Remembers the instrument's symbols from its events. */
    public void named(MarketEvent e) {
        if (state.symbol == null && e.symbol != null) {
            state.symbol = e.symbol;
        }
    }

    /** Collects the tops the synchronizer reports for one event (gaps are the market path's to report). */
    private static final class TopCollector implements BookOutput {
        BookTop[] tops = new BookTop[4];
        int count;

        void clear() {
            count = 0;
        }

        BookTop last() {
            return tops[count - 1];
        }

        @Override
        public void top(BookTop top) {
            if (count == tops.length) {
                BookTop[] grown = new BookTop[count * 2];
                System.arraycopy(tops, 0, grown, 0, count);
                tops = grown;
            }
            tops[count++] = top;
        }

        @Override
        public void gap(BookGap gap) {
            // the market path's order book writes the gaps; here the book just waits for its next snapshot
        }
    }

    /** A fresh instrument's state. */
    public static DecisionState newState(EventFeatures features) {
        DecisionState s = new DecisionState();
        s.book = OrderBook.empty();
        s.features = features;
        s.trades = new RecentTradeIds();
        s.trading = new TradingState();
        return s;
    }
}
