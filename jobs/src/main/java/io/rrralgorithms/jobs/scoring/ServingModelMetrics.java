package io.rrralgorithms.jobs.scoring;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;

/**
 * The serving model as numbers, so that metric reporters (Prometheus) can export it: a text gauge
 * is dropped by the Prometheus reporter.
 *
 * <ul>
 *   <li>{@code servingModelVersion}: the version as a number, 0 while no model serves. A registry
 *       version id {@code m-<yyyyMMdd-HHmmss>-<hash>} gives its time stamp {@code yyyyMMddHHmmss}
 *       (increasing with newer models); any other id the CRC32 of its text.
 *   <li>{@code model_version=<id>} group, gauge {@code modelServing}: 1 while that version serves on
 *       the subtask, 0 after it was replaced (Prometheus: a label {@code model_version}).
 * </ul>
 */
final class ServingModelMetrics {
    private static final Pattern REGISTRY_ID = Pattern.compile("m-(\\d{8})-(\\d{6})-[0-9a-f]+(-\\d+)?");

    private final MetricGroup group;
    private final Map<String, Boolean> registered = new HashMap<>();
    private volatile String serving;

    ServingModelMetrics(MetricGroup group, Supplier<String> currentVersion) {
        this.group = group;
        group.gauge("servingModelVersion", (Gauge<Long>) () -> numeric(currentVersion.get()));
    }

    /** Call when {@code versionId} starts serving on this subtask. */
    void serving(String versionId) {
        serving = versionId;
        if (versionId != null && registered.putIfAbsent(versionId, Boolean.TRUE) == null) {
            group.addGroup("model_version", versionId)
                    .gauge("modelServing", (Gauge<Integer>) () -> versionId.equals(serving) ? 1 : 0);
        }
    }

    /** The number {@code servingModelVersion} reports for a version id; 0 for none. */
    static long numeric(String versionId) {
        if (versionId == null || versionId.isEmpty()) {
            return 0;
        }
        Matcher m = REGISTRY_ID.matcher(versionId);
        if (m.matches()) {
            return Long.parseLong(m.group(1) + m.group(2));
        }
        CRC32 crc = new CRC32();
        crc.update(versionId.getBytes(StandardCharsets.UTF_8));
        return Math.max(1, crc.getValue());
    }
}
