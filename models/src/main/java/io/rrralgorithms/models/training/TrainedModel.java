package io.rrralgorithms.models.training;

import io.rrralgorithms.models.registry.ModelDirectory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * A trained network, in memory: its graph and session (the best weights restored), scoring raw
 * spec input vectors through the same graph that {@link ModelExporter} saves. The graph holds the
 * normalization ((x - mean) / std, clipped) and the label de-scaling, so {@link #score} takes raw
 * inputs and returns log returns.
 */
public final class TrainedModel implements AutoCloseable {
    private final Graph graph;
    private final Session session;
    private final Operand<TFloat32> input;
    private final Operand<TFloat32> output;
    private final int width;
    private final float[] inputMean;
    private final float[] inputStd;
    private final List<float[]> weights;
    private final TrainingHistory history;
    private String kind = "mlp";
    private int window = 1;
    private InstrumentNormalization normalization;
    private double trainSeconds;

    TrainedModel(Graph graph, Session session, Operand<TFloat32> input, Operand<TFloat32> output, int width,
            float[] inputMean, float[] inputStd, List<float[]> weights, TrainingHistory history) {
        this.graph = graph;
        this.session = session;
        this.input = input;
        this.output = output;
        this.width = width;
        this.inputMean = inputMean;
        this.inputStd = inputStd;
        this.weights = weights;
        this.history = history;
    }

    /** One score per row of raw spec inputs. */
    public float[] score(float[][] rows) {
        int n = rows.length;
        if (n == 0) {
            return new float[0];
        }
        float[] flat = new float[n * width];
        for (int i = 0; i < n; i++) {
            System.arraycopy(rows[i], 0, flat, i * width, width);
        }
        try (TFloat32 x = TFloat32.tensorOf(Shape.of(n, width), DataBuffers.of(flat, true, false));
                Result r = session.runner().feed(input, x).fetch(output).run()) {
            TFloat32 s = (TFloat32) r.get(0);
            float[] out = new float[n];
            for (int i = 0; i < n; i++) {
                out[i] = s.getFloat(i, 0);
            }
            return out;
        }
    }

    /** One score per labeled row: its model input ({@link #inputOf}) through the graph. */
    public float[] score(List<LabeledRow> rows) {
        return score(rows.stream().map(this::inputOf).toArray(float[][]::new));
    }

    /** The graph input of a row: its last {@link #window()} rows, per-instrument normalized where the model is. */
    public float[] inputOf(LabeledRow r) {
        return inputOf(r, normalization, window);
    }

    /** The graph input of a labeled row for a model with this normalization (null: none) and window. */
    public static float[] inputOf(LabeledRow r, InstrumentNormalization normalization, int window) {
        if (normalization != null) {
            float[] x = normalization.modelInput(r, window);
            if (x == null) {
                throw new IllegalArgumentException("row at " + r.timeMs() + " has less history than " + window);
            }
            return x;
        }
        if (window == 1) {
            return r.inputs();
        }
        int n = r.inputs().length;
        float[][] h = r.history();
        float[] out = new float[window * n];
        for (int k = 0; k < window; k++) {
            System.arraycopy(h[h.length - window + k], 0, out, k * n, n);
        }
        return out;
    }

    TrainedModel describedAs(String kind, int window, InstrumentNormalization normalization, double trainSeconds) {
        this.kind = kind;
        this.window = window;
        this.normalization = normalization;
        this.trainSeconds = trainSeconds;
        return this;
    }

    /** {@code mlp}, {@code ridge}, {@code shrunk} or {@code tcn}. */
    public String kind() {
        return kind;
    }

    public int window() {
        return window;
    }

    /** Per-instrument z-scores applied before the graph, or null (spec v1). */
    public InstrumentNormalization normalization() {
        return normalization;
    }

    /** Trainable parameters (every weight and bias). */
    public int parameters() {
        return weights.stream().mapToInt(w -> w.length).sum();
    }

    public double trainSeconds() {
        return trainSeconds;
    }

    /** The serving signature over this session: input {@code features}, output {@code score}. */
    public SessionFunction servingFunction() {
        Signature sig = Signature.builder().key(ModelDirectory.SIGNATURE)
                .input(ModelDirectory.INPUT, input).output(ModelDirectory.OUTPUT, output).build();
        return SessionFunction.create(sig, session);
    }

    public float[] inputMean() {
        return inputMean.clone();
    }

    public float[] inputStd() {
        return inputStd.clone();
    }

    public TrainingHistory history() {
        return history;
    }

    /**
     * First 8 hex digits of a SHA-256 over the normalization (per instrument too, and the label
     * scaling, where the model has them) and the (best) weights.
     */
    public String weightsHash() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            if (normalization != null) {
                for (var e : normalization.mean().entrySet()) {
                    md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                    update(md, e.getValue());
                    update(md, normalization.std().get(e.getKey()));
                    if (normalization.labelScaled()) {
                        update(md, new float[] {normalization.labelMean().get(e.getKey()),
                            normalization.labelStd().get(e.getKey())});
                    }
                }
            }
            update(md, inputMean);
            update(md, inputStd);
            for (float[] w : weights) {
                update(md, w);
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest md, float[] a) {
        ByteBuffer b = ByteBuffer.allocate(a.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : a) {
            b.putInt(Float.floatToRawIntBits(f));
        }
        md.update(b.array());
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
