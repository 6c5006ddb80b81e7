package io.rrralgorithms.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.jobs.local.LocalPipeline;
import io.rrralgorithms.jobs.local.RunSpec;
import io.rrralgorithms.jobs.local.RunSummary;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Well-formed frames with bad values, each inserted once into the real Binance spot capture of
 * 2024-08-08 (41,249 frames) and run through the whole path (embedded Kafka → Flink → PostgreSQL)
 * beside a clean run of the same capture. Each row of the table is one test: the frame is
 * dead-lettered with its reason (a duplicate trade is counted once instead) and every other table
 * is row for row the clean run's. A crossed snapshot gets its own run: a gap, never a crossed row.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadFramesIT {
    private static final String CAPTURE = "binance-spot/btcusdt_20240808.gz";
    private static final String YEAR_2100_MS = "4102444800000";

    @TempDir
    static Path dir;

    private TestDatabase cleanDb;
    private TestDatabase badDb;
    private RunSummary clean;
    private RunSummary bad;
    private final Map<String, String> inserted = new LinkedHashMap<>();

    @BeforeAll
    void runCleanAndMutated() throws Exception {
        List<String> lines = readLines(SharedData.market(CAPTURE));
        String trade = first(lines, "\"e\":\"trade\"");
        String diff = first(lines, "\"e\":\"depthUpdate\"");
        String ticker = first(lines, "@bookTicker");
        String tradeTime = field(trade, "T");
        String diffTime = field(diff, "E");
        inserted.put("trade in 2100", trade.replace("\"T\":" + tradeTime, "\"T\":" + YEAR_2100_MS));
        inserted.put("diff in 2100", diff.replace("\"E\":" + diffTime, "\"E\":" + YEAR_2100_MS));
        inserted.put("NUL in symbol", trade.replace("\"s\":\"BTCUSDT\"", "\"s\":\"BTC\\u0000USDT\""));
        inserted.put("duplicate key", trade.replaceFirst("\"p\":\"([0-9.]+)\"", "\"p\":\"$1\",\"p\":\"1.00000000\""));
        inserted.put("negative time", trade.replace("\"T\":" + tradeTime, "\"T\":-1000"));
        inserted.put("negative bid", ticker.replaceFirst("\"b\":\"[0-9.]+\"", "\"b\":\"-5\"")
                .replaceFirst("\"a\":\"[0-9.]+\"", "\"a\":\"0\""));
        inserted.put("5 MB trade", trade.replace("\"m\":", "\"x\":\"" + "a".repeat(5 << 20) + "\",\"m\":"));
        inserted.put("duplicate trade", trade);

        List<String> mutated = new ArrayList<>(lines);
        int at = lines.indexOf(trade) + 1;
        for (String line : inserted.values()) {
            mutated.add(at, line); // right after the original: where a redelivery would arrive
        }
        cleanDb = new TestDatabase();
        badDb = new TestDatabase();
        clean = run(write("clean", lines), cleanDb);
        bad = run(write("mutated", mutated), badDb);
    }

    @AfterAll
    void dropDatabases() throws Exception {
        cleanDb.close();
        badDb.close();
    }

    @Test
    void aTradeOrDiffDatedIn2100IsDeadLetteredAndNoTradeIsLate() throws Exception {
        assertReason("exchange time " + YEAR_2100_MS + " is ", 2);
        assertEquals(clean.lateTrades(), bad.lateTrades());
        assertEquals(List.of("0"), badDb.rows("SELECT count(*) FROM trade_bars_1m WHERE window_start > '2030-01-01'"));
        assertEquals(List.of("0"), badDb.rows("SELECT count(*) FROM features WHERE feature_time > '2030-01-01'"));
        assertTablesEqual();
    }

    @Test
    void aNulInTheSymbolIsDeadLetteredAndTheJobFinishes() throws Exception {
        assertReason("does not match data symbol BTC", 1);
        assertTablesEqual();
    }

    @Test
    void aDuplicateJsonKeyIsRefused() throws Exception {
        assertReason("Duplicate field 'p'", 1);
        assertEquals(cleanDb.rows("SELECT min(low), max(high) FROM trade_bars_1m"),
                badDb.rows("SELECT min(low), max(high) FROM trade_bars_1m"));
        assertTablesEqual();
    }

    @Test
    void negativeTimesPricesAndAHugeFrameAreDeadLettered() throws Exception {
        assertReason("must be a positive epoch time in ms, got -1000", 1);
        assertReason("bid[0]: non-positive price", 1);
        assertReason("larger than the limit of 4194304 bytes", 1);
        assertTablesEqual();
    }

    @Test
    void anExactDuplicateTradeIsCountedOnce() throws Exception {
        assertEquals(clean.eventsByType().get("TRADE") + 1, bad.eventsByType().get("TRADE"), "decoded twice");
        assertEquals(1, bad.feedCount("binance-spot", "DUPLICATE_TRADE"));
        assertEquals(cleanDb.rows("SELECT sum(trade_count), sum(volume) FROM trade_bars_1m"),
                badDb.rows("SELECT sum(trade_count), sum(volume) FROM trade_bars_1m"));
        assertTablesEqual();
    }

    @Test
    void everyInsertedFrameButTheDuplicateIsADeadLetter() throws Exception {
        assertEquals(clean.deadLetters() + inserted.size() - 1, bad.deadLetters());
        assertEquals(cleanDb.count("dead_letters") + inserted.size() - 1, badDb.count("dead_letters"));
    }

    @Test
    void aCrossedSnapshotThatBridgesIsAGapAndNeverACrossedRow() throws Exception {
        List<String> lines = readLines(SharedData.market(CAPTURE));
        String snapshot = first(lines, "\"lastUpdateId\"");
        // a bid far above every ask: the book it loads is crossed
        String crossed = snapshot.replaceFirst("\"bids\":\\[", "\"bids\":[[\"99999.00000000\",\"1.00000000\"],");
        List<String> mutated = new ArrayList<>(lines);
        mutated.set(lines.indexOf(snapshot), crossed); // the capture's only snapshot: its lastUpdateId bridges
        try (TestDatabase db = new TestDatabase()) {
            RunSummary s = run(write("crossed", mutated), db);
            assertEquals(List.of("1"), db.rows("SELECT count(*) FROM book_gaps WHERE reason LIKE "
                    + "'crossed snapshot: best bid 99999 >= best ask %'"));
            // the book stays invalid until a next snapshot (there is none): nothing is sampled from it
            assertEquals(List.of("0"), db.rows("SELECT count(*) FROM book_top"));
            assertEquals(List.of("0"), db.rows("SELECT count(*) FROM features WHERE book_valid"));
            assertTrue(db.count("features") > 0, "features of the trades are still written");
            assertEquals(1, s.crossed());
            assertEquals(1, s.gaps());
        }
    }

    // ---------------------------------------------------------------- helpers

    private void assertReason(String part, int n) throws Exception {
        List<String> rows = badDb.rows("SELECT count(*) FROM dead_letters WHERE position('" + part.replace("'", "''")
                + "' in reason) > 0");
        assertEquals(List.of(String.valueOf(n)), rows, () -> {
            try {
                return "dead letters: " + badDb.rows("SELECT reason FROM dead_letters");
            } catch (Exception e) {
                return e.toString();
            }
        });
    }

    /** Every table but dead_letters is the clean run's, row for row. */
    private void assertTablesEqual() throws Exception {
        for (String t : List.of("book_top", "features", "trade_bars_1m", "book_gaps")) {
            List<String> want = cleanDb.table(t);
            assertTrue(!want.isEmpty() || t.equals("book_gaps"), t + " empty in the clean run");
            assertEquals(want, badDb.table(t), t);
        }
    }

    private RunSummary run(Path file, TestDatabase db) throws Exception {
        RunSpec s = new RunSpec();
        s.files = List.of(file);
        s.kafkaPort = 0;
        s.webPort = 0;
        s.postgres = db.target;
        s.out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return new LocalPipeline(s).run();
    }

    /** Writes {@code lines} as {@code <dir>/<name>/binance-spot/btcusdt_20240808.gz} (the feed is the folder's). */
    private Path write(String name, List<String> lines) throws Exception {
        Path f = dir.resolve(name).resolve(CAPTURE);
        Files.createDirectories(f.getParent());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            for (String l : lines) {
                out.write(l.getBytes(StandardCharsets.UTF_8));
                out.write('\n');
            }
        }
        return f;
    }

    private static List<String> readLines(Path gz) throws Exception {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(gz)),
                StandardCharsets.UTF_8))) {
            return new ArrayList<>(r.lines().toList());
        }
    }

    private static String first(List<String> lines, String marker) {
        return lines.stream().filter(l -> l.contains(marker)).findFirst().orElseThrow();
    }

    private static String field(String line, String name) {
        int i = line.indexOf("\"" + name + "\":") + name.length() + 3;
        int j = i;
        while (Character.isDigit(line.charAt(j))) {
            j++;
        }
        return line.substring(i, j);
    }
}
