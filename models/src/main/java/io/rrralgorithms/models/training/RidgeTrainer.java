package io.rrralgorithms.models.training;

import io.rrralgorithms.models.spec.FeatureSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.RewriterConfig;
import org.tensorflow.types.TFloat32;

/**
 * A linear (ridge) model in closed form: on the train slice's inputs, z-scored and clipped like the
 * MLP's, and the standardized label, β = (XᵀX + λ·n·I)⁻¹ Xᵀy with an unpenalized intercept, for
 * each λ of the grid; the λ with the lowest validation MSE is kept (validation only, never the
 * test slice). The result is the same kind of graph as the MLP's (input {@code features}, the
 * normalization, one matMul, the label de-scaling; β and the intercept are variables), so it is
 * exported and scored the same way. Deterministic: no randomness at all.
 *
 * <p>{@link #shrunk} ({@code shrunk}) is the same closed form with two changes for small, heavy-tailed
 * train sets, every choice made on the train slice: the label is standardized <b>per
 * instrument</b> ({@link InstrumentNormalization#withLabelScaling}; the graph de-scales with the
 * instrument's own mean and std, fed as two input columns), and β is shrunk toward a prior instead of
 * 0: β = (XᵀX + λ·n·I)⁻¹ (Xᵀy + λ·n·β₀), where β₀ is the equal-weight composite of the
 * {@code priorInputs} inputs with the largest |IC| on the train rows (each with the sign of its IC,
 * the composite's scale by least squares on train). The grid is the ridge's λs plus λ = ∞ (the
 * composite alone); the lowest validation MSE is kept.
 */
public final class RidgeTrainer {
    private final double[] lambdas;
    private final InstrumentNormalization normalization;
    /** 0: the plain ridge; otherwise the shrunk one's prior size. */
    private final int priorInputs;
    private int[] priorColumns = new int[0];

    public RidgeTrainer(double[] lambdas, InstrumentNormalization normalization) {
        this(lambdas, normalization, 0);
    }

    private RidgeTrainer(double[] lambdas, InstrumentNormalization normalization, int priorInputs) {
        this.lambdas = lambdas.clone();
        this.normalization = normalization;
        this.priorInputs = priorInputs;
    }

    /**
     * The shrunk ridge ({@code shrunk}): per-instrument standardized labels, shrunk toward the
     * composite of the train slice's {@code priorInputs} strongest inputs; needs per-instrument
     * normalization (spec v2).
     */
    public static RidgeTrainer shrunk(double[] lambdas, InstrumentNormalization normalization, int priorInputs) {
        if (normalization == null || priorInputs < 1) {
            throw new IllegalArgumentException("the shrunk ridge needs per-instrument normalization (spec v2) and at "
                    + "least one prior input: " + priorInputs);
        }
        return new RidgeTrainer(lambdas, normalization, priorInputs);
    }

    public TrainedModel train(List<LabeledRow> train, List<LabeledRow> validation) {
        if (train.isEmpty() || validation.isEmpty()) {
            throw new IllegalArgumentException("empty train (" + train.size() + ") or validation ("
                    + validation.size() + ") slice");
        }
        long started = System.nanoTime();
        boolean shrunk = priorInputs > 0;
        // the label scaling is fitted on the train rows only, like the input normalization
        InstrumentNormalization norm = shrunk ? normalization.withLabelScaling(train) : normalization;
        float[][] xTrain = train.stream().map(r -> TrainedModel.inputOf(r, norm, 1)).toArray(float[][]::new);
        float[][] xVal = validation.stream().map(r -> TrainedModel.inputOf(r, norm, 1)).toArray(float[][]::new);
        int extra = norm == null ? 0 : norm.extraColumns();
        int n = xTrain[0].length - extra;
        float[] mean = new float[n];
        float[] std = new float[n];
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (float[] x : xTrain) {
                s += x[j];
            }
            double m = s / xTrain.length;
            double ss = 0;
            for (float[] x : xTrain) {
                ss += (x[j] - m) * (x[j] - m);
            }
            double sd = Math.sqrt(ss / xTrain.length);
            mean[j] = (float) m;
            std[j] = sd > 1e-9 ? (float) sd : 1f;
        }
        // label scale per row: the instrument's train mean and std (shrunk), or the train slice's
        double lm = train.stream().mapToDouble(LabeledRow::label).average().orElse(0);
        double lsd = Math.sqrt(train.stream().mapToDouble(r -> (r.label() - lm) * (r.label() - lm)).average().orElse(0));
        float labelMean = shrunk ? 0f : (float) lm;
        float labelStd = shrunk ? 1f : lsd > 0 ? (float) lsd : 1f;
        double[][] z = standardize(xTrain, n, mean, std);
        double[] y = new double[train.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = (train.get(i).label() - offset(xTrain[i], n, labelMean)) / scale(xTrain[i], n, labelStd);
        }
        double[][] zVal = standardize(xVal, n, mean, std);
        double[] prior = shrunk ? prior(z, y) : null;
        double[] grid = shrunk ? Arrays.copyOf(lambdas, lambdas.length + 1) : lambdas;
        if (shrunk) {
            grid[lambdas.length] = Double.POSITIVE_INFINITY;
        }
        double bestMse = Double.POSITIVE_INFINITY;
        double[] best = null;
        int bestIndex = 0;
        List<Double> valMse = new ArrayList<>();
        for (int k = 0; k < grid.length; k++) {
            double[] beta = solve(z, y, grid[k] * z.length, prior);
            double se = 0;
            for (int i = 0; i < zVal.length; i++) {
                double p = predict(beta, zVal[i]) * scale(xVal[i], n, labelStd) + offset(xVal[i], n, labelMean);
                double e = p - validation.get(i).label();
                se += e * e;
            }
            double mse = se / zVal.length;
            valMse.add(mse);
            if (mse < bestMse) {
                bestMse = mse;
                best = beta;
                bestIndex = k;
            }
        }
        float[][] w = new float[n][1];
        for (int j = 0; j < n; j++) {
            w[j][0] = (float) best[j];
        }
        float[] b = {(float) best[n]};
        TrainingHistory history = new TrainingHistory(grid.length, bestIndex + 1, bestMse, List.of(), valMse);
        TrainedModel model = graph(n, extra, mean, std, w, b, labelMean, labelStd, history);
        return model.describedAs(shrunk ? "shrunk" : "ridge", 1, norm, (System.nanoTime() - started) / 1e9);
    }

    /** A row's label offset: its instrument's label mean (the label columns) where there are any, else m. */
    private static double offset(float[] x, int n, float m) {
        return x.length > n ? x[n] : m;
    }

    private static double scale(float[] x, int n, float s) {
        return x.length > n ? x[n + 1] : s;
    }

    /**
     * β₀: the equal-weight, IC-signed composite of the {@code priorInputs} columns with the largest
     * |Pearson IC| against the standardized train label (constant columns never), scaled by least
     * squares on train. Remembers the chosen columns ({@link #priorColumns}).
     */
    private double[] prior(double[][] z, double[] y) {
        int n = z[0].length;
        double[] ic = new double[n];
        double[] col = new double[z.length];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < z.length; i++) {
                col[i] = z[i][j];
            }
            double c = Evaluation.pearson(col, y);
            ic[j] = Double.isNaN(c) ? 0 : c;
        }
        Integer[] order = new Integer[n];
        for (int j = 0; j < n; j++) {
            order[j] = j;
        }
        // by |IC|, ties to the earlier input: deterministic
        Arrays.sort(order, (a, c) -> Double.compare(Math.abs(ic[c]), Math.abs(ic[a])));
        int k = (int) Arrays.stream(order).limit(priorInputs).filter(j -> ic[j] != 0).count();
        priorColumns = Arrays.stream(order).limit(k).mapToInt(Integer::intValue).toArray();
        double[] composite = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            for (int j : priorColumns) {
                composite[i] += Math.signum(ic[j]) * z[i][j] / Math.max(k, 1);
            }
        }
        double cm = Arrays.stream(composite).average().orElse(0);
        double ym = Arrays.stream(y).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < z.length; i++) {
            sxy += (composite[i] - cm) * (y[i] - ym);
            sxx += (composite[i] - cm) * (composite[i] - cm);
        }
        double a = sxx > 0 ? sxy / sxx : 0;
        double[] beta0 = new double[n];
        for (int j : priorColumns) {
            beta0[j] = a * Math.signum(ic[j]) / Math.max(k, 1);
        }
        return beta0;
    }

    /** The inputs of the last {@link #shrunk} model's prior (spec input indices), strongest first. */
    public int[] priorColumns() {
        return priorColumns.clone();
    }

    /** The λ (× rows) of the grid that was kept (∞: the shrunk ridge's prior alone). */
    public double lambdaOf(TrainedModel model) {
        int k = model.history().bestEpoch() - 1;
        return k < lambdas.length ? lambdas[k] : Double.POSITIVE_INFINITY;
    }

    /** The first n columns of each row (the label columns are not inputs), z-scored and clipped. */
    private static double[][] standardize(float[][] x, int n, float[] mean, float[] std) {
        float clip = (float) FeatureSpec.CLIP;
        double[][] z = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            z[i] = new double[n];
            for (int j = 0; j < n; j++) {
                // float arithmetic, as the graph does it
                z[i][j] = Math.max(-clip, Math.min(clip, (x[i][j] - mean[j]) / std[j]));
            }
        }
        return z;
    }

    private static double predict(double[] beta, double[] z) {
        double p = beta[z.length];
        for (int j = 0; j < z.length; j++) {
            p += beta[j] * z[j];
        }
        return p;
    }

    /** (ZᵀZ + λI)β = Zᵀy with a last, unpenalized intercept column, by Gaussian elimination with pivoting. */
    static double[] solve(double[][] z, double[] y, double lambda) {
        return solve(z, y, lambda, null);
    }

    /**
     * (ZᵀZ + λI)β = Zᵀy + λβ₀: the ridge shrunk toward {@code prior} (null: 0); λ = ∞ gives β₀ and
     * the intercept that fits the mean.
     */
    static double[] solve(double[][] z, double[] y, double lambda, double[] prior) {
        if (Double.isInfinite(lambda)) {
            double[] beta = Arrays.copyOf(prior, prior.length + 1);
            double r = 0;
            for (int i = 0; i < z.length; i++) {
                r += y[i] - predict(beta, z[i]);
            }
            beta[prior.length] = r / z.length;
            return beta;
        }
        int n = z[0].length + 1;
        double[][] a = new double[n][n + 1];
        for (int i = 0; i < z.length; i++) {
            double[] row = z[i];
            for (int p = 0; p < n; p++) {
                double xp = p < n - 1 ? row[p] : 1.0;
                for (int q = 0; q < n; q++) {
                    a[p][q] += xp * (q < n - 1 ? row[q] : 1.0);
                }
                a[p][n] += xp * y[i];
            }
        }
        for (int p = 0; p < n - 1; p++) {
            a[p][p] += lambda;
            if (prior != null) {
                a[p][n] += lambda * prior[p];
            }
        }
        for (int c = 0; c < n; c++) {
            int piv = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) {
                    piv = r;
                }
            }
            double[] t = a[c];
            a[c] = a[piv];
            a[piv] = t;
            if (Math.abs(a[c][c]) < 1e-12) {
                a[c][c] = 1e-12; // a constant column (already 0 after z-scoring): its weight stays 0
            }
            for (int r = 0; r < n; r++) {
                if (r != c) {
                    double f = a[r][c] / a[c][c];
                    if (f != 0) {
                        for (int k = c; k <= n; k++) {
                            a[r][k] -= f * a[c][k];
                        }
                    }
                }
            }
        }
        double[] beta = new double[n];
        for (int i = 0; i < n; i++) {
            beta[i] = a[i][n] / a[i][i];
        }
        return beta;
    }

    /**
     * @param extra 0, or 2: the input's last two columns are the row's label mean and std (label
     *     scaling), which de-scale the output instead of the constants
     */
    private static TrainedModel graph(int n, int extra, float[] mean, float[] std, float[][] w, float[] b,
            float labelMean, float labelStd, TrainingHistory history) {
        Graph g = new Graph();
        Session session = null;
        try {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> x = tf.withName("features").placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(-1, n + extra)));
            Operand<TFloat32> inputs = extra == 0 ? x : columns(tf, x, 0, n);
            float clip = (float) FeatureSpec.CLIP;
            Operand<TFloat32> h = tf.withName("normalized").clipByValue(
                    tf.math.div(tf.math.sub(inputs, tf.constant(mean)), tf.constant(std)),
                    tf.constant(-clip), tf.constant(clip));
            Variable<TFloat32> wv = tf.withName("w0").variable(tf.constant(w));
            Variable<TFloat32> bv = tf.withName("b0").variable(tf.constant(b));
            Operand<TFloat32> standardized = tf.math.add(tf.linalg.matMul(h, wv), bv);
            Operand<TFloat32> sd = extra == 0 ? tf.constant(labelStd) : columns(tf, x, n + 1, 1);
            Operand<TFloat32> mu = extra == 0 ? tf.constant(labelMean) : columns(tf, x, n, 1);
            Operand<TFloat32> score = tf.withName("score").math.add(tf.math.mul(standardized, sd), mu);
            ConfigProto single = ConfigProto.newBuilder().setIntraOpParallelismThreads(1)
                    .setInterOpParallelismThreads(1).setUsePerSessionThreads(true)
                    .setGraphOptions(GraphOptions.newBuilder().setRewriteOptions(
                            RewriterConfig.newBuilder().setDisableMetaOptimizer(true)))
                    .build();
            session = new Session(g, single);
            session.initialize();
            float[] flat = new float[n];
            for (int j = 0; j < n; j++) {
                flat[j] = w[j][0];
            }
            return new TrainedModel(g, session, x, score, n + extra, mean, std, List.of(flat, b), history);
        } catch (RuntimeException e) {
            if (session != null) {
                session.close();
            }
            g.close();
            throw e;
        }
    }

    /** Columns [from, from + count) of a [batch, width] input. */
    private static Operand<TFloat32> columns(Ops tf, Operand<TFloat32> x, int from, int count) {
        return tf.slice(x, tf.constant(new int[] {0, from}), tf.constant(new int[] {-1, count}));
    }
}
