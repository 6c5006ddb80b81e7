package io.rrralgorithms.jobs.backfill;

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
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFilterFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;

/**
 * The rows of a backfill from its start on: while the job rebuilds its state from the warm-up
 * offsets ({@link io.rrralgorithms.connectors.flink.StartPlanner}) every stage runs as in a run
 * from the beginning, and only what it writes is cut here, before the row counters and the sinks.
 * A row is written when it covers time at or after the start: a second (feature row, 1 s book
 * sample, score) or a minute (trade bar) that ends after it, so the second and the bar that
 * straddle the start are written whole, as the warm-up has seen all of them; an instant (order
 * state, fill, position, pnl, gap, dead letter, risk or model event, derivatives row) at or after it. Metrics:
 * {@code backfillRowsBeforeStart} (rows not written), and on the {@code book_top} stream
 * {@code backfillInstrumentsWithoutSnapshot} (instruments whose book waits for its next snapshot).
 */
public final class EmitFrom<T> extends RichFilterFunction<T> {
    private static final Set<Class<?>> TIMED = Set.of(BookTop.class, FeatureRow.class, Score.class, TradeBar.class,
            Order.class, Fill.class, PositionSnapshot.class, PnlSnapshot.class, RiskEvent.class, ModelEvent.class,
            BookGap.class, DeadLetter.class, MarketEvent.class);

    private final String name;
    private final long startMs;
    private final int instrumentsWithoutSnapshot;
    private transient Counter dropped;

    /**
     * @param name the stream's name in metrics and errors (the sink's id)
     * @param instrumentsWithoutSnapshot reported on the {@code book_top} sample stream
     */
    public EmitFrom(String name, long startMs, int instrumentsWithoutSnapshot) {
        this.name = name;
        this.startMs = startMs;
        this.instrumentsWithoutSnapshot = instrumentsWithoutSnapshot;
    }

    /** @throws IllegalArgumentException for rows whose time is not known here (when the job is built) */
    public static void check(Class<?> rowType) {
        if (!TIMED.contains(rowType)) {
            throw new IllegalArgumentException("a backfill cannot tell which " + rowType.getSimpleName()
                    + " rows come after its start: add the type to EmitFrom");
        }
    }

    @Override
    public void open(OpenContext ctx) {
        dropped = getRuntimeContext().getMetricGroup().counter("backfillRowsBeforeStart");
        if (name.startsWith("sink-book-top-")) {
            getRuntimeContext().getMetricGroup().gauge("backfillInstrumentsWithoutSnapshot",
                    (Gauge<Integer>) () -> instrumentsWithoutSnapshot);
        }
    }

    @Override
    public boolean filter(T row) {
        boolean keep = written(row, startMs);
        if (!keep && dropped != null) {
            dropped.inc();
        }
        return keep;
    }

    /** Whether a backfill from {@code startMs} writes {@code row}. */
    public static boolean written(Object row, long startMs) {
        if (row instanceof BookTop t) { // a 1 s sample: the book at the end of its second; else an update
            return t.sampleTimeMs > 0 ? t.sampleTimeMs > startMs
                    : (t.exchangeTimeMs > 0 ? t.exchangeTimeMs : t.receiveTimeNs / 1_000_000L) >= startMs;
        } else if (row instanceof FeatureRow f) { // time = the end of its second
            return f.timeMs > startMs;
        } else if (row instanceof Score s) {
            return s.featureTimeMs > startMs;
        } else if (row instanceof TradeBar b) {
            return b.windowStartMs + 60_000L > startMs;
        } else if (row instanceof Order o) { // its latest state: written when that changes after the start
            return o.updatedAtMs >= startMs;
        } else if (row instanceof Fill f) {
            return f.timeMs >= startMs;
        } else if (row instanceof PositionSnapshot p) {
            return p.timeMs >= startMs;
        } else if (row instanceof PnlSnapshot p) {
            return p.timeMs >= startMs;
        } else if (row instanceof RiskEvent r) {
            return r.timeMs >= startMs;
        } else if (row instanceof ModelEvent m) {
            return m.eventTimeMs >= startMs;
        } else if (row instanceof BookGap g) {
            return (g.exchangeTimeMs > 0 ? g.exchangeTimeMs : g.receiveTimeNs / 1_000_000L) >= startMs;
        } else if (row instanceof DeadLetter d) {
            return d.receiveTimeNs / 1_000_000L >= startMs;
        } else if (row instanceof MarketEvent e) { // a derivatives row: an instant
            return e.eventTimeMs() >= startMs;
        }
        throw new IllegalArgumentException("no time known for a " + row.getClass().getSimpleName());
    }
}
