package io.rrralgorithms.jobs.book;

import io.rrralgorithms.connectors.latency.Latencies;
import io.rrralgorithms.connectors.latency.LatencyHistogram;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.util.WallClock;
import io.rrralgorithms.jobs.decode.FeedCounters;
import io.rrralgorithms.jobs.runtime.DurableAccumulators;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.common.accumulators.ListAccumulator;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keyed by instrument: keeps each book in keyed state and runs {@link BookSynchronizer} on it.
 * Emits book tops; gaps go to the {@link #GAPS} side output; gaps, crossed books, stale diffs and
 * snapshots are Flink metrics, gaps and crossings also accumulators for the run summary.
 *
 * <p>Books that produce no output are made visible: the instruments that saw book events, loaded a
 * snapshot, and synced (a valid book) are list accumulators for the run summary, and the gauge
 * {@code booksNeverSynced} counts this subtask's books that saw events but were never valid.
 */
public class OrderBookFunction extends KeyedProcessFunction<String, MarketEvent, BookTop> implements CheckpointedFunction {
    public static final OutputTag<BookGap> GAPS = new OutputTag<>("book-gaps") {};
    public static final String ACC_GAPS = "bookGaps";
    public static final String ACC_CROSSED = "bookCrossed";
    public static final String ACC_CHECKSUMS = "bookChecksums";
    public static final String ACC_CHECKSUM_FAILURES = "bookChecksumFailures";
    /** Instrument keys whose book saw a snapshot or diff. */
    public static final String ACC_BOOKS_SEEN = "booksSeen";
    /** Instrument keys whose book loaded a snapshot. */
    public static final String ACC_BOOKS_WITH_SNAPSHOT = "booksWithSnapshot";
    /** Instrument keys whose book was valid (synced) at least once. */
    public static final String ACC_BOOKS_SYNCED = "booksSynced";
    public static final String METRIC_BOOKS_NEVER_SYNCED = "booksNeverSynced";

    private static final Logger LOG = LoggerFactory.getLogger(OrderBookFunction.class);

    private final BookSynchronizer sync;
    private transient ValueState<OrderBook> bookState;
    private transient FlinkBookOutput output;
    /** Per key, whether the book was ever valid: survives restarts, unlike the sets below. */
    private transient ValueState<Boolean> everSyncedState;
    /** This subtask's instruments by how far their books got (a few per venue: small). */
    private transient Set<String> seen;
    private transient Set<String> withSnapshot;
    private transient Set<String> synced;
    private transient ListAccumulator<String> seenAcc;
    private transient ListAccumulator<String> withSnapshotAcc;
    private transient ListAccumulator<String> syncedAcc;
    /** Per instrument key of this subtask: is its book synced now (read by the per-feed gauges). */
    private transient Map<String, Boolean> syncedNow;
    private transient Set<String> feedsWithGauges;
    private transient LatencyHistogram bookLatency;

    public OrderBookFunction(int topLevels, int maxPendingDiffs) {
        this(topLevels, maxPendingDiffs, BookSynchronizer.DEFAULT_MAX_BOOK_LEVELS);
    }

    /** @param maxBookLevels levels per side kept where the venue has no window ({@link BookSynchronizer}) */
    public OrderBookFunction(int topLevels, int maxPendingDiffs, int maxBookLevels) {
        this.sync = new BookSynchronizer(topLevels, maxPendingDiffs, maxBookLevels);
    }

    /** The accumulators in operator state: the summary counts each input once across restores. */
    private transient DurableAccumulators durable;

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        durable = DurableAccumulators.restore(context);
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        DurableAccumulators.orNone(durable).snapshot();
    }

    @Override
    public void open(OpenContext ctx) {
        durable = DurableAccumulators.orNone(durable).open(getRuntimeContext());
        bookState = getRuntimeContext().getState(new ValueStateDescriptor<>("book", OrderBook.class));
        var m = getRuntimeContext().getMetricGroup();
        output = new FlinkBookOutput(m.counter("bookGaps"), m.counter("bookCrossed"), m.counter("bookStaleDiffs"),
                m.counter("bookSnapshots"), m.counter("bookPendingDiffsDropped"),
                durable.counter(ACC_GAPS), durable.counter(ACC_CROSSED),
                m.counter("bookChecksums"), m.counter("bookChecksumFailures"),
                durable.counter(ACC_CHECKSUMS), durable.counter(ACC_CHECKSUM_FAILURES),
                new FeedCounters(durable, m, "GAPS", "CROSSED", "CHECKSUMS", "CHECKSUM_FAILURES"));
        everSyncedState = getRuntimeContext().getState(new ValueStateDescriptor<>("everSynced", Boolean.class));
        bookLatency = Latencies.register(m, Latencies.PATH_MARKET, Latencies.STAGE_BOOK);
        seen = new HashSet<>();
        withSnapshot = new HashSet<>();
        synced = new HashSet<>();
        seenAcc = listAccumulator(ACC_BOOKS_SEEN);
        withSnapshotAcc = listAccumulator(ACC_BOOKS_WITH_SNAPSHOT);
        syncedAcc = listAccumulator(ACC_BOOKS_SYNCED);
        // restored lists already hold the keys of before the restore: each key once
        seen.addAll(seenAcc.getLocalValue());
        withSnapshot.addAll(withSnapshotAcc.getLocalValue());
        synced.addAll(syncedAcc.getLocalValue());
        m.gauge(METRIC_BOOKS_NEVER_SYNCED, (Gauge<Integer>) this::booksNeverSynced);
        syncedNow = new ConcurrentHashMap<>();
        feedsWithGauges = new HashSet<>();
    }

    /** This subtask's books of the feed that are synced now (synced = true) or not. */
    int books(String feed, boolean synced) {
        String prefix = feed + ':';
        int n = 0;
        for (Map.Entry<String, Boolean> e : syncedNow.entrySet()) {
            if (e.getKey().startsWith(prefix) && e.getValue() == synced) {
                n++;
            }
        }
        return n;
    }

    /** The book's sync state for the gauges feed.<feed>.booksSynced and feed.<feed>.booksUnsynced. */
    private void trackSyncState(String key, OrderBook book) {
        boolean valid = book.state == BookState.SYNCED;
        Boolean before = syncedNow.get(key);
        if (before != null && before == valid) {
            return; // the common case: no change, no write
        }
        syncedNow.put(key, valid);
        if (before == null) {
            String feed = key.substring(0, Math.max(0, key.indexOf(':')));
            if (feedsWithGauges.add(feed)) {
                var group = getRuntimeContext().getMetricGroup().addGroup(FeedCounters.METRIC_GROUP, feed);
                group.gauge("booksSynced", (Gauge<Integer>) () -> books(feed, true));
                group.gauge("booksUnsynced", (Gauge<Integer>) () -> books(feed, false));
            }
        }
    }

    private ListAccumulator<String> listAccumulator(String name) {
        return durable.list(name);
    }

    /** This subtask's books that saw events but were never valid. */
    int booksNeverSynced() {
        return seen.size() - synced.size();
    }

    @Override
    public void processElement(MarketEvent ev, Context ctx, Collector<BookTop> out) throws Exception {
        OrderBook book = bookState.value();
        if (book == null) {
            book = OrderBook.empty();
        }
        output.bind(ctx, out);
        output.perFeed.seen(ev.feed);
        output.ingestNs = ev.ingestNs;
        output.topsEmitted = 0;
        if (sync.process(book, ev, output)) {
            bookState.update(book);
            track(ctx.getCurrentKey(), book);
            trackSyncState(ctx.getCurrentKey(), book);
        }
        if (output.topsEmitted > 0) { // receive → book applied and its top out
            bookLatency.recordSince(ev.ingestNs, WallClock.nowNs());
        }
    }

    /** Records how far the key's book got; each set grows once per key, so this is cheap. */
    private void track(String key, OrderBook book) throws Exception {
        if (seen.add(key)) {
            seenAcc.add(key);
        }
        if (book.state != BookState.EMPTY && withSnapshot.add(key)) { // only a snapshot leaves EMPTY
            withSnapshotAcc.add(key);
        }
        if (!synced.contains(key)) {
            boolean valid = book.state == BookState.SYNCED;
            if (valid && !Boolean.TRUE.equals(everSyncedState.value())) {
                everSyncedState.update(true);
            }
            if (valid || Boolean.TRUE.equals(everSyncedState.value())) { // the latter: synced before a restart
                synced.add(key);
                syncedAcc.add(key);
            }
        }
    }

    private static final class FlinkBookOutput implements BookOutput {
        private final Counter gaps;
        private final Counter crossed;
        private final Counter stale;
        private final Counter snapshots;
        private final Counter dropped;
        private final LongCounter gapsAcc;
        private final LongCounter crossedAcc;
        private final Counter checksums;
        private final Counter checksumFailures;
        private final LongCounter checksumsAcc;
        private final LongCounter checksumFailuresAcc;
        private final FeedCounters perFeed;
        private Context ctx;
        private Collector<BookTop> out;
        /** Of the event being applied: its tops carry it on to the later latency stages. */
        long ingestNs;
        int topsEmitted;

        FlinkBookOutput(Counter gaps, Counter crossed, Counter stale, Counter snapshots, Counter dropped,
                LongCounter gapsAcc, LongCounter crossedAcc, Counter checksums, Counter checksumFailures,
                LongCounter checksumsAcc, LongCounter checksumFailuresAcc, FeedCounters perFeed) {
            this.perFeed = perFeed;
            this.checksums = checksums;
            this.checksumFailures = checksumFailures;
            this.checksumsAcc = checksumsAcc;
            this.checksumFailuresAcc = checksumFailuresAcc;
            this.gaps = gaps;
            this.crossed = crossed;
            this.stale = stale;
            this.snapshots = snapshots;
            this.dropped = dropped;
            this.gapsAcc = gapsAcc;
            this.crossedAcc = crossedAcc;
        }

        void bind(Context ctx, Collector<BookTop> out) {
            this.ctx = ctx;
            this.out = out;
        }

        @Override
        public void top(BookTop top) {
            top.ingestNs = ingestNs;
            topsEmitted++;
            out.collect(top);
        }

        @Override
        public void gap(BookGap gap) {
            gaps.inc();
            gapsAcc.add(1);
            perFeed.add(gap.feed, "GAPS", 1);
            ctx.output(GAPS, gap);
        }

        @Override
        public void crossed(OrderBook book, String instrument) {
            crossed.inc();
            crossedAcc.add(1);
            perFeed.add(instrument.substring(0, Math.max(0, instrument.indexOf(':'))), "CROSSED", 1);
            LOG.warn("{}: book crossed at u={} (bid {} >= ask {})", instrument, book.lastUpdateId,
                    book.bids.bestPrice(), book.asks.bestPrice());
        }

        @Override
        public void staleDiff() {
            stale.inc();
        }

        @Override
        public void snapshot() {
            snapshots.inc();
        }

        @Override
        public void pendingDropped(int n) {
            dropped.inc(n);
        }

        @Override
        public void checksum(String feed, boolean ok) {
            checksums.inc();
            checksumsAcc.add(1);
            perFeed.add(feed, "CHECKSUMS", 1);
            if (!ok) {
                checksumFailures.inc();
                checksumFailuresAcc.add(1);
                perFeed.add(feed, "CHECKSUM_FAILURES", 1);
            }
        }
    }
}
