package io.rrralgorithms.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.jdbc.PostgresTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The database password from the environment or a file reaches the connection (a loopback server
 * that asks for a cleartext password records it), with the documented precedence, and never shows
 * in the output, in toString or in the arguments.
 */
class JdbcPasswordTest {
    @TempDir
    Path tmp;

    PasswordCapturingServer server;

    @BeforeEach
    void start() throws Exception {
        server = new PasswordCapturingServer();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private PostgresOptions options(Map<String, String> env, String... args) {
        PostgresOptions o = new PostgresOptions();
        new CommandLine(o).parseArgs(args);
        o.env = env::get;
        return o;
    }

    @Test
    void fromAFileThroughTheCommandLineWithoutShowingIt() throws Exception {
        Path file = Files.writeString(tmp.resolve("pg-password"), "s3cret-from-file\n");
        List<String> args = List.of("migrate", "--jdbc-url", server.jdbcUrl(), "--jdbc-password-file", file.toString());
        CommandLineExecution r = CommandLineExecution.of(args);
        assertEquals(ExitCodes.DATABASE, r.exitCode(), r.stderr());
        assertEquals("s3cret-from-file", server.passwords.get(0), "trailing newline stripped");
        assertFalse(r.stdout().contains("s3cret") || r.stderr().contains("s3cret"), r.stdout() + r.stderr());
        assertFalse(String.join(" ", args).contains("s3cret"));
        assertTrue(r.stderr().strip().lines().count() == 1 && r.stderr().contains("password authentication failed"),
                r.stderr());
    }

    @Test
    void fromTheEnvironmentAndNeverInToString() throws Exception {
        PostgresOptions o = options(Map.of(PostgresOptions.PASSWORD_ENV, "s3cret-from-env"), "--jdbc-url",
                server.jdbcUrl());
        PostgresTarget t = o.target();
        assertThrows(SQLException.class, t::connect);
        assertEquals(List.of("s3cret-from-env"), server.passwords);
        assertFalse(t.toString().contains("s3cret"), t.toString());
        assertTrue(t.toString().contains("password=***"), t.toString());
        assertEquals("PostgresTarget[jdbcUrl=" + server.jdbcUrl() + ", user=postgres, password=none, batchSize=1000, "
                + "batchIntervalMs=200, maxRetries=3]", options(Map.of(), "--jdbc-url", server.jdbcUrl()).target()
                        .toString());
    }

    @Test
    void optionBeatsFileBeatsEnvironment() throws Exception {
        Path file = Files.writeString(tmp.resolve("pw"), "from-file\r\n");
        Map<String, String> env = Map.of(PostgresOptions.PASSWORD_ENV, "from-env");
        assertEquals("from-env", options(env).target().password());
        assertEquals("from-file", options(env, "--jdbc-password-file", file.toString()).target().password());
        assertEquals("from-option", options(env, "--jdbc-password", "from-option").target().password());
        assertEquals(null, options(Map.of()).target().password());
        assertEquals(null, options(Map.of(PostgresOptions.PASSWORD_ENV, "")).target().password());
    }

    @Test
    void bothOptionsOrAnUnreadableFileAreOneLineUsageErrors() throws Exception {
        Path file = Files.writeString(tmp.resolve("pw"), "x\n");
        CommandLineExecution both = CommandLineExecution.of(List.of("migrate", "--jdbc-url", server.jdbcUrl(),
                "--jdbc-password", "x", "--jdbc-password-file", file.toString()));
        assertEquals(ExitCodes.USAGE, both.exitCode());
        assertEquals(List.of("rrr migrate: --jdbc-password and --jdbc-password-file both given: give one (the file "
                + "keeps the password out of the process list) (see rrr migrate --help)"), both.stderr().lines().toList());
        CommandLineExecution missing = CommandLineExecution.of(List.of("migrate", "--jdbc-url", server.jdbcUrl(),
                "--jdbc-password-file", tmp.resolve("nosuch").toString()));
        assertEquals(ExitCodes.USAGE, missing.exitCode());
        assertEquals(1, missing.stderr().lines().count(), missing.stderr());
        assertTrue(missing.stderr().startsWith("rrr migrate: cannot read --jdbc-password-file "), missing.stderr());
        assertTrue(server.passwords.isEmpty(), "nothing connected");
    }

    @Test
    void aPasswordInTheUrlIsMaskedInMessages() {
        assertEquals("jdbc:postgresql://db/rrr?user=u&password=***&ssl=true",
                PostgresTarget.maskUrl("jdbc:postgresql://db/rrr?user=u&password=hunter2&ssl=true"));
        assertFalse(PostgresTarget.of("jdbc:postgresql://db/rrr?password=hunter2", "u", "p").toString()
                .contains("hunter2"));
    }
}
