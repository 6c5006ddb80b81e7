package io.rrralgorithms.connectors.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.flink.metrics.HistogramStatistics;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.Test;

class LatenciesTest {
    @Test
    void histogramReportsQuantilesOfEveryValueWithinItsPrecision() {
        LatencyHistogram h = new LatencyHistogram();
        for (long ms = 1; ms <= 1000; ms++) {
            h.update(ms * 1_000_000L);
        }
        HistogramStatistics s = h.getStatistics();
        assertEquals(1000, h.getCount());
        assertEquals(500e6, s.getQuantile(0.5), 500e6 * 0.01);
        assertEquals(990e6, s.getQuantile(0.99), 990e6 * 0.01);
        assertEquals(1000e6, s.getMax(), 1000e6 * 0.01);
        assertEquals(1e6, s.getMin(), 1e6 * 0.01);
        assertEquals(LatencyHistogram.SAMPLE_VALUES, s.getValues().length);
    }

    @Test
    void negativeLatencyCountsAsZeroAndUnknownStartIsNotRecorded() {
        LatencyHistogram h = new LatencyHistogram();
        h.update(-5);
        h.recordSince(0, 1_000_000);
        h.recordSince(-1, 1_000_000);
        assertEquals(1, h.getCount());
        assertTrue(h.getStatistics().getMax() < LatencyHistogram.LOWEST_DISCERNIBLE_NS); // 0 within the precision
    }

    @Test
    void snapshotMergesTheSubtasksOfAStage() {
        Latencies.reset();
        LatencyHistogram a = Latencies.register(new UnregisteredMetricsGroup(), "p", "book");
        LatencyHistogram b = Latencies.register(new UnregisteredMetricsGroup(), "p", "book");
        LatencyHistogram flush = Latencies.register(new UnregisteredMetricsGroup(), "p", "sink_flush", "orders");
        a.update(1_000_000);
        b.update(3_000_000);
        b.update(3_000_000);
        flush.update(9_000_000);
        Map<String, Latencies.Percentiles> p = Latencies.percentiles();
        assertEquals(3, p.get("p/book").count());
        assertEquals(3.0, p.get("p/book").p50Ms(), 0.05);
        assertEquals(1, p.get("p/sink_flush/orders").count());
        assertTrue(p.get("p/sink_flush/orders").maxMs() >= 9.0);
        Latencies.reset();
        assertTrue(Latencies.percentiles().isEmpty());
    }
}
