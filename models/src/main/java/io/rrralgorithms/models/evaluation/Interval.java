package io.rrralgorithms.models.evaluation;

import java.util.Locale;

/** A confidence interval; {@link #NONE} (NaN bounds) where none can be computed. */
public record Interval(double low, double high) {
    public static final Interval NONE = new Interval(Double.NaN, Double.NaN);

    public boolean defined() {
        return Double.isFinite(low) && Double.isFinite(high);
    }

    /** Strictly above 0. */
    public boolean above(double x) {
        return defined() && low > x;
    }

    /** Strictly below 0. */
    public boolean below(double x) {
        return defined() && high < x;
    }

    public double width() {
        return high - low;
    }

    /** {@code [lo, hi]} scaled by {@code scale}, e.g. 1e8 for bps². */
    public String format(String pattern, double scale) {
        if (!defined()) {
            return "n/a";
        }
        return "[" + String.format(Locale.ROOT, pattern, low * scale) + ", "
                + String.format(Locale.ROOT, pattern, high * scale) + "]";
    }
}
