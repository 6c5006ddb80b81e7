package io.rrralgorithms.models.training;

import io.rrralgorithms.models.spec.FeatureSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.framework.optimizers.Adam;
import org.tensorflow.framework.optimizers.Optimizer;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Assign;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.RewriterConfig;
import org.tensorflow.types.TFloat32;

/**
 * Trains an MLP in a TensorFlow Java graph: raw inputs → (x - mean) / std clipped to
 * ±{@link FeatureSpec#CLIP} (mean and std of the train slice, constants of the graph) → Dense +
 * ReLU per hidden layer → Dense(1) → × label std + label mean (so the graph outputs log returns).
 * Loss: MSE on the standardized label plus L2 on the weight matrices. The gradients come from the
 * graph (tensorflow-framework's {@code Optimizer.computeGradients}); the Adam update (default betas
 * and epsilon of the framework's {@code Adam}) is applied in Java and written back with assign ops
 * in a separate session step, because the framework's in-graph update of ref variables races with
 * the reads of the same step and made two trainings with the same seed differ. Mini-batches come in
 * an order drawn from {@code Random(seed)} each epoch, within the train slice only. Weights start
 * from Glorot uniform drawn in Java from {@code Random(seed)}, biases at zero, and the session runs
 * on one thread with Grappler off, so the same data and seed give the same weights bit for bit
 * (checked by the tests). Early stopping: after each epoch the validation MSE is computed; training
 * stops after {@code patience} epochs without
 * improvement and the best epoch's weights are assigned back.
 */
public final class MlpTrainer {
    private final MlpConfig config;
    private final String architecture;
    private final int window;
    private final int channels;
    private final InstrumentNormalization normalization;

    public MlpTrainer(MlpConfig config) {
        this(config, "mlp", 1, 1, null);
    }

    /**
     * @param architecture {@code mlp} (on the row's inputs; {@code window} must be 1) or {@code tcn}
     *     (a temporal convolution over the last {@code window} rows, {@link #temporalConvolution})
     * @param normalization per-instrument z-scores applied before the graph, or null (raw inputs)
     */
    public MlpTrainer(MlpConfig config, String architecture, int window, int channels,
            InstrumentNormalization normalization) {
        if (!architecture.equals("mlp") && !architecture.equals("tcn")) {
            throw new IllegalArgumentException("architecture mlp or tcn: " + architecture);
        }
        this.config = config;
        this.architecture = architecture;
        this.window = window;
        this.channels = channels;
        this.normalization = normalization;
    }

    @SuppressWarnings("unchecked") // the one-element array of the L2 term the layer builders add to
    public TrainedModel train(List<LabeledRow> train, List<LabeledRow> validation) {
        if (train.isEmpty() || validation.isEmpty()) {
            throw new IllegalArgumentException("empty train (" + train.size() + ") or validation ("
                    + validation.size() + ") slice");
        }
        long started = System.nanoTime();
        int rowWidth = train.get(0).inputs().length;
        int n = rowWidth * window;
        float[][] xTrain = train.stream().map(r -> TrainedModel.inputOf(r, normalization, window))
                .toArray(float[][]::new);
        float[][] xVal = validation.stream().map(r -> TrainedModel.inputOf(r, normalization, window))
                .toArray(float[][]::new);
        double[] yVal = validation.stream().mapToDouble(LabeledRow::label).toArray();

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
            std[j] = sd > 1e-9 ? (float) sd : 1f; // a constant input passes as 0
        }
        double lm = train.stream().mapToDouble(LabeledRow::label).average().orElse(0);
        double lsd = Math.sqrt(train.stream().mapToDouble(r -> (r.label() - lm) * (r.label() - lm)).average().orElse(0));
        float labelMean = (float) lm;
        float labelStd = lsd > 0 ? (float) lsd : 1f;
        float[] yTrain = new float[train.size()];
        for (int i = 0; i < yTrain.length; i++) {
            yTrain[i] = (float) ((train.get(i).label() - labelMean) / labelStd);
        }

        Graph g = new Graph();
        Session session = null;
        try {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> x = tf.withName("features").placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(-1, n)));
            Placeholder<TFloat32> y = tf.withName("label").placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(-1, 1)));
            float clip = (float) FeatureSpec.CLIP;
            Operand<TFloat32> h = tf.withName("normalized").clipByValue(
                    tf.math.div(tf.math.sub(x, tf.constant(mean)), tf.constant(std)),
                    tf.constant(-clip), tf.constant(clip));

            Random init = new Random(config.seed());
            List<Variable<TFloat32>> vars = new ArrayList<>();
            List<int[]> shapes = new ArrayList<>();
            Operand<TFloat32>[] l2Holder = new Operand[] {tf.constant(0f)};
            if (architecture.equals("tcn")) {
                h = temporalConvolution(tf, h, rowWidth, init, vars, shapes, l2Holder);
            } else {
                int fanIn = n;
                int[] widths = new int[config.hidden().length + 1];
                System.arraycopy(config.hidden(), 0, widths, 0, config.hidden().length);
                widths[widths.length - 1] = 1;
                for (int layer = 0; layer < widths.length; layer++) {
                    int fanOut = widths[layer];
                    Variable<TFloat32> w = weight(tf, "w" + layer, glorot(init, fanIn, fanOut), vars, shapes,
                            l2Holder);
                    Variable<TFloat32> b = bias(tf, "b" + layer, fanOut, vars, shapes);
                    Operand<TFloat32> z = tf.math.add(tf.linalg.matMul(h, w), b);
                    h = layer < widths.length - 1 ? tf.nn.relu(z) : z;
                    fanIn = fanOut;
                }
            }
            Operand<TFloat32> l2 = l2Holder[0];
            Operand<TFloat32> standardized = h;
            Operand<TFloat32> score = tf.withName("score").math.add(
                    tf.math.mul(standardized, tf.constant(labelStd)), tf.constant(labelMean));
            // x * x, not Square: TensorFlow 2.x's C++ gradient of Square crashes (ConjugateHelper) from the C API
            Operand<TFloat32> err = tf.math.sub(standardized, y);
            Operand<TFloat32> mse = tf.math.mean(tf.math.mul(err, err), tf.constant(new int[] {0, 1}));
            Operand<TFloat32> loss = tf.math.add(mse, tf.math.mul(tf.constant(config.l2()), l2));

            List<Placeholder<TFloat32>> restoreIn = new ArrayList<>();
            List<Assign<TFloat32>> restore = new ArrayList<>();
            for (int k = 0; k < vars.size(); k++) {
                int[] s = shapes.get(k);
                Shape shape = s.length == 2 ? Shape.of(s[0], s[1]) : Shape.of(s[0]);
                Placeholder<TFloat32> p = tf.placeholder(TFloat32.class, Placeholder.shape(shape));
                restoreIn.add(p);
                restore.add(tf.assign(vars.get(k), p));
            }

            ConfigProto single = ConfigProto.newBuilder().setIntraOpParallelismThreads(1)
                    .setInterOpParallelismThreads(1).setUsePerSessionThreads(true)
                    .setGraphOptions(GraphOptions.newBuilder().setRewriteOptions(
                            RewriterConfig.newBuilder().setDisableMetaOptimizer(true)))
                    .build();
            session = new Session(g, single);
            // The network's variables first, then the optimizer's slots (built after, so their
            // initializers run in a second step: run together, their order is not defined)
            session.initialize();
            // Gradients from the graph (tf.gradients via the framework optimizer's computeGradients);
            // the Adam update itself is done here in Java and written back with assign ops in a
            // separate step. Updating ref variables inside the step that reads them (the framework's
            // applyGradients) races with those reads and makes training irreproducible.
            Adam adam = new Adam(g, config.learningRate());
            List<Optimizer.GradAndVar<?>> gradients = adam.computeGradients(loss);
            if (gradients.size() != vars.size()) {
                throw new IllegalStateException("expected gradients of " + vars.size() + " variables, got "
                        + gradients.size());
            }
            List<Integer> varOfGradient = new ArrayList<>();
            for (Optimizer.GradAndVar<?> gv : gradients) {
                int k = -1;
                for (int j = 0; j < vars.size(); j++) {
                    if (vars.get(j).asOutput().op().name().equals(gv.getVariable().op().name())) {
                        k = j;
                    }
                }
                varOfGradient.add(k);
            }

            Random order = new Random(config.seed() ^ 0x5DEECE66DL);
            int[] idx = new int[xTrain.length];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = i;
            }
            List<Double> trainLoss = new ArrayList<>();
            List<Double> valMse = new ArrayList<>();
            List<float[]> best = fetch(session, vars);
            List<float[]> current = fetch(session, vars);
            List<double[]> m1 = new ArrayList<>();
            List<double[]> m2 = new ArrayList<>();
            for (float[] w : current) {
                m1.add(new double[w.length]);
                m2.add(new double[w.length]);
            }
            long step = 0;
            double bestMse = Double.POSITIVE_INFINITY;
            int bestEpoch = 0;
            int since = 0;
            int epoch = 0;
            int bs = Math.max(1, config.batchSize());
            while (epoch < config.epochs()) {
                epoch++;
                shuffle(idx, order);
                double lossSum = 0;
                int batches = 0;
                for (int start = 0; start < idx.length; start += bs) {
                    int m = Math.min(bs, idx.length - start);
                    float[] xb = new float[m * n];
                    float[] yb = new float[m];
                    for (int i = 0; i < m; i++) {
                        int r = idx[start + i];
                        System.arraycopy(xTrain[r], 0, xb, i * n, n);
                        yb[i] = yTrain[r];
                    }
                    try (TFloat32 xt = TFloat32.tensorOf(Shape.of(m, n), DataBuffers.of(xb, true, false));
                            TFloat32 yt = TFloat32.tensorOf(Shape.of(m, 1), DataBuffers.of(yb, true, false))) {
                        Session.Runner run = session.runner().feed(x, xt).feed(y, yt).fetch(loss);
                        gradients.forEach(gv -> run.fetch(gv.getGradient()));
                        try (Result res = run.run()) {
                            lossSum += ((TFloat32) res.get(0)).getFloat();
                            batches++;
                            step++;
                            for (int k = 0; k < gradients.size(); k++) {
                                TFloat32 gt = (TFloat32) res.get(k + 1);
                                int vk = varOfGradient.get(k);
                                float[] grad = new float[current.get(vk).length];
                                gt.copyTo(DataBuffers.of(grad, false, false));
                                adamStep(current.get(vk), grad, m1.get(vk), m2.get(vk), step);
                            }
                        }
                    }
                    assign(session, vars, shapes, restoreIn, restore, current);
                }
                trainLoss.add(lossSum / batches);
                float[] pv = forward(session, x, score, xVal, n);
                double se = 0;
                for (int i = 0; i < pv.length; i++) {
                    se += (pv[i] - yVal[i]) * (pv[i] - yVal[i]);
                }
                double v = se / pv.length;
                valMse.add(v);
                if (v < bestMse) {
                    bestMse = v;
                    bestEpoch = epoch;
                    best = current.stream().map(float[]::clone).toList();
                    since = 0;
                } else if (++since >= config.patience()) {
                    break;
                }
            }
            assign(session, vars, shapes, restoreIn, restore, best);
            TrainingHistory history = new TrainingHistory(epoch, bestEpoch, bestMse, trainLoss, valMse);
            return new TrainedModel(g, session, x, score, n, mean, std, best, history)
                    .describedAs(architecture, window, normalization, (System.nanoTime() - started) / 1e9);
        } catch (RuntimeException e) {
            if (session != null) {
                session.close();
            }
            g.close();
            throw e;
        }
    }

    /**
     * A small temporal convolution network (Bai, Kolter and Koltun 2018) over the window's rows
     * (input: {@code window} rows of {@code rowWidth} inputs, oldest first, flattened): a causal
     * convolution of kernel 3 over the rows ({@code channels} channels, ReLU), a second one of
     * kernel 3 and dilation 2 over its outputs (ReLU), then a linear output from the last
     * position plus a linear skip from the newest row. The convolutions share their weights over
     * positions; each position's patch is taken with a constant 0/1 selection matrix (matMul only,
     * whose gradients the C API has), so no slicing op is needed. A window of fewer than 3 rows
     * uses a kernel as long as the window and no second layer.
     */
    private Operand<TFloat32> temporalConvolution(Ops tf, Operand<TFloat32> h, int rowWidth, Random init,
            List<Variable<TFloat32>> vars, List<int[]> shapes, Operand<TFloat32>[] l2) {
        int k1 = Math.min(3, window);
        int t1 = window - k1 + 1;
        Variable<TFloat32> w1 = weight(tf, "conv1_w", glorot(init, k1 * rowWidth, channels), vars, shapes, l2);
        Variable<TFloat32> b1 = bias(tf, "conv1_b", channels, vars, shapes);
        List<Operand<TFloat32>> layer1 = new ArrayList<>();
        for (int t = 0; t < t1; t++) {
            Operand<TFloat32> patch = tf.linalg.matMul(tf.constant(select(window, rowWidth, t, k1)), w1);
            layer1.add(tf.nn.relu(tf.math.add(tf.linalg.matMul(h, patch), b1)));
        }
        int dilation = 2;
        int k2 = 3;
        List<Operand<TFloat32>> top = layer1;
        if (t1 - dilation * (k2 - 1) >= 1) {
            int t2 = t1 - dilation * (k2 - 1);
            List<Variable<TFloat32>> w2 = new ArrayList<>();
            for (int j = 0; j < k2; j++) {
                w2.add(weight(tf, "conv2_w" + j, glorot(init, channels, channels), vars, shapes, l2));
            }
            Variable<TFloat32> b2 = bias(tf, "conv2_b", channels, vars, shapes);
            List<Operand<TFloat32>> layer2 = new ArrayList<>();
            for (int u = 0; u < t2; u++) {
                Operand<TFloat32> z = b2;
                for (int j = 0; j < k2; j++) {
                    z = tf.math.add(z, tf.linalg.matMul(layer1.get(u + dilation * j), w2.get(j)));
                }
                layer2.add(tf.nn.relu(z));
            }
            top = layer2;
        }
        Variable<TFloat32> wo = weight(tf, "out_w", glorot(init, channels, 1), vars, shapes, l2);
        Variable<TFloat32> ws = weight(tf, "skip_w", glorot(init, rowWidth, 1), vars, shapes, l2);
        Variable<TFloat32> bo = bias(tf, "out_b", 1, vars, shapes);
        Operand<TFloat32> newest = tf.linalg.matMul(tf.constant(select(window, rowWidth, window - 1, 1)), ws);
        return tf.math.add(tf.math.add(tf.linalg.matMul(top.get(top.size() - 1), wo), tf.linalg.matMul(h, newest)),
                bo);
    }

    /** The [window × rowWidth, k × rowWidth] 0/1 matrix that takes rows t .. t + k − 1 out of a flattened window. */
    private static float[][] select(int window, int rowWidth, int t, int k) {
        float[][] s = new float[window * rowWidth][k * rowWidth];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < rowWidth; i++) {
                s[(t + j) * rowWidth + i][j * rowWidth + i] = 1f;
            }
        }
        return s;
    }

    private static Variable<TFloat32> weight(Ops tf, String name, float[][] init, List<Variable<TFloat32>> vars,
            List<int[]> shapes, Operand<TFloat32>[] l2) {
        Variable<TFloat32> w = tf.withName(name).variable(tf.constant(init));
        vars.add(w);
        shapes.add(new int[] {init.length, init[0].length});
        l2[0] = tf.math.add(l2[0], tf.reduceSum(tf.math.mul(w, w), tf.constant(new int[] {0, 1})));
        return w;
    }

    private static Variable<TFloat32> bias(Ops tf, String name, int width, List<Variable<TFloat32>> vars,
            List<int[]> shapes) {
        Variable<TFloat32> b = tf.withName(name).variable(tf.constant(new float[width]));
        vars.add(b);
        shapes.add(new int[] {width});
        return b;
    }

    /** Adam (Kingma and Ba), bias-corrected, in double precision; updates {@code w} in place. */
    private void adamStep(float[] w, float[] g, double[] m, double[] v, long t) {
        double b1 = Adam.BETA_ONE_DEFAULT;
        double b2 = Adam.BETA_TWO_DEFAULT;
        double eps = Adam.EPSILON_DEFAULT;
        double lr = config.learningRate() * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t));
        for (int i = 0; i < w.length; i++) {
            m[i] = b1 * m[i] + (1 - b1) * g[i];
            v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
            w[i] = (float) (w[i] - lr * m[i] / (Math.sqrt(v[i]) + eps));
        }
    }

    private static void assign(Session session, List<Variable<TFloat32>> vars, List<int[]> shapes,
            List<Placeholder<TFloat32>> in, List<Assign<TFloat32>> ops, List<float[]> values) {
        Session.Runner r = session.runner();
        List<TFloat32> feeds = new ArrayList<>();
        try {
            for (int k = 0; k < vars.size(); k++) {
                int[] s = shapes.get(k);
                Shape shape = s.length == 2 ? Shape.of(s[0], s[1]) : Shape.of(s[0]);
                TFloat32 t = TFloat32.tensorOf(shape, DataBuffers.of(values.get(k), true, false));
                feeds.add(t);
                r.feed(in.get(k), t).addTarget(ops.get(k));
            }
            r.run().close();
        } finally {
            feeds.forEach(TFloat32::close);
        }
    }

    private static float[][] glorot(Random r, int fanIn, int fanOut) {
        double limit = Math.sqrt(6.0 / (fanIn + fanOut));
        float[][] w = new float[fanIn][fanOut];
        for (int i = 0; i < fanIn; i++) {
            for (int j = 0; j < fanOut; j++) {
                w[i][j] = (float) ((2 * r.nextDouble() - 1) * limit);
            }
        }
        return w;
    }

    private static void shuffle(int[] a, Random r) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static List<float[]> fetch(Session s, List<Variable<TFloat32>> vars) {
        Session.Runner r = s.runner();
        vars.forEach(r::fetch);
        List<float[]> out = new ArrayList<>();
        try (Result res = r.run()) {
            for (int k = 0; k < vars.size(); k++) {
                TFloat32 t = (TFloat32) res.get(k);
                float[] a = new float[(int) t.shape().size()];
                t.copyTo(DataBuffers.of(a, false, false));
                out.add(a);
            }
        }
        return out;
    }

    private static float[] forward(Session s, Operand<TFloat32> x, Operand<TFloat32> score, float[][] rows, int n) {
        float[] flat = new float[rows.length * n];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * n, n);
        }
        try (TFloat32 xt = TFloat32.tensorOf(Shape.of(rows.length, n), DataBuffers.of(flat, true, false));
                Result r = s.runner().feed(x, xt).fetch(score).run()) {
            TFloat32 t = (TFloat32) r.get(0);
            float[] out = new float[rows.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = t.getFloat(i, 0);
            }
            return out;
        }
    }
}
