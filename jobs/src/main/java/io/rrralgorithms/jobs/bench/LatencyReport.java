package io.rrralgorithms.jobs.bench;

import io.rrralgorithms.connectors.latency.Latencies;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The table {@code rrr bench latency} prints: each stage's latency from the frame's receive (the
 * replay's publish into Kafka) beside the Kafka round trip measured in the same run, and the
 * targets' verdicts.
 */
public final class LatencyReport {
    /** Tick-to-order: an order's latency from the frame that caused it. */
    public static final String TICK_TO_ORDER = Latencies.key(Latencies.PATH_DECISION, Latencies.STAGE_ORDER, null);
    /** Frame → row visible in PostgreSQL, of the per-event path's orders. */
    public static final String FRAME_TO_ORDER_ROW =
            Latencies.key(Latencies.PATH_DECISION, Latencies.STAGE_SINK_FLUSH, "orders");
    static final double TICK_TO_ORDER_P99_MS = 10;
    static final double TICK_TO_ORDER_FLOOR_RATIO = 3;
    static final double FRAME_TO_ROW_P95_MS = 100;

    private LatencyReport() {}

    /**
     * @param stages the run's stages ({@link Latencies#percentiles}), in the order to print
     * @param floor the Kafka produce → consume round trip of the same run
     */
    public static String table(String title, List<String> order, Map<String, Latencies.Percentiles> stages,
            Latencies.Percentiles floor) {
        StringBuilder b = new StringBuilder();
        b.append(title).append('\n');
        b.append(String.format(Locale.ROOT, "%-40s %11s %9s %9s %9s %9s %9s%n", "stage (ms from receive)", "count",
                "p50", "p95", "p99", "p99.9", "max"));
        row(b, "kafka round trip (floor)", floor);
        for (String key : order) {
            row(b, key, stages.get(key));
        }
        return b.toString();
    }

    private static void row(StringBuilder b, String name, Latencies.Percentiles p) {
        b.append(String.format(Locale.ROOT, "%-40s %,11d %9.2f %9.2f %9.2f %9.2f %9.2f%n", name, p.count(), p.p50Ms(),
                p.p95Ms(), p.p99Ms(), p.p999Ms(), p.maxMs()));
    }

    /** The targets of issue 13, each with its measured value and whether it is met; absent stages say so. */
    public static String verdicts(Map<String, Latencies.Percentiles> stages, Latencies.Percentiles floor) {
        StringBuilder b = new StringBuilder();
        Latencies.Percentiles order = stages.get(TICK_TO_ORDER);
        if (order == null || order.count() == 0) {
            b.append("tick-to-order: no orders (the per-event decision path made none)\n");
        } else {
            double ratio = floor.p99Ms() > 0 ? order.p99Ms() / floor.p99Ms() : Double.NaN;
            b.append(String.format(Locale.ROOT, "tick-to-order p99 %.2f ms: target <= %.0f ms %s; %.1fx the Kafka "
                            + "round-trip p99 %.2f ms: target <= %.0fx %s%n", order.p99Ms(), TICK_TO_ORDER_P99_MS,
                    order.p99Ms() <= TICK_TO_ORDER_P99_MS ? "MET" : "NOT MET", ratio, floor.p99Ms(),
                    TICK_TO_ORDER_FLOOR_RATIO, ratio <= TICK_TO_ORDER_FLOOR_RATIO ? "MET" : "NOT MET"));
        }
        Latencies.Percentiles row = stages.get(FRAME_TO_ORDER_ROW);
        if (row == null || row.count() == 0) {
            b.append("frame -> order row in PostgreSQL: no order rows written\n");
        } else {
            b.append(String.format(Locale.ROOT, "frame -> order row visible in PostgreSQL p95 %.2f ms: target <= %.0f ms "
                    + "%s%n", row.p95Ms(), FRAME_TO_ROW_P95_MS, row.p95Ms() <= FRAME_TO_ROW_P95_MS ? "MET" : "NOT MET"));
        }
        return b.toString();
    }
}
