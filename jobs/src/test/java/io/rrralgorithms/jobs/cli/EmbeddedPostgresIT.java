package io.rrralgorithms.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.jobs.SharedData;
import io.rrralgorithms.jobs.TestDatabase;
import io.rrralgorithms.jobs.local.LocalDatabase;
import io.rrralgorithms.jobs.local.UserDataFolder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fresh machine without PostgreSQL: with nothing answering at the default address (pointed at a
 * closed port) and a clean user data folder, {@code rrr run} on a recorded capture starts the
 * embedded PostgreSQL, says so, and prints the summary the same run prints on the real server; a
 * second run reuses the embedded database (its rows of the first run are still there).
 */
class EmbeddedPostgresIT {
    @TempDir
    Path home;

    @BeforeEach
    void noServerAtTheDefaultAddress() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        System.setProperty(LocalDatabase.DEFAULT_URL_PROPERTY, "jdbc:postgresql://127.0.0.1:" + closed + "/rrr");
        System.setProperty(UserDataFolder.PROPERTY, home.toString());
    }

    @AfterEach
    void restore() {
        System.clearProperty(LocalDatabase.DEFAULT_URL_PROPERTY);
        System.clearProperty(UserDataFolder.PROPERTY);
    }

    private static final String CAPTURE = SharedData.market("cryptofeed/BINANCE.ws.1.0").toString();

    private static CommandLineExecution run(String... jdbc) {
        List<String> args = new ArrayList<>(List.of("run", "--kafka-port", "0", "--web-port", "0"));
        args.addAll(List.of(jdbc));
        args.add(CAPTURE);
        return CommandLineExecution.of(args);
    }

    /** The summary block, without its wall-clock seconds and its latency table (timings, not data). */
    private static String summary(CommandLineExecution e) {
        String out = e.stdout();
        int at = out.indexOf("=== run summary ===");
        assertTrue(at >= 0, out + e.stderr());
        return out.substring(at).replaceAll("(?m)^latency, ms from receive.*\\R(?:  .*\\R?)*", "")
                .replaceAll(" in [0-9.,]+ s", " in _ s");
    }

    @Test
    void runsOnTheEmbeddedDatabaseWithTheSummaryOfTheRealServerAndReusesIt() throws Exception {
        CommandLineExecution embedded = run();
        assertEquals(ExitCodes.OK, embedded.exitCode(), embedded.stderr());
        Path dir = home.resolve("postgres");
        assertTrue(embedded.stdout().lines().anyMatch(l -> l.startsWith("PostgreSQL: none answers at 127.0.0.1:")
                && l.contains("started the embedded one (data in " + dir + ", stopped at exit)")
                && l.contains(" ; psql -h 127.0.0.1 -p ")), embedded.stdout());
        assertTrue(Files.exists(dir.resolve("data").resolve("PG_VERSION")));
        assertFalse(Files.exists(dir.resolve("data").resolve("postmaster.pid")), "stopped at exit");

        CommandLineExecution real;
        try (TestDatabase db = new TestDatabase()) {
            real = run("--jdbc-url", db.target.jdbcUrl());
            assertEquals(ExitCodes.OK, real.exitCode(), real.stderr());
            assertFalse(real.stdout().contains("PostgreSQL: none answers"), real.stdout());
        }
        assertEquals(summary(real), summary(embedded));

        CommandLineExecution again = run();
        assertEquals(ExitCodes.OK, again.exitCode(), again.stderr());
        assertEquals(summary(embedded), summary(again));

        ByteArrayOutputStream said = new ByteArrayOutputStream();
        try (LocalDatabase db = LocalDatabase.openDefault(new PrintStream(said, true, StandardCharsets.UTF_8));
                Connection c = DriverManager.getConnection(db.jdbcUrl(), LocalDatabase.EMBEDDED_USER, null);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT run_id) FROM pipeline_runs "
                        + "WHERE status = 'finished'")) {
            assertTrue(rs.next());
            assertEquals(2, rs.getInt(1), "both runs are in the one embedded database");
            assertEquals(2, rs.getInt(2));
        }
        assertTrue(said.toString(StandardCharsets.UTF_8).contains("data in " + dir), said.toString());
    }
}
