package io.rrralgorithms.jobs;

import io.rrralgorithms.connectors.model.DeadLetter;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.jobs.bars.TradeBar;
import io.rrralgorithms.jobs.book.BookGap;
import io.rrralgorithms.jobs.book.BookTop;
import io.rrralgorithms.jobs.features.FeatureRow;
import io.rrralgorithms.jobs.scoring.ModelEvent;
import io.rrralgorithms.jobs.scoring.Score;
import io.rrralgorithms.jobs.trading.Fill;
import io.rrralgorithms.jobs.trading.Order;
import io.rrralgorithms.jobs.trading.PnlSnapshot;
import io.rrralgorithms.jobs.trading.PositionSnapshot;
import io.rrralgorithms.jobs.trading.RiskEvent;
import org.apache.flink.api.connector.sink2.Sink;

/**
 * Where the job's outputs go. A method returning null skips that output. The job takes a list of
 * these, so tests add collecting sinks beside the PostgreSQL ones.
 */
public interface MarketDataSinks {
    /** Every book top after every applied diff (high volume; tests and debugging). */
    default Sink<BookTop> bookUpdates() {
        return null;
    }

    /** 1-second samples of the book top ({@code book_top}). */
    default Sink<BookTop> bookSamples() {
        return null;
    }

    default Sink<FeatureRow> features() {
        return null;
    }

    default Sink<TradeBar> tradeBars() {
        return null;
    }

    default Sink<BookGap> gaps() {
        return null;
    }

    default Sink<DeadLetter> deadLetters() {
        return null;
    }

    /** Mark and index price, funding and open interest as the venues send them ({@code derivatives}). */
    default Sink<MarketEvent> derivatives() {
        return null;
    }

    /** Model scores ({@code scores}); only when the job scores. */
    default Sink<Score> scores() {
        return null;
    }

    /** Model loads, swaps and load failures ({@code model_events}); only when the job scores. */
    default Sink<ModelEvent> modelEvents() {
        return null;
    }

    /** Every order state change ({@code orders}: the latest per order); only when the job trades. */
    default Sink<Order> orders() {
        return null;
    }

    /** Paper fills ({@code fills}); only when the job trades. */
    default Sink<Fill> fills() {
        return null;
    }

    /** 1 s position snapshots ({@code positions}); only when the job trades. */
    default Sink<PositionSnapshot> positions() {
        return null;
    }

    /** 1 s account PnL snapshots ({@code pnl}); only when the job trades. */
    default Sink<PnlSnapshot> pnl() {
        return null;
    }

    /** Rejections by risk rule and account state changes ({@code risk_events}); only when the job trades. */
    default Sink<RiskEvent> riskEvents() {
        return null;
    }
}
