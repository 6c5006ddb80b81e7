package io.rrralgorithms.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.jobs.local.LocalPipeline;
import io.rrralgorithms.jobs.local.RunSpec;
import io.rrralgorithms.jobs.local.RunSummary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Coinbase capture through the local run (embedded Kafka topic {@code raw.coinbase} → the
 * Flink job → PostgreSQL), in the style of {@link LocalRunIT}: the run summary's trades equal
 * the capture's {@code match} frames, with no gap, no crossed book and no dead letter.
 */
class CoinbaseLocalRunIT {
    private static final Pattern MATCH_FRAME = Pattern.compile("^[0-9]+(\\.[0-9]+)?: \\{\"type\":\"match\",.*");

    @Test
    void coinbaseCaptureRunsThroughKafkaAndFlink() throws Exception {
        Path file = SharedData.market("cryptofeed/COINBASE.ws.28.0");
        long matchFrames;
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            matchFrames = lines.filter(l -> MATCH_FRAME.matcher(l).matches()).count();
        }
        assertEquals(97, matchFrames);
        try (TestDatabase db = new TestDatabase()) {
            RunSpec s = new RunSpec();
            s.files = List.of(file);
            s.kafkaPort = 0;
            s.webPort = 0;
            s.postgres = db.target;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            s.out = new PrintStream(out, true, StandardCharsets.UTF_8);

            RunSummary summary = new LocalPipeline(s).run();

            String printed = out.toString(StandardCharsets.UTF_8);
            assertTrue(printed.contains("=== run summary ==="), printed);
            assertEquals(matchFrames, summary.eventsByType().get("TRADE").longValue(), summary::toJson);
            assertEquals(10L, summary.eventsByType().get("BOOK_SNAPSHOT").longValue(), summary::toJson);
            assertEquals(9719L, summary.eventsByType().get("BOOK_DELTA").longValue(), summary::toJson);
            assertEquals(10, summary.instruments().size(), summary.instruments()::toString);
            assertEquals(0, summary.deadLetters(), summary::toJson);
            assertEquals(0, summary.gaps(), summary::toJson);
            assertEquals(0, summary.crossed(), summary::toJson);
            assertEquals(summary.rowsByTable().get("trade_bars_1m").longValue(), db.count("trade_bars_1m"));
        }
    }
}
