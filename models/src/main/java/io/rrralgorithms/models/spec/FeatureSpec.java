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

    /**
     * v2: scale-free inputs (bps, ratios) from the v2 columns of {@code features} (multi-level
     * depth imbalance, book slopes, lagged returns, order flow and trade imbalance over several
     * horizons, the BBO stream) and cross-instrument inputs from {@link CrossInstrumentInputs}'s
     * virtual columns. Inputs that need something a run may not have (a BBO stream, an earlier mid,
     * a peer or leader instrument) are 0 without it, so such rows stay scorable; per-instrument
     * z-scores (fitted on train, stored in the model) put every instrument's inputs on one scale.
     */
    public static final FeatureSpec V2 = new FeatureSpec("v2", List.of(
            V1.inputs.get(0),
            V1.inputs.get(1),
            new Input("depth_imbalance_1", "depth_imbalance_1 (best level only)", f -> f.value("depth_imbalance_1")),
            new Input("depth_imbalance_5", "depth_imbalance_5 (top 5 levels)", f -> f.value("depth_imbalance_5")),
            V1.inputs.get(2),
            new Input("book_slope_log_ratio", "ln(bid_slope / ask_slope), 0 where a side has no slope",
                    f -> zeroIfUndefined(Math.log(f.value("bid_slope") / f.value("ask_slope")))),
            new Input("ofi_1s_rel", "ofi_1s / depth_total", f -> f.value("ofi_1s") / f.value("depth_total")),
            new Input("ofi_5s_rel", "ofi_5s / depth_total", f -> f.value("ofi_5s") / f.value("depth_total")),
            new Input("ofi_30s_rel", "ofi_30s / depth_total", f -> f.value("ofi_30s") / f.value("depth_total")),
            V1.inputs.get(4),
            new Input("trade_imbalance_5s", "(buy_volume_5s - sell_volume_5s) / volume_5s, 0 without trades",
                    f -> imbalance(f.value("buy_volume_5s"), f.value("sell_volume_5s"))),
            V1.inputs.get(5),
            new Input("volume_ratio_1s_1m", "volume_1s / (volume_1m / 60), 0 without trades in the minute",
                    f -> f.value("volume_1m") > 0 ? f.value("volume_1s") / (f.value("volume_1m") / 60) : 0.0),
            V1.inputs.get(8),
            V1.inputs.get(9),
            new Input("ret_1s_bps", "ret_1s * 1e4, 0 where unknown", f -> zeroIfUndefined(f.value("ret_1s") * 1e4)),
            new Input("ret_lag_1s_bps", "ret_lag_1s * 1e4, 0 where unknown",
                    f -> zeroIfUndefined(f.value("ret_lag_1s") * 1e4)),
            new Input("ret_5s_bps", "ret_5s * 1e4, 0 where unknown", f -> zeroIfUndefined(f.value("ret_5s") * 1e4)),
            new Input("ret_30s_bps", "ret_30s * 1e4, 0 where unknown", f -> zeroIfUndefined(f.value("ret_30s") * 1e4)),
            new Input("bbo_imbalance", "(bbo_bid_size - bbo_ask_size) / (bbo_bid_size + bbo_ask_size), 0 without BBO",
                    f -> zeroIfUndefined(imbalanceOrNaN(f.value("bbo_bid_size"), f.value("bbo_ask_size")))),
            new Input("bbo_mid_offset_bps", "((bbo_bid + bbo_ask) / 2 - mid) / mid * 1e4, 0 without BBO",
                    f -> zeroIfUndefined(((f.value("bbo_bid") + f.value("bbo_ask")) / 2 - f.value("mid"))
                            / f.value("mid") * 1e4)),
            new Input("bbo_microprice_offset_bps",
                    "((bbo_bid * bbo_ask_size + bbo_ask * bbo_bid_size) / (bbo_bid_size + bbo_ask_size) - mid) / mid"
                            + " * 1e4, 0 without BBO",
                    f -> zeroIfUndefined(((f.value("bbo_bid") * f.value("bbo_ask_size") + f.value("bbo_ask")
                            * f.value("bbo_bid_size")) / (f.value("bbo_bid_size") + f.value("bbo_ask_size"))
                            - f.value("mid")) / f.value("mid") * 1e4)),
            new Input("bbo_ofi_rel", "bbo_ofi_1s / depth_total, 0 without BBO",
                    f -> zeroIfUndefined(f.value("bbo_ofi_1s") / f.value("depth_total"))),
            new Input("bbo_updates_log", "ln(1 + bbo_updates_1s), 0 without BBO",
                    f -> zeroIfUndefined(Math.log1p(f.value("bbo_updates_1s")))),
            new Input("basis_bps", "(" + CrossInstrumentInputs.PEER_MID_PREV + " / " + CrossInstrumentInputs.OWN_MID_PREV
                    + " - 1) * 1e4: the same asset on the other market 1 s earlier, 0 without one",
                    f -> zeroIfUndefined((f.value(CrossInstrumentInputs.PEER_MID_PREV)
                            / f.value(CrossInstrumentInputs.OWN_MID_PREV) - 1) * 1e4)),
            new Input("leader_ret_1s_bps", CrossInstrumentInputs.LEADER_RET_PREV
                    + " * 1e4: the leader's (BTC's) ret_1s 1 s earlier, 0 without one",
                    f -> zeroIfUndefined(f.value(CrossInstrumentInputs.LEADER_RET_PREV) * 1e4))));

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
        if (V2.version.equals(version)) {
            return V2;
        }
        throw new IllegalArgumentException("unknown feature spec version '" + version + "'; known: v1, v2");
    }

    /** The known spec with this id ({@code features-<version>-<fingerprint>}); throws for an unknown or changed one. */
    public static FeatureSpec byId(String id) {
        for (FeatureSpec s : List.of(V1, V2)) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown feature spec '" + id + "'; this build computes " + V1.id + " and "
                + V2.id);
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

    private static double imbalanceOrNaN(double buy, double sell) {
        double total = buy + sell;
        return total > 0 ? (buy - sell) / total : Double.NaN;
    }

    private static double zeroIfNaN(double x) {
        return Double.isNaN(x) ? 0.0 : x;
    }

    private static double zeroIfUndefined(double x) {
        return Double.isNaN(x) || Double.isInfinite(x) ? 0.0 : x;
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
