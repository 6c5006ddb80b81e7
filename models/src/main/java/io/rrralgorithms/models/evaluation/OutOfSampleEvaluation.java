package io.rrralgorithms.models.evaluation;

import io.rrralgorithms.models.training.LabeledRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A model's out-of-sample report, per instrument and pooled over instruments, beside the baselines
 * zero, last-return sign and every single input feature:
 *
 * <ul>
 *   <li>IC: <b>Pearson</b> correlation of prediction and label (a constant prediction has IC 0);
 *   <li>directional accuracy over rows with a non-zero label, a 0 prediction counting half;
 *   <li>MSE and mean prediction (calibration: mean score vs mean label), only for predictors in
 *       label units (the model, zero, last-return sign; a raw feature is not a return);
 *   <li>95% intervals by circular block bootstrap ({@link BlockBootstrap}) of each instrument's
 *       rows in time order, blocks at least the label horizon long, seeded; the pooled resample
 *       draws each instrument's rows from its own series, so blocks never mix instruments;
 *   <li>paired differences model − baseline: each replicate computes both on the same resample.
 * </ul>
 *
 * Flink- and TensorFlow-free: it takes the model's scores as numbers.
 */
public final class OutOfSampleEvaluation {
    public static final String MODEL = "model";
    public static final String ZERO = "zero prediction";
    public static final String LAST_SIGN = "last-return sign";
    public static final String FEATURE_PREFIX = "feature ";

    /**
     * @param horizonSeconds label horizon; rows are one a second, so also the horizon in rows
     * @param replicates bootstrap replicates
     * @param blockLength rows per block, 0 for {@link BlockBootstrap#defaultBlockLength}
     * @param level confidence level, e.g. 0.95
     */
    public record Options(int horizonSeconds, int replicates, int blockLength, long seed, double level) {
        public Options {
            if (horizonSeconds < 1 || replicates < 10 || blockLength < 0 || !(level > 0 && level < 1)) {
                throw new IllegalArgumentException("bad evaluation options: horizon " + horizonSeconds + " s, "
                        + replicates + " replicates, block " + blockLength + ", level " + level);
            }
        }

        public static Options defaults(int horizonSeconds) {
            return new Options(horizonSeconds, 1000, 0, 42, 0.95);
        }
    }

    /** One predictor's metrics in one scope; the differences are model − this predictor (NONE for the model). */
    public record Metrics(String predictor, boolean labelUnits, double ic, Interval icCi, double accuracy,
            Interval accuracyCi, double mse, double meanPrediction, Interval icDiff, Interval accuracyDiff,
            Interval mseDiff) {}

    /** The metrics of every predictor on one instrument ({@code scope}) or pooled. */
    public record Table(String scope, int n, String blockLength, double meanLabel, double labelStd,
            List<Metrics> rows) {
        public Metrics row(String predictor) {
            return rows.stream().filter(r -> r.predictor().equals(predictor)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no predictor " + predictor));
        }

        public Metrics model() {
            return row(MODEL);
        }

        /** The baseline (not the model) with the highest IC. */
        public Metrics bestBaseline() {
            return rows.stream().filter(r -> !r.predictor().equals(MODEL))
                    .max((a, b) -> Double.compare(a.ic(), b.ic())).orElseThrow();
        }

        /** The single input feature with the highest IC. */
        public Metrics bestFeature() {
            return rows.stream().filter(r -> r.predictor().startsWith(FEATURE_PREFIX))
                    .max((a, b) -> Double.compare(a.ic(), b.ic())).orElseThrow();
        }

        /** |mean score − mean label| / label standard deviation. */
        public double calibrationGap() {
            return Math.abs(model().meanPrediction() - meanLabel) / labelStd;
        }
    }

    private OutOfSampleEvaluation() {}

    /**
     * @param rows labeled rows (any order: each instrument's rows are taken in time order)
     * @param modelScores the model's score of each row, in label units
     * @param featureNames names of the columns of {@link LabeledRow#inputs()}, each a baseline
     * @param signScale the last-return-sign baseline predicts sign(r[t-1s, t]) × this (the train
     *     mean |label|), so its MSE is meaningful
     */
    public static EvaluationReport evaluate(List<LabeledRow> rows, double[] modelScores, List<String> featureNames,
            double signScale, Options o) {
        if (modelScores.length != rows.size()) {
            throw new IllegalArgumentException(modelScores.length + " scores for " + rows.size() + " rows");
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no labeled rows to evaluate");
        }
        List<String> names = new ArrayList<>(List.of(MODEL, ZERO, LAST_SIGN));
        List<Boolean> units = new ArrayList<>(List.of(true, true, true));
        int n = rows.size();
        List<double[]> predictions = new ArrayList<>();
        predictions.add(modelScores.clone());
        predictions.add(new double[n]);
        double[] sign = new double[n];
        for (int i = 0; i < n; i++) {
            double r = rows.get(i).prevReturn();
            sign[i] = Double.isNaN(r) ? 0 : Math.signum(r) * signScale;
        }
        predictions.add(sign);
        for (int f = 0; f < featureNames.size(); f++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = rows.get(i).inputs()[f];
            }
            names.add(FEATURE_PREFIX + featureNames.get(f));
            units.add(false);
            predictions.add(x);
        }
        double[] label = rows.stream().mapToDouble(LabeledRow::label).toArray();

        Map<String, List<Integer>> byInstrument = new LinkedHashMap<>();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort((a, b) -> {
            int c = rows.get(a).instrument().compareTo(rows.get(b).instrument());
            return c != 0 ? c : Long.compare(rows.get(a).timeMs(), rows.get(b).timeMs());
        });
        for (int i : order) {
            byInstrument.computeIfAbsent(rows.get(i).instrument(), k -> new ArrayList<>()).add(i);
        }
        List<Table> tables = new ArrayList<>();
        List<int[]> all = new ArrayList<>();
        for (var e : byInstrument.entrySet()) {
            int[] g = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            all.add(g);
            tables.add(table(e.getKey(), List.of(g), names, units, predictions, label, o));
        }
        Table pooled = table("pooled", all, names, units, predictions, label, o);
        return new EvaluationReport(o, tables, pooled, signScale);
    }

    private static Table table(String scope, List<int[]> groups, List<String> names, List<Boolean> units,
            List<double[]> predictions, double[] label, Options o) {
        int n = groups.stream().mapToInt(g -> g.length).sum();
        int[] base = new int[n];
        int[] blocks = new int[groups.size()];
        int at = 0;
        for (int g = 0; g < groups.size(); g++) {
            System.arraycopy(groups.get(g), 0, base, at, groups.get(g).length);
            at += groups.get(g).length;
            blocks[g] = o.blockLength() > 0 ? Math.min(o.blockLength(), groups.get(g).length)
                    : BlockBootstrap.defaultBlockLength(groups.get(g).length, o.horizonSeconds());
        }
        int p = predictions.size();
        double[][] point = new double[p][];
        for (int k = 0; k < p; k++) {
            point[k] = stats(predictions.get(k), label, base);
        }
        // replicate statistics: [predictor][metric][replicate]
        double[][][] rep = new double[p][3][o.replicates()];
        SplittableRandom random = new SplittableRandom(o.seed());
        int[] idx = new int[n];
        int[] resampled = new int[n];
        for (int b = 0; b < o.replicates(); b++) {
            int from = 0;
            for (int g = 0; g < groups.size(); g++) {
                int len = groups.get(g).length;
                new BlockBootstrap(blocks[g]).resample(from, len, random, idx, from);
                from += len;
            }
            for (int i = 0; i < n; i++) {
                resampled[i] = base[idx[i]];
            }
            for (int k = 0; k < p; k++) {
                double[] s = stats(predictions.get(k), label, resampled);
                for (int m = 0; m < 3; m++) {
                    rep[k][m][b] = s[m];
                }
            }
        }
        List<Metrics> rows = new ArrayList<>();
        for (int k = 0; k < p; k++) {
            boolean model = k == 0;
            boolean labelUnits = units.get(k);
            rows.add(new Metrics(names.get(k), labelUnits, point[k][0], ci(rep[k][0], o), point[k][1],
                    ci(rep[k][1], o), labelUnits ? point[k][2] : Double.NaN,
                    labelUnits ? mean(predictions.get(k), base) : Double.NaN,
                    model ? Interval.NONE : ci(diff(rep[0][0], rep[k][0]), o),
                    model ? Interval.NONE : ci(diff(rep[0][1], rep[k][1]), o),
                    model || !labelUnits ? Interval.NONE : ci(diff(rep[0][2], rep[k][2]), o)));
        }
        double meanLabel = mean(label, base);
        double var = 0;
        for (int i : base) {
            var += (label[i] - meanLabel) * (label[i] - meanLabel);
        }
        String blockText = groups.size() == 1 ? Integer.toString(blocks[0])
                : (o.blockLength() > 0 ? Integer.toString(o.blockLength()) : "per instrument");
        return new Table(scope, n, blockText, meanLabel, Math.sqrt(var / Math.max(1, n - 1)), rows);
    }

    private static Interval ci(double[] replicates, Options o) {
        return BlockBootstrap.percentile(replicates, o.level());
    }

    private static double[] diff(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    private static double mean(double[] x, int[] idx) {
        double s = 0;
        for (int i : idx) {
            s += x[i];
        }
        return s / idx.length;
    }

    /** {IC, directional accuracy, MSE} of prediction p against label y over the rows idx. */
    static double[] stats(double[] p, double[] y, int[] idx) {
        int n = idx.length;
        double mp = 0;
        double my = 0;
        for (int i : idx) {
            mp += p[i];
            my += y[i];
        }
        mp /= n;
        my /= n;
        double spy = 0;
        double spp = 0;
        double syy = 0;
        double se = 0;
        double hits = 0;
        int directional = 0;
        for (int i : idx) {
            double dp = p[i] - mp;
            double dy = y[i] - my;
            spy += dp * dy;
            spp += dp * dp;
            syy += dy * dy;
            double e = p[i] - y[i];
            se += e * e;
            if (y[i] != 0) {
                directional++;
                double sp = Math.signum(p[i]);
                hits += sp == 0 ? 0.5 : (sp == Math.signum(y[i]) ? 1 : 0);
            }
        }
        // a constant prediction (or label) has no information: IC 0, as in the training report
        double ic = spp > 0 && syy > 0 ? spy / Math.sqrt(spp * syy) : 0;
        return new double[] {ic, directional > 0 ? hits / directional : Double.NaN, se / n};
    }
}
