package io.rrralgorithms.jobs;

import io.rrralgorithms.connectors.jdbc.PostgresDatabase;
import io.rrralgorithms.connectors.jdbc.PostgresTarget;
import io.rrralgorithms.jobs.local.RunSpec;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** A fresh database on the real local PostgreSQL server, dropped afterwards. */
public final class TestDatabase implements AutoCloseable {
    public static final String SERVER = System.getProperty("rrr.test.pg", "jdbc:postgresql://127.0.0.1:5432/");

    /**
     * Every table the job writes, with a query of all its rows in natural-key order, so that two
     * runs can be compared row for row ({@code scores} without {@code scored_at}: the wall-clock
     * time a row was first scored at).
     */
    public static final Map<String, String> TABLES;

    static {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("book_top", "SELECT * FROM book_top ORDER BY feed, native_symbol, sample_time");
        t.put("features", "SELECT * FROM features ORDER BY feed, native_symbol, feature_time");
        t.put("trade_bars_1m", "SELECT * FROM trade_bars_1m ORDER BY feed, native_symbol, window_start");
        t.put("book_gaps", "SELECT * FROM book_gaps ORDER BY feed, native_symbol, last_update_id, update_id");
        t.put("dead_letters", "SELECT * FROM dead_letters ORDER BY feed, receive_time_ns, payload_sha256");
        t.put("scores", "SELECT feed, native_symbol, symbol, feature_time, model_version, spec_id, score "
                + "FROM scores ORDER BY feed, native_symbol, feature_time, model_version");
        t.put("orders", "SELECT * FROM orders ORDER BY order_id");
        t.put("fills", "SELECT * FROM fills ORDER BY fill_id");
        t.put("positions", "SELECT * FROM positions ORDER BY account_id, feed, native_symbol, snapshot_time");
        t.put("pnl", "SELECT * FROM pnl ORDER BY account_id, snapshot_time");
        t.put("risk_events", "SELECT * FROM risk_events ORDER BY account_id, sequence");
        t.put("derivatives", "SELECT * FROM derivatives ORDER BY feed, native_symbol, event_time, receive_time_ns");
        TABLES = Collections.unmodifiableMap(t);
    }

    public final String name;
    public final PostgresTarget target;

    public TestDatabase() {
        name = "rrr_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        target = PostgresTarget.of(SERVER + name, "postgres", null);
        PostgresDatabase.createIfMissing(target);
        PostgresDatabase.migrate(target);
    }

    /** A local run of {@code files} into this database: Kafka embedded on a free port, no web UI, its output discarded. */
    public RunSpec quietRun(List<Path> files) {
        RunSpec s = new RunSpec();
        s.files = files;
        s.kafkaPort = 0;
        s.webPort = 0;
        s.postgres = target;
        s.out = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        s.err = s.out;
        return s;
    }

    /** All rows of a query as strings, in the query's order. */
    public List<String> rows(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = target.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    b.append(i > 1 ? " | " : "").append(rs.getString(i));
                }
                out.add(b.toString());
            }
        }
        return out;
    }

    /** All rows of one of {@link #TABLES}, in natural-key order. */
    public List<String> table(String table) throws SQLException {
        String query = TABLES.get(table);
        if (query == null) {
            throw new IllegalArgumentException("not a table of the job: " + table);
        }
        return rows(query);
    }

    public long count(String table) throws SQLException {
        return Long.parseLong(rows("SELECT count(*) FROM " + table).get(0));
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = PostgresTarget.of(SERVER + "postgres", "postgres", null).connect();
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
