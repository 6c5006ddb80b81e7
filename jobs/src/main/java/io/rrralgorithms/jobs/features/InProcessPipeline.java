package io.rrralgorithms.jobs.features;

import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.adapters.FrameDecoder;
import io.rrralgorithms.connectors.adapters.FrameGuard;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.venues.Venues;
import io.rrralgorithms.jobs.bars.TradeBar;
import io.rrralgorithms.jobs.bars.TradeBarAggregate;
import io.rrralgorithms.jobs.book.BookGap;
import io.rrralgorithms.jobs.book.BookOutput;
import io.rrralgorithms.jobs.book.BookSynchronizer;
import io.rrralgorithms.jobs.book.BookTop;
import io.rrralgorithms.jobs.book.OrderBook;
import io.rrralgorithms.jobs.decode.GuardedWatermarks;
import io.rrralgorithms.jobs.decode.RecentTradeIds;
import io.rrralgorithms.jobs.decode.TradeDedupFunction;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The market-data job's operators in one thread, without Kafka or Flink: raw frame → the feed's
 * decoder → per-instrument {@link BookSynchronizer} → book tops and trades into
 * {@link InstrumentFeatures} and trades into 1-minute {@link TradeBarAggregate} bars. Used by
 * training on captures ({@link ReplayFeatures}) and by the benchmark.
 *
 * <p>Event time as in the job: per feed (one topic, one partition), the watermark is the highest
 * event time seen minus the out-of-orderness minus 1 ms; a second (minute) closes when the
 * watermark reaches its last millisecond; elements of a second (minute) already closed are late
 * and dropped; {@link #finish()} moves the watermark to the end of time (a bounded run).
 */
public final class InProcessPipeline implements BookOutput, Consumer<MarketEvent> {
    private static final long MINUTE_MS = 60_000L;

    /** What the pipeline produces. */
    public interface Listener {
        default void top(BookTop top) {}

        default void gap(BookGap gap) {}

        /** A closed second; {@code sample} is the book as of its end (null without a valid book). */
        default void featureRow(FeatureRow row, BookTop sample) {}

        default void bar(TradeBar bar) {}
    }

    /** Counts of what happened. */
    public static final class Counters {
        public long frames;
        public long ignoredFrames;
        public long decodeErrors;
        public final long[] eventsByType = new long[EventType.values().length];
        public long tops;
        public long syncedTops;
        public long gaps;
        public long staleDiffs;
        public long snapshots;
        public long crossed;
        public long checksums;
        public long checksumFailures;
        public long pendingDropped;
        public long trades;
        public long featureRows;
        public long bookSamples;
        public long lateFeatureElements;
        public long bars;
        public long lateBarTrades;
        public long duplicateTrades;
        public long instruments;
        /** Instruments whose trades came without contract terms (as the job's {@code NO_CONTRACT_TERMS}). */
        public long instrumentsWithoutTerms;
    }

    private final int depthLevels;
    private final FrameGuard.Limits limits;
    private final long outOfOrdernessMs;
    private final Listener listener;
    private final BookSynchronizer sync;
    private final TradeBarAggregate barAggregate = new TradeBarAggregate();
    private final Map<String, Feed> feeds = new HashMap<>();
    private final Counters counters = new Counters();
    private Feed feed;
    private Instrument instrument;
    private long eventTimeMs;

    public InProcessPipeline(int depthLevels, int maxPendingDiffs, long outOfOrdernessMs, Listener listener) {
        this(depthLevels, maxPendingDiffs, outOfOrdernessMs, FrameGuard.Limits.defaults(), listener);
    }

    /** With the frame checks of {@code limits} (the job's {@code --max-clock-skew-ms} etc.). */
    public InProcessPipeline(int depthLevels, int maxPendingDiffs, long outOfOrdernessMs, FrameGuard.Limits limits,
            Listener listener) {
        this(depthLevels, maxPendingDiffs, BookSynchronizer.DEFAULT_MAX_BOOK_LEVELS, outOfOrdernessMs, limits, listener);
    }

    /** With the job's {@code rrr.book.max-levels} too. */
    public InProcessPipeline(int depthLevels, int maxPendingDiffs, int maxBookLevels, long outOfOrdernessMs,
            FrameGuard.Limits limits, Listener listener) {
        this.limits = limits;
        this.depthLevels = depthLevels;
        this.outOfOrdernessMs = outOfOrdernessMs;
        this.listener = listener;
        this.sync = new BookSynchronizer(depthLevels, maxPendingDiffs, maxBookLevels);
    }

    public Counters counters() {
        return counters;
    }

    /** State of one feed: its decoder, its watermark and its instruments. */
    private static final class Feed {
        final String name;
        final FrameDecoder decoder;
        final FrameGuard guard;
        /** Whether the feed's trade ids identify trades (else duplicates cannot be told apart). */
        final boolean dedupTrades;
        final Map<String, Instrument> instruments = new HashMap<>();
        /** Each instrument's INSTRUMENT event (its contract terms), as the job's trade-dedup state. */
        final Map<String, MarketEvent> terms = new HashMap<>();
        long maxEventTimeMs = Long.MIN_VALUE;
        long watermark = Long.MIN_VALUE;
        /** Timers up to here have fired. */
        long firedUpTo = Long.MIN_VALUE;

        Feed(String name, FrameGuard.Limits limits) {
            this.name = name;
            this.guard = new FrameGuard(limits);
            this.dedupTrades = TradeDedupFunction.checksFeed(name);
            this.decoder = Venues.forFeed(name).decoder();
        }
    }

    /** State of one instrument: its book, its features and its open minute bars. */
    private static final class Instrument {
        final OrderBook book = OrderBook.empty();
        final InstrumentFeatures features;
        final RecentTradeIds tradeIds = new RecentTradeIds();
        boolean withoutTermsCounted;
        /** Open minute bars (a few at most), unordered. */
        TradeBar[] bars = new TradeBar[0];

        Instrument(int depthLevels) {
            features = InstrumentFeatures.create(depthLevels);
        }
    }

    /** One raw frame, in the feed's order. */
    public void frame(RawFrame frame) {
        if (feed == null || !feed.name.equals(frame.feed)) {
            feed = feeds.computeIfAbsent(frame.feed, f -> new Feed(f, limits));
        }
        counters.frames++;
        try {
            if (feed.guard.decode(feed.decoder, frame, this) == FrameDecoder.Result.IGNORED) {
                counters.ignoredFrames++;
            }
        } catch (DecodeException | RuntimeException e) { // a dead letter in the job: never moves the watermark
            counters.decodeErrors++;
            counters.eventsByType[EventType.DECODE_ERROR.ordinal()]++;
        }
    }

    /** One decoded event. */
    @Override
    public void accept(MarketEvent ev) {
        counters.eventsByType[ev.type.ordinal()]++;
        long ts = ev.eventTimeMs();
        switch (ev.type) {
            case BOOK_DELTA, BOOK_SNAPSHOT -> {
                instrument = instrument(ev);
                eventTimeMs = ts;
                sync.process(instrument.book, ev, this); // tops come back through top()
            }
            case INSTRUMENT -> feed.terms.put(ev.nativeSymbol, ev);
            case TRADE -> {
                Instrument i = instrument(ev);
                if (feed.dedupTrades && ev.tradeId != MarketEvent.NONE && !i.tradeIds.firstSeen(ev.tradeId)) {
                    counters.duplicateTrades++; // as the job's trade-dedup operator
                } else {
                    MarketEvent known = feed.terms.get(ev.nativeSymbol);
                    if (known != null) {
                        ev.copyContractTerms(known);
                    } else if (!i.withoutTermsCounted) {
                        i.withoutTermsCounted = true;
                        counters.instrumentsWithoutTerms++;
                    }
                    trade(i, ev, ts);
                }
            }
            case BBO -> {
                if (FeatureFunction.hasBestLevels(ev)) {
                    Instrument i = instrument(ev);
                    if (!isLate(InstrumentFeatures.secondOf(ts) + 999L)) {
                        i.features.addBbo(ev, ts);
                    } else {
                        counters.lateFeatureElements++;
                    }
                }
            }
            default -> { }
        }
        advanceWatermark(GuardedWatermarks.watermarkTime(ev));
    }

    private Instrument instrument(MarketEvent ev) {
        Instrument i = feed.instruments.get(ev.nativeSymbol);
        if (i == null) {
            i = new Instrument(depthLevels);
            feed.instruments.put(ev.nativeSymbol, i);
            counters.instruments++;
        }
        return i;
    }

    private void trade(Instrument i, MarketEvent t, long ts) {
        counters.trades++;
        if (!isLate(InstrumentFeatures.secondOf(ts) + 999L)) {
            i.features.addTrade(t, ts);
        } else {
            counters.lateFeatureElements++;
        }
        long minute = Math.floorDiv(ts, MINUTE_MS) * MINUTE_MS;
        if (isLate(minute + MINUTE_MS - 1)) {
            counters.lateBarTrades++;
            return;
        }
        TradeBar bar = null;
        for (TradeBar b : i.bars) {
            if (b.windowStartMs == minute) {
                bar = b;
                break;
            }
        }
        if (bar == null) {
            bar = barAggregate.createAccumulator();
            bar.windowStartMs = minute;
            i.bars = Arrays.copyOf(i.bars, i.bars.length + 1);
            i.bars[i.bars.length - 1] = bar;
        }
        barAggregate.add(t, bar);
    }

    /** Whether a timer at {@code timerMs} has already fired, i.e. an element for it is late. */
    private boolean isLate(long timerMs) {
        return timerMs <= feed.watermark;
    }

    @Override
    public void top(BookTop top) {
        counters.tops++;
        if (top.synced) {
            counters.syncedTops++;
        }
        listener.top(top);
        if (!isLate(InstrumentFeatures.secondOf(eventTimeMs) + 999L)) {
            instrument.features.addTop(top, eventTimeMs);
        } else {
            counters.lateFeatureElements++;
        }
    }

    @Override
    public void gap(BookGap gap) {
        counters.gaps++;
        listener.gap(gap);
    }

    @Override
    public void crossed(OrderBook book, String instrumentKey) {
        counters.crossed++;
    }

    @Override
    public void staleDiff() {
        counters.staleDiffs++;
    }

    @Override
    public void snapshot() {
        counters.snapshots++;
    }

    @Override
    public void pendingDropped(int n) {
        counters.pendingDropped += n;
    }

    @Override
    public void checksum(String feed, boolean ok) {
        counters.checksums++;
        if (!ok) {
            counters.checksumFailures++;
        }
    }

    private void advanceWatermark(long ts) {
        if (ts > feed.maxEventTimeMs) {
            feed.maxEventTimeMs = ts;
            long wm = ts - outOfOrdernessMs - 1;
            if (wm > feed.watermark) {
                feed.watermark = wm;
                fireTimers(feed, wm);
            }
        }
    }

    /** Fires the timers due at watermark {@code wm}: all timers end a second, so at most once a second. */
    private void fireTimers(Feed f, long wm) {
        long due = wm == Long.MAX_VALUE ? wm : InstrumentFeatures.secondOf(wm + 1) - 1; // last x999 <= wm
        if (due <= f.firedUpTo) {
            return;
        }
        f.firedUpTo = due;
        for (Instrument i : f.instruments.values()) {
            closeSeconds(i, due);
            closeBars(i, due);
        }
    }

    private void closeSeconds(Instrument i, long due) {
        InstrumentFeatures fs = i.features;
        while (fs.open.length > 0) {
            long oldest = Long.MAX_VALUE;
            for (var b : fs.open) {
                oldest = Math.min(oldest, b.secondStartMs);
            }
            if (oldest + 999L > due) {
                return;
            }
            FeatureRow r = fs.close(oldest);
            counters.featureRows++;
            BookTop sample = null;
            if (fs.closedTop != null && fs.closedTop.hasBothSides()) {
                sample = fs.closedTop.copyAsSample(r.timeMs);
                counters.bookSamples++;
            }
            listener.featureRow(r, sample);
        }
    }

    private void closeBars(Instrument i, long due) {
        while (i.bars.length > 0) {
            int oldest = 0;
            for (int k = 1; k < i.bars.length; k++) {
                if (i.bars[k].windowStartMs < i.bars[oldest].windowStartMs) {
                    oldest = k;
                }
            }
            TradeBar b = i.bars[oldest];
            if (b.windowStartMs + MINUTE_MS - 1 > due) {
                return;
            }
            TradeBar[] rest = new TradeBar[i.bars.length - 1];
            System.arraycopy(i.bars, 0, rest, 0, oldest);
            System.arraycopy(i.bars, oldest + 1, rest, oldest, i.bars.length - oldest - 1);
            i.bars = rest;
            counters.bars++;
            listener.bar(barAggregate.getResult(b));
        }
    }

    /** End of the bounded input: the watermark goes to the end of time and every timer fires. */
    public void finish() {
        for (Feed f : feeds.values()) {
            f.watermark = Long.MAX_VALUE;
            fireTimers(f, Long.MAX_VALUE);
        }
    }
}
