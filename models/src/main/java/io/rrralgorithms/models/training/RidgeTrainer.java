package io.rrralgorithms.models.training;

import io.rrralgorithms.models.spec.FeatureSpec;
import java.util.ArrayList;
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
 */
public final class RidgeTrainer {
    private final double[] lambdas;
    private final InstrumentNormalization normalization;

    public RidgeTrainer(double[] lambdas, InstrumentNormalization normalization) {
        this.lambdas = lambdas.clone();
        this.normalization = normalization;
    }

    public TrainedModel train(List<LabeledRow> train, List<LabeledRow> validation) {
        if (train.isEmpty() || validation.isEmpty()) {
            throw new IllegalArgumentException("empty train (" + train.size() + ") or validation ("
                    + validation.size() + ") slice");
        }
        long started = System.nanoTime();
        float[][] xTrain = train.stream().map(r -> TrainedModel.inputOf(r, normalization, 1)).toArray(float[][]::new);
        float[][] xVal = validation.stream().map(r -> TrainedModel.inputOf(r, normalization, 1))
                .toArray(float[][]::new);
        int n = xTrain[0].length;
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
        double lm = train.stream().mapToDouble(LabeledRow::label).average().orElse(0);
        double lsd = Math.sqrt(train.stream().mapToDouble(r -> (r.label() - lm) * (r.label() - lm)).average().orElse(0));
        float labelMean = (float) lm;
        float labelStd = lsd > 0 ? (float) lsd : 1f;
        double[][] z = standardize(xTrain, mean, std);
        double[] y = new double[train.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = (train.get(i).label() - labelMean) / labelStd;
        }
        double[][] zVal = standardize(xVal, mean, std);
        double bestMse = Double.POSITIVE_INFINITY;
        double[] best = null;
        int bestIndex = 0;
        List<Double> valMse = new ArrayList<>();
        for (int k = 0; k < lambdas.length; k++) {
            double[] beta = solve(z, y, lambdas[k] * z.length);
            double se = 0;
            for (int i = 0; i < zVal.length; i++) {
                double p = predict(beta, zVal[i]) * labelStd + labelMean;
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
        TrainingHistory history = new TrainingHistory(lambdas.length, bestIndex + 1, bestMse, List.of(), valMse);
        TrainedModel model = graph(n, mean, std, w, b, labelMean, labelStd, history);
        return model.describedAs("ridge", 1, normalization, (System.nanoTime() - started) / 1e9);
    }

    /** The λ (× rows) of the grid that was kept. */
    public double lambdaOf(TrainedModel model) {
        return lambdas[model.history().bestEpoch() - 1];
    }

    private static double[][] standardize(float[][] x, float[] mean, float[] std) {
        float clip = (float) FeatureSpec.CLIP;
        double[][] z = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            z[i] = new double[x[i].length];
            for (int j = 0; j < x[i].length; j++) {
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

    private static TrainedModel graph(int n, float[] mean, float[] std, float[][] w, float[] b, float labelMean,
            float labelStd, TrainingHistory history) {
        Graph g = new Graph();
        Session session = null;
        try {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> x = tf.withName("features").placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(-1, n)));
            float clip = (float) FeatureSpec.CLIP;
            Operand<TFloat32> h = tf.withName("normalized").clipByValue(
                    tf.math.div(tf.math.sub(x, tf.constant(mean)), tf.constant(std)),
                    tf.constant(-clip), tf.constant(clip));
            Variable<TFloat32> wv = tf.withName("w0").variable(tf.constant(w));
            Variable<TFloat32> bv = tf.withName("b0").variable(tf.constant(b));
            Operand<TFloat32> standardized = tf.math.add(tf.linalg.matMul(h, wv), bv);
            Operand<TFloat32> score = tf.withName("score").math.add(
                    tf.math.mul(standardized, tf.constant(labelStd)), tf.constant(labelMean));
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
            return new TrainedModel(g, session, x, score, n, mean, std, List.of(flat, b), history);
        } catch (RuntimeException e) {
            if (session != null) {
                session.close();
            }
            g.close();
            throw e;
        }
    }
}
