package io.rrralgorithms.connectors.jdbc;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Where and how the job writes to PostgreSQL. */
public record PostgresTarget(String jdbcUrl, String user, String password, int batchSize, long batchIntervalMs,
        int maxRetries) implements Serializable {

    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/rrr";

    public static PostgresTarget of(String jdbcUrl, String user, String password) {
        return new PostgresTarget(jdbcUrl, user, password, 1000, 200, 3);
    }

    public Connection connect() throws SQLException {
        Properties p = new Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        p.setProperty("connectTimeout", "10");
        return DriverManager.getConnection(jdbcUrl, p);
    }
}
