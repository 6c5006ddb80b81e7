package io.rrralgorithms.jobs.bench;

import io.rrralgorithms.connectors.adapters.FrameGuard;
import io.rrralgorithms.jobs.book.BookTop;
import io.rrralgorithms.jobs.features.FeatureRow;
import io.rrralgorithms.jobs.features.InProcessPipeline;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The job's hot path ({@link InProcessPipeline}: decode → book → features and bars, one thread)
 * over {@link SyntheticInstruments}: the same real stream for each of N instruments, frame by
 * frame across them, so that what changes with N is only how many books, features and bars are
 * alive (and in the caches). Each run starts from fresh state; small N are run several times so
 * that every point measures at least a given number of messages.
 *
 * <p>Heap per instrument: used heap after a full GC with the last run's state alive, minus the
 * same before it, divided by N (the frames themselves are allocated before either).
 */
public final class ScaleBenchmark {
    private final int depthLevels;
    private final int maxPendingDiffs;
    private final int maxBookLevels;
    private final long outOfOrdernessMs;

    public ScaleBenchmark(int depthLevels, int maxPendingDiffs, int maxBookLevels, long outOfOrdernessMs) {
        this.depthLevels = depthLevels;
        this.maxPendingDiffs = maxPendingDiffs;
        this.maxBookLevels = maxBookLevels;
        this.outOfOrdernessMs = outOfOrdernessMs;
    }

    /** One measured number of instruments. */
    public record Point(int instruments, int runs, long messages, double seconds, double cpuSeconds,
            long heapBytesPerInstrument, long books, long syncedTops, long gaps) {
        public double nanosPerMessage() {
            return seconds * 1e9 / Math.max(1, messages);
        }

        public double cpuNanosPerMessage() {
            return cpuSeconds * 1e9 / Math.max(1, messages);
        }
    }

    /** Runs the first {@code n} instruments of {@code in}, as often as needed for {@code minMessages}. */
    public Point measure(SyntheticInstruments in, int n, long minMessages) {
        if (n > in.instruments()) {
            throw new IllegalArgumentException(n + " instruments asked, " + in.instruments() + " made");
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpu = threads.isCurrentThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
        long perRun = (long) n * messagesPerInstrument(in);
        int runs = (int) Math.max(1, (minMessages + perRun - 1) / perRun);
        long nanos = 0;
        long cpuNanos = 0;
        long messages = 0;
        long heapBefore = 0;
        InProcessPipeline p = null;
        for (int r = 0; r < runs; r++) {
            if (r == runs - 1) {
                p = null;
                heapBefore = usedAfterGc();
            }
            p = pipeline();
            long c0 = cpu ? threads.getCurrentThreadCpuTime() : 0;
            long t0 = System.nanoTime();
            run(p, in, n);
            nanos += System.nanoTime() - t0;
            cpuNanos += cpu ? threads.getCurrentThreadCpuTime() - c0 : 0;
            messages += Arrays.stream(p.counters().eventsByType).sum();
        }
        long heapAfter = usedAfterGc(); // p, the last run's state, is alive here
        InProcessPipeline.Counters c = p.counters();
        return new Point(n, runs, messages, nanos / 1e9, cpu ? cpuNanos / 1e9 : Double.NaN,
                (heapAfter - heapBefore) / n, c.instruments, c.syncedTops, c.gaps);
    }

    /** Messages (decoded events and decode errors) of one instrument's stream. */
    public long messagesPerInstrument(SyntheticInstruments in) {
        InProcessPipeline p = pipeline();
        run(p, in, 1);
        return Math.max(1, Arrays.stream(p.counters().eventsByType).sum());
    }

    private InProcessPipeline pipeline() {
        return new InProcessPipeline(depthLevels, maxPendingDiffs, maxBookLevels, outOfOrdernessMs,
                FrameGuard.Limits.defaults(), new Sink());
    }

    private static void run(InProcessPipeline p, SyntheticInstruments in, int n) {
        int frames = in.framesPerInstrument();
        for (int j = 0; j < frames; j++) {
            for (int k = 0; k < n; k++) {
                p.frame(in.frame(j, k));
            }
        }
        p.finish();
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) { // until it stops shrinking: finalizable and soft garbage goes in rounds
            System.gc();
            long u = rt.totalMemory() - rt.freeMemory();
            if (u >= used) {
                break;
            }
            used = u;
        }
        return used;
    }

    /** Consumes the outputs, so that the work cannot be dropped. */
    private static final class Sink implements InProcessPipeline.Listener {
        long value;

        @Override
        public void top(BookTop top) {
            value += top.lastUpdateId;
        }

        @Override
        public void featureRow(FeatureRow row, BookTop sample) {
            value += row.timeMs;
        }
    }
}
