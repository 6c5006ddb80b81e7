package io.rrralgorithms.jobs.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.live.CaptureConfig;
import io.rrralgorithms.jobs.SharedData;
import io.rrralgorithms.jobs.TestDatabase;
import io.rrralgorithms.jobs.config.JobConfigOptions;
import io.rrralgorithms.jobs.local.LocalPipeline;
import io.rrralgorithms.jobs.local.RunSpec;
import io.rrralgorithms.jobs.local.RunSummary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code ./rrr run} without capture files where the exchange answers (Binance spot played on
 * loopback from the recording): embedded Kafka, the live capture into it, the job unbounded on
 * it, PostgreSQL; stopped like Ctrl-C: every recorded trade reaches the job, one book snapshot
 * syncs the book, no gap, no dead letter.
 */
class LiveLocalRunIT {

    @Test
    void theLiveDefaultRunsTheJobOnTheCapture() throws Exception {
        try (TestDatabase db = new TestDatabase();
                BinanceLoopbackExchange exchange = new BinanceLoopbackExchange(
                        SharedData.market("binance-spot/btcusdt_20240808.gz"), new int[0], 0, 50)) {
            RunSpec s = new RunSpec();
            s.capture = CaptureConfig.parse("venues:\n  - feed: binance-spot\n    symbols: [BTC-USDT]\n"
                    + "    url: \"" + exchange.wsUrl() + "\"\n    restUrl: \"" + exchange.restUrl() + "\"\n", "test");
            s.kafkaPort = 0;
            s.webPort = 0;
            s.postgres = db.target;
            s.durability.checkpointInterval = Duration.ofMillis(500);
            // the loopback exchange serves 2024 frames now: their exchange times lag the receive times by years
            s.job.set(JobConfigOptions.MAX_CLOCK_SKEW_MS, LiveCaptureIT.RECORDED_FRAMES_LIVE.maxClockSkewMs());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            s.out = new PrintStream(out, true, StandardCharsets.UTF_8);
            LocalPipeline pipeline = new LocalPipeline(s);
            CompletableFuture<RunSummary> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return pipeline.run();
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            });
            long deadline = System.currentTimeMillis() + 120_000;
            while (!exchange.done() && System.currentTimeMillis() < deadline && !run.isDone()) {
                Thread.sleep(100);
            }
            assertTrue(exchange.done(), "the exchange did not stream its recording");
            while (db.count("trade_bars_1m") == 0 && System.currentTimeMillis() < deadline && !run.isDone()) {
                Thread.sleep(200);
            }
            Thread.sleep(5_000); // let the job read the last frames before stopping it
            assertFalse(run.isDone(), "a live run does not end by itself");

            RunSummary summary = pipeline.stop();
            assertEquals(summary, run.get(60, TimeUnit.SECONDS));
            String printed = out.toString(StandardCharsets.UTF_8);
            assertTrue(printed.contains("live capture of binance-spot [BTCUSDT] from " + exchange.wsUrl()
                    + " into raw.binance-spot"), printed);
            assertTrue(printed.contains("book gaps go to rrr.control.resync as resync requests"), printed);
            long trades = exchange.sentPerSession.get(0).stream()
                    .filter(p -> p.startsWith("{\"stream\":\"btcusdt@trade\"")).count();
            assertEquals(trades, summary.eventsByType().get("TRADE").longValue(), summary::toJson);
            assertEquals(1L, summary.eventsByType().get("BOOK_SNAPSHOT").longValue(), summary::toJson);
            assertEquals(0, summary.gaps());
            assertEquals(0, summary.deadLetters());
            assertEquals(0, summary.crossed());
            assertEquals(1, summary.instruments().size(), summary.instruments()::toString);
            assertTrue(summary.instruments().get(0).endsWith("BTCUSDT BTC-USDT"), summary.instruments()::toString);
            assertTrue(db.count("trade_bars_1m") > 0);
            assertEquals(List.of("unbounded | stopped | live:binance-spot:" + exchange.wsUrl()),
                    db.rows("SELECT mode, status, inputs[1] FROM pipeline_runs"));
        }
    }
}
