package io.rrralgorithms.jobs.bench;

import io.rrralgorithms.connectors.capture.CaptureFeeds;
import io.rrralgorithms.connectors.capture.CaptureReader;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.jobs.bars.TradeBar;
import io.rrralgorithms.jobs.book.BookGap;
import io.rrralgorithms.jobs.book.BookTop;
import io.rrralgorithms.jobs.features.FeatureRow;
import io.rrralgorithms.jobs.features.InProcessPipeline;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hot path of the market-data job without Kafka or Flink, in one thread: the
 * {@link InProcessPipeline} (decode → book sync → features and 1-minute bars, event time as in the
 * job) over frames loaded into memory first, so no I/O is measured.
 *
 * <p>Each {@link #runOnce} starts from fresh state and returns counters and a checksum over what
 * was emitted, so the JIT cannot drop the work and iterations can be checked for identical output.
 */
public final class DecodeBookFeaturesBenchmark {

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

    /** Reads all frames of {@code files} into memory, each as its feed. */
    public static Input load(List<Path> files, CaptureFeeds feedOfFile) throws IOException {
        long start = System.nanoTime();
        Map<String, List<RawFrame>> byFeed = new LinkedHashMap<>();
        long bytes = 0;
        long skipped = 0;
        for (Path f : files) {
            try (CaptureReader r = feedOfFile.open(f)) {
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

    /** What one iteration did. Everything but the times must be equal across iterations. */
    public static final class Result {
        /** Wall-clock time of the iteration. */
        public long nanos;
        /** CPU time of the benchmark thread in the iteration (-1 where the JVM cannot tell). */
        public long cpuNanos = -1;
        public InProcessPipeline.Counters counters;
        public long checksum;

        /** Decoded events plus decode errors: what the job's run summary counts as messages. */
        public long messages() {
            return Arrays.stream(counters.eventsByType).sum();
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
            InProcessPipeline.Counters c = counters;
            return String.format("tops=%d synced_tops=%d gaps=%d stale_diffs=%d snapshots=%d crossed=%d "
                            + "feature_rows=%d book_samples=%d late_feature_elements=%d trades=%d bars_1m=%d "
                            + "late_bar_trades=%d decode_errors=%d ignored_frames=%d instruments=%d checksum=%016x",
                    c.tops, c.syncedTops, c.gaps, c.staleDiffs, c.snapshots, c.crossed, c.featureRows, c.bookSamples,
                    c.lateFeatureElements, c.trades, c.bars, c.lateBarTrades, c.decodeErrors, c.ignoredFrames,
                    c.instruments, checksum);
        }
    }

    /** Runs the whole input once from fresh state. */
    public Result runOnce(Input input) {
        Checksum checksum = new Checksum();
        InProcessPipeline pipeline = new InProcessPipeline(depthLevels, maxPendingDiffs, outOfOrdernessMs, checksum);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpu = threads.isCurrentThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
        long cpuStart = cpu ? threads.getCurrentThreadCpuTime() : 0;
        long start = System.nanoTime();
        for (RawFrame frame : input.frames()) {
            pipeline.frame(frame);
        }
        pipeline.finish();
        Result result = new Result();
        result.nanos = System.nanoTime() - start;
        if (cpu) {
            result.cpuNanos = threads.getCurrentThreadCpuTime() - cpuStart;
        }
        result.counters = pipeline.counters();
        result.checksum = checksum.value;
        return result;
    }

    /** A checksum over everything emitted, so the JIT cannot drop the work and iterations compare. */
    private static final class Checksum implements InProcessPipeline.Listener {
        long value;

        @Override
        public void top(BookTop top) {
            if (top.synced) {
                value = value * 31 + top.lastUpdateId + (top.bidPrices.length > 0 ? top.bidPrices[0] : 0)
                        + (top.askSizes.length > 0 ? top.askSizes[0] : 0);
            }
        }

        @Override
        public void gap(BookGap gap) {
            value = value * 31 + gap.updateId;
        }

        @Override
        public void featureRow(FeatureRow r, BookTop sample) {
            value = value * 31 + r.timeMs + r.bookUpdates + r.tradeCount1m + r.volume1m
                    + Double.doubleToLongBits(r.ofi) + (r.microprice == null ? 0 : Double.doubleToLongBits(r.microprice));
            if (sample != null) {
                value += sample.sampleTimeMs;
            }
        }

        @Override
        public void bar(TradeBar bar) {
            value = value * 31 + bar.windowStartMs + bar.tradeCount + bar.volume + bar.open + bar.close + bar.high
                    + bar.low + bar.notional.unscaledValue().longValue();
        }
    }
}
