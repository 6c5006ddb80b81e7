package io.rrralgorithms.models.training;

import java.util.List;

/**
 * Test-slice metrics of a prediction against the labels.
 *
 * <ul>
 *   <li>IC: Pearson correlation of prediction and label, with a 95% confidence interval by the
 *       Fisher z-transform, z = atanh(r) ± 1.96 / sqrt(nEff - 3). Labels of consecutive seconds
 *       overlap over the horizon, so the rows are not independent: nEff = n / H (the number of
 *       non-overlapping label windows), which widens the interval accordingly. A constant
 *       prediction has IC 0 by definition and no interval.
 *   <li>Directional accuracy: over rows with a non-zero label, the share where sign(prediction) =
 *       sign(label); a prediction of exactly 0 counts half (no direction: a coin flip), so the
 *       zero-prediction baseline scores 0.5.
 *   <li>MSE of the prediction in label units (log return squared).
 * </ul>
 */
public record Evaluation(int n, double ic, double icLow, double icHigh, double accuracy, double mse) {

    public static Evaluation of(double[] prediction, double[] label, int horizonSeconds) {
        int n = label.length;
        if (prediction.length != n) {
            throw new IllegalArgumentException("prediction and label lengths differ");
        }
        double ic = pearson(prediction, label);
        double lo = Double.NaN;
        double hi = Double.NaN;
        double nEff = n / (double) Math.max(1, horizonSeconds);
        if (Double.isNaN(ic)) {
            ic = 0; // constant prediction (or label): no information
        } else if (nEff > 3) {
            double z = atanh(Math.max(-0.999999, Math.min(0.999999, ic)));
            double se = 1.0 / Math.sqrt(nEff - 3);
            lo = Math.tanh(z - 1.96 * se);
            hi = Math.tanh(z + 1.96 * se);
        }
        double hits = 0;
        int directional = 0;
        double se = 0;
        for (int i = 0; i < n; i++) {
            double e = prediction[i] - label[i];
            se += e * e;
            if (label[i] != 0) {
                directional++;
                double sp = Math.signum(prediction[i]);
                hits += sp == 0 ? 0.5 : (sp == Math.signum(label[i]) ? 1 : 0);
            }
        }
        return new Evaluation(n, ic, lo, hi, directional > 0 ? hits / directional : Double.NaN,
                n > 0 ? se / n : Double.NaN);
    }

    /** The model's scores on {@code rows}. */
    public static Evaluation ofModel(float[] scores, List<LabeledRow> rows, int horizonSeconds) {
        double[] p = new double[scores.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = scores[i];
        }
        return of(p, labels(rows), horizonSeconds);
    }

    /** Baseline: predict 0. */
    public static Evaluation zero(List<LabeledRow> rows, int horizonSeconds) {
        return of(new double[rows.size()], labels(rows), horizonSeconds);
    }

    /**
     * Baseline: the sign of the previous 1-second return (0 where unknown or unchanged), scaled by
     * {@code scale} = mean |label| on the train slice so its MSE is meaningful (IC and accuracy do
     * not depend on the scale).
     */
    public static Evaluation lastReturnSign(List<LabeledRow> rows, double scale, int horizonSeconds) {
        double[] p = new double[rows.size()];
        for (int i = 0; i < p.length; i++) {
            double r = rows.get(i).prevReturn();
            p[i] = Double.isNaN(r) ? 0 : Math.signum(r) * scale;
        }
        return of(p, labels(rows), horizonSeconds);
    }

    static double[] labels(List<LabeledRow> rows) {
        return rows.stream().mapToDouble(LabeledRow::label).toArray();
    }

    static double pearson(double[] a, double[] b) {
        int n = a.length;
        if (n < 2) {
            return Double.NaN;
        }
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= n;
        mb /= n;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            double da = a[i] - ma;
            double db = b[i] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        if (saa == 0 || sbb == 0) {
            return Double.NaN;
        }
        return sab / Math.sqrt(saa * sbb);
    }

    private static double atanh(double x) {
        return 0.5 * Math.log((1 + x) / (1 - x));
    }
}
