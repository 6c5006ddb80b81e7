package io.rrralgorithms.connectors.latency;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.apache.flink.metrics.MetricGroup;

/**
 * The job's latency stages, from a frame's receive time (a capture's receive stamp, a replay's
 * publish time: {@code MarketEvent.ingestNs}) to the moment each stage is done with it. Each stage
 * registers a {@link LatencyHistogram} as the Flink metric {@value #METRIC} in the groups
 * {@code path} and {@code stage} (and {@code table} for the sinks), so every metric reporter
 * (Prometheus: {@code flink_taskmanager_job_task_operator_latencyNs{path=...,stage=...,quantile=...}})
 * shows it, and in this JVM's registry, which the local run's summary merges over all subtasks
 * ({@link #snapshot}); a cluster's task managers are other JVMs, their latencies are in the
 * metrics only.
 */
public final class Latencies {
    public static final String METRIC = "latencyNs";
    /** The decode → book → aggregates path every run has. */
    public static final String PATH_MARKET = "market";
    /** The per-event decision path (features, score, order on every event). */
    public static final String PATH_DECISION = "decision";

    public static final String STAGE_DECODED = "decoded";
    public static final String STAGE_BOOK = "book";
    public static final String STAGE_FEATURES = "features";
    public static final String STAGE_SCORE = "score";
    public static final String STAGE_ORDER = "order";
    public static final String STAGE_SINK_FLUSH = "sink_flush";
    /** The stages in data-path order: what the summary lists first. */
    public static final List<String> STAGES = List.of(STAGE_DECODED, STAGE_BOOK, STAGE_FEATURES, STAGE_SCORE,
            STAGE_ORDER, STAGE_SINK_FLUSH);

    private static final Map<String, List<LatencyHistogram>> REGISTRY = new LinkedHashMap<>();

    private Latencies() {}

    /** A stage's histogram, registered as a metric under {@code group} and in this JVM's registry. */
    public static LatencyHistogram register(MetricGroup group, String path, String stage) {
        return register(group, path, stage, null);
    }

    /** The same for a sink's flush of {@code table}. */
    public static LatencyHistogram register(MetricGroup group, String path, String stage, String table) {
        LatencyHistogram h = new LatencyHistogram();
        MetricGroup g = group.addGroup("path", path).addGroup("stage", stage);
        if (table != null) {
            g = g.addGroup("table", table);
        }
        g.histogram(METRIC, h);
        synchronized (REGISTRY) {
            REGISTRY.computeIfAbsent(key(path, stage, table), k -> new ArrayList<>()).add(h);
        }
        return h;
    }

    /** {@code path/stage} or {@code path/stage/table}: the keys of {@link #snapshot}. */
    public static String key(String path, String stage, String table) {
        return path + '/' + stage + (table == null ? "" : '/' + table);
    }

    /** Forgets every histogram registered so far: a new run starts from none. */
    public static void reset() {
        synchronized (REGISTRY) {
            REGISTRY.clear();
        }
    }

    /**
     * A stage's percentiles in ms.
     *
     * @param count latencies recorded
     */
    public record Percentiles(long count, double p50Ms, double p95Ms, double p99Ms, double p999Ms, double maxMs) {
        public static Percentiles of(Histogram h) {
            if (h.getTotalCount() == 0) {
                return new Percentiles(0, 0, 0, 0, 0, 0);
            }
            return new Percentiles(h.getTotalCount(), ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(95)),
                    ms(h.getValueAtPercentile(99)), ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()));
        }

        private static double ms(long ns) {
            return ns / 1e6;
        }
    }

    /** {@link #snapshot} as percentiles, by {@link #key}. */
    public static Map<String, Percentiles> percentiles() {
        Map<String, Percentiles> out = new TreeMap<>();
        snapshot().forEach((k, h) -> out.put(k, Percentiles.of(h)));
        return out;
    }

    /** Every stage's histograms of this JVM merged, by {@link #key}. */
    public static Map<String, Histogram> snapshot() {
        Map<String, Histogram> out = new TreeMap<>();
        synchronized (REGISTRY) {
            REGISTRY.forEach((k, list) -> {
                Histogram merged = LatencyHistogram.empty();
                list.forEach(h -> merged.add(h.copy()));
                out.put(k, merged);
            });
        }
        return out;
    }
}
