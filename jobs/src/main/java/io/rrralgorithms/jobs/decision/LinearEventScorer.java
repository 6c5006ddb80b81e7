package io.rrralgorithms.jobs.decision;

import java.util.Arrays;
import java.util.List;

/**
 * score = bias + Σ weight_i × feature_i over the {@link EventFeatures} vector. Row by row, so a
 * row's score does not depend on which batch it is in. The default weights read the book's and the
 * trades' pressure: 0.4 × microprice imbalance + 0.4 × depth imbalance + 0.2 × trade flow, in [−1, 1].
 */
public final class LinearEventScorer implements EventScorer {
    public static final List<Double> DEFAULT_WEIGHTS = List.of(0.0, 0.4, 0.4, 0.0, 0.2, 0.0, 0.0);

    private final double[] weights;
    private final double bias;

    public LinearEventScorer(List<Double> weights, double bias) {
        if (weights.size() != EventFeatures.SIZE) {
            throw new IllegalArgumentException("the per-event scorer needs " + EventFeatures.SIZE + " weights ("
                    + String.join(", ", EventFeatures.NAMES) + "), got " + weights.size());
        }
        this.weights = weights.stream().mapToDouble(Double::doubleValue).toArray();
        for (double w : this.weights) {
            if (!Double.isFinite(w)) {
                throw new IllegalArgumentException("per-event scorer weights must be finite numbers");
            }
        }
        if (!Double.isFinite(bias)) {
            throw new IllegalArgumentException("the per-event scorer bias must be a finite number");
        }
        this.bias = bias;
    }

    @Override
    public void score(float[][] rows, int n, double[] scores) {
        for (int i = 0; i < n; i++) {
            double s = bias;
            float[] x = rows[i];
            for (int k = 0; k < weights.length; k++) {
                s += weights[k] * x[k];
            }
            scores[i] = s;
        }
    }

    @Override
    public String versionId() {
        return "linear" + Arrays.toString(weights).replace(" ", "") + (bias == 0 ? "" : "+" + bias);
    }
}
