package io.rrralgorithms.jobs.trading;

import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.jobs.book.BookTop;
import io.rrralgorithms.jobs.scoring.Score;

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
 */
public final class TradingEngine {
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

    /** A new book top of an instrument: marks positions, executes orders that have arrived. */
    public void onBook(BookTop top, long timeMs, TradingOutput out) {
        throw new UnsupportedOperationException("being written");
    }

    /** A public trade: fills resting limit orders it prints through, after their queue ahead. */
    public void onTrade(MarketEvent trade, long timeMs, TradingOutput out) {
        throw new UnsupportedOperationException("being written");
    }

    /** A model score: the strategy may create orders; each is checked by risk before it is sent. */
    public void onScore(Score score, long timeMs, TradingOutput out) {
        throw new UnsupportedOperationException("being written");
    }

    /** A manual risk command (kill switch, state change). */
    public void onControl(RiskCommand command, long timeMs, TradingOutput out) {
        throw new UnsupportedOperationException("being written");
    }

    /** The end of an event-time second: position and PnL snapshots, drawdown rules. */
    public void onSecond(long secondEndMs, TradingOutput out) {
        throw new UnsupportedOperationException("being written");
    }
}
