package io.rrralgorithms.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.capture.CaptureFeeds;
import io.rrralgorithms.connectors.capture.CaptureReader;
import io.rrralgorithms.connectors.kafka.EmbeddedKafkaBroker;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.jobs.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code rrr replay --speed N} on two feeds recorded three weeks apart: paced per feed it lasts
 * the longer feed's span / N, aligned it lasts the sum of both spans / N (the gap between the
 * recordings is cut, and the progress line says so); never the three weeks / N it once slept.
 */
class PacedReplayTest {
    private static final double SPEED = 100;

    private static final Path SPOT = SharedData.market("binance-spot/btcusdt_20240808.gz");
    private static final Path USDM = SharedData.market("binance-usdm/btcusdt_20240718.gz");

    @Test
    void eachFeedOnItsOwnClockThenBothOnOne() throws Exception {
        double spotSpan = spanSeconds(SPOT);
        double usdmSpan = spanSeconds(USDM);
        assertTrue(spotSpan > 300 && usdmSpan > 150, spotSpan + " " + usdmSpan);
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, null)) {
            CaptureLinesCheck perFeed = replay(broker, "per-feed", "a.");
            double expected = Math.max(spotSpan, usdmSpan) / SPEED;
            // paced: it cannot be faster than the recording / speed; the slack is producer start-up on 2 cores
            assertTrue(perFeed.seconds >= expected * 0.98 && perFeed.seconds < expected * 1.5 + 3,
                    "per-feed replay took " + perFeed.seconds + " s, expected about " + expected);
            assertTrue(perFeed.stderr.contains("paced ×100 per feed"), perFeed.stderr);

            CaptureLinesCheck aligned = replay(broker, "aligned", "b.");
            double alignedExpected = (spotSpan + usdmSpan) / SPEED;
            assertTrue(aligned.seconds >= alignedExpected * 0.98 && aligned.seconds < alignedExpected * 1.5 + 3,
                    "aligned replay took " + aligned.seconds + " s, expected about " + alignedExpected);
            assertTrue(aligned.stderr.contains("paced ×100 aligned, 1 pause > 60s cut (20d "), aligned.stderr);
        }
    }

    private record CaptureLinesCheck(double seconds, String stderr) {}

    private static CaptureLinesCheck replay(EmbeddedKafkaBroker broker, String pace, String prefix) {
        CommandLineExecution run = CommandLineExecution.of(List.of("replay", "--bootstrap-servers",
                broker.bootstrapServers(), "--topic-prefix", prefix, "--speed", "100", "--pace", pace,
                SPOT.toString(), USDM.toString()));
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stdout().contains("replayed 52,663 frames"), run.stdout());
        // the command's own measure of the publishing time, without the JVM-side set-up
        String line = run.stdout().lines().filter(l -> l.startsWith("replayed")).findFirst().orElseThrow();
        double seconds = Double.parseDouble(line.replaceAll(".* in ([0-9.]+) s.*", "$1"));
        return new CaptureLinesCheck(seconds, run.stderr());
    }

    private static double spanSeconds(Path file) throws IOException {
        long first = Long.MIN_VALUE;
        long last = 0;
        try (CaptureReader r = CaptureFeeds.INFERRED.open(file)) {
            while (r.hasNext()) {
                RawFrame f = r.next();
                if (first == Long.MIN_VALUE) {
                    first = f.receiveTimeNs;
                }
                last = f.receiveTimeNs;
            }
        }
        return (last - first) / 1e9;
    }
}
