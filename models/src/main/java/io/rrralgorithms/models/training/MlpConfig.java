package io.rrralgorithms.models.training;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hyperparameters of the MLP and its training.
 *
 * @param hidden hidden layer widths, e.g. {32, 16}
 * @param epochs maximum epochs
 * @param patience epochs without a validation improvement before stopping
 * @param learningRate Adam learning rate
 * @param batchSize mini-batch size
 * @param l2 L2 penalty on the weight matrices (0 for none)
 * @param seed seeds the weight initialization and the mini-batch order
 */
public record MlpConfig(int[] hidden, int epochs, int patience, float learningRate, int batchSize, float l2,
        long seed) {
    public static MlpConfig defaults() {
        return new MlpConfig(new int[] {32, 16}, 200, 10, 1e-3f, 64, 1e-4f, 42L);
    }

    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", "mlp");
        m.put("hidden", Arrays.toString(hidden));
        m.put("epochs", epochs);
        m.put("patience", patience);
        m.put("learningRate", learningRate);
        m.put("batchSize", batchSize);
        m.put("l2", l2);
        m.put("seed", seed);
        m.put("optimizer", "adam");
        m.put("loss", "mse on label / train label std");
        return m;
    }
}
