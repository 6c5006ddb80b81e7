package io.rrralgorithms.models.scoring;

import io.rrralgorithms.models.registry.ModelMetadata;
import io.rrralgorithms.models.spec.CrossInstrumentInputs;
import io.rrralgorithms.models.spec.FeatureSpec;
import io.rrralgorithms.models.spec.FeatureValues;
import io.rrralgorithms.models.training.InstrumentNormalization;
import io.rrralgorithms.models.training.LabeledRow;
import io.rrralgorithms.models.training.TrainedModel;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns a stream of feature rows into one model's graph inputs, as training did: the spec's raw
 * vector (with the cross-instrument inputs of the rows seen before), the per-instrument z-scores
 * stored in the model, and the model's window of the instrument's latest scorable rows, oldest
 * first. Feed every row in event-time order (per instrument; across instruments, earlier seconds
 * first). Stateful and not checkpointed: after a restart or a model swap, an instrument's first
 * window − 1 rows (and the cross-instrument inputs of the first second) are not available yet.
 */
public final class ModelInputs {
    private final FeatureSpec spec;
    private final InstrumentNormalization normalization;
    private final int window;
    private final CrossInstrumentInputs cross = new CrossInstrumentInputs();
    private final Map<String, ArrayDeque<float[]>> histories = new HashMap<>();

    public ModelInputs(FeatureSpec spec, InstrumentNormalization normalization, int window) {
        this.spec = spec;
        this.normalization = normalization;
        this.window = window;
    }

    /** The inputs of a loaded model (spec v1 models: raw rows, one at a time). */
    public static ModelInputs of(FeatureSpec spec, ModelMetadata m) {
        InstrumentNormalization norm = m.instrumentMean == null ? null
                : new InstrumentNormalization(m.instrumentMean, m.instrumentStd, m.instrumentLabelMean,
                        m.instrumentLabelStd);
        return new ModelInputs(spec, norm, m.window == null ? 1 : m.window);
    }

    /** Graph input width: the spec's inputs × the window (and the label columns of a label-scaled model). */
    public int width() {
        return spec.size() * window + (normalization == null ? 0 : normalization.extraColumns());
    }

    public int window() {
        return window;
    }

    /** The graph input of a labeled row (its history holds at least the window), as in training. */
    public float[] inputOf(LabeledRow r) {
        return TrainedModel.inputOf(r, normalization, window);
    }

    /**
     * The graph input of this row, or null when it cannot be scored: some input is undefined (no
     * valid book), or the instrument has fewer than window scorable rows so far.
     */
    public float[] next(String instrument, long timeMs, FeatureValues row) {
        FeatureValues values = cross.with(instrument, timeMs, row);
        cross.record(instrument, timeMs, row);
        float[] x = spec.vector(values);
        if (x == null) {
            return null;
        }
        float[] z = normalization == null ? x : normalization.apply(instrument, x);
        if (window == 1) {
            return normalization == null ? z : normalization.withLabelColumns(instrument, z);
        }
        ArrayDeque<float[]> h = histories.computeIfAbsent(instrument, k -> new ArrayDeque<>());
        h.addLast(z);
        if (h.size() > window) {
            h.removeFirst();
        }
        if (h.size() < window) {
            return null;
        }
        int n = z.length;
        float[] out = new float[window * n];
        int k = 0;
        for (float[] v : h) {
            System.arraycopy(v, 0, out, k++ * n, n);
        }
        return normalization == null ? out : normalization.withLabelColumns(instrument, out);
    }
}
