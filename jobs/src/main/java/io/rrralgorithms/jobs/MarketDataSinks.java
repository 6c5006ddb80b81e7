package io.rrralgorithms.jobs;

import io.rrralgorithms.connectors.model.DeadLetter;
import io.rrralgorithms.jobs.bars.TradeBar;
import io.rrralgorithms.jobs.book.BookGap;
import io.rrralgorithms.jobs.book.BookTop;
import io.rrralgorithms.jobs.features.FeatureRow;
import io.rrralgorithms.jobs.scoring.ModelEvent;
import io.rrralgorithms.jobs.scoring.Score;
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

    /** Model scores ({@code scores}); only when the job scores. */
    default Sink<Score> scores() {
        return null;
    }

    /** Model loads, swaps and load failures ({@code model_events}); only when the job scores. */
    default Sink<ModelEvent> modelEvents() {
        return null;
    }
}
