package io.rrralgorithms.models.training;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which model to train, beside the MLP's hyperparameters ({@link MlpConfig}).
 *
 * @param kind {@code auto} (ridge, shrunk ridge, MLP and TCN, the one with the highest validation IC
 *     kept), {@code mlp}, {@code ridge}, {@code shrunk} or {@code tcn}
 * @param window rows of history a TCN sees (its receptive field; MLP and ridge see the row alone);
 *     with {@code auto} or {@code tcn} every model is evaluated on the rows that have this much
 *     history
 * @param channels the TCN's channels per layer
 * @param ridgeLambdas the ridge penalties tried (× rows), the one with the lowest validation MSE kept
 *     (the shrunk ridge tries them and ∞)
 * @param perInstrument per-instrument z-scores before the graph ({@link InstrumentNormalization})
 */
public record ModelConfig(String kind, int window, int channels, double[] ridgeLambdas, boolean perInstrument) {
    public static final List<String> KINDS = List.of("auto", "mlp", "ridge", "shrunk", "tcn");
    /**
     * The shrunk ridge's prior: the composite of this many train inputs with the largest |IC|. Fixed
     * before any walk-forward run (not tuned on a test window).
     */
    public static final int PRIOR_INPUTS = 5;

    public ModelConfig {
        kind = kind.toLowerCase(Locale.ROOT);
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("--model must be one of " + KINDS + ": " + kind);
        }
        if (window < 1 || channels < 1 || ridgeLambdas.length == 0) {
            throw new IllegalArgumentException("--sequence-window and --tcn-channels must be positive and --ridge-lambdas "
                    + "non-empty: " + window + ", " + channels + ", " + Arrays.toString(ridgeLambdas));
        }
    }

    /** Spec v1's model: the MLP on the raw row, normalized in the graph only (as before spec v2). */
    public static ModelConfig v1() {
        return new ModelConfig("mlp", 1, 8, new double[] {1.0}, false);
    }

    /** Spec v2's default: all three chosen on validation, a TCN over 10 rows of 8 channels, per-instrument z-scores. */
    public static ModelConfig v2() {
        return new ModelConfig("auto", 10, 8, new double[] {0.01, 0.1, 1, 10, 100}, true);
    }

    /** The history length the labeler must keep: the TCN's window where a TCN is trained, else 1. */
    public int historyLength() {
        return kind.equals("auto") || kind.equals("tcn") ? window : 1;
    }

    public List<String> candidates() {
        return kind.equals("auto") ? List.of("ridge", "shrunk", "mlp", "tcn") : List.of(kind);
    }
}
