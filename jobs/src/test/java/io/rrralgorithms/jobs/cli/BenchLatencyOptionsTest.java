package io.rrralgorithms.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.latency.Latencies;
import io.rrralgorithms.connectors.latency.LatencyHistogram;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** {@code rrr bench latency}: its options as typed, refused before anything starts. */
class BenchLatencyOptionsTest {
    @Test
    void helpListsTheOptionsWithTheirDefaults() {
        CommandLineExecution r = CommandLineExecution.of(List.of("bench", "latency", "--help"));
        assertEquals(0, r.exitCode(), r.stderr());
        for (String option : List.of("--rate-multiplier", "--max-seconds", "--drain-seconds", "--round-trip-rate",
                "--buffer-timeout-ms", "--watermark-interval-ms", "--jdbc-batch-interval-ms", "--jdbc-url",
                "--warm-up-seconds")) {
            assertTrue(r.stdout().contains(option), option + " in\n" + r.stdout());
        }
        assertTrue(r.stdout().contains("rrr_bench"), r.stdout()); // its own database by default
        assertTrue(r.stdout().matches("(?s).*--jdbc-batch-interval-ms=<batchIntervalMs>\\s+.*default: 10\\).*")
                || r.stdout().contains("Default: 10"), r.stdout());
    }

    @Test
    void badValuesAreRefusedWithOneLine() {
        for (List<String> args : List.of(List.of("--rate-multiplier", "0"), List.of("--rate-multiplier", "-2"),
                List.of("--max-seconds", "0"), List.of("--round-trip-rate", "0"), List.of("--buffer-timeout-ms", "-1"),
                List.of("--warm-up-seconds", "-1"), List.of("--max-seconds", "5", "--warm-up-seconds", "5"),
                List.of("--partitions", "0"))) {
            List<String> all = new ArrayList<>(List.of("bench", "latency"));
            all.addAll(args);
            CommandLineExecution r = CommandLineExecution.of(all);
            assertEquals(2, r.exitCode(), args + ": " + r.stderr());
            assertTrue(r.stderr().startsWith("rrr bench: "), r.stderr());
            assertEquals(1, r.stderr().lines().count(), r.stderr());
        }
    }

    @Test
    void theWarmUpsLatenciesAreLeftOutExactly() {
        Histogram atWarmUpEnd = LatencyHistogram.empty();
        atWarmUpEnd.recordValueWithCount(250_000_000L, 5); // a cold start: five 250 ms latencies
        atWarmUpEnd.recordValueWithCount(2_000_000L, 10);
        Histogram whole = atWarmUpEnd.copy();
        whole.recordValueWithCount(1_000_000L, 1_000); // then steady 1 ms
        Map<String, Latencies.Percentiles> steady = BenchCommand.Latency.WarmUp.minusEach(Map.of("decision/order", whole),
                Map.of("decision/order", atWarmUpEnd));
        Latencies.Percentiles p = steady.get("decision/order");
        assertEquals(1_000, p.count());
        assertEquals(1.0, p.maxMs(), 0.02);
        Latencies.Percentiles all = BenchCommand.Latency.WarmUp.minusEach(Map.of("decision/order", whole), null)
                .get("decision/order");
        assertEquals(1_015, all.count());
        assertEquals(250.0, all.maxMs(), 2.5);
    }

    @Test
    void aMissingFileIsRefusedBeforeKafkaStarts() {
        CommandLineExecution r = CommandLineExecution.of(List.of("bench", "latency", "/nonexistent/capture.gz"));
        assertEquals(2, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("no such capture file"), r.stderr());
    }
}
