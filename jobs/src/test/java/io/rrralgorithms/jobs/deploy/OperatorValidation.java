package io.rrralgorithms.jobs.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.HighAvailabilityOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessUtils;
import org.apache.flink.runtime.jobmanager.HighAvailabilityMode;
import org.apache.flink.runtime.jobmanager.JobManagerProcessUtils;

/**
 * A port of the Apache Flink Kubernetes Operator's admission rules for a new FlinkDeployment:
 * {@code flink-kubernetes-operator/src/main/java/org/apache/flink/kubernetes/operator/validation/DefaultValidator.java},
 * method {@code validateDeployment} and the methods it calls, with the same conditions, order
 * (first failure wins, as its {@code firstPresent}) and messages. Flink's own classes do the
 * parsing (Configuration, CheckpointingOptions, MemorySize, HighAvailabilityMode, the JobManager /
 * TaskExecutor process specs), from Flink 2.0.1 here where the operator ships its Flink version.
 *
 * <p>Two rules of older operator releases (the {@code crd}-package DefaultValidator.validateJobSpec,
 * operator 1.0–1.9) are kept as well, since an operator of that line rejects what they reject:
 * "Jar URI must be defined" and "Job could not be upgraded with last-state while Kubernetes HA
 * disabled" (with that release's FlinkUtils.isKubernetesHAActivated).
 *
 * <p>Not ported, because they cannot apply to a first deployment of this chart: validateSpecChange
 * and the last-reconciled-spec part of validateFlinkVersion (they compare with the status of a
 * running deployment), IngressUtils' template URL check (the chart has no ingress), and the
 * autoscaler's excluded-periods calendar check (the autoscaler is off). A Kubernetes quantity
 * memory string ("2Gi") is checked by its syntax here, by fabric8's Quantity there.
 */
final class OperatorValidation {
    /** DefaultValidator.DEPLOYMENT_NAME_PATTERN. */
    private static final Pattern DEPLOYMENT_NAME_PATTERN = Pattern.compile("[a-z]([-a-z\\d]{0,43}[a-z\\d])?");

    /** KubernetesConfigOptions.NAMESPACE, CLUSTER_ID, HighAvailabilityOptions.HA_CLUSTER_ID. */
    private static final String[] FORBIDDEN_CONF_KEYS = {"kubernetes.namespace", "kubernetes.cluster-id",
            HighAvailabilityOptions.HA_CLUSTER_ID.key()};

    /** Constants.CONFIG_FILE_LOG4J_NAME, CONFIG_FILE_LOGBACK_NAME (flink-kubernetes). */
    private static final Set<String> ALLOWED_LOG_CONF_KEYS = Set.of("log4j-console.properties", "logback-console.xml");

    /**
     * FlinkVersion (operator API): the enum the CRD accepts. v2_0 came with operator 1.11, v2_1 with
     * 1.12; isSupported = isEqualOrNewer(v1_15).
     */
    enum FlinkVersion {
        v1_13(1, 13), v1_14(1, 14), v1_15(1, 15), v1_16(1, 16), v1_17(1, 17), v1_18(1, 18), v1_19(1, 19),
        v1_20(1, 20), v2_0(2, 0), v2_1(2, 1);

        final int major;
        final int minor;

        FlinkVersion(int major, int minor) {
            this.major = major;
            this.minor = minor;
        }

        boolean isEqualOrNewer(FlinkVersion other) {
            return major > other.major || major == other.major && minor >= other.minor;
        }

        static boolean isSupported(FlinkVersion v) {
            return v != null && v.isEqualOrNewer(v1_15);
        }
    }

    // KubernetesOperatorConfigOptions keys (kubernetes.operator.*)
    static final String DEPLOYMENT_ROLLBACK_ENABLED = "kubernetes.operator.deployment.rollback.enabled";
    static final String CLUSTER_HEALTH_CHECK_ENABLED = "kubernetes.operator.cluster.health-check.enabled";
    static final String JM_DEPLOYMENT_RECOVERY_ENABLED = "kubernetes.operator.jm-deployment-recovery.enabled";
    static final String PERIODIC_SAVEPOINT_INTERVAL = "kubernetes.operator.periodic.savepoint.interval";
    static final String LAST_STATE_CHECKPOINT_MAX_AGE =
            "kubernetes.operator.job.upgrade.last-state.max.allowed.checkpoint.age";
    /** The pre-1.16 class name the 1.x FlinkUtils.isKubernetesHAActivated also accepts. */
    static final String KUBERNETES_HA_FACTORY = "org.apache.flink.kubernetes.highavailability.KubernetesHaServicesFactory";

    private OperatorValidation() {}

    /**
     * DefaultValidator.validateDeployment for a deployment without status (before its first
     * deployment): the first error, or empty.
     *
     * @param operatorDefaults the operator's default Flink configuration (its config map), which
     *     the spec's flinkConfiguration overrides
     */
    static Optional<String> validateDeployment(Map<String, Object> deployment, Map<String, String> operatorDefaults) {
        Map<String, Object> metadata = map(deployment.get("metadata"));
        Map<String, Object> spec = map(deployment.get("spec"));
        Map<String, String> effectiveConfig = new LinkedHashMap<>(operatorDefaults);
        Map<String, Object> flinkConfiguration = map(spec.get("flinkConfiguration"));
        if (flinkConfiguration != null) {
            flinkConfiguration.forEach((k, v) -> effectiveConfig.put(k, v == null ? null : v.toString()));
        }
        Map<String, Object> job = map(spec.get("job"));
        Map<String, Object> tm = map(spec.get("taskManager"));
        return firstPresent(
                validateDeploymentName(metadata == null ? null : (String) metadata.get("name")),
                validateFlinkVersion((String) spec.get("flinkVersion")),
                validateFlinkDeploymentConfig(effectiveConfig),
                validateIngress(map(spec.get("ingress"))),
                validateLogConfig(map(spec.get("logConfiguration"))),
                validateJobSpec(job, tm, effectiveConfig),
                validateLegacyJobSpec(job, effectiveConfig),
                validateJmSpec(map(spec.get("jobManager")), effectiveConfig),
                validateTmSpec(tm, effectiveConfig),
                validateServiceAccount((String) spec.get("serviceAccount")),
                validateAutoScalerFlinkConfiguration(effectiveConfig));
    }

    @SafeVarargs
    private static Optional<String> firstPresent(Optional<String>... errOpts) {
        for (Optional<String> opt : errOpts) {
            if (opt.isPresent()) {
                return opt;
            }
        }
        return Optional.empty();
    }

    static Optional<String> validateDeploymentName(String name) {
        if (name == null || !DEPLOYMENT_NAME_PATTERN.matcher(name).matches()) {
            return Optional.of(String.format("The FlinkDeployment name: %s is invalid, must consist of lower case "
                    + "alphanumeric characters or '-', start with an alphabetic character, and end with an "
                    + "alphanumeric character (e.g. 'my-name',  or 'abc-123'), and the length must be no more than "
                    + "45 characters.", name));
        }
        return Optional.empty();
    }

    static Optional<String> validateFlinkVersion(String versionText) {
        if (versionText == null) {
            return Optional.of("Flink Version must be defined.");
        }
        FlinkVersion version;
        try {
            version = FlinkVersion.valueOf(versionText);
        } catch (IllegalArgumentException e) {
            // the CRD's enum refuses it before the validator runs
            return Optional.of("spec.flinkVersion: Unsupported value: \"" + versionText + "\"");
        }
        if (!FlinkVersion.isSupported(version)) {
            return Optional.of("Flink version " + version + " is not supported by this operator version");
        }
        return Optional.empty();
    }

    static Optional<String> validateIngress(Map<String, Object> ingress) {
        if (ingress == null) {
            return Optional.empty();
        }
        if (ingress.get("template") == null) {
            return Optional.of("Ingress template must be defined");
        }
        return Optional.empty();
    }

    static Optional<String> validateFlinkDeploymentConfig(Map<String, String> confMap) {
        Configuration conf = Configuration.fromMap(confMap);
        for (String key : FORBIDDEN_CONF_KEYS) {
            if (conf.containsKey(key)) {
                return Optional.of("Forbidden Flink config key: " + key);
            }
        }
        if (bool(conf, DEPLOYMENT_ROLLBACK_ENABLED, false) && !HighAvailabilityMode.isHighAvailabilityModeActivated(conf)) {
            return Optional.of("HA must be enabled for rollback support.");
        }
        if (bool(conf, CLUSTER_HEALTH_CHECK_ENABLED, false) && !bool(conf, JM_DEPLOYMENT_RECOVERY_ENABLED, true)) {
            return Optional.of("Deployment recovery (" + JM_DEPLOYMENT_RECOVERY_ENABLED
                    + ") must be enabled for job health check (" + CLUSTER_HEALTH_CHECK_ENABLED + ") support.");
        }
        return Optional.empty();
    }

    static Optional<String> validateLogConfig(Map<String, Object> confMap) {
        if (confMap == null) {
            return Optional.empty();
        }
        for (String key : confMap.keySet()) {
            if (!ALLOWED_LOG_CONF_KEYS.contains(key)) {
                return Optional.of(String.format("Invalid log config key: %s. Allowed keys are %s", key,
                        ALLOWED_LOG_CONF_KEYS));
            }
        }
        return Optional.empty();
    }

    static Optional<String> validateJobSpec(Map<String, Object> job, Map<String, Object> tm, Map<String, String> confMap) {
        if (job == null) {
            return Optional.empty();
        }
        Configuration configuration = Configuration.fromMap(confMap);
        String upgradeMode = upgradeMode(job);
        if (!upgradeMode.equals("stateless")) {
            if (blank(configuration.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY))) {
                return Optional.of(String.format(
                        "Checkpoint directory[%s] must be defined for last-state and savepoint upgrade modes",
                        CheckpointingOptions.CHECKPOINTS_DIRECTORY.key()));
            }
        }
        if (blank(configuration.get(CheckpointingOptions.SAVEPOINT_DIRECTORY))) {
            String key = CheckpointingOptions.SAVEPOINT_DIRECTORY.key();
            if (upgradeMode.equals("savepoint")) {
                return Optional.of(String.format(
                        "Job could not be upgraded with savepoint while config key[%s] is not set", key));
            } else if (job.get("savepointTriggerNonce") != null) {
                return Optional.of(String.format("Savepoint could not be manually triggered for the running job "
                        + "while config key[%s] is not set", key));
            } else if (configuration.containsKey(PERIODIC_SAVEPOINT_INTERVAL)) {
                return Optional.of(String.format(
                        "Periodic savepoints cannot be enabled when config key[%s] is not set", key));
            } else if (configuration.toMap().get(LAST_STATE_CHECKPOINT_MAX_AGE) != null) {
                return Optional.of(String.format("In order to use max-checkpoint age functionality config key[%s] "
                        + "must be set to allow triggering savepoint upgrades.", key));
            }
        }
        boolean tmReplicasDefined = tm != null && tm.get("replicas") != null;
        if (tmReplicasDefined && ((Number) tm.get("replicas")).intValue() < 1) {
            return Optional.of("TaskManager replicas must be larger than 0");
        } else if (!tmReplicasDefined && parallelism(job) < 1) {
            return Optional.of("Job parallelism must be larger than 0");
        }
        return Optional.empty();
    }

    /** The job rules of operator 1.0–1.9 that the current validator dropped. */
    static Optional<String> validateLegacyJobSpec(Map<String, Object> job, Map<String, String> confMap) {
        if (job == null) {
            return Optional.empty();
        }
        if (blank((String) job.get("jarURI"))) {
            return Optional.of("Jar URI must be defined");
        }
        if (upgradeMode(job).equals("last-state") && !isKubernetesHAActivated(Configuration.fromMap(confMap))) {
            return Optional.of("Job could not be upgraded with last-state while Kubernetes HA disabled");
        }
        return Optional.empty();
    }

    /** FlinkUtils.isKubernetesHAActivated of operator 1.x. */
    static boolean isKubernetesHAActivated(Configuration configuration) {
        String haMode = configuration.get(HighAvailabilityOptions.HA_MODE);
        return haMode.equalsIgnoreCase(KUBERNETES_HA_FACTORY) || haMode.equalsIgnoreCase("kubernetes");
    }

    static Optional<String> validateJmSpec(Map<String, Object> jmSpec, Map<String, String> confMap) {
        Configuration conf = Configuration.fromMap(confMap);
        Map<String, Object> resource = jmSpec == null ? null : map(jmSpec.get("resource"));
        boolean jmMemoryDefined = resource != null && !blank((String) resource.get("memory"));
        Optional<String> jmMemoryValidation = jmMemoryDefined ? Optional.empty() : validateJmMemoryConfig(conf);
        if (jmSpec == null) {
            return jmMemoryValidation;
        }
        int replicas = jmSpec.get("replicas") == null ? 1 : ((Number) jmSpec.get("replicas")).intValue();
        return firstPresent(jmMemoryValidation, validateResources("JobManager", resource),
                validateJmReplicas(replicas, confMap));
    }

    /**
     * validateJmMemoryConfig: the operator calls processSpecFromConfigWithNewOptionToInterpretLegacyHeap
     * (Flink 1.x); Flink 2.0 has no legacy heap option, so processSpecFromConfig.
     */
    private static Optional<String> validateJmMemoryConfig(Configuration conf) {
        try {
            JobManagerProcessUtils.processSpecFromConfig(conf);
        } catch (Exception e) {
            return Optional.of("JobManager resource memory must be defined using `spec.jobManager.resource.memory`");
        }
        return Optional.empty();
    }

    private static Optional<String> validateJmReplicas(int replicas, Map<String, String> confMap) {
        if (replicas < 1) {
            return Optional.of("JobManager replicas should not be configured less than one.");
        } else if (replicas > 1 && !HighAvailabilityMode.isHighAvailabilityModeActivated(Configuration.fromMap(confMap))) {
            return Optional.of("High availability should be enabled when starting standby JobManagers.");
        }
        return Optional.empty();
    }

    static Optional<String> validateTmSpec(Map<String, Object> tmSpec, Map<String, String> confMap) {
        Configuration conf = Configuration.fromMap(confMap);
        Map<String, Object> resource = tmSpec == null ? null : map(tmSpec.get("resource"));
        boolean tmMemoryDefined = resource != null && !blank((String) resource.get("memory"));
        Optional<String> tmMemoryConfigValidation = tmMemoryDefined ? Optional.empty() : validateTmMemoryConfig(conf);
        if (tmSpec == null) {
            return tmMemoryConfigValidation;
        }
        return firstPresent(tmMemoryConfigValidation, validateResources("TaskManager", resource),
                validateTmReplicas(tmSpec));
    }

    private static Optional<String> validateTmMemoryConfig(Configuration conf) {
        try {
            TaskExecutorProcessUtils.processSpecFromConfig(conf);
        } catch (Exception e) {
            return Optional.of("TaskManager resource memory must be defined using `spec.taskManager.resource.memory`");
        }
        return Optional.empty();
    }

    private static Optional<String> validateTmReplicas(Map<String, Object> tmSpec) {
        if (tmSpec.get("replicas") != null && ((Number) tmSpec.get("replicas")).intValue() < 1) {
            return Optional.of("TaskManager replicas should not be configured less than one.");
        }
        return Optional.empty();
    }

    static Optional<String> validateResources(String component, Map<String, Object> resource) {
        if (resource == null) {
            return Optional.empty();
        }
        String memory = (String) resource.get("memory");
        String storage = (String) resource.get("ephemeralStorage");
        StringBuilder builder = new StringBuilder();
        if (memory != null) {
            try {
                MemorySize.parse(parseResourceMemoryString(memory));
            } catch (IllegalArgumentException iae) {
                builder.append(component + " resource memory parse error: " + iae.getMessage());
            }
        }
        if (storage != null) {
            try {
                quantity(storage);
            } catch (IllegalArgumentException iae) {
                builder.append(component + " resource ephemeral storage parse error: " + iae.getMessage());
            }
        }
        String errorMessage = builder.toString();
        return errorMessage.isBlank() ? Optional.empty() : Optional.of(errorMessage);
    }

    /** FlinkConfigBuilder.parseResourceMemoryString: Flink's MemorySize, else a Kubernetes quantity. */
    static String parseResourceMemoryString(String memory) {
        try {
            return MemorySize.parse(memory).toString();
        } catch (IllegalArgumentException e) {
            String q = memory.trim().replaceAll("\\s", "").toUpperCase();
            if (q.endsWith("B")) {
                q = q.substring(0, q.length() - 1);
            }
            if (q.endsWith("I")) {
                q = q.substring(0, q.length() - 1) + "i";
            }
            return quantity(q);
        }
    }

    private static final Pattern QUANTITY =
            Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\\d+)?");

    /** Syntax of a Kubernetes resource quantity (fabric8 Quantity.parse); returns a byte-count string. */
    private static String quantity(String q) {
        if (!QUANTITY.matcher(q).matches()) {
            throw new IllegalArgumentException("Invalid quantity: " + q);
        }
        String number = q.replaceAll("[A-Za-z]+$", "");
        String suffix = q.substring(number.length());
        double factor = switch (suffix) {
            case "Ki" -> 1L << 10; case "Mi" -> 1L << 20; case "Gi" -> 1L << 30; case "Ti" -> 1L << 40;
            case "k" -> 1e3; case "M" -> 1e6; case "G" -> 1e9; case "T" -> 1e12; case "m" -> 1e-3;
            default -> 1;
        };
        return String.valueOf((long) (Double.parseDouble(number) * factor));
    }

    static Optional<String> validateServiceAccount(String serviceAccount) {
        if (serviceAccount == null) {
            return Optional.of("spec.serviceAccount must be defined. If you use helm, its value should be the same "
                    + "with the name of jobServiceAccount.");
        }
        return Optional.empty();
    }

    /** validateAutoScalerFlinkConfiguration, without CalendarUtils.validateExcludedPeriods. */
    static Optional<String> validateAutoScalerFlinkConfiguration(Map<String, String> effectiveConfig) {
        Configuration conf = Configuration.fromMap(effectiveConfig);
        if (!bool(conf, "job.autoscaler.enabled", false)) {
            return Optional.empty();
        }
        for (String key : List.of("job.autoscaler.scale-down.max-factor", "job.autoscaler.scale-up.max-factor",
                "job.autoscaler.target.utilization", "job.autoscaler.target.utilization.boundary")) {
            String v = conf.toMap().get(key);
            if (v == null) {
                continue;
            }
            try {
                if (Double.parseDouble(v) < 0.0d) {
                    return Optional.of(String.format(
                            "The AutoScalerOption %s is invalid, it should be a value within the range [%s, %s]",
                            key, "0.0", "+Infinity"));
                }
            } catch (NumberFormatException e) {
                return Optional.of(String.format("Invalid value in the autoscaler config %s", key));
            }
        }
        return Optional.empty();
    }

    // --- helpers -------------------------------------------------------------------------------

    private static boolean bool(Configuration conf, String key, boolean dflt) {
        String v = conf.toMap().get(key);
        return v == null ? dflt : Boolean.parseBoolean(v.trim());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** JobSpec.upgradeMode: stateless when not given; the CRD enum values. */
    private static String upgradeMode(Map<String, Object> job) {
        Object m = job.get("upgradeMode");
        return m == null ? "stateless" : m.toString();
    }

    private static int parallelism(Map<String, Object> job) {
        Object p = job.get("parallelism");
        return p == null ? 0 : ((Number) p).intValue();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }
}
