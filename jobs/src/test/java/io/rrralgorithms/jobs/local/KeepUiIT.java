package io.rrralgorithms.jobs.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.jobs.SharedData;
import io.rrralgorithms.jobs.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code rrr run --keep-ui}: after a bounded run's summary the web UI still answers, with the
 * finished job in its list, until Enter; then the run returns and the port is closed.
 */
class KeepUiIT {
    @Test
    void theWebUiOfTheFinishedJobStaysUpUntilEnter() throws Exception {
        int webPort;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            webPort = free.getLocalPort();
        }
        try (TestDatabase db = new TestDatabase(); PipedOutputStream enter = new PipedOutputStream()) {
            RunSpec s = new RunSpec();
            s.files = List.of(SharedData.market("cryptofeed/BINANCE.ws.1.0"));
            s.kafkaPort = 0;
            s.webPort = webPort;
            s.postgres = db.target;
            s.keepUi = true;
            s.in = new PipedInputStream(enter);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            s.out = new PrintStream(out, true, StandardCharsets.UTF_8);
            CompletableFuture<RunSummary> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return new LocalPipeline(s).run();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            String kept = "kept up (--keep-ui): web UI at http://localhost:" + webPort + ",";
            long deadline = System.currentTimeMillis() + 180_000;
            while (!out.toString(StandardCharsets.UTF_8).contains(kept)) {
                assertFalse(run.isDone() && !run.isCompletedExceptionally(), out::toString);
                if (run.isCompletedExceptionally()) {
                    run.join(); // throws the cause
                }
                assertTrue(System.currentTimeMillis() < deadline, out::toString);
                Thread.sleep(200);
            }
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("=== run summary ==="));

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> jobs = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webPort
                    + "/jobs/overview")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, jobs.statusCode());
            assertTrue(jobs.body().contains("\"state\":\"FINISHED\""), jobs.body());
            assertFalse(run.isDone(), "the run waits for Enter");

            enter.write('\n');
            enter.flush();
            RunSummary summary = run.get(60, TimeUnit.SECONDS);
            assertEquals(4, summary.instruments().size());
            long closedBy = System.currentTimeMillis() + 30_000;
            while (LocalDatabase.listens("127.0.0.1", webPort)) {
                assertTrue(System.currentTimeMillis() < closedBy, "the web UI is still up after Enter");
                Thread.sleep(200);
            }
        }
    }
}
