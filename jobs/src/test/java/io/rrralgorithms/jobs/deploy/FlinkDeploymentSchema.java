package io.rrralgorithms.jobs.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The structural part of the FlinkDeployment CRD (flink.apache.org/v1beta1) for the fields outside
 * the pod templates, from the operator's spec classes (FlinkDeploymentSpec, AbstractFlinkSpec,
 * JobSpec, JobManagerSpec, TaskManagerSpec, Resource, and the enums FlinkVersion, UpgradeMode,
 * JobState, KubernetesDeploymentMode): unknown fields (which the API server prunes, silently
 * losing the setting), wrong types (a number where the CRD has a string: flinkConfiguration is a
 * map of strings) and values outside an enum are errors.
 */
final class FlinkDeploymentSchema {
    private FlinkDeploymentSchema() {}

    private static final Set<String> FLINK_VERSIONS = Set.of("v1_13", "v1_14", "v1_15", "v1_16", "v1_17", "v1_18",
            "v1_19", "v1_20", "v2_0", "v2_1");

    static List<String> errors(Map<String, Object> deployment) {
        List<String> errors = new ArrayList<>();
        expect(errors, "apiVersion", deployment.get("apiVersion"), "flink.apache.org/v1beta1");
        expect(errors, "kind", deployment.get("kind"), "FlinkDeployment");
        Map<String, Object> spec = object(errors, "spec", deployment.get("spec"), Set.of("job", "restartNonce",
                "flinkConfiguration", "image", "imagePullPolicy", "serviceAccount", "flinkVersion", "ingress",
                "podTemplate", "jobManager", "taskManager", "logConfiguration", "mode"));
        if (spec == null) {
            return errors;
        }
        string(errors, "spec.image", spec.get("image"));
        string(errors, "spec.imagePullPolicy", spec.get("imagePullPolicy"));
        string(errors, "spec.serviceAccount", spec.get("serviceAccount"));
        oneOf(errors, "spec.flinkVersion", spec.get("flinkVersion"), FLINK_VERSIONS);
        oneOf(errors, "spec.mode", spec.get("mode"), Set.of("native", "standalone"));
        integer(errors, "spec.restartNonce", spec.get("restartNonce"));
        stringMap(errors, "spec.flinkConfiguration", spec.get("flinkConfiguration"));
        stringMap(errors, "spec.logConfiguration", spec.get("logConfiguration"));
        object(errors, "spec.podTemplate", spec.get("podTemplate"), null);
        Map<String, Object> jm = object(errors, "spec.jobManager", spec.get("jobManager"),
                Set.of("resource", "replicas", "podTemplate"));
        if (jm != null) {
            resource(errors, "spec.jobManager.resource", jm.get("resource"));
            integer(errors, "spec.jobManager.replicas", jm.get("replicas"));
            object(errors, "spec.jobManager.podTemplate", jm.get("podTemplate"), null);
        }
        Map<String, Object> tm = object(errors, "spec.taskManager", spec.get("taskManager"),
                Set.of("resource", "replicas", "podTemplate"));
        if (tm != null) {
            resource(errors, "spec.taskManager.resource", tm.get("resource"));
            integer(errors, "spec.taskManager.replicas", tm.get("replicas"));
            object(errors, "spec.taskManager.podTemplate", tm.get("podTemplate"), null);
        }
        Map<String, Object> job = object(errors, "spec.job", spec.get("job"), Set.of("jarURI", "parallelism",
                "entryClass", "args", "state", "savepointTriggerNonce", "initialSavepointPath",
                "checkpointTriggerNonce", "upgradeMode", "allowNonRestoredState", "savepointRedeployNonce"));
        if (job != null) {
            string(errors, "spec.job.jarURI", job.get("jarURI"));
            integer(errors, "spec.job.parallelism", job.get("parallelism"));
            string(errors, "spec.job.entryClass", job.get("entryClass"));
            oneOf(errors, "spec.job.state", job.get("state"), Set.of("running", "suspended"));
            oneOf(errors, "spec.job.upgradeMode", job.get("upgradeMode"), Set.of("savepoint", "last-state", "stateless"));
            integer(errors, "spec.job.savepointTriggerNonce", job.get("savepointTriggerNonce"));
            integer(errors, "spec.job.checkpointTriggerNonce", job.get("checkpointTriggerNonce"));
            integer(errors, "spec.job.savepointRedeployNonce", job.get("savepointRedeployNonce"));
            string(errors, "spec.job.initialSavepointPath", job.get("initialSavepointPath"));
            if (job.get("allowNonRestoredState") != null && !(job.get("allowNonRestoredState") instanceof Boolean)) {
                errors.add("spec.job.allowNonRestoredState: must be a boolean");
            }
            Object args = job.get("args");
            if (args != null) {
                if (!(args instanceof List<?> list)) {
                    errors.add("spec.job.args: must be a list");
                } else {
                    for (int i = 0; i < list.size(); i++) {
                        string(errors, "spec.job.args[" + i + "]", list.get(i));
                    }
                }
            }
        }
        return errors;
    }

    private static void resource(List<String> errors, String path, Object value) {
        Map<String, Object> r = object(errors, path, value, Set.of("cpu", "memory", "ephemeralStorage"));
        if (r != null) {
            if (r.get("cpu") != null && !(r.get("cpu") instanceof Number)) {
                errors.add(path + ".cpu: must be a number");
            }
            string(errors, path + ".memory", r.get("memory"));
            string(errors, path + ".ephemeralStorage", r.get("ephemeralStorage"));
        }
    }

    private static Map<String, Object> object(List<String> errors, String path, Object value, Set<String> fields) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?>)) {
            errors.add(path + ": must be an object");
            return null;
        }
        Map<String, Object> m = OperatorValidation.map(value);
        if (fields != null) {
            for (String k : m.keySet()) {
                if (!fields.contains(k)) {
                    errors.add(path + "." + k + ": unknown field");
                }
            }
        }
        return m;
    }

    private static void stringMap(List<String> errors, String path, Object value) {
        Map<String, Object> m = object(errors, path, value, null);
        if (m != null) {
            m.forEach((k, v) -> {
                if (!(v instanceof String)) {
                    errors.add(path + "." + k + ": must be a string, got " + (v == null ? "null" : v.getClass().getSimpleName()));
                }
            });
        }
    }

    private static void string(List<String> errors, String path, Object value) {
        if (value != null && !(value instanceof String)) {
            errors.add(path + ": must be a string, got " + value.getClass().getSimpleName());
        }
    }

    private static void integer(List<String> errors, String path, Object value) {
        if (value != null && !(value instanceof Integer || value instanceof Long)) {
            errors.add(path + ": must be an integer, got " + value.getClass().getSimpleName());
        }
    }

    private static void oneOf(List<String> errors, String path, Object value, Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            errors.add(path + ": Unsupported value: \"" + value + "\"");
        }
    }

    private static void expect(List<String> errors, String path, Object value, String expected) {
        if (!expected.equals(value)) {
            errors.add(path + ": expected " + expected + ", got " + value);
        }
    }
}
