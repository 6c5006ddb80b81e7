package io.rrralgorithms.jobs.cli;

import io.rrralgorithms.connectors.jdbc.PostgresTarget;
import io.rrralgorithms.jobs.local.LocalDatabase;
import java.nio.file.Path;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * PostgreSQL connection options shared by the commands. The password comes from, in this order:
 * {@code --jdbc-password} (visible in {@code ps}: for trials only), {@code --jdbc-password-file},
 * the environment variable {@value #PASSWORD_ENV}; giving both options is a usage error.
 */
public class PostgresOptions {
    public static final String PASSWORD_ENV = "RRR_JDBC_PASSWORD";

    @Option(names = "--jdbc-url", paramLabel = "URL", description = "PostgreSQL JDBC URL; the database is created "
            + "if missing. Unset: the server at 127.0.0.1 port 5432, database rrr; where none answers there, rrr run, train, "
            + "migrate and paper-report start an embedded PostgreSQL (its data kept in the user data folder, see "
            + "rrr doctor)")
    String jdbcUrl;

    @Option(names = "--schema", paramLabel = "NAME", description = "use this schema of the database (created and "
            + "migrated if missing), e.g. to keep a backfill apart from the live rows; unset: the server's default (public)")
    String schema;

    @Option(names = "--jdbc-user", defaultValue = "postgres", description = "database user")
    String user;

    @Option(names = "--jdbc-password", description = "database password; visible to every user of the machine "
            + "(ps): prefer --jdbc-password-file or " + PASSWORD_ENV + " (unset: none)")
    String password;

    @Option(names = "--jdbc-password-file", paramLabel = "FILE", description = "read the database password from FILE "
            + "(one trailing newline stripped); unset: the environment variable " + PASSWORD_ENV + ", else none")
    Path passwordFile;

    /** The sinks' batching: the defaults unless a command that runs the job mixes in {@link JdbcBatchOptions}. */
    private JdbcBatchOptions batching = new JdbcBatchOptions();

    /** The batching options of a command that runs the job. */
    public PostgresOptions batching(JdbcBatchOptions options) {
        this.batching = options;
        return this;
    }

    /** Where environment variables come from (tests replace it). */
    Function<String, String> env = System::getenv;

    /** Refuses sizes and intervals the sinks would only fail on once running. */
    public void validate() {
        batching.validate();
        if (jdbcUrl != null && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw UserError.usage("--jdbc-url must be a PostgreSQL JDBC URL such as "
                    + PostgresTarget.DEFAULT_URL + ", got '" + PostgresTarget.maskUrl(jdbcUrl) + "'");
        }
        if (schema != null && !schema.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw UserError.usage("--schema must be a lower-case SQL name (letters, digits, _), got '" + schema + "'");
        }
        password();
    }

    /** The server named by --jdbc-url, else the default address (no embedded fallback: rrr job, bench). */
    public PostgresTarget target() {
        return target(jdbcUrl != null ? jdbcUrl : LocalDatabase.defaultUrl(), user, password());
    }

    /**
     * The database of a local command: --jdbc-url where given, else the server at the default
     * address when one answers, else an embedded one ({@link LocalDatabase}); close it at the end.
     */
    public LocalDatabase local() {
        return jdbcUrl != null ? LocalDatabase.server(jdbcUrl) : LocalDatabase.openDefault(System.out);
    }

    /** The target on the local database: the embedded server's superuser where one was started. */
    public PostgresTarget target(LocalDatabase db) {
        return db.embeddedUser().map(u -> target(db.jdbcUrl(), u, null)).orElseGet(() -> target(db.jdbcUrl(), user,
                password()));
    }

    private PostgresTarget target(String url, String user, String password) {
        return new PostgresTarget(PostgresTarget.inSchema(url, schema), user, password, batching.batchSize,
                batching.batchIntervalMs, 3);
    }

    /** Option, then file, then environment; null for none. */
    String password() {
        if (password != null && passwordFile != null) {
            throw UserError.usage("--jdbc-password and --jdbc-password-file both given: give one (the file keeps the "
                    + "password out of the process list)");
        }
        if (password != null) {
            return password.isEmpty() ? null : password;
        }
        if (passwordFile != null) {
            return Secrets.readFile("--jdbc-password-file", passwordFile);
        }
        String fromEnv = env.apply(PASSWORD_ENV);
        return fromEnv == null || fromEnv.isEmpty() ? null : fromEnv;
    }
}
