package io.rrralgorithms.models.evaluation;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Circular block bootstrap (Politis &amp; Romano 1992): a resample of a series of n rows is made of
 * blocks of {@code blockLength} consecutive rows starting at uniformly drawn positions, wrapping
 * around the end, cut to n rows. Blocks keep the dependence between neighbouring rows (overlapping
 * labels: the labels of t and t + 1 s share H − 1 s of price path), which an iid bootstrap
 * ({@code blockLength} 1) ignores and so makes its intervals too narrow. Hand-written: the few
 * lines below are the whole method, and Commons Math / Smile have no block bootstrap.
 */
public final class BlockBootstrap {
    private final int blockLength;

    public BlockBootstrap(int blockLength) {
        if (blockLength < 1) {
            throw new IllegalArgumentException("block length must be at least 1: " + blockLength);
        }
        this.blockLength = blockLength;
    }

    public int blockLength() {
        return blockLength;
    }

    /**
     * The default block length for a series of n rows and a label horizon of h rows: at least h
     * (so one block holds a whole label window) and at least n^(1/3) (the usual rate for a
     * variance estimate), at most n.
     */
    public static int defaultBlockLength(int n, int horizonRows) {
        int cubeRoot = (int) Math.ceil(Math.cbrt(Math.max(1, n)));
        return Math.max(1, Math.min(Math.max(n, 1), Math.max(horizonRows, cubeRoot)));
    }

    /** Fills {@code out[from .. from + n)} with a resample of the indices {@code offset .. offset + n). */
    public void resample(int offset, int n, SplittableRandom random, int[] out, int from) {
        int filled = 0;
        while (filled < n) {
            int start = random.nextInt(n);
            int len = Math.min(blockLength, n - filled);
            for (int k = 0; k < len; k++) {
                out[from + filled + k] = offset + (start + k) % n;
            }
            filled += len;
        }
    }

    /** A resample of the indices 0 .. n. */
    public int[] resample(int n, SplittableRandom random) {
        int[] out = new int[n];
        resample(0, n, random, out, 0);
        return out;
    }

    /** The percentile interval of {@code replicates} at {@code level} (e.g. 0.95), NaN replicates ignored. */
    public static Interval percentile(double[] replicates, double level) {
        double[] v = Arrays.stream(replicates).filter(Double::isFinite).sorted().toArray();
        if (v.length < 2) {
            return Interval.NONE;
        }
        double a = (1 - level) / 2;
        return new Interval(quantile(v, a), quantile(v, 1 - a));
    }

    /** Linear interpolation between order statistics (type 7), of sorted values. */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
