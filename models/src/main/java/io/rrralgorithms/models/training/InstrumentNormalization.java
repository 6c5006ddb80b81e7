package io.rrralgorithms.models.training;

import io.rrralgorithms.models.spec.FeatureSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-instrument z-scores of the raw spec inputs, fitted on the train slice: (x − mean) / std of
 * that instrument's train rows, clipped to ±{@link FeatureSpec#CLIP}. An instrument the model was
 * not trained on gets the z-score of all train rows pooled ({@link #POOLED}). Stored in the model's
 * metadata and applied before the graph (the graph's own normalization then sees inputs that are
 * already on one scale for every instrument): tick size, price level and lot size no longer tell
 * instruments apart.
 *
 * <p>Optionally also the label's mean and standard deviation per instrument on the train slice
 * ({@link #withLabelScaling}): a model fitted on per-instrument standardized labels gets them as
 * two extra graph input columns after the window's inputs and de-scales its output with them, so
 * its scores are in each instrument's own label units (the shared captures' labels differ about
 * 3× in spread between spot and USDⓈ-M).
 */
public final class InstrumentNormalization {
    public static final String POOLED = "*";

    private final Map<String, float[]> mean;
    private final Map<String, float[]> std;
    private final Map<String, Float> labelMean;
    private final Map<String, Float> labelStd;

    public InstrumentNormalization(Map<String, float[]> mean, Map<String, float[]> std) {
        this(mean, std, null, null);
    }

    /** @param labelMean with {@code labelStd}: per-instrument label scaling, or both null */
    public InstrumentNormalization(Map<String, float[]> mean, Map<String, float[]> std, Map<String, Float> labelMean,
            Map<String, Float> labelStd) {
        if (!mean.keySet().equals(std.keySet()) || !mean.containsKey(POOLED)) {
            throw new IllegalArgumentException("normalization needs the same instruments for mean and std, and "
                    + POOLED + ": " + mean.keySet() + " vs " + std.keySet());
        }
        if ((labelMean == null) != (labelStd == null)
                || labelMean != null && (!labelMean.keySet().equals(mean.keySet())
                        || !labelStd.keySet().equals(mean.keySet()))) {
            throw new IllegalArgumentException("label scaling needs a mean and a std for every instrument of the "
                    + "normalization: " + mean.keySet() + " vs " + (labelMean == null ? null : labelMean.keySet()));
        }
        this.mean = new TreeMap<>(mean);
        this.std = new TreeMap<>(std);
        this.labelMean = labelMean == null ? null : new TreeMap<>(labelMean);
        this.labelStd = labelStd == null ? null : new TreeMap<>(labelStd);
    }

    /** Fits on the rows' raw inputs, per instrument and pooled. */
    public static InstrumentNormalization fit(List<LabeledRow> train) {
        if (train.isEmpty()) {
            throw new IllegalArgumentException("no train rows to fit the normalization on");
        }
        Map<String, List<float[]>> by = new HashMap<>();
        for (LabeledRow r : train) {
            by.computeIfAbsent(r.instrument(), k -> new ArrayList<>()).add(r.inputs());
        }
        by.put(POOLED, train.stream().map(LabeledRow::inputs).toList());
        Map<String, float[]> mean = new TreeMap<>();
        Map<String, float[]> std = new TreeMap<>();
        for (var e : by.entrySet()) {
            List<float[]> xs = e.getValue();
            int n = xs.get(0).length;
            float[] m = new float[n];
            float[] s = new float[n];
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (float[] x : xs) {
                    sum += x[j];
                }
                double mu = sum / xs.size();
                double ss = 0;
                for (float[] x : xs) {
                    ss += (x[j] - mu) * (x[j] - mu);
                }
                double sd = Math.sqrt(ss / xs.size());
                m[j] = (float) mu;
                s[j] = sd > 1e-9 ? (float) sd : 1f; // a constant input passes as 0
            }
            mean.put(e.getKey(), m);
            std.put(e.getKey(), s);
        }
        return new InstrumentNormalization(mean, std);
    }

    /**
     * A copy that also scales labels per instrument: the mean and standard deviation of the labels
     * of {@code train} (the train slice only), per instrument and pooled ({@link #POOLED}).
     */
    public InstrumentNormalization withLabelScaling(List<LabeledRow> train) {
        Map<String, List<Double>> by = new HashMap<>();
        for (LabeledRow r : train) {
            by.computeIfAbsent(r.instrument(), k -> new ArrayList<>()).add(r.label());
            by.computeIfAbsent(POOLED, k -> new ArrayList<>()).add(r.label());
        }
        if (!by.keySet().equals(mean.keySet())) {
            throw new IllegalArgumentException("label scaling must be fitted on the normalization's train rows: "
                    + by.keySet() + " vs " + mean.keySet());
        }
        Map<String, Float> lm = new TreeMap<>();
        Map<String, Float> ls = new TreeMap<>();
        for (var e : by.entrySet()) {
            double mu = e.getValue().stream().mapToDouble(Double::doubleValue).average().orElse(0);
            double ss = e.getValue().stream().mapToDouble(y -> (y - mu) * (y - mu)).sum();
            double sd = Math.sqrt(ss / e.getValue().size());
            lm.put(e.getKey(), (float) mu);
            ls.put(e.getKey(), sd > 0 ? (float) sd : 1f);
        }
        return new InstrumentNormalization(mean, std, lm, ls);
    }

    /** Whether the model input ends with the instrument's label mean and std ({@link #withLabelScaling}). */
    public boolean labelScaled() {
        return labelMean != null;
    }

    /** Graph input columns after the window's inputs: 2 with label scaling (mean, std), else 0. */
    public int extraColumns() {
        return labelScaled() ? 2 : 0;
    }

    /** {@code x} followed by the instrument's label mean and std where this scales labels, else x itself. */
    public float[] withLabelColumns(String instrument, float[] x) {
        if (!labelScaled()) {
            return x;
        }
        float[] out = Arrays.copyOf(x, x.length + 2);
        out[x.length] = labelMean.getOrDefault(instrument, labelMean.get(POOLED));
        out[x.length + 1] = labelStd.getOrDefault(instrument, labelStd.get(POOLED));
        return out;
    }

    /** The z-scored, clipped copy of {@code raw} for {@code instrument}. */
    public float[] apply(String instrument, float[] raw) {
        float[] m = mean.getOrDefault(instrument, mean.get(POOLED));
        float[] s = std.getOrDefault(instrument, std.get(POOLED));
        float clip = (float) FeatureSpec.CLIP;
        float[] z = new float[raw.length];
        for (int j = 0; j < raw.length; j++) {
            z[j] = Math.max(-clip, Math.min(clip, (raw[j] - m[j]) / s[j]));
        }
        return z;
    }

    /**
     * The model input of a row: its last {@code window} history vectors, each normalized, oldest
     * first, flattened (then the label columns of {@link #withLabelColumns}); null when the row's
     * history is shorter.
     */
    public float[] modelInput(LabeledRow r, int window) {
        float[][] h = r.history();
        if (h.length < window) {
            return null;
        }
        int n = r.inputs().length;
        float[] out = new float[window * n];
        for (int k = 0; k < window; k++) {
            System.arraycopy(apply(r.instrument(), h[h.length - window + k]), 0, out, k * n, n);
        }
        return withLabelColumns(r.instrument(), out);
    }

    public Map<String, float[]> mean() {
        return mean;
    }

    public Map<String, float[]> std() {
        return std;
    }

    /** Per-instrument label means, or null without label scaling. */
    public Map<String, Float> labelMean() {
        return labelMean;
    }

    public Map<String, Float> labelStd() {
        return labelStd;
    }
}
