package io.rrralgorithms.jobs.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the live page shows, read from the job's PostgreSQL tables in one go: per instrument its
 * latest {@code book_top} row (top levels), latest {@code features} second (sync state, mid,
 * spread, trades of the second), last {@code trade_bars_1m} minutes and its {@code book_gaps};
 * dead letters per feed; per account its latest {@code pnl} row (equity, drawdown, risk state),
 * latest {@code positions} and open {@code orders}; the latest {@code pipeline_runs} row.
 *
 * <p>"Latest per key" on the tick tables (a row per instrument and second) is a loose index scan
 * on their primary keys (a recursive query that jumps from key to key, then the newest row of
 * each): a few index probes per instrument however many seconds the tables hold.
 *
 * <p>Prices, sizes and money are exact: the NUMERIC values as plain decimal strings, trailing
 * zeros dropped. Times are ISO-8601 UTC.
 */
public final class LiveState {
    /** The most book levels a page shows per side. */
    public static final int MAX_LEVELS = 50;
    /** Trade bars shown per instrument. */
    static final int BARS = 5;
    static final int OPEN_ORDERS = 100;

    private static final ObjectMapper JSON = new ObjectMapper();

    private LiveState() {}

    /**
     * The newest row per key of a table: {@code keys} a prefix of its primary key, {@code time}
     * the key column after them; {@code select} the columns to return (of alias t).
     */
    static String latestPer(String table, String keys, String time, String select, int perKey) {
        String[] k = keys.split(",\\s*");
        StringBuilder eq = new StringBuilder();
        StringBuilder kk = new StringBuilder();
        StringBuilder bk = new StringBuilder();
        StringBuilder nk = new StringBuilder();
        for (int i = 0; i < k.length; i++) {
            String sep = i > 0 ? ", " : "";
            eq.append(i > 0 ? " AND " : "").append("b.").append(k[i]).append(" = k.").append(k[i]);
            kk.append(sep).append("k.").append(k[i]);
            bk.append(sep).append("b.").append(k[i]);
            nk.append(sep).append("n.").append(k[i]);
        }
        return "WITH RECURSIVE k AS (\n"
                + "  (SELECT " + keys + " FROM " + table + " ORDER BY " + keys + " LIMIT 1)\n"
                + "  UNION ALL\n"
                + "  SELECT " + nk + " FROM k CROSS JOIN LATERAL (SELECT " + bk + " FROM " + table + " b WHERE ("
                + bk + ") > (" + kk + ") ORDER BY " + bk + " LIMIT 1) n)\n"
                + "SELECT " + select + " FROM k CROSS JOIN LATERAL (SELECT * FROM " + table + " b WHERE " + eq
                + " ORDER BY b." + time + " DESC LIMIT " + perKey + ") t\n"
                + "ORDER BY " + kk + ", t." + time + " DESC";
    }

    static final String BOOKS = latestPer("book_top", "feed, native_symbol", "sample_time",
            "t.feed, t.native_symbol, t.symbol, t.sample_time, t.exchange_time, t.last_update_id, "
                    + "t.bid_prices[1:?] AS bid_prices, t.bid_sizes[1:?] AS bid_sizes, "
                    + "t.ask_prices[1:?] AS ask_prices, t.ask_sizes[1:?] AS ask_sizes", 1);
    static final String FEATURES = latestPer("features", "feed, native_symbol", "feature_time",
            "t.feed, t.native_symbol, t.symbol, t.feature_time, t.book_valid, t.mid, t.spread, t.trade_count_1s, "
                    + "t.volume_1s, t.vwap_1s, t.depth_imbalance", 1);
    static final String BARS_SQL = latestPer("trade_bars_1m", "feed, native_symbol", "window_start",
            "t.feed, t.native_symbol, t.symbol, t.window_start, t.trade_count, t.volume, t.buy_volume, t.sell_volume, "
                    + "t.vwap, t.open, t.high, t.low, t.close", BARS);
    static final String GAPS = "SELECT feed, native_symbol, count(*) AS gaps, max(receive_time_ns) AS last_ns, "
            + "(array_agg(reason ORDER BY receive_time_ns DESC))[1] AS last_reason FROM book_gaps GROUP BY 1, 2";
    static final String DEAD_LETTERS = "SELECT feed, count(*) FROM dead_letters GROUP BY feed ORDER BY feed";
    static final String ACCOUNTS = latestPer("pnl", "account_id", "snapshot_time",
            "t.account_id, t.snapshot_time, t.equity, t.realized_pnl, t.unrealized_pnl, t.fees, t.drawdown, "
                    + "t.gross_notional, t.risk_state, t.fills, t.orders, t.rejections", 1);
    static final String POSITIONS = latestPer("positions", "account_id, feed, native_symbol", "snapshot_time",
            "t.account_id, t.feed, t.native_symbol, t.symbol, t.snapshot_time, t.quantity, t.average_price, t.mark, "
                    + "t.realized_pnl, t.unrealized_pnl", 1);
    static final String OPEN_ORDERS_SQL = "SELECT order_id, account_id, feed, native_symbol, symbol, side, order_type, "
            + "price, quantity, filled_quantity, status, created_at FROM orders "
            + "WHERE status IN ('PENDING', 'OPEN', 'PARTIALLY_FILLED') ORDER BY created_at DESC LIMIT " + OPEN_ORDERS;
    static final String RUN = "SELECT run_id, started_at, finished_at, mode, status, flink_job_id FROM pipeline_runs "
            + "ORDER BY started_at DESC LIMIT 1";

    /** The page's state now, {@code levels} book levels a side (at most {@link #MAX_LEVELS}). */
    public static ObjectNode read(Connection c, int levels) throws SQLException {
        int n = Math.max(1, Math.min(levels, MAX_LEVELS));
        ObjectNode root = JSON.createObjectNode();
        root.put("asOf", Instant.now().toString());
        root.put("levels", n);
        Map<String, ObjectNode> instruments = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(BOOKS)) {
            for (int i = 1; i <= 4; i++) {
                ps.setInt(i, n);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ObjectNode book = instrument(instruments, rs).putObject("book");
                    book.put("sampleTime", time(rs, "sample_time"));
                    book.put("exchangeTime", time(rs, "exchange_time"));
                    book.put("lastUpdateId", rs.getLong("last_update_id"));
                    book.set("bids", levels(rs.getArray("bid_prices"), rs.getArray("bid_sizes")));
                    book.set("asks", levels(rs.getArray("ask_prices"), rs.getArray("ask_sizes")));
                }
            }
        }
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery(FEATURES)) {
                while (rs.next()) {
                    ObjectNode f = instrument(instruments, rs).putObject("features");
                    f.put("time", time(rs, "feature_time"));
                    f.put("bookValid", rs.getBoolean("book_valid"));
                    f.put("mid", decimal(rs.getBigDecimal("mid")));
                    f.put("spread", decimal(rs.getBigDecimal("spread")));
                    f.put("tradeCount1s", rs.getInt("trade_count_1s"));
                    f.put("volume1s", decimal(rs.getBigDecimal("volume_1s")));
                    double imbalance = rs.getDouble("depth_imbalance");
                    if (!rs.wasNull()) {
                        f.put("depthImbalance", imbalance);
                    }
                }
            }
            try (ResultSet rs = st.executeQuery(BARS_SQL)) {
                while (rs.next()) {
                    ObjectNode instrument = instrument(instruments, rs);
                    ArrayNode bars = instrument.has("bars") ? (ArrayNode) instrument.get("bars") : instrument.putArray("bars");
                    ObjectNode b = bars.addObject();
                    b.put("minute", time(rs, "window_start"));
                    b.put("trades", rs.getLong("trade_count"));
                    b.put("volume", decimal(rs.getBigDecimal("volume")));
                    b.put("buyVolume", decimal(rs.getBigDecimal("buy_volume")));
                    b.put("sellVolume", decimal(rs.getBigDecimal("sell_volume")));
                    b.put("vwap", decimal(rs.getBigDecimal("vwap")));
                    b.put("open", decimal(rs.getBigDecimal("open")));
                    b.put("high", decimal(rs.getBigDecimal("high")));
                    b.put("low", decimal(rs.getBigDecimal("low")));
                    b.put("close", decimal(rs.getBigDecimal("close")));
                }
            }
            try (ResultSet rs = st.executeQuery(GAPS)) {
                while (rs.next()) {
                    ObjectNode key = instruments.get(rs.getString("feed") + ':' + rs.getString("native_symbol"));
                    if (key == null) { // gaps of a book that never produced a row
                        key = instrument(instruments, rs.getString("feed"), rs.getString("native_symbol"), rs.getString("native_symbol"));
                    }
                    ObjectNode g = key.putObject("gaps");
                    g.put("count", rs.getLong("gaps"));
                    g.put("lastReceiveTime", Instant.ofEpochSecond(0, rs.getLong("last_ns")).toString());
                    g.put("lastReason", rs.getString("last_reason"));
                }
            }
            ArrayNode list = root.putArray("instruments");
            instruments.values().forEach(list::add);
            ObjectNode dead = root.putObject("deadLetters");
            try (ResultSet rs = st.executeQuery(DEAD_LETTERS)) {
                while (rs.next()) {
                    dead.put(rs.getString(1), rs.getLong(2));
                }
            }
            Map<String, ObjectNode> accounts = new LinkedHashMap<>();
            try (ResultSet rs = st.executeQuery(ACCOUNTS)) {
                while (rs.next()) {
                    ObjectNode a = account(accounts, rs.getString("account_id"));
                    a.put("snapshotTime", time(rs, "snapshot_time"));
                    a.put("equity", decimal(rs.getBigDecimal("equity")));
                    a.put("realizedPnl", decimal(rs.getBigDecimal("realized_pnl")));
                    a.put("unrealizedPnl", decimal(rs.getBigDecimal("unrealized_pnl")));
                    a.put("fees", decimal(rs.getBigDecimal("fees")));
                    a.put("drawdown", decimal(rs.getBigDecimal("drawdown")));
                    a.put("grossNotional", decimal(rs.getBigDecimal("gross_notional")));
                    a.put("riskState", rs.getString("risk_state"));
                    a.put("fills", rs.getLong("fills"));
                    a.put("orders", rs.getLong("orders"));
                    a.put("rejections", rs.getLong("rejections"));
                }
            }
            try (ResultSet rs = st.executeQuery(POSITIONS)) {
                while (rs.next()) {
                    ObjectNode p = ((ArrayNode) account(accounts, rs.getString("account_id")).get("positions")).addObject();
                    p.put("feed", rs.getString("feed"));
                    p.put("nativeSymbol", rs.getString("native_symbol"));
                    p.put("symbol", rs.getString("symbol"));
                    p.put("time", time(rs, "snapshot_time"));
                    p.put("quantity", decimal(rs.getBigDecimal("quantity")));
                    p.put("averagePrice", decimal(rs.getBigDecimal("average_price")));
                    p.put("mark", decimal(rs.getBigDecimal("mark")));
                    p.put("realizedPnl", decimal(rs.getBigDecimal("realized_pnl")));
                    p.put("unrealizedPnl", decimal(rs.getBigDecimal("unrealized_pnl")));
                }
            }
            try (ResultSet rs = st.executeQuery(OPEN_ORDERS_SQL)) {
                while (rs.next()) {
                    ObjectNode o = ((ArrayNode) account(accounts, rs.getString("account_id")).get("openOrders")).addObject();
                    o.put("orderId", rs.getString("order_id"));
                    o.put("feed", rs.getString("feed"));
                    o.put("symbol", rs.getString("symbol"));
                    o.put("side", rs.getString("side"));
                    o.put("type", rs.getString("order_type"));
                    o.put("price", decimal(rs.getBigDecimal("price")));
                    o.put("quantity", decimal(rs.getBigDecimal("quantity")));
                    o.put("filled", decimal(rs.getBigDecimal("filled_quantity")));
                    o.put("status", rs.getString("status"));
                    o.put("created", time(rs, "created_at"));
                }
            }
            ArrayNode accountList = root.putArray("accounts");
            accounts.values().forEach(accountList::add);
            try (ResultSet rs = st.executeQuery(RUN)) {
                if (rs.next()) {
                    ObjectNode run = root.putObject("run");
                    run.put("runId", rs.getString("run_id"));
                    run.put("startedAt", time(rs, "started_at"));
                    run.put("finishedAt", time(rs, "finished_at"));
                    run.put("mode", rs.getString("mode"));
                    run.put("status", rs.getString("status"));
                    run.put("flinkJobId", rs.getString("flink_job_id"));
                }
            }
        }
        return root;
    }

    private static ObjectNode instrument(Map<String, ObjectNode> all, ResultSet rs) throws SQLException {
        return instrument(all, rs.getString("feed"), rs.getString("native_symbol"), rs.getString("symbol"));
    }

    private static ObjectNode instrument(Map<String, ObjectNode> all, String feed, String nativeSymbol, String symbol) {
        return all.computeIfAbsent(feed + ':' + nativeSymbol, k -> {
            ObjectNode o = JSON.createObjectNode();
            o.put("feed", feed);
            o.put("nativeSymbol", nativeSymbol);
            o.put("symbol", symbol);
            return o;
        });
    }

    private static ObjectNode account(Map<String, ObjectNode> all, String id) {
        return all.computeIfAbsent(id, k -> {
            ObjectNode o = JSON.createObjectNode();
            o.put("account", id);
            o.putArray("positions");
            o.putArray("openOrders");
            return o;
        });
    }

    private static ArrayNode levels(Array prices, Array sizes) throws SQLException {
        ArrayNode out = JSON.createArrayNode();
        if (prices == null || sizes == null) {
            return out;
        }
        Object[] p = (Object[]) prices.getArray();
        Object[] s = (Object[]) sizes.getArray();
        for (int i = 0; i < Math.min(p.length, s.length); i++) {
            ArrayNode level = out.addArray();
            level.add(decimal((BigDecimal) p[i]));
            level.add(decimal((BigDecimal) s[i]));
        }
        return out;
    }

    /** A NUMERIC as a plain decimal string without trailing zeros; null stays null. */
    static String decimal(BigDecimal d) {
        return d == null ? null : d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }

    private static String time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant().toString();
    }
}
