package io.rrralgorithms.models.training;

import io.rrralgorithms.models.spec.FeatureSpec;
import java.util.ArrayList;
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
 */
public final class InstrumentNormalization {
    public static final String POOLED = "*";

    private final Map<String, float[]> mean;
    private final Map<String, float[]> std;

    public InstrumentNormalization(Map<String, float[]> mean, Map<String, float[]> std) {
        if (!mean.keySet().equals(std.keySet()) || !mean.containsKey(POOLED)) {
            throw new IllegalArgumentException("normalization needs the same instruments for mean and std, and "
                    + POOLED + ": " + mean.keySet() + " vs " + std.keySet());
        }
        this.mean = new TreeMap<>(mean);
        this.std = new TreeMap<>(std);
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
     * first, flattened; null when the row's history is shorter.
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
        return out;
    }

    public Map<String, float[]> mean() {
        return mean;
    }

    public Map<String, float[]> std() {
        return std;
    }
}
