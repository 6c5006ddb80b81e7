package io.rrralgorithms.jobs.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.latency.Latencies;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LatencyReportTest {
    static final Latencies.Percentiles FLOOR = new Latencies.Percentiles(100, 1.0, 1.5, 2.0, 3.0, 4.0);

    @Test
    void tablePutsTheFloorFirstThenTheStagesInTheOrderGiven() {
        Map<String, Latencies.Percentiles> stages = Map.of(
                "market/decoded", new Latencies.Percentiles(10, 0.5, 0.6, 0.7, 0.8, 0.9),
                LatencyReport.TICK_TO_ORDER, new Latencies.Percentiles(3, 2.0, 4.0, 5.0, 5.0, 5.0));
        String table = LatencyReport.table("title", List.of("market/decoded", LatencyReport.TICK_TO_ORDER), stages,
                FLOOR);
        List<String> lines = table.lines().toList();
        assertEquals("title", lines.get(0));
        assertTrue(lines.get(1).startsWith("stage (ms from receive)"), lines.get(1));
        assertTrue(lines.get(2).matches("kafka round trip \\(floor\\)\\s+100\\s+1\\.00\\s+1\\.50\\s+2\\.00\\s+3\\.00\\s+4\\.00"),
                lines.get(2));
        assertTrue(lines.get(3).matches("market/decoded\\s+10\\s+0\\.50\\s+0\\.60\\s+0\\.70\\s+0\\.80\\s+0\\.90"), lines.get(3));
        assertTrue(lines.get(4).startsWith("decision/order "), lines.get(4));
        assertEquals(5, lines.size());
    }

    @Test
    void verdictsCompareTickToOrderWithTheTargetAndTheFloor() {
        String met = LatencyReport.verdicts(Map.of(
                LatencyReport.TICK_TO_ORDER, new Latencies.Percentiles(3, 2.0, 4.0, 5.0, 5.0, 5.0),
                LatencyReport.FRAME_TO_ORDER_ROW, new Latencies.Percentiles(3, 20, 40, 50, 50, 50)), FLOOR);
        assertTrue(met.contains("tick-to-order p99 5.00 ms: target <= 10 ms MET; 2.5x the Kafka round-trip p99 2.00 ms: "
                + "target <= 3x MET"), met);
        assertTrue(met.contains("p95 40.00 ms: target <= 100 ms MET"), met);
        String notMet = LatencyReport.verdicts(Map.of(
                LatencyReport.TICK_TO_ORDER, new Latencies.Percentiles(3, 2.0, 4.0, 12.0, 12.0, 12.0)), FLOOR);
        assertTrue(notMet.contains("target <= 10 ms NOT MET; 6.0x"), notMet);
        assertTrue(notMet.contains("no order rows written"), notMet);
        assertTrue(LatencyReport.verdicts(Map.of(), FLOOR).contains("tick-to-order: no orders"));
    }
}
