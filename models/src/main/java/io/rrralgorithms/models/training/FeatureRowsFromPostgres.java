package io.rrralgorithms.models.training;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads rows of the {@code features} table: every numeric column becomes a {@link
 * io.rrralgorithms.models.spec.FeatureValues} value (NUMERIC rounded to the nearest double, NULL
 * as NaN), ordered by time then instrument.
 */
public final class FeatureRowsFromPostgres {
    /** The numeric columns of {@code features}. */
    public static final List<String> COLUMNS = List.of("mid", "spread", "microprice", "depth_imbalance",
            "depth_levels", "ofi_1s", "book_updates_1s", "trade_count_1s", "volume_1s", "buy_volume_1s",
            "sell_volume_1s", "vwap_1s", "trade_count_1m", "volume_1m", "buy_volume_1m", "sell_volume_1m",
            "vwap_1m", "realized_vol_1m",
            "depth_imbalance_1", "depth_imbalance_5", "depth_total", "bid_slope", "ask_slope",
            "ret_1s", "ret_lag_1s", "ret_5s", "ret_30s", "ofi_5s", "ofi_30s", "volume_5s",
            "buy_volume_5s", "sell_volume_5s", "bbo_updates_1s", "bbo_ofi_1s", "bbo_bid", "bbo_ask",
            "bbo_bid_size", "bbo_ask_size");

    private static final Map<String, Integer> INDEX = new HashMap<>();

    static {
        for (int i = 0; i < COLUMNS.size(); i++) {
            INDEX.put(COLUMNS.get(i), i);
        }
    }

    private FeatureRowsFromPostgres() {}

    /**
     * @param feeds feeds to read, empty for all
     * @param fromMs inclusive lower bound of {@code feature_time}, null for none
     * @param toMs exclusive upper bound, null for none
     */
    public static List<FeatureRecord> load(Connection c, List<String> feeds, Long fromMs, Long toMs)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT feed, native_symbol, feature_time, ")
                .append(String.join(", ", COLUMNS)).append(" FROM features WHERE TRUE");
        if (!feeds.isEmpty()) {
            sql.append(" AND feed = ANY (?)");
        }
        if (fromMs != null) {
            sql.append(" AND feature_time >= ?");
        }
        if (toMs != null) {
            sql.append(" AND feature_time < ?");
        }
        sql.append(" ORDER BY feature_time, feed, native_symbol");
        List<FeatureRecord> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int p = 1;
            if (!feeds.isEmpty()) {
                ps.setArray(p++, c.createArrayOf("text", feeds.toArray()));
            }
            if (fromMs != null) {
                ps.setTimestamp(p++, new Timestamp(fromMs));
            }
            if (toMs != null) {
                ps.setTimestamp(p++, new Timestamp(toMs));
            }
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double[] v = new double[COLUMNS.size()];
                    for (int i = 0; i < v.length; i++) {
                        BigDecimal d = rs.getBigDecimal(4 + i);
                        v[i] = d == null ? Double.NaN : d.doubleValue();
                    }
                    out.add(new FeatureRecord(rs.getString(1) + ':' + rs.getString(2),
                            rs.getTimestamp(3).getTime(), new ArrayFeatureValues(INDEX, v)));
                }
            }
        }
        return out;
    }
}
