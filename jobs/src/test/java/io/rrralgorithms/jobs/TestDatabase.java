package io.rrralgorithms.jobs;

import io.rrralgorithms.connectors.jdbc.PostgresDatabase;
import io.rrralgorithms.connectors.jdbc.PostgresTarget;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** A fresh database on the real local PostgreSQL server, dropped afterwards. */
public final class TestDatabase implements AutoCloseable {
    public static final String SERVER = System.getProperty("rrr.test.pg", "jdbc:postgresql://127.0.0.1:5432/");

    public final String name;
    public final PostgresTarget target;

    public TestDatabase() {
        name = "rrr_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        target = PostgresTarget.of(SERVER + name, "postgres", null);
        PostgresDatabase.createIfMissing(target);
        PostgresDatabase.migrate(target);
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
