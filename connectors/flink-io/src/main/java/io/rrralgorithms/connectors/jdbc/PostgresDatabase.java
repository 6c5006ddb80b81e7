package io.rrralgorithms.connectors.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creating the database if missing, and applying the versioned migrations of {@code sql/}. */
public final class PostgresDatabase {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresDatabase.class);
    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^/]+)/([A-Za-z0-9_]+)(\\?.*)?");

    private PostgresDatabase() {}

    /** A clear error naming the URL when no server answers. */
    public static void checkReachable(PostgresTarget target) {
        try (Connection c = maintenanceTarget(target).connect()) {
            c.isValid(5);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL does not answer at " + PostgresTarget.maskUrl(target.jdbcUrl()) + ": " + e.getMessage()
                    + " (start it, or pass --jdbc-url)", e);
        }
    }

    /** Creates the URL's database when it does not exist (connecting to {@code postgres} on the same server). */
    public static void createIfMissing(PostgresTarget target) {
        Matcher m = URL.matcher(target.jdbcUrl());
        if (!m.matches()) {
            LOG.info("not a plain jdbc:postgresql://host/db URL, not creating the database: {}", PostgresTarget.maskUrl(target.jdbcUrl()));
            return;
        }
        String db = m.group(2);
        try (Connection c = maintenanceTarget(target).connect();
                PreparedStatement q = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            q.setString(1, db);
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE \"" + db + "\"");
                LOG.info("created database {}", db);
            } catch (SQLException e) {
                if (!"42P04".equals(e.getSQLState())) { // created concurrently: fine
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL does not answer at " + PostgresTarget.maskUrl(target.jdbcUrl()) + ": " + e.getMessage()
                    + " (start it, or pass --jdbc-url)", e);
        }
    }

    /** Applies the migrations shipped in the jar ({@code db/migration}, copied from {@code sql/}). */
    public static MigrateResult migrate(PostgresTarget target) {
        var config = Flyway.configure(PostgresDatabase.class.getClassLoader())
                .dataSource(new TargetDataSource(target))
                .locations("classpath:db/migration");
        String schema = PostgresTarget.schemaOf(target.jdbcUrl());
        if (schema != null) { // its own schema (--schema): created here, history table and tables in it
            config = config.schemas(schema).defaultSchema(schema);
        }
        Flyway flyway = config.load();
        MigrateResult r = flyway.migrate();
        if (r.targetSchemaVersion == null) { // Flyway leaves it unset when nothing was applied
            r.targetSchemaVersion = r.initialSchemaVersion;
        }
        if (r.migrationsExecuted == 0) {
            LOG.info("schema at version {} (current)", r.targetSchemaVersion);
        } else {
            LOG.info("schema at version {} ({} migration(s) applied)", r.targetSchemaVersion, r.migrationsExecuted);
        }
        return r;
    }

    private static PostgresTarget maintenanceTarget(PostgresTarget target) {
        Matcher m = URL.matcher(target.jdbcUrl());
        String url = m.matches()
                ? "jdbc:postgresql://" + m.group(1) + "/postgres" + (m.group(3) == null ? "" : m.group(3))
                : target.jdbcUrl();
        return PostgresTarget.of(url, target.user(), target.password());
    }

    /**
     * Flyway's connections through {@link PostgresTarget#connect()}, the driver itself: never
     * DriverManager, which on a Flink session cluster may only know a driver registered by an
     * earlier (closed) job's class loader ("No suitable driver").
     */
    private record TargetDataSource(PostgresTarget target) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return target.connect("rrr migrate");
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return PostgresTarget.of(target.jdbcUrl(), user, password).connect("rrr migrate");
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        // qualified: java.util.logging.Logger clashes with the SLF4J Logger of this class
        public java.util.logging.Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            if (type.isInstance(this)) {
                return type.cast(this);
            }
            throw new SQLException("not a wrapper of " + type.getName());
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return type.isInstance(this);
        }
    }
}
