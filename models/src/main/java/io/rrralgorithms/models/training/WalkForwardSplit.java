package io.rrralgorithms.models.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Walk-forward windows: consecutive test windows, each with train and validation slices made of the
 * rows before it (an expanding window), split <b>per instrument on its own timeline</b>. Each
 * instrument's labeled seconds are cut separately: the first {@code initialTrainFraction} of them
 * only ever train, the rest is cut into {@code windows} consecutive test windows of (almost) equal
 * row counts. So every instrument with enough rows has rows in every test window, even when the
 * instruments were captured at different times (a split on global time would put the earlier
 * capture entirely into train).
 *
 * <p>Before window k, each instrument's earlier seconds are split into train and validation (the
 * latest {@code validationFraction} of them, for early stopping). Labels never cross a boundary:
 * a row at t with label window [t, t + H] is kept in a slice only if t + H is before the slice's end
 * (the next slice's start), so the last H seconds of every train, validation and test slice are
 * dropped and no label of one slice is computed from a price of another.
 *
 * <p>Caveat: windows are aligned per instrument, not in global time, so on captures that overlap in
 * time an instrument's train rows may be contemporaneous with another instrument's test rows.
 */
public final class WalkForwardSplit {
    /** One instrument's boundaries in one window; times in ms, ends exclusive. */
    public record Bounds(String instrument, long trainFromMs, long validationFromMs, long testFromMs,
            long testToMs) {}

    /** One walk-forward window: rows of every instrument, and each instrument's bounds. */
    public record Window(int index, List<LabeledRow> train, List<LabeledRow> validation, List<LabeledRow> test,
            Map<String, Bounds> bounds) {}

    private WalkForwardSplit() {}

    /**
     * @param rows labeled rows (any order)
     * @param windows number of test windows, at least 1
     * @param initialTrainFraction share of each instrument's seconds before the first test window
     * @param validationFraction share of the seconds before each window used for validation
     * @param horizonMs the label horizon
     */
    public static List<Window> of(List<LabeledRow> rows, int windows, double initialTrainFraction,
            double validationFraction, long horizonMs) {
        if (windows < 1) {
            throw new IllegalArgumentException("--windows must be at least 1: " + windows);
        }
        if (!(initialTrainFraction > 0 && initialTrainFraction < 1) || !(validationFraction > 0
                && validationFraction < 1)) {
            throw new IllegalArgumentException("fractions must lie in (0, 1): initial train " + initialTrainFraction
                    + ", validation " + validationFraction);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no labeled rows to split into walk-forward windows");
        }
        Map<String, List<LabeledRow>> byInstrument = new TreeMap<>();
        for (LabeledRow r : rows) {
            byInstrument.computeIfAbsent(r.instrument(), k -> new ArrayList<>()).add(r);
        }
        List<List<LabeledRow>> train = new ArrayList<>();
        List<List<LabeledRow>> validation = new ArrayList<>();
        List<List<LabeledRow>> test = new ArrayList<>();
        List<Map<String, Bounds>> bounds = new ArrayList<>();
        for (int k = 0; k < windows; k++) {
            train.add(new ArrayList<>());
            validation.add(new ArrayList<>());
            test.add(new ArrayList<>());
            bounds.add(new LinkedHashMap<>());
        }
        for (var e : byInstrument.entrySet()) {
            List<LabeledRow> own = e.getValue();
            long[] ts = own.stream().mapToLong(LabeledRow::timeMs).distinct().sorted().toArray();
            int m = ts.length;
            int first = (int) Math.floor(m * initialTrainFraction);
            // at least 2 seconds per slice, or the instrument cannot be split into this many windows
            if (first < 4 || (m - first) / windows < 2) {
                throw new IllegalArgumentException(e.getKey() + " has " + m + " labeled seconds: too few for "
                        + windows + " walk-forward windows after an initial " + initialTrainFraction + " of them");
            }
            for (int k = 0; k < windows; k++) {
                int a = first + (int) ((long) (m - first) * k / windows);
                int b = first + (int) ((long) (m - first) * (k + 1) / windows);
                int v = a - Math.max(1, (int) Math.floor(a * validationFraction));
                long trainFrom = ts[0];
                long validationFrom = ts[v];
                long testFrom = ts[a];
                long testTo = b < m ? ts[b] : ts[m - 1] + 1;
                bounds.get(k).put(e.getKey(), new Bounds(e.getKey(), trainFrom, validationFrom, testFrom, testTo));
                for (LabeledRow r : own) {
                    long t = r.timeMs();
                    long labelEnd = t + horizonMs;
                    if (t < validationFrom) {
                        if (labelEnd < validationFrom) {
                            train.get(k).add(r);
                        }
                    } else if (t < testFrom) {
                        if (labelEnd < testFrom) {
                            validation.get(k).add(r);
                        }
                    } else if (t < testTo && (b == m || labelEnd < testTo)) {
                        test.get(k).add(r);
                    }
                }
            }
        }
        List<Window> out = new ArrayList<>();
        for (int k = 0; k < windows; k++) {
            out.add(new Window(k + 1, List.copyOf(train.get(k)), List.copyOf(validation.get(k)),
                    List.copyOf(test.get(k)), Collections.unmodifiableMap(bounds.get(k))));
        }
        return out;
    }
}
