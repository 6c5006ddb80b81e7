package io.rrralgorithms.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.jobs.SharedData;
import io.rrralgorithms.jobs.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rrr run} says when output is missing: a capture without its REST snapshots leaves books
 * that never sync, spot data replayed as futures is mostly dead letters; each is a warning line
 * after the summary (and in {@code pipeline_runs}), exit 0, or {@link ExitCodes#WARNINGS} with
 * {@code --strict}. Three small local runs.
 */
class RunWarningsIT {
    @TempDir
    Path tmp;

    /** The cryptofeed Binance spot frames without the BINANCE.http.* snapshots recorded beside them. */
    private Path captureWithoutSnapshots() throws Exception {
        Path copy = tmp.resolve("BINANCE.ws.1.0");
        Files.copy(SharedData.market("cryptofeed/BINANCE.ws.1.0"), copy);
        return copy;
    }

    private static List<String> run(TestDatabase db, String... args) {
        List<String> all = new ArrayList<>(List.of("run", "--kafka-port", "0", "--web-port", "0",
                "--jdbc-url", db.target.jdbcUrl()));
        all.addAll(List.of(args));
        return all;
    }

    @Test
    void booksWithoutSnapshotAreListedAndWarnedAbout() throws Exception {
        try (TestDatabase db = new TestDatabase()) {
            CommandLineExecution e = CommandLineExecution.of(run(db, captureWithoutSnapshots().toString()));

            assertEquals(ExitCodes.OK, e.exitCode(), e.stderr());
            List<String> out = e.stdout().lines().toList();
            int listed = out.indexOf("books never synced   4");
            assertTrue(listed > 0, e.stdout());
            assertEquals("  binance-spot:BLZETH  (no snapshot)", out.get(listed + 1));
            assertEquals("  binance-spot:NKNUSDT  (no snapshot)", out.get(listed + 3));
            assertEquals(List.of("warning: 4 book(s) never synced, no snapshot arrived: binance-spot:BLZETH, "
                    + "binance-spot:LRCBTC, binance-spot:NKNUSDT, binance-spot:RUNEEUR; they have no book_top or "
                    + "features rows. Replay the capture with its REST snapshots (cryptofeed: keep EXCHANGE.http.* "
                    + "next to the ws file; hftbacktest: include the day's first file), or run live"), e.warnings());
            assertEquals(0, db.count("book_top"));
            assertEquals(List.of("finished | 4 | 1"), db.rows("SELECT status, "
                    + "jsonb_array_length(counts->'books_never_synced'), jsonb_array_length(counts->'warnings') "
                    + "FROM pipeline_runs"));
        }
    }

    @Test
    void strictMakesTheWarningsAnExitCode() throws Exception {
        try (TestDatabase db = new TestDatabase()) {
            CommandLineExecution e = CommandLineExecution.of(run(db, "--strict", captureWithoutSnapshots().toString()));

            assertEquals(ExitCodes.WARNINGS, e.exitCode(), e.stderr());
            assertEquals(1, e.warnings().size(), e.stderr());
            assertTrue(e.warnings().get(0).startsWith("warning: 4 book(s) never synced"), e.warnings().get(0));
        }
    }

    @Test
    void spotDataReplayedAsFuturesIsMostlyDeadLetters() throws Exception {
        try (TestDatabase db = new TestDatabase()) {
            CommandLineExecution e = CommandLineExecution.of(run(db, "--feed", "binance-usdm",
                    SharedData.market("cryptofeed/BINANCE.ws.1.0").toString()));

            assertEquals(ExitCodes.OK, e.exitCode(), e.stderr());
            assertTrue(e.warnings().stream().anyMatch(w -> w.startsWith("warning: feed binance-usdm: mostly dead "
                    + "letters, ")), () -> String.join("\n", e.warnings()) + "\n" + e.stdout());
        }
    }
}
