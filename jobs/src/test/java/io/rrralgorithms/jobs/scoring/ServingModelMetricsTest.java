package io.rrralgorithms.jobs.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.Test;

class ServingModelMetricsTest {
    @Test
    void registryVersionsAreTheirTimeStampOtherIdsAStableHash() {
        assertEquals(20240809000500L, ServingModelMetrics.numeric("m-20240809-000500-1a2b3c4d"));
        assertEquals(20240809000500L, ServingModelMetrics.numeric("m-20240809-000500-1a2b3c4d-2"));
        assertEquals(0, ServingModelMetrics.numeric(null));
        assertEquals(ServingModelMetrics.numeric("A"), ServingModelMetrics.numeric("A"));
        assertTrue(ServingModelMetrics.numeric("A") > 0 && ServingModelMetrics.numeric("A") != ServingModelMetrics.numeric("B"));
    }

    /** A metric group that remembers what is registered, by name, under key-value groups too. */
    static final class Recording extends UnregisteredMetricsGroup {
        final String prefix;
        final Map<String, Metric> metrics;

        Recording(String prefix, Map<String, Metric> metrics) {
            this.prefix = prefix;
            this.metrics = metrics;
        }

        @Override
        public <T, G extends Gauge<T>> G gauge(String name, G gauge) {
            metrics.put(prefix + name, gauge);
            return gauge;
        }

        @Override
        public MetricGroup addGroup(String key, String value) {
            return new Recording(prefix + key + "=" + value + "/", metrics);
        }
    }

    @Test
    void theServingVersionIsANumberAndALabelThatGoesToZeroWhenReplaced() {
        Map<String, Metric> m = new HashMap<>();
        AtomicReference<String> current = new AtomicReference<>();
        ServingModelMetrics metrics = new ServingModelMetrics(new Recording("", m), current::get);
        assertEquals(0L, ((Gauge<?>) m.get("servingModelVersion")).getValue());
        current.set("m-20240809-000500-1a2b3c4d");
        metrics.serving(current.get());
        assertEquals(20240809000500L, ((Gauge<?>) m.get("servingModelVersion")).getValue());
        assertEquals(1, ((Gauge<?>) m.get("model_version=m-20240809-000500-1a2b3c4d/modelServing")).getValue());
        current.set("m-20240810-000500-00000000");
        metrics.serving(current.get());
        assertEquals(0, ((Gauge<?>) m.get("model_version=m-20240809-000500-1a2b3c4d/modelServing")).getValue());
        assertEquals(1, ((Gauge<?>) m.get("model_version=m-20240810-000500-00000000/modelServing")).getValue());
        assertEquals(20240810000500L, ((Gauge<?>) m.get("servingModelVersion")).getValue());
    }
}
