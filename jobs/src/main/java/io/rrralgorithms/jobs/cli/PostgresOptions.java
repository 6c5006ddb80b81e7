package io.rrralgorithms.jobs.cli;

import io.rrralgorithms.connectors.jdbc.PostgresTarget;
import picocli.CommandLine.Option;

/** PostgreSQL connection options shared by the commands. */
public class PostgresOptions {
    @Option(names = "--jdbc-url", defaultValue = PostgresTarget.DEFAULT_URL,
            description = "PostgreSQL JDBC URL; the database is created if missing (default: ${DEFAULT-VALUE})")
    String jdbcUrl;

    @Option(names = "--jdbc-user", defaultValue = "postgres", description = "database user (default: ${DEFAULT-VALUE})")
    String user;

    @Option(names = "--jdbc-password", defaultValue = "", description = "database password (default: none)")
    String password;

    @Option(names = "--jdbc-batch-size", defaultValue = "1000",
            description = "rows per JDBC batch (default: ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--jdbc-batch-interval-ms", defaultValue = "200",
            description = "flush a partial batch after this long (default: ${DEFAULT-VALUE})")
    long batchIntervalMs;

    /** Refuses sizes and intervals the sinks would only fail on once running. */
    public void validate() {
        Preflight.atLeast("--jdbc-batch-size", batchSize, 1);
        Preflight.atLeast("--jdbc-batch-interval-ms", batchIntervalMs, 1);
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw UserError.usage("--jdbc-url must be a PostgreSQL JDBC URL such as "
                    + PostgresTarget.DEFAULT_URL + ", got '" + jdbcUrl + "'");
        }
    }

    public PostgresTarget target() {
        return new PostgresTarget(jdbcUrl, user, password.isEmpty() ? null : password, batchSize, batchIntervalMs, 3);
    }
}
