package io.rrralgorithms.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.jdbc.PostgresTarget;
import io.rrralgorithms.jobs.local.LocalPipeline;
import io.rrralgorithms.jobs.local.RunSummary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one-command local run (what {@code ./rrr run} does) on the cryptofeed Binance captures. */
class LocalRunIT {

    @Test
    void runReplaysIntoEmbeddedKafkaAndWritesPostgresWithARunLog() throws Exception {
        try (TestDatabase db = new TestDatabase()) {
            LocalPipeline.Settings s = new LocalPipeline.Settings();
            s.files = List.of(SharedData.market("cryptofeed/BINANCE.ws.1.0"),
                    SharedData.market("cryptofeed/BINANCE_FUTURES.ws.1.0"));
            s.kafkaPort = 0;
            s.webPort = 0;
            s.postgres = db.target;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            s.out = new PrintStream(out, true, StandardCharsets.UTF_8);

            RunSummary summary = new LocalPipeline(s).run();

            String printed = out.toString(StandardCharsets.UTF_8);
            assertTrue(printed.contains("=== run summary ==="), printed);
            assertTrue(printed.contains("Flink web UI at http://localhost:"), printed);
            // 4 spot + 4 futures symbols were subscribed in the recording
            assertEquals(8, summary.instruments().size(), summary.instruments()::toString);
            assertEquals(0, summary.deadLetters());
            assertTrue(summary.eventsByType().get("BOOK_SNAPSHOT") == 8, summary.eventsByType()::toString);
            assertEquals(summary.rowsByTable().get("features").longValue(), db.count("features"));
            assertEquals(summary.rowsByTable().get("trade_bars_1m").longValue(), db.count("trade_bars_1m"));
            List<String> run = db.rows("SELECT mode, status, array_length(inputs, 1), counts->>'dead_letters', "
                    + "(counts->'events'->>'TRADE')::int > 0 FROM pipeline_runs");
            assertEquals(List.of("bounded | finished | 2 | 0 | t"), run);
        }
    }

    @Test
    void aDeadDatabaseIsAClearError() {
        LocalPipeline.Settings s = new LocalPipeline.Settings();
        s.files = List.of(SharedData.market("cryptofeed/BINANCE.ws.1.0"));
        s.postgres = PostgresTarget.of("jdbc:postgresql://127.0.0.1:1/rrr", "postgres", null);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new LocalPipeline(s).run());
        assertTrue(e.getMessage().startsWith("PostgreSQL does not answer at jdbc:postgresql://127.0.0.1:1/rrr"),
                e.getMessage());
    }
}
