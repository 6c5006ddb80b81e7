package io.rrralgorithms.connectors.latency;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SynchronizedHistogram;
import org.apache.flink.metrics.HistogramStatistics;

/**
 * A Flink {@link org.apache.flink.metrics.Histogram} of latencies in ns, backed by an HdrHistogram:
 * fixed memory whatever the count, every value since the task started (not a sample window), 1 %
 * precision from 1 µs to 1 h, and mergeable, so that the run summary can add up every subtask's
 * ({@link Latencies}). Updated by the task thread, read by the metric reporters' threads: the
 * HdrHistogram is synchronized (uncontended: a few ns per update).
 *
 * <p>Why HdrHistogram and not Flink's DescriptiveStatisticsHistogram: that one keeps the last N
 * values only, so a p99.9 of a run of millions of events would be a p99.9 of its last N, and
 * histograms of several subtasks could not be merged.
 */
public final class LatencyHistogram implements org.apache.flink.metrics.Histogram { // qualified: HdrHistogram's Histogram is imported
    /** Values above this are recorded as this. */
    public static final long HIGHEST_NS = 3_600_000_000_000L;
    static final long LOWEST_DISCERNIBLE_NS = 1_000L;
    static final int SIGNIFICANT_DIGITS = 2;
    /** Values {@link Stats#getValues()} returns: a representative sample at evenly spaced quantiles. */
    static final int SAMPLE_VALUES = 1_000;

    private final SynchronizedHistogram histogram =
            new SynchronizedHistogram(LOWEST_DISCERNIBLE_NS, HIGHEST_NS, SIGNIFICANT_DIGITS);

    /** Records one latency; a negative one (clocks of two machines) counts as 0. */
    @Override
    public void update(long latencyNs) {
        histogram.recordValue(Math.min(HIGHEST_NS, Math.max(0L, latencyNs)));
    }

    /** Records the time from {@code sinceNs} (a {@link WallClock} time) until {@code nowNs}; no time (≤ 0): nothing. */
    public void recordSince(long sinceNs, long nowNs) {
        if (sinceNs > 0) {
            update(nowNs - sinceNs);
        }
    }

    @Override
    public long getCount() {
        return histogram.getTotalCount();
    }

    /** A copy of everything recorded so far. */
    public Histogram copy() {
        return histogram.copy();
    }

    /** An empty histogram of the same range and precision (to merge copies into). */
    public static Histogram empty() {
        return new Histogram(LOWEST_DISCERNIBLE_NS, HIGHEST_NS, SIGNIFICANT_DIGITS);
    }

    @Override
    public HistogramStatistics getStatistics() {
        return new Stats(histogram.copy());
    }

    /** Statistics of a copy, so a reporter reads one consistent state. */
    static final class Stats extends HistogramStatistics {
        private final Histogram h;

        Stats(Histogram h) {
            this.h = h;
        }

        @Override
        public double getQuantile(double quantile) {
            return h.getValueAtPercentile(quantile * 100.0);
        }

        @Override
        public long[] getValues() {
            if (h.getTotalCount() == 0) {
                return new long[0];
            }
            long[] v = new long[SAMPLE_VALUES];
            for (int i = 0; i < v.length; i++) {
                v[i] = h.getValueAtPercentile((i + 0.5) * 100.0 / v.length);
            }
            return v;
        }

        @Override
        public int size() {
            return (int) Math.min(Integer.MAX_VALUE, h.getTotalCount());
        }

        @Override
        public double getMean() {
            return h.getMean();
        }

        @Override
        public double getStdDev() {
            return h.getStdDeviation();
        }

        @Override
        public long getMax() {
            return h.getTotalCount() == 0 ? 0 : h.getMaxValue();
        }

        @Override
        public long getMin() {
            return h.getTotalCount() == 0 ? 0 : h.getMinValue();
        }
    }
}
