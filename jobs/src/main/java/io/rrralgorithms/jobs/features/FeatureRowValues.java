package io.rrralgorithms.jobs.features;

import io.rrralgorithms.connectors.model.Decimals;
import io.rrralgorithms.models.spec.FeatureValues;
import java.math.BigDecimal;
import java.util.List;

/**
 * A {@link FeatureRow} seen by column name, as in the {@code features} table, so that the model
 * spec computes the same inputs from the job's in-memory rows as from rows read back from
 * PostgreSQL. NUMERIC columns are their exact value rounded to the nearest double (sizes are
 * mantissas at the row's size scale: {@code mantissa / 10^scale}, the same double as the NUMERIC's); nullable
 * columns that are null, and unknown columns, are NaN.
 */
public final class FeatureRowValues implements FeatureValues {
    /** Every numeric column of the {@code features} table, in table order. */
    public static final List<String> COLUMNS = List.of("mid", "spread", "microprice", "depth_imbalance",
            "depth_levels", "ofi_1s", "book_updates_1s", "trade_count_1s", "volume_1s", "buy_volume_1s",
            "sell_volume_1s", "vwap_1s", "trade_count_1m", "volume_1m", "buy_volume_1m", "sell_volume_1m",
            "vwap_1m", "realized_vol_1m",
            "depth_imbalance_1", "depth_imbalance_5", "depth_total", "bid_slope", "ask_slope",
            "ret_1s", "ret_lag_1s", "ret_5s", "ret_30s", "ofi_5s", "ofi_30s", "volume_5s",
            "buy_volume_5s", "sell_volume_5s", "bbo_updates_1s", "bbo_ofi_1s", "bbo_bid", "bbo_ask",
            "bbo_bid_size", "bbo_ask_size", "notional_1s", "notional_1m");

    private final FeatureRow row;

    private FeatureRowValues(FeatureRow row) {
        this.row = row;
    }

    public static FeatureValues of(FeatureRow row) {
        return new FeatureRowValues(row);
    }

    public FeatureRow row() {
        return row;
    }

    @Override
    public double value(String column) {
        FeatureRow r = row;
        return switch (column) {
            case "mid" -> dec(r.mid);
            case "spread" -> dec(r.spread);
            case "microprice" -> dbl(r.microprice);
            case "depth_imbalance" -> dbl(r.depthImbalance);
            case "depth_levels" -> r.depthLevels;
            case "ofi_1s" -> r.ofi;
            case "book_updates_1s" -> r.bookUpdates;
            case "trade_count_1s" -> r.tradeCount1s;
            case "volume_1s" -> Decimals.toDouble(r.volume1s, r.sizeScale);
            case "buy_volume_1s" -> Decimals.toDouble(r.buyVolume1s, r.sizeScale);
            case "sell_volume_1s" -> Decimals.toDouble(r.sellVolume1s, r.sizeScale);
            case "vwap_1s" -> dbl(r.vwap1s);
            case "trade_count_1m" -> r.tradeCount1m;
            case "volume_1m" -> Decimals.toDouble(r.volume1m, r.sizeScale);
            case "buy_volume_1m" -> Decimals.toDouble(r.buyVolume1m, r.sizeScale);
            case "sell_volume_1m" -> Decimals.toDouble(r.sellVolume1m, r.sizeScale);
            case "vwap_1m" -> dbl(r.vwap1m);
            case "realized_vol_1m" -> dbl(r.realizedVol1m);
            case "depth_imbalance_1" -> dbl(r.depthImbalance1);
            case "depth_imbalance_5" -> dbl(r.depthImbalance5);
            case "depth_total" -> dbl(r.depthTotal);
            case "bid_slope" -> dbl(r.bidSlope);
            case "ask_slope" -> dbl(r.askSlope);
            case "ret_1s" -> dbl(r.ret1s);
            case "ret_lag_1s" -> dbl(r.retLag1s);
            case "ret_5s" -> dbl(r.ret5s);
            case "ret_30s" -> dbl(r.ret30s);
            case "ofi_5s" -> r.ofi5s;
            case "ofi_30s" -> r.ofi30s;
            case "volume_5s" -> Decimals.toDouble(r.volume5s, r.sizeScale);
            case "buy_volume_5s" -> Decimals.toDouble(r.buyVolume5s, r.sizeScale);
            case "sell_volume_5s" -> Decimals.toDouble(r.sellVolume5s, r.sizeScale);
            case "bbo_updates_1s" -> r.bboUpdates;
            case "bbo_ofi_1s" -> r.bboOfi;
            case "bbo_bid" -> dbl(r.bboBid);
            case "bbo_ask" -> dbl(r.bboAsk);
            case "bbo_bid_size" -> dbl(r.bboBidSize);
            case "bbo_ask_size" -> dbl(r.bboAskSize);
            case "notional_1s" -> r.notional1s;
            case "notional_1m" -> r.notional1m;
            default -> Double.NaN;
        };
    }

    private static double dec(BigDecimal v) {
        return v == null ? Double.NaN : v.doubleValue();
    }

    private static double dbl(Double v) {
        return v == null ? Double.NaN : v;
    }
}
