package io.rrralgorithms.models.training;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Synthetic feature rows with every column spec v2 reads: a random-walk mid per second, and
 * {@code depth_imbalance_1} planted with the next second's return (+ noise), the other inputs noise.
 * {@code scale} multiplies prices, {@code sizeScale} sizes: instruments far apart in both, as real
 * ones are.
 */
final class SyntheticV2 {
    private SyntheticV2() {}

    static List<FeatureRecord> instrument(String name, long fromMs, int seconds, double scale, double sizeScale,
            Random rnd) {
        return instrument(name, fromMs, seconds, scale, sizeScale, 1.0, rnd);
    }

    /** @param spreadBps the typical spread in bps (a coarse tick makes it wide) */
    static List<FeatureRecord> instrument(String name, long fromMs, int seconds, double scale, double sizeScale,
            double spreadBps, Random rnd) {
        double[] mid = new double[seconds + 1];
        mid[0] = scale;
        for (int i = 1; i <= seconds; i++) {
            mid[i] = mid[i - 1] * Math.exp(rnd.nextGaussian() * 1e-4);
        }
        List<FeatureRecord> out = new ArrayList<>();
        for (int i = 0; i <= seconds; i++) {
            double next = i < seconds ? Math.log(mid[i + 1] / mid[i]) * 1e4 : 0;
            Map<String, Double> v = new HashMap<>();
            v.put("mid", mid[i]);
            v.put("spread", scale * spreadBps * 1e-4 * (1 + rnd.nextDouble()));
            v.put("microprice", mid[i] * (1 + rnd.nextGaussian() * 1e-5));
            v.put("depth_imbalance", rnd.nextGaussian() * 0.3);
            v.put("depth_imbalance_1", Math.tanh(next + 0.7 * rnd.nextGaussian()));
            v.put("depth_imbalance_5", rnd.nextGaussian() * 0.3);
            v.put("depth_total", sizeScale * (5 + rnd.nextDouble()));
            v.put("bid_slope", sizeScale * (1 + rnd.nextDouble()));
            v.put("ask_slope", sizeScale * (1 + rnd.nextDouble()));
            for (String c : List.of("ofi_1s", "ofi_5s", "ofi_30s", "bbo_ofi_1s")) {
                v.put(c, sizeScale * rnd.nextGaussian());
            }
            for (String c : List.of("buy_volume_1s", "sell_volume_1s", "buy_volume_5s", "sell_volume_5s",
                    "buy_volume_1m", "sell_volume_1m")) {
                v.put(c, sizeScale * rnd.nextDouble() * (c.endsWith("1m") ? 60 : 1));
            }
            v.put("volume_1s", v.get("buy_volume_1s") + v.get("sell_volume_1s"));
            v.put("volume_1m", v.get("buy_volume_1m") + v.get("sell_volume_1m"));
            v.put("vwap_1m", mid[i] * (1 + rnd.nextGaussian() * 1e-4));
            v.put("realized_vol_1m", 1e-4 * (1 + rnd.nextDouble()));
            v.put("ret_1s", i > 0 ? Math.log(mid[i] / mid[i - 1]) : Double.NaN);
            v.put("ret_lag_1s", i > 1 ? Math.log(mid[i - 1] / mid[i - 2]) : Double.NaN);
            v.put("ret_5s", i > 4 ? Math.log(mid[i] / mid[i - 5]) : Double.NaN);
            v.put("ret_30s", i > 29 ? Math.log(mid[i] / mid[i - 30]) : Double.NaN);
            v.put("bbo_bid", mid[i] * (1 - 1e-5));
            v.put("bbo_ask", mid[i] * (1 + 1e-5));
            v.put("bbo_bid_size", sizeScale * rnd.nextDouble());
            v.put("bbo_ask_size", sizeScale * rnd.nextDouble());
            v.put("bbo_updates_1s", (double) rnd.nextInt(20));
            Map<String, Double> frozen = Map.copyOf(v);
            out.add(new FeatureRecord(name, fromMs + i * 1000L, c -> frozen.getOrDefault(c, Double.NaN)));
        }
        return out;
    }
}
