package io.rrralgorithms.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.jdbc.PostgresTarget;
import io.rrralgorithms.jobs.local.LocalPipeline;
import io.rrralgorithms.jobs.local.RunSpec;
import io.rrralgorithms.jobs.local.RunSummary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The one-command local run (what {@code ./rrr run} does) on the cryptofeed Binance captures. */
class LocalRunIT {

    @Test
    void runReplaysIntoEmbeddedKafkaAndWritesPostgresWithARunLog() throws Exception {
        try (TestDatabase db = new TestDatabase()) {
            RunSpec s = new RunSpec();
            s.files = List.of(SharedData.market("cryptofeed/BINANCE.ws.1.0"),
                    SharedData.market("cryptofeed/BINANCE_FUTURES.ws.1.0"));
            s.kafkaPort = 0;
            s.webPort = 0;
            s.postgres = db.target;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            s.out = new PrintStream(out, true, StandardCharsets.UTF_8);

            LocalPipeline pipeline = new LocalPipeline(s);
            RunSummary summary = pipeline.run();
            // the run's temporary checkpoint folder is gone with a run that ended normally (its own
            // folder: other runs on the machine may hold theirs in the same temp directory)
            assertNotNull(pipeline.tempCheckpointDir());
            assertFalse(Files.exists(pipeline.tempCheckpointDir()), pipeline.tempCheckpointDir()::toString);

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
    void unboundedRunKeepsRunningWithTheWebUiUntilStopped() throws Exception {
        try (TestDatabase db = new TestDatabase(); ServerSocket free = new ServerSocket(0)) {
            int webPort = free.getLocalPort();
            free.close();
            RunSpec s = new RunSpec();
            s.files = List.of(SharedData.market("cryptofeed/BINANCE_FUTURES.ws.1.0"));
            s.bounded = false;
            s.kafkaPort = 0;
            s.webPort = webPort;
            s.postgres = db.target;
            s.durability.checkpointInterval = Duration.ofMillis(500); // sinks flush on checkpoints
            s.out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
            LocalPipeline pipeline = new LocalPipeline(s);
            CompletableFuture<RunSummary> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return pipeline.run();
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            });
            // rows arrive while the job runs on; the Flink web UI answers
            long deadline = System.currentTimeMillis() + 120_000;
            while (db.count("trade_bars_1m") == 0 && System.currentTimeMillis() < deadline && !run.isDone()) {
                Thread.sleep(500);
            }
            assertTrue(db.count("trade_bars_1m") > 0, "no rows while running");
            var http = HttpClient.newHttpClient();
            var overview = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + webPort + "/jobs/overview")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, overview.statusCode());
            assertTrue(overview.body().contains("\"state\":\"RUNNING\""), overview.body());
            assertEquals(List.of("unbounded | running"), db.rows("SELECT mode, status FROM pipeline_runs"));
            assertTrue(!run.isDone(), "an unbounded run does not end by itself");

            RunSummary summary = pipeline.stop();
            assertEquals(summary, run.get(60, TimeUnit.SECONDS));
            assertTrue(summary.eventsByType().get("TRADE") > 0, summary::toJson);
            assertEquals(List.of("unbounded | stopped"), db.rows("SELECT mode, status FROM pipeline_runs"));
        }
    }

    @Test
    void aDeadDatabaseIsAClearError() {
        RunSpec s = new RunSpec();
        s.files = List.of(SharedData.market("cryptofeed/BINANCE.ws.1.0"));
        s.postgres = PostgresTarget.of("jdbc:postgresql://127.0.0.1:1/rrr", "postgres", null);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new LocalPipeline(s).run());
        assertTrue(e.getMessage().startsWith("PostgreSQL does not answer at jdbc:postgresql://127.0.0.1:1/rrr"),
                e.getMessage());
    }
}
