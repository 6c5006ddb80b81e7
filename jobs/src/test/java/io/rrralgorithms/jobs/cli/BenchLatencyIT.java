package io.rrralgorithms.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.jobs.SharedData;
import io.rrralgorithms.jobs.TestDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rrr bench latency} end to end on a slice of a capture (its first 8,000 lines, 50x its pace):
 * the table has the floor and every stage with values, and the verdicts and the RESULT line follow.
 * Not timed: it checks what is printed, not how fast.
 */
class BenchLatencyIT {
    @TempDir
    Path dir;

    @Test
    void printsEveryStageBesideTheKafkaFloor() throws Exception {
        Path slice = Files.createDirectories(dir.resolve("binance-spot")).resolve("btcusdt_20240808.gz");
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(SharedData.market("binance-spot/btcusdt_20240808.gz"))), StandardCharsets.UTF_8));
                Writer out = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(slice)),
                        StandardCharsets.UTF_8)) {
            String line;
            for (int i = 0; i < 8_000 && (line = in.readLine()) != null; i++) {
                out.write(line);
                out.write('\n');
            }
        }
        try (TestDatabase db = new TestDatabase()) {
            CommandLineExecution r = CommandLineExecution.of(List.of("bench", "latency", slice.toString(),
                    "--rate-multiplier", "50", "--max-seconds", "20", "--drain-seconds", "2", "--warm-up-seconds", "0", "--jdbc-url",
                    db.target.jdbcUrl()));
            assertEquals(0, r.exitCode(), r.stderr());
            String out = r.stdout();
            assertTrue(out.contains("latency at 50x recorded pace, 8,000 frames replayed"), out);
            assertTrue(out.contains("no warm-up left out"), out);
            for (String row : List.of("kafka round trip (floor)", "market/decoded", "market/book", "decision/book",
                    "decision/features", "decision/score", "decision/order", "decision/sink_flush/orders")) {
                Matcher m = Pattern.compile("(?m)^" + Pattern.quote(row) + "\\s+([\\d,]+)(\\s+[\\d.]+){5}$").matcher(out);
                assertTrue(m.find(), row + " row in\n" + out);
                assertTrue(Long.parseLong(m.group(1).replace(",", "")) > 0, row + " has no values");
            }
            assertTrue(out.contains("tick-to-order p99 "), out);
            assertTrue(out.contains("frame -> order row visible in PostgreSQL p95 "), out);
            assertTrue(out.contains("RESULT latency 50x: kafka round trip p50 "), out);
        }
    }
}
