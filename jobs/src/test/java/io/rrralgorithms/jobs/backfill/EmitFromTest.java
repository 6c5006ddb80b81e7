package io.rrralgorithms.jobs.backfill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.jobs.bars.TradeBar;
import io.rrralgorithms.jobs.book.BookTop;
import io.rrralgorithms.jobs.features.FeatureRow;
import io.rrralgorithms.jobs.trading.Fill;
import io.rrralgorithms.jobs.trading.Order;
import org.junit.jupiter.api.Test;

/** Which rows a backfill from a start writes: what covers time at or after it. */
class EmitFromTest {
    static final long START = 1_723_161_300_500L; // mid-second, mid-minute

    @Test
    void theSecondAndTheMinuteThatStraddleTheStartAreWrittenWhole() {
        FeatureRow straddling = new FeatureRow();
        straddling.timeMs = 1_723_161_301_000L; // the second [300 000, 301 000) holds the start
        FeatureRow before = new FeatureRow();
        before.timeMs = 1_723_161_300_000L; // ends before the start
        assertTrue(EmitFrom.written(straddling, START));
        assertFalse(EmitFrom.written(before, START));

        TradeBar bar = new TradeBar();
        bar.windowStartMs = 1_723_161_300_000L - 20_000L; // the minute [280 000, 340 000)
        assertTrue(EmitFrom.written(bar, START));
        bar.windowStartMs -= 60_000L;
        assertFalse(EmitFrom.written(bar, START));
    }

    @Test
    void aSampleIsItsSecondsEndAnUpdateItsEventTime() {
        BookTop sample = new BookTop();
        sample.sampleTimeMs = 1_723_161_301_000L;
        assertTrue(EmitFrom.written(sample, START));
        BookTop update = new BookTop();
        update.exchangeTimeMs = START - 1;
        assertFalse(EmitFrom.written(update, START));
        update.exchangeTimeMs = START;
        assertTrue(EmitFrom.written(update, START));
    }

    @Test
    void instantsAtOrAfterTheStart() {
        Fill f = new Fill();
        f.timeMs = START;
        assertTrue(EmitFrom.written(f, START));
        f.timeMs = START - 1;
        assertFalse(EmitFrom.written(f, START));
        Order o = new Order();
        o.createdAtMs = START - 5_000L; // created during the warm-up, filled after the start: its last state
        o.updatedAtMs = START + 10L;
        assertTrue(EmitFrom.written(o, START));
    }

    @Test
    void aTypeWithoutATimeIsRefusedWhenTheJobIsBuilt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EmitFrom.check(String.class));
        assertEquals("a backfill cannot tell which String rows come after its start: add the type to EmitFrom",
                e.getMessage());
        EmitFrom.check(FeatureRow.class);
    }
}
