package io.rrralgorithms.models.spec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The ordered model inputs, versioned. Each input is computed from columns of the
 * {@code features} table; normalization is a z-score with mean and standard deviation fitted
 * on the training slice (baked into the exported graph and recorded with the model), clipped
 * to ±{@link #CLIP}. A model records the {@link #id()} it was trained on; a scorer refuses a
 * model whose spec id differs.
 */
public final class FeatureSpec {
    public static final double CLIP = 5.0;

    /** One model input. */
    public record Input(String name, String definition, ToDoubleFunction<FeatureValues> compute) {}

    public static final FeatureSpec V1 = new FeatureSpec("v1", List.of(
            new Input("spread_bps", "spread / mid * 1e4", f -> f.value("spread") / f.value("mid") * 1e4),
            new Input("microprice_offset_bps", "(microprice - mid) / mid * 1e4",
                    f -> (f.value("microprice") - f.value("mid")) / f.value("mid") * 1e4),
            new Input("depth_imbalance", "depth_imbalance", f -> f.value("depth_imbalance")),
            new Input("ofi_1s_slog", "sign(ofi_1s) * ln(1 + |ofi_1s|)", f -> signedLog(f.value("ofi_1s"))),
            new Input("trade_imbalance_1s", "(buy_volume_1s - sell_volume_1s) / volume_1s, 0 without trades",
                    f -> imbalance(f.value("buy_volume_1s"), f.value("sell_volume_1s"))),
            new Input("trade_imbalance_1m", "(buy_volume_1m - sell_volume_1m) / volume_1m, 0 without trades",
                    f -> imbalance(f.value("buy_volume_1m"), f.value("sell_volume_1m"))),
            new Input("log_volume_1s", "ln(1 + volume_1s)", f -> Math.log1p(f.value("volume_1s"))),
            new Input("log_volume_1m", "ln(1 + volume_1m)", f -> Math.log1p(f.value("volume_1m"))),
            new Input("vwap_1m_offset_bps", "(vwap_1m - mid) / mid * 1e4, 0 without trades",
                    f -> zeroIfNaN((f.value("vwap_1m") - f.value("mid")) / f.value("mid") * 1e4)),
            new Input("realized_vol_1m_bps", "realized_vol_1m * 1e4", f -> f.value("realized_vol_1m") * 1e4)));

    private final String version;
    private final List<Input> inputs;
    private final String id;

    public FeatureSpec(String version, List<Input> inputs) {
        this.version = version;
        this.inputs = List.copyOf(inputs);
        this.id = "features-" + version + "-" + fingerprint(inputs);
    }

    /** Known specs by version. */
    public static FeatureSpec byVersion(String version) {
        if (V1.version.equals(version)) {
            return V1;
        }
        throw new IllegalArgumentException("unknown feature spec version '" + version + "'; known: v1");
    }

    public String version() {
        return version;
    }

    /** Version plus a fingerprint of the input names and definitions: changes when any input changes. */
    public String id() {
        return id;
    }

    public List<Input> inputs() {
        return inputs;
    }

    public int size() {
        return inputs.size();
    }

    public List<String> inputNames() {
        return inputs.stream().map(Input::name).toList();
    }

    /**
     * The raw (not yet normalized) input vector of a row, or null when the row cannot be scored
     * (no valid book: some input is NaN or infinite).
     */
    public float[] vector(FeatureValues row) {
        float[] v = new float[inputs.size()];
        for (int i = 0; i < v.length; i++) {
            double x = inputs.get(i).compute().applyAsDouble(row);
            if (Double.isNaN(x) || Double.isInfinite(x)) {
                return null;
            }
            v[i] = (float) x;
        }
        return v;
    }

    private static double signedLog(double x) {
        return Math.signum(x) * Math.log1p(Math.abs(x));
    }

    private static double imbalance(double buy, double sell) {
        double total = buy + sell;
        return total > 0 ? (buy - sell) / total : 0.0;
    }

    private static double zeroIfNaN(double x) {
        return Double.isNaN(x) ? 0.0 : x;
    }

    private static String fingerprint(List<Input> inputs) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Input in : inputs) {
                md.update((in.name() + "=" + in.definition() + ";").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
