package io.rrralgorithms.jobs.report;

/**
 * Which rows of a long series a plot draws. The statistics are always computed on every row; only
 * the picture is thinned, by two documented rules whose point counts depend on the row count
 * alone, so a test can compute them from a SQL count:
 *
 * <ul>
 *   <li>{@link #minMax}: a line of n rows keeps them all up to {@link #MAX_POINTS}; above that the
 *       rows are cut into {@code MAX_POINTS / 2} buckets of equal count (bucket b holds rows
 *       {@code [b·n/B, (b+1)·n/B)}) and each bucket keeps its first minimum and its last maximum,
 *       in row order: exactly {@code MAX_POINTS} points, and every peak and trough stays visible.
 *   <li>{@link #stride}: markers, bars and scatter points keep rows {@code floor(k·n/MAX_POINTS)},
 *       k = 0 … MAX_POINTS − 1: exactly {@code min(n, MAX_POINTS)} points.
 * </ul>
 */
public final class Downsample {
    /** The most points one series draws. */
    public static final int MAX_POINTS = 2000;

    private Downsample() {}

    /** The number of points a series of {@code rows} rows draws (both rules give the same). */
    public static int points(long rows) {
        return (int) Math.min(rows, MAX_POINTS);
    }

    /** Row indices of a line, in order (see the class comment). */
    public static int[] minMax(double[] y) {
        int n = y.length;
        if (n <= MAX_POINTS) {
            return all(n);
        }
        int buckets = MAX_POINTS / 2;
        int[] out = new int[MAX_POINTS];
        int k = 0;
        for (int b = 0; b < buckets; b++) {
            int lo = (int) ((long) b * n / buckets);
            int hi = (int) ((long) (b + 1) * n / buckets);
            int min = lo;
            int max = lo;
            for (int i = lo; i < hi; i++) {
                if (y[i] < y[min]) {
                    min = i;
                }
                if (y[i] >= y[max]) {
                    max = i;
                }
            }
            // a bucket holds at least 2 rows (n > 2·buckets); when all are equal, min is the first
            // row and max the last, so the two are always distinct rows
            out[k++] = Math.min(min, max);
            out[k++] = Math.max(min, max);
        }
        return out;
    }

    /** Row indices of markers, bars or scatter points, in order (see the class comment). */
    public static int[] stride(int n) {
        if (n <= MAX_POINTS) {
            return all(n);
        }
        int[] out = new int[MAX_POINTS];
        for (int k = 0; k < MAX_POINTS; k++) {
            out[k] = (int) ((long) k * n / MAX_POINTS);
        }
        return out;
    }

    private static int[] all(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }
}
