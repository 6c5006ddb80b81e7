package io.rrralgorithms.jobs.bench;

import io.rrralgorithms.jobs.features.FeatureRow;
import io.rrralgorithms.jobs.features.FeatureRowValues;
import io.rrralgorithms.models.scoring.ModelInputs;
import io.rrralgorithms.models.scoring.TfScorer;
import io.rrralgorithms.models.spec.FeatureSpec;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Scoring latency and throughput of a SavedModel through {@link TfScorer}, the call the Flink
 * scoring operator makes per micro-batch: for each batch size, warm-up calls, then timed calls
 * over real feature vectors; per-call latency percentiles and rows per second.
 */
public final class ScoringBenchmark {
    private ScoringBenchmark() {}

    /** The scorable raw input vectors of feature rows, in order. */
    public static float[][] vectors(List<FeatureRow> rows, FeatureSpec spec) {
        List<float[]> out = new ArrayList<>();
        for (FeatureRow r : rows) {
            float[] v = spec.vector(FeatureRowValues.of(r));
            if (v != null) {
                out.add(v);
            }
        }
        return out.toArray(new float[0][]);
    }

    /** A model's graph inputs of feature rows (its spec, normalization and window), in order. */
    public static float[][] vectors(List<FeatureRow> rows, ModelInputs inputs) {
        List<float[]> out = new ArrayList<>();
        for (FeatureRow r : rows) {
            float[] v = inputs.next(r.instrumentKey(), r.timeMs, FeatureRowValues.of(r));
            if (v != null) {
                out.add(v);
            }
        }
        return out.toArray(new float[0][]);
    }

    /** One batch size's result. */
    public record Result(int batchSize, int calls, double p50Micros, double p99Micros, double meanMicros,
            double rowsPerSecond, double checksum) {}

    public static Result run(TfScorer scorer, float[][] vectors, int batchSize, int warmupCalls, int minCalls,
            long minNanos) {
        float[][] batch = new float[batchSize][];
        int cursor = 0;
        double checksum = 0;
        for (int i = 0; i < warmupCalls; i++) {
            cursor = fill(batch, vectors, cursor);
            checksum += scorer.score(batch)[0];
        }
        long[] latencies = new long[Math.max(minCalls, 16)];
        int calls = 0;
        long start = System.nanoTime();
        long total = 0;
        while (calls < minCalls || System.nanoTime() - start < minNanos) {
            cursor = fill(batch, vectors, cursor);
            long t0 = System.nanoTime();
            float[] s = scorer.score(batch);
            long dt = System.nanoTime() - t0;
            checksum += s[s.length - 1];
            if (calls == latencies.length) {
                latencies = Arrays.copyOf(latencies, calls * 2);
            }
            latencies[calls++] = dt;
            total += dt;
        }
        long[] sorted = Arrays.copyOf(latencies, calls);
        Arrays.sort(sorted);
        return new Result(batchSize, calls, percentile(sorted, 0.50) / 1e3, percentile(sorted, 0.99) / 1e3,
                total / (double) calls / 1e3, calls * (double) batchSize / (total / 1e9), checksum);
    }

    private static int fill(float[][] batch, float[][] vectors, int cursor) {
        for (int i = 0; i < batch.length; i++) {
            batch[i] = vectors[cursor];
            cursor = (cursor + 1) % vectors.length;
        }
        return cursor;
    }

    private static double percentile(long[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    public static void print(PrintStream out, Result r) {
        out.printf(Locale.ROOT, "batch %5d: %,8d calls  latency p50 %,10.1f us  p99 %,10.1f us  mean %,10.1f us  "
                        + "%,12.0f rows/s  (checksum %.6f)%n", r.batchSize(), r.calls(), r.p50Micros(), r.p99Micros(),
                r.meanMicros(), r.rowsPerSecond(), r.checksum());
    }
}
