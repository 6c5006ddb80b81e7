package io.rrralgorithms.connectors.jdbc;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.Driver;

/** Where and how the job writes to PostgreSQL. */
public record PostgresTarget(String jdbcUrl, String user, String password, int batchSize, long batchIntervalMs,
        int maxRetries) implements Serializable {

    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/rrr";

    /**
     * The driver itself rather than DriverManager: on a Flink session cluster DriverManager only
     * hands out drivers visible to the caller's class loader, and the PostgreSQL driver it holds
     * may have been registered by an earlier job's (since closed) class loader.
     */
    private static final Driver DRIVER = new Driver();

    public static PostgresTarget of(String jdbcUrl, String user, String password) {
        return new PostgresTarget(jdbcUrl, user, password, 1000, 200, 3);
    }

    /** The password never shows: records print every component otherwise (logs, exceptions, the job graph's dumps). */
    @Override
    public String toString() {
        return "PostgresTarget[jdbcUrl=" + maskUrl(jdbcUrl) + ", user=" + user + ", password="
                + (password == null ? "none" : "***") + ", batchSize=" + batchSize + ", batchIntervalMs="
                + batchIntervalMs + ", maxRetries=" + maxRetries + "]";
    }

    /** The URL with the value of a {@code password} parameter replaced by {@code ***}: for messages and logs. */
    public static String maskUrl(String url) {
        return url == null ? null : url.replaceAll("(?i)([?&;]password=)[^&;]*", "$1***");
    }

    /**
     * The URL with its connections in {@code schema} (the driver's {@code currentSchema}: the
     * search path of every connection); null or blank: the URL as it is.
     */
    public static String inSchema(String url, String schema) {
        if (schema == null || schema.isBlank()) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** The {@code currentSchema} of a URL, or null. */
    public static String schemaOf(String url) {
        Matcher m = CURRENT_SCHEMA.matcher(url);
        return m.find() ? m.group(1) : null;
    }

    private static final Pattern CURRENT_SCHEMA = Pattern.compile("[?&]currentSchema=([^&]+)");

    public Connection connect() throws SQLException {
        return connect(null);
    }

    /** @param applicationName shown in {@code pg_stat_activity}, or null */
    public Connection connect(String applicationName) throws SQLException {
        Properties p = new Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        if (applicationName != null) {
            p.setProperty("ApplicationName", applicationName);
        }
        p.setProperty("connectTimeout", "10");
        Connection c = DRIVER.connect(jdbcUrl, p);
        if (c == null) { // Driver.connect's answer to a URL that is not its own
            throw new SQLException("not a PostgreSQL JDBC URL: " + jdbcUrl, "08001");
        }
        return c;
    }
}
