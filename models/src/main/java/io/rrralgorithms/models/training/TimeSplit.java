package io.rrralgorithms.models.training;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Train / validation / test slices by event time, never shuffled across time. The boundaries are
 * taken on the distinct timestamps of the labeled rows (all instruments together), so every
 * instrument's rows of one second fall in the same slice. Rows are purged at the boundaries: a
 * train (validation) row whose label window [t, t + H] reaches into the next slice is dropped, so
 * no label of an earlier slice is computed from prices of a later one. Rows whose label window
 * touches an excluded interval (a serving model's test slice, on retraining) are dropped from
 * training and validation before splitting.
 *
 * @param trainFromMs first time of the train slice (inclusive)
 * @param validationFromMs start of the validation slice = end (exclusive) of the train slice
 * @param testFromMs start of the test slice = end of the validation slice
 * @param testToMs end (exclusive) of the test slice: its last time + 1 ms
 */
public record TimeSplit(List<LabeledRow> train, List<LabeledRow> validation, List<LabeledRow> test,
        long trainFromMs, long validationFromMs, long testFromMs, long testToMs) {

    /**
     * @param rows labeled rows sorted by time
     * @param trainFraction e.g. 0.6 of the distinct timestamps
     * @param validationFraction e.g. 0.2; the test slice is the rest, the latest
     * @param horizonMs the label horizon, for purging
     * @param excludeFromMs start of an interval kept out of train and validation, or null
     * @param excludeToMs its end (exclusive)
     */
    public static TimeSplit of(List<LabeledRow> rows, double trainFraction, double validationFraction,
            long horizonMs, Long excludeFromMs, Long excludeToMs) {
        if (trainFraction <= 0 || validationFraction <= 0 || trainFraction + validationFraction >= 1) {
            throw new IllegalArgumentException("fractions must be positive and leave a test slice: train "
                    + trainFraction + ", validation " + validationFraction);
        }
        TreeSet<Long> distinct = new TreeSet<>();
        rows.forEach(r -> distinct.add(r.timeMs()));
        Long[] ts = distinct.toArray(Long[]::new);
        if (ts.length < 10) {
            throw new IllegalArgumentException("too few labeled seconds to split: " + ts.length);
        }
        int i1 = (int) Math.floor(ts.length * trainFraction);
        int i2 = (int) Math.floor(ts.length * (trainFraction + validationFraction));
        long valFrom = ts[i1];
        long testFrom = ts[i2];
        long testTo = ts[ts.length - 1] + 1;
        List<LabeledRow> train = new ArrayList<>();
        List<LabeledRow> val = new ArrayList<>();
        List<LabeledRow> test = new ArrayList<>();
        for (LabeledRow r : rows) {
            long t = r.timeMs();
            long labelEnd = t + horizonMs;
            if (t >= testFrom) {
                test.add(r);
                continue;
            }
            if (excludeFromMs != null && labelEnd >= excludeFromMs && t < excludeToMs) {
                continue;
            }
            if (t >= valFrom) {
                if (labelEnd < testFrom) {
                    val.add(r);
                }
            } else if (labelEnd < valFrom) {
                train.add(r);
            }
        }
        return new TimeSplit(train, val, test, ts[0], valFrom, testFrom, testTo);
    }

    /** The rows of {@code rows} with a time in [fromMs, toMs). */
    public static List<LabeledRow> slice(List<LabeledRow> rows, long fromMs, long toMs) {
        return rows.stream().filter(r -> r.timeMs() >= fromMs && r.timeMs() < toMs).toList();
    }
}
