package io.rrralgorithms.jobs.features;

import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.adapters.ExchangeAdapters;
import io.rrralgorithms.connectors.adapters.FrameDecoder;
import io.rrralgorithms.connectors.capture.CaptureFiles;
import io.rrralgorithms.connectors.capture.CaptureReader;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.jobs.book.BookGap;
import io.rrralgorithms.jobs.book.BookOutput;
import io.rrralgorithms.jobs.book.BookSynchronizer;
import io.rrralgorithms.jobs.book.BookTop;
import io.rrralgorithms.jobs.book.OrderBook;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The job's feature rows computed in-process from capture files, without Kafka or Flink: raw
 * frame → the feed's decoder → per-instrument {@link BookSynchronizer} → {@link InstrumentFeatures}.
 * Seconds close as in the job (and {@code DecodeBookFeaturesBenchmark}): per feed, the watermark is
 * the highest event time seen minus the out-of-orderness minus 1 ms; a second closes when the
 * watermark reaches its last millisecond; elements of an already closed second are late and
 * dropped; at the end of the input every open second closes. Files of one feed are one stream in
 * the order given; feeds are independent (each has its own watermark), so their order does not
 * matter. Rows come back sorted by time, then instrument.
 */
public final class ReplayFeatures {
    public static final int DEFAULT_DEPTH_LEVELS = 10;
    public static final int DEFAULT_MAX_PENDING_DIFFS = 10_000;
    public static final long DEFAULT_OUT_OF_ORDERNESS_MS = 2_000;

    private final int depthLevels;
    private final int maxPendingDiffs;
    private final long outOfOrdernessMs;

    public ReplayFeatures() {
        this(DEFAULT_DEPTH_LEVELS, DEFAULT_MAX_PENDING_DIFFS, DEFAULT_OUT_OF_ORDERNESS_MS);
    }

    public ReplayFeatures(int depthLevels, int maxPendingDiffs, long outOfOrdernessMs) {
        this.depthLevels = depthLevels;
        this.maxPendingDiffs = maxPendingDiffs;
        this.outOfOrdernessMs = outOfOrdernessMs;
    }

    /** The feature rows of {@code files} ({@code feedOverride} null: the feed is inferred per file). */
    public List<FeatureRow> compute(List<Path> files, String feedOverride) throws IOException {
        Run run = new Run();
        for (Path f : files) {
            try (CaptureReader r = CaptureFiles.open(f, feedOverride)) {
                while (r.hasNext()) {
                    run.frame(r.next());
                }
            }
        }
        run.finish();
        run.rows.sort(Comparator.comparingLong((FeatureRow r) -> r.timeMs).thenComparing(FeatureRow::instrumentKey));
        return run.rows;
    }

    private static final class Feed {
        final String name;
        final FrameDecoder decoder;
        final Map<String, Instrument> instruments = new LinkedHashMap<>();
        long maxEventTimeMs = Long.MIN_VALUE;
        long watermark = Long.MIN_VALUE;
        long firedUpTo = Long.MIN_VALUE;

        Feed(String name) {
            this.name = name;
            this.decoder = ExchangeAdapters.forFeed(name).decoder();
        }
    }

    private static final class Instrument {
        final OrderBook book = OrderBook.empty();
        final InstrumentFeatures features;

        Instrument(int depthLevels) {
            features = InstrumentFeatures.create(depthLevels);
        }
    }

    private final class Run implements BookOutput, Consumer<MarketEvent> {
        final BookSynchronizer sync = new BookSynchronizer(depthLevels, maxPendingDiffs);
        final Map<String, Feed> feeds = new HashMap<>();
        final List<FeatureRow> rows = new ArrayList<>();
        Feed feed;
        Instrument instrument;
        long eventTimeMs;

        void frame(RawFrame frame) {
            if (feed == null || !feed.name.equals(frame.feed)) {
                feed = feeds.computeIfAbsent(frame.feed, Feed::new);
            }
            try {
                feed.decoder.decode(frame, this);
            } catch (DecodeException | RuntimeException e) { // a dead letter in the job
                advanceWatermark(frame.receiveTimeNs / 1_000_000L);
            }
        }

        @Override
        public void accept(MarketEvent ev) {
            long ts = ev.eventTimeMs();
            switch (ev.type) {
                case BOOK_DELTA, BOOK_SNAPSHOT -> {
                    instrument = instrument(ev);
                    eventTimeMs = ts;
                    sync.process(instrument.book, ev, this);
                }
                case TRADE -> {
                    if (!isLate(InstrumentFeatures.secondOf(ts) + 999L)) {
                        instrument(ev).features.addTrade(ev, ts);
                    }
                }
                default -> { }
            }
            advanceWatermark(ts);
        }

        private Instrument instrument(MarketEvent ev) {
            return feed.instruments.computeIfAbsent(ev.nativeSymbol, k -> new Instrument(depthLevels));
        }

        private boolean isLate(long timerMs) {
            return timerMs <= feed.watermark;
        }

        @Override
        public void top(BookTop top) {
            if (!isLate(InstrumentFeatures.secondOf(eventTimeMs) + 999L)) {
                instrument.features.addTop(top, eventTimeMs);
            }
        }

        @Override
        public void gap(BookGap gap) {}

        @Override
        public void crossed(OrderBook book, String instrumentKey) {}

        @Override
        public void staleDiff() {}

        @Override
        public void snapshot() {}

        @Override
        public void pendingDropped(int n) {}

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

        private void fireTimers(Feed f, long wm) {
            long due = wm == Long.MAX_VALUE ? wm : InstrumentFeatures.secondOf(wm + 1) - 1;
            if (due <= f.firedUpTo) {
                return;
            }
            f.firedUpTo = due;
            for (Instrument i : f.instruments.values()) {
                InstrumentFeatures fs = i.features;
                while (fs.open.length > 0) {
                    long oldest = Long.MAX_VALUE;
                    for (var b : fs.open) {
                        oldest = Math.min(oldest, b.secondStartMs);
                    }
                    if (oldest + 999L > due) {
                        break;
                    }
                    FeatureRow r = fs.close(oldest);
                    if (r != null) {
                        rows.add(r);
                    }
                }
            }
        }

        void finish() {
            for (Feed f : feeds.values()) {
                f.watermark = Long.MAX_VALUE;
                fireTimers(f, Long.MAX_VALUE);
            }
        }
    }
}
