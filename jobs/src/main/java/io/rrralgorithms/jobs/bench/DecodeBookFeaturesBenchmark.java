package io.rrralgorithms.jobs.bench;

import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.adapters.ExchangeAdapters;
import io.rrralgorithms.connectors.adapters.FrameDecoder;
import io.rrralgorithms.connectors.capture.CaptureFiles;
import io.rrralgorithms.connectors.capture.CaptureReader;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.jobs.bars.TradeBar;
import io.rrralgorithms.jobs.bars.TradeBarAggregate;
import io.rrralgorithms.jobs.book.BookGap;
import io.rrralgorithms.jobs.book.BookOutput;
import io.rrralgorithms.jobs.book.BookSynchronizer;
import io.rrralgorithms.jobs.book.BookTop;
import io.rrralgorithms.jobs.book.OrderBook;
import io.rrralgorithms.jobs.features.FeatureRow;
import io.rrralgorithms.jobs.features.InstrumentFeatures;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The hot path of the market-data job without Kafka or Flink, in one thread: raw frame → the
 * feed's decoder → per-instrument {@link BookSynchronizer} on an {@link OrderBook} → book tops and
 * trades into {@link InstrumentFeatures} (seconds closed when a per-feed watermark passes them, as
 * the job's event-time timers do) and trades into 1-minute {@link TradeBarAggregate} accumulators
 * (closed the same way). The frames are loaded into memory first, so no I/O is measured.
 *
 * <p>The watermark mimics the job's: per feed (one topic, one partition each), the highest event
 * time seen minus the out-of-orderness minus 1 ms; a second closes when the watermark reaches its
 * last millisecond, a minute bar when it reaches the minute's last millisecond; elements of a
 * second (minute) already closed are late and dropped from features (bars), as in the job. At the
 * end of the input the watermark jumps to the end of time and closes everything (a bounded run).
 *
 * <p>Each {@link #runOnce} starts from fresh state and returns counters and a checksum over what
 * was emitted, so the JIT cannot drop the work and iterations can be checked for identical output.
 */
public final class DecodeBookFeaturesBenchmark {
    private static final long MINUTE_MS = 60_000L;

    private final int depthLevels;
    private final int maxPendingDiffs;
    private final long outOfOrdernessMs;

    public DecodeBookFeaturesBenchmark(int depthLevels, int maxPendingDiffs, long outOfOrdernessMs) {
        this.depthLevels = depthLevels;
        this.maxPendingDiffs = maxPendingDiffs;
        this.outOfOrdernessMs = outOfOrdernessMs;
    }

    /** The frames, in memory: the files of each feed concatenated in the order given, feed after feed. */
    public record Input(List<RawFrame> frames, Map<String, Long> framesByFeed, long payloadBytes, long skippedLines,
            double loadSeconds) {}

    /** Reads all frames of {@code files} into memory ({@code feedOverride} null: inferred per file). */
    public static Input load(List<Path> files, String feedOverride) throws IOException {
        long start = System.nanoTime();
        Map<String, List<RawFrame>> byFeed = new LinkedHashMap<>();
        long bytes = 0;
        long skipped = 0;
        for (Path f : files) {
            try (CaptureReader r = CaptureFiles.open(f, feedOverride)) {
                List<RawFrame> list = byFeed.computeIfAbsent(r.feed(), k -> new ArrayList<>());
                while (r.hasNext()) {
                    RawFrame frame = r.next();
                    bytes += frame.payload.length;
                    list.add(frame);
                }
                skipped += r.skippedLines();
            }
        }
        List<RawFrame> all = new ArrayList<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        byFeed.forEach((feed, list) -> {
            all.addAll(list);
            counts.put(feed, (long) list.size());
        });
        return new Input(List.copyOf(all), counts, bytes, skipped, (System.nanoTime() - start) / 1e9);
    }

    /** What one iteration did. Everything but {@link #nanos} must be equal across iterations. */
    public static final class Result {
        /** Wall-clock time of the iteration. */
        public long nanos;
        /** CPU time of the benchmark thread in the iteration (-1 where the JVM cannot tell). */
        public long cpuNanos = -1;
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
        public long pendingDropped;
        public long trades;
        public long featureRows;
        public long bookSamples;
        public long lateFeatureElements;
        public long bars;
        public long lateBarTrades;
        public long instruments;
        public long checksum;

        /** Decoded events plus decode errors: what the job's run summary counts as messages. */
        public long messages() {
            return Arrays.stream(eventsByType).sum();
        }

        public double seconds() {
            return nanos / 1e9;
        }

        public double messagesPerSecond() {
            return messages() / seconds();
        }

        public double nanosPerMessage() {
            return nanos / (double) Math.max(1, messages());
        }

        /** CPU time of the benchmark thread per message; NaN where unknown. */
        public double cpuNanosPerMessage() {
            return cpuNanos < 0 ? Double.NaN : cpuNanos / (double) Math.max(1, messages());
        }

        /** The counters and checksum, without the time. */
        public String checks() {
            return String.format("tops=%d synced_tops=%d gaps=%d stale_diffs=%d snapshots=%d crossed=%d "
                            + "feature_rows=%d book_samples=%d late_feature_elements=%d trades=%d bars_1m=%d "
                            + "late_bar_trades=%d decode_errors=%d ignored_frames=%d instruments=%d checksum=%016x",
                    tops, syncedTops, gaps, staleDiffs, snapshots, crossed, featureRows, bookSamples,
                    lateFeatureElements, trades, bars, lateBarTrades, decodeErrors, ignoredFrames, instruments,
                    checksum);
        }
    }

    /** Runs the whole input once from fresh state. */
    public Result runOnce(Input input) {
        Run run = new Run();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpu = threads.isCurrentThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
        long cpuStart = cpu ? threads.getCurrentThreadCpuTime() : 0;
        long start = System.nanoTime();
        for (RawFrame frame : input.frames()) {
            run.frame(frame);
        }
        run.finish();
        run.result.nanos = System.nanoTime() - start;
        if (cpu) {
            run.result.cpuNanos = threads.getCurrentThreadCpuTime() - cpuStart;
        }
        return run.result;
    }

    /** State of one feed: its decoder, its watermark and its instruments. */
    private static final class Feed {
        final String name;
        final FrameDecoder decoder;
        final Map<String, Instrument> instruments = new HashMap<>();
        long maxEventTimeMs = Long.MIN_VALUE;
        long watermark = Long.MIN_VALUE;
        /** Timers up to here have fired. */
        long firedUpTo = Long.MIN_VALUE;

        Feed(String name) {
            this.name = name;
            this.decoder = ExchangeAdapters.forFeed(name).decoder();
        }
    }

    /** State of one instrument: its book, its features and its open minute bars. */
    private static final class Instrument {
        final OrderBook book = OrderBook.empty();
        final InstrumentFeatures features;
        /** Open minute bars (a few at most), unordered. */
        TradeBar[] bars = new TradeBar[0];

        Instrument(int depthLevels) {
            features = InstrumentFeatures.create(depthLevels);
        }
    }

    /** One iteration: fresh state. */
    private final class Run implements BookOutput, Consumer<MarketEvent> {
        final Result result = new Result();
        final BookSynchronizer sync = new BookSynchronizer(depthLevels, maxPendingDiffs);
        final TradeBarAggregate barAggregate = new TradeBarAggregate();
        final Map<String, Feed> feeds = new HashMap<>();
        Feed feed;
        Instrument instrument;
        long eventTimeMs;
        long checksum;

        void frame(RawFrame frame) {
            if (feed == null || !feed.name.equals(frame.feed)) {
                feed = feeds.computeIfAbsent(frame.feed, Feed::new);
            }
            result.frames++;
            try {
                if (feed.decoder.decode(frame, this) == FrameDecoder.Result.IGNORED) {
                    result.ignoredFrames++;
                }
            } catch (DecodeException e) {
                decodeError(frame);
            } catch (RuntimeException e) { // as the job's deserializer: a decoder bug is a dead letter
                decodeError(frame);
            }
        }

        private void decodeError(RawFrame frame) {
            result.decodeErrors++;
            result.eventsByType[EventType.DECODE_ERROR.ordinal()]++;
            advanceWatermark(frame.receiveTimeNs / 1_000_000L);
        }

        /** One decoded event. */
        @Override
        public void accept(MarketEvent ev) {
            result.eventsByType[ev.type.ordinal()]++;
            long ts = ev.eventTimeMs();
            switch (ev.type) {
                case BOOK_DELTA, BOOK_SNAPSHOT -> {
                    instrument = instrument(ev);
                    eventTimeMs = ts;
                    sync.process(instrument.book, ev, this); // tops come back through top()
                }
                case TRADE -> trade(instrument(ev), ev, ts);
                default -> { } // BBO and others: not used by the job
            }
            advanceWatermark(ts);
        }

        private Instrument instrument(MarketEvent ev) {
            Instrument i = feed.instruments.get(ev.nativeSymbol);
            if (i == null) {
                i = new Instrument(depthLevels);
                feed.instruments.put(ev.nativeSymbol, i);
                result.instruments++;
            }
            return i;
        }

        private void trade(Instrument i, MarketEvent t, long ts) {
            result.trades++;
            if (!isLate(InstrumentFeatures.secondOf(ts) + 999L)) {
                i.features.addTrade(t, ts);
            } else {
                result.lateFeatureElements++;
            }
            long minute = Math.floorDiv(ts, MINUTE_MS) * MINUTE_MS;
            if (isLate(minute + MINUTE_MS - 1)) {
                result.lateBarTrades++;
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
            result.tops++;
            if (top.synced) {
                result.syncedTops++;
                checksum = checksum * 31 + top.lastUpdateId
                        + (top.bidPrices.length > 0 ? top.bidPrices[0] : 0)
                        + (top.askSizes.length > 0 ? top.askSizes[0] : 0);
            }
            if (!isLate(InstrumentFeatures.secondOf(eventTimeMs) + 999L)) {
                instrument.features.addTop(top, eventTimeMs);
            } else {
                result.lateFeatureElements++;
            }
        }

        @Override
        public void gap(BookGap gap) {
            result.gaps++;
            checksum = checksum * 31 + gap.updateId;
        }

        @Override
        public void crossed(OrderBook book, String instrumentKey) {
            result.crossed++;
        }

        @Override
        public void staleDiff() {
            result.staleDiffs++;
        }

        @Override
        public void snapshot() {
            result.snapshots++;
        }

        @Override
        public void pendingDropped(int n) {
            result.pendingDropped += n;
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
                result.featureRows++;
                checksum = checksum * 31 + r.timeMs + r.bookUpdates + r.tradeCount1m + r.volume1m
                        + Double.doubleToLongBits(r.ofi)
                        + (r.microprice == null ? 0 : Double.doubleToLongBits(r.microprice));
                if (fs.closedTop != null && fs.closedTop.hasBothSides()) {
                    BookTop sample = fs.closedTop.copyAsSample(r.timeMs);
                    result.bookSamples++;
                    checksum += sample.sampleTimeMs;
                }
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
                TradeBar bar = barAggregate.getResult(b);
                result.bars++;
                checksum = checksum * 31 + bar.windowStartMs + bar.tradeCount + bar.volume + bar.open + bar.close
                        + bar.high + bar.low + bar.notional.unscaledValue().longValue();
            }
        }

        /** End of the bounded input: the watermark goes to the end of time and every timer fires. */
        void finish() {
            for (Feed f : feeds.values()) {
                f.watermark = Long.MAX_VALUE;
                fireTimers(f, Long.MAX_VALUE);
            }
            result.checksum = checksum;
        }
    }
}
