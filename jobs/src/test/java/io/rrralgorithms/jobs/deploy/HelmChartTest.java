package io.rrralgorithms.jobs.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.rrralgorithms.jobs.cli.JobCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * helm/rrr rendered as {@code helm template rrr helm/rrr} would (with {@link HelmTemplate}), parsed
 * with Jackson YAML, checked against the FlinkDeployment CRD's structure ({@link
 * FlinkDeploymentSchema}) and the operator's admission rules ({@link OperatorValidation}, a port of
 * its DefaultValidator), and against what the job and the image need. No helm binary or Kubernetes
 * here: what only a cluster shows is in docs/status.md ("Recovery and operations").
 */
class HelmChartTest {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final Path CHART = RepoFiles.root().resolve("helm/rrr");
    static final String RELEASE = "rrr";


    // --- rendering -----------------------------------------------------------------------------

    static Map<String, Object> values(Consumer<Map<String, Object>> overrides) throws IOException {
        Map<String, Object> values = OperatorValidation.map(YAML.readValue(CHART.resolve("values.yaml").toFile(), Map.class));
        overrides.accept(values);
        return values;
    }

    /** Every document of every template, rendered with these values. */
    static List<Map<String, Object>> render(Map<String, Object> values) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("Values", values);
        root.put("Release", Map.of("Name", RELEASE, "Namespace", "default"));
        root.put("Files", CHART);
        List<Map<String, Object>> docs = new ArrayList<>();
        List<Path> templates;
        try (Stream<Path> s = Files.list(CHART.resolve("templates"))) {
            templates = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path t : templates) {
            String text = HelmTemplate.render(Files.readString(t), root);
            try (var it = YAML.readerFor(Map.class).readValues(text)) {
                while (it.hasNext()) {
                    Object doc = it.next();
                    if (doc != null) {
                        docs.add(OperatorValidation.map(doc));
                    }
                }
            } catch (IOException e) {
                throw new AssertionError(t.getFileName() + " does not render to valid YAML: " + e.getMessage()
                        + "\n" + text, e);
            }
        }
        return docs;
    }

    static Map<String, Object> deployment(List<Map<String, Object>> docs) {
        List<Map<String, Object>> found = docs.stream().filter(d -> "FlinkDeployment".equals(d.get("kind"))).toList();
        assertEquals(1, found.size(), "one FlinkDeployment");
        return found.get(0);
    }

    @SuppressWarnings("unchecked")
    static <T> T at(Object node, String... path) {
        Object cur = node;
        for (String p : path) {
            if (cur instanceof List<?> l) {
                cur = l.get(Integer.parseInt(p));
            } else if (cur instanceof Map<?, ?> m) {
                cur = m.get(p);
            } else {
                return null;
            }
        }
        return (T) cur;
    }

    static Map<String, Object> mainContainer(Map<String, Object> podTemplate) {
        List<Map<String, Object>> containers = at(podTemplate, "spec", "containers");
        assertNotNull(containers, "pod template without containers");
        return containers.stream().filter(c -> "flink-main-container".equals(c.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no flink-main-container in the pod template"));
    }

    static Map<String, String> flinkConf(Map<String, Object> dep) {
        Map<String, Object> conf = at(dep, "spec", "flinkConfiguration");
        return conf.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue())));
    }

    /** Everything the chart must satisfy, for one set of values. */
    static void assertAccepted(Map<String, Object> values) throws IOException {
        List<Map<String, Object>> docs = render(values);
        Map<String, Object> dep = deployment(docs);
        assertEquals(List.of(), FlinkDeploymentSchema.errors(dep), "FlinkDeployment CRD structure");
        assertEquals(Optional.empty(), OperatorValidation.validateDeployment(dep, Map.of()), "operator validation");
        Map<String, String> conf = flinkConf(dep);

        // Kubernetes HA needs its storage directory (Flink refuses to start without it)
        assertEquals("kubernetes", conf.get("high-availability.type"));
        assertTrue(conf.get("high-availability.storageDir") != null && !conf.get("high-availability.storageDir").isBlank());
        assertTrue(conf.get("execution.checkpointing.dir").startsWith(at(values, "state", "dir")));
        assertTrue(conf.get("execution.checkpointing.savepoint-dir").startsWith(at(values, "state", "dir")));

        Map<String, Object> container = mainContainer(at(dep, "spec", "podTemplate"));
        List<String> args = at(dep, "spec", "job", "args");
        // no secret on the command line (visible in the pod spec, the Flink UI and the logs)
        for (String a : args) {
            assertFalse(a.toLowerCase().contains("password"), "a password argument: " + a);
        }
        String secret = at(values, "postgres", "passwordSecret");
        List<Map<String, Object>> env = at(container, "env");
        List<Map<String, Object>> passwordEnv = env == null ? List.of()
                : env.stream().filter(e -> "RRR_JDBC_PASSWORD".equals(e.get("name"))).toList();
        if (secret.isEmpty()) {
            assertEquals(List.of(), passwordEnv, "no password secret, no password variable");
        } else {
            assertEquals(1, passwordEnv.size(), "RRR_JDBC_PASSWORD from postgres.passwordSecret");
            assertEquals(secret, (String) at(passwordEnv.get(0), "valueFrom", "secretKeyRef", "name"));
            assertEquals((String) at(values, "postgres", "passwordSecretKey"), (String) at(passwordEnv.get(0), "valueFrom", "secretKeyRef", "key"));
            assertEquals(null, passwordEnv.get(0).get("value"), "the password itself is not in the chart");
        }

        // every mount has its volume; every claim the chart creates is the one mounted
        List<Map<String, Object>> mounts = at(container, "volumeMounts");
        List<Map<String, Object>> volumes = at(dep, "spec", "podTemplate", "spec", "volumes");
        List<String> volumeNames = volumes == null ? List.of() : volumes.stream().map(v -> (String) v.get("name")).toList();
        for (Map<String, Object> m : mounts == null ? List.<Map<String, Object>>of() : mounts) {
            assertTrue(volumeNames.contains(m.get("name")), "volume mount without volume: " + m);
        }
        for (Map<String, Object> pvc : docs.stream().filter(d -> "PersistentVolumeClaim".equals(d.get("kind"))).toList()) {
            String claim = at(pvc, "metadata", "name");
            assertTrue(volumes != null && volumes.stream().anyMatch(v -> claim.equals(at(v, "persistentVolumeClaim", "claimName"))),
                    "claim " + claim + " is created but not mounted");
        }
        if (Boolean.TRUE.equals(at(values, "state", "pvc", "enabled"))) {
            String mountPath = at(values, "state", "pvc", "mountPath");
            assertTrue(mounts.stream().anyMatch(m -> mountPath.equals(m.get("mountPath"))));
            assertTrue(((String) at(values, "state", "dir")).equals("file://" + mountPath),
                    "state.dir is the mounted state volume");
        }
        if (Boolean.TRUE.equals(at(values, "models", "enabled"))) {
            String modelsPath = at(values, "models", "mountPath");
            assertTrue(mounts.stream().anyMatch(m -> modelsPath.equals(m.get("mountPath")) && Boolean.TRUE.equals(m.get("readOnly"))));
            assertTrue(args.contains("--models-root=" + modelsPath), args::toString);
        } else {
            assertTrue(args.stream().noneMatch(a -> a.startsWith("--models-root")), args::toString);
        }

        // the Prometheus reporter: the factory class exists, the port is the container's and the annotation's
        if (Boolean.TRUE.equals(at(values, "metrics", "prometheus", "enabled"))) {
            String factory = conf.get("metrics.reporter.prom.factory.class");
            assertEquals("org.apache.flink.metrics.prometheus.PrometheusReporterFactory", factory);
            assertDoesLoad(factory);
            String port = String.valueOf((Object) at(values, "metrics", "prometheus", "port"));
            assertEquals(port, conf.get("metrics.reporter.prom.port"));
            List<Map<String, Object>> ports = at(container, "ports");
            assertTrue(ports.stream().anyMatch(p -> "metrics".equals(p.get("name"))
                    && port.equals(String.valueOf(p.get("containerPort")))), ports::toString);
            if (Boolean.TRUE.equals(at(values, "metrics", "prometheus", "podAnnotations"))) {
                assertEquals(port, at(dep, "spec", "podTemplate", "metadata", "annotations", "prometheus.io/port"));
                assertEquals("true", (String) at(dep, "spec", "podTemplate", "metadata", "annotations", "prometheus.io/scrape"));
            }
        } else {
            assertTrue(conf.keySet().stream().noneMatch(k -> k.startsWith("metrics.reporter.")));
        }

        // the job: entry class on the class path, jar where the image puts it, arguments rrr job accepts
        assertEquals("io.rrralgorithms.jobs.cli.Rrr", (String) at(dep, "spec", "job", "entryClass"));
        assertDoesLoad(at(dep, "spec", "job", "entryClass"));
        String jar = ((String) at(dep, "spec", "job", "jarURI")).replaceFirst("^local://", "");
        for (String dockerfile : List.of("docker/Dockerfile", "docker/Dockerfile.gpu")) {
            assertTrue(DockerFiles.copyDestinations(RepoFiles.root().resolve(dockerfile)).contains(jar),
                    dockerfile + " does not put the job jar at " + jar);
        }
        assertEquals("job", args.get(0));
        assertJobAccepts(args.subList(1, args.size()));
        assertEquals(String.valueOf((Object) at(values, "parallelism")), String.valueOf((Object) at(dep, "spec", "job", "parallelism")));
    }

    static void assertDoesLoad(String className) {
        try {
            Class.forName(className, false, HelmChartTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError("class " + className + " is not on the class path", e);
        }
    }

    /** picocli parses the arguments as `rrr job` would (unknown options and bad values fail). */
    static void assertJobAccepts(List<String> args) {
        new CommandLine(new JobCommand()).parseArgs(args.toArray(String[]::new));
    }

    // --- the tests -----------------------------------------------------------------------------

    @Test
    void defaultValuesPassTheOperatorsValidation() throws IOException {
        assertAccepted(values(v -> {}));
    }

    @Test
    void everyVariantOfTheValuesPasses() throws IOException {
        List<Consumer<Map<String, Object>>> variants = List.of(
                v -> put(v, "gpu.enabled", true),
                v -> put(v, "postgres.passwordSecret", ""),
                v -> put(v, "metrics.prometheus.podMonitor.enabled", true),
                v -> put(v, "metrics.prometheus.enabled", false),
                v -> put(v, "upgradeMode", "savepoint"),
                v -> put(v, "upgradeMode", "stateless"),
                v -> {
                    put(v, "models.enabled", false);
                    put(v, "state.pvc.enabled", false);
                    put(v, "state.dir", "s3://bucket/rrr");
                },
                v -> {
                    put(v, "models.pvc.create", true);
                    put(v, "state.pvc.storageClassName", "nfs");
                    put(v, "scoring.modelDir", "/opt/rrr/models/m-20240809-000500-1a2b3c4d");
                    put(v, "scoring.tfDevice", "/GPU:0");
                },
                v -> put(v, "jobManager.replicas", 2));
        for (Consumer<Map<String, Object>> variant : variants) {
            assertAccepted(values(variant));
        }
    }

    @Test
    void theGpuVariantRequestsAGpuAndUsesTheGpuImage() throws IOException {
        Map<String, Object> dep = deployment(render(values(v -> put(v, "gpu.enabled", true))));
        assertEquals("rrralgorithms/rrr-job-gpu:0.1.0", (String) at(dep, "spec", "image"));
        Map<String, Object> tm = mainContainer(at(dep, "spec", "taskManager", "podTemplate"));
        assertEquals(1, ((Number) at(tm, "resources", "limits", "nvidia.com/gpu")).intValue());
    }

    @Test
    void thePodMonitorScrapesTheMetricsPortOfThePods() throws IOException {
        List<Map<String, Object>> docs = render(values(v -> put(v, "metrics.prometheus.podMonitor.enabled", true)));
        Map<String, Object> pm = docs.stream().filter(d -> "PodMonitor".equals(d.get("kind"))).findFirst().orElseThrow();
        assertEquals("metrics", (String) at(pm, "spec", "podMetricsEndpoints", "0", "port"));
        Map<String, Object> selector = at(pm, "spec", "selector", "matchLabels");
        Map<String, Object> podLabels = at(deployment(docs), "spec", "podTemplate", "metadata", "labels");
        selector.forEach((k, v) -> assertEquals(v, podLabels.get(k), "pod label " + k));
        assertTrue(render(values(v -> {})).stream().noneMatch(d -> "PodMonitor".equals(d.get("kind"))), "off by default");
    }

    @Test
    void theDashboardsConfigMapHoldsTheDashboardsOfDockerGrafana() throws IOException {
        List<Map<String, Object>> docs = render(values(v -> {}));
        Map<String, Object> cm = docs.stream().filter(d -> "ConfigMap".equals(d.get("kind"))).findFirst()
                .orElseThrow(() -> new AssertionError("no dashboards ConfigMap"));
        assertEquals("1", at(cm, "metadata", "labels", "grafana_dashboard"), "the Grafana sidecar's label");
        Map<String, Object> data = at(cm, "data");
        for (String name : List.of("market-data.json", "trading.json")) {
            String text = (String) data.get("rrr-" + name);
            assertNotNull(text, "rrr-" + name + " in the ConfigMap");
            // byte for byte the file docker compose provisions (less the final newline |- drops)
            assertEquals(Files.readString(DashboardFiles.DASHBOARDS.resolve(name)).strip(), text.strip());
            assertEquals(DashboardFiles.json(DashboardFiles.DASHBOARDS.resolve(name)), YAML.readTree(text));
        }
        assertTrue(render(values(v -> put(v, "grafana.dashboards.enabled", false))).stream()
                .noneMatch(d -> "ConfigMap".equals(d.get("kind"))), "off when disabled");
    }

    @Test
    void thePrometheusRuleHoldsTheAlertRulesOfDockerPrometheus() throws IOException {
        assertTrue(render(values(v -> {})).stream().noneMatch(d -> "PrometheusRule".equals(d.get("kind"))), "off by default");
        List<Map<String, Object>> docs = render(values(v -> put(v, "metrics.prometheus.rules.enabled", true)));
        Map<String, Object> rule = docs.stream().filter(d -> "PrometheusRule".equals(d.get("kind"))).findFirst().orElseThrow();
        assertEquals(YAML.readValue(DashboardFiles.ALERTS.toFile(), Map.class), at(rule, "spec"));
    }

    /** What the issue measured on the old chart: rejected for last-state without checkpoints and HA. */
    @Test
    void thePortRejectsWhatTheOperatorRejects() throws IOException {
        Map<String, Object> ok = deployment(render(values(v -> {})));
        reject(ok, d -> conf(d).remove("execution.checkpointing.dir"),
                "Checkpoint directory[execution.checkpointing.dir] must be defined for last-state and savepoint upgrade modes");
        // the deprecated key still counts (Flink's fallback keys)
        accept(ok, d -> conf(d).put("state.checkpoints.dir", conf(d).remove("execution.checkpointing.dir")));
        reject(ok, d -> {
            conf(d).remove("execution.checkpointing.savepoint-dir");
            job(d).put("upgradeMode", "savepoint");
        }, "Job could not be upgraded with savepoint while config key[execution.checkpointing.savepoint-dir] is not set");
        reject(ok, d -> {
            conf(d).remove("execution.checkpointing.savepoint-dir");
            conf(d).put("kubernetes.operator.periodic.savepoint.interval", "1h");
        }, "Periodic savepoints cannot be enabled when config key[execution.checkpointing.savepoint-dir] is not set");
        reject(ok, d -> {
            conf(d).remove("execution.checkpointing.savepoint-dir");
            job(d).put("savepointTriggerNonce", 1);
        }, "Savepoint could not be manually triggered for the running job while config key[execution.checkpointing.savepoint-dir] is not set");
        reject(ok, d -> conf(d).remove("high-availability.type"),
                "Job could not be upgraded with last-state while Kubernetes HA disabled");
        accept(ok, d -> conf(d).put("high-availability.type", OperatorValidation.KUBERNETES_HA_FACTORY));
        reject(ok, d -> {
            conf(d).remove("high-availability.type");
            conf(d).put("kubernetes.operator.deployment.rollback.enabled", "true");
        }, "HA must be enabled for rollback support.");
        reject(ok, d -> conf(d).put("kubernetes.cluster-id", "x"), "Forbidden Flink config key: kubernetes.cluster-id");
        reject(ok, d -> conf(d).put("high-availability.cluster-id", "x"), "Forbidden Flink config key: high-availability.cluster-id");
        reject(ok, d -> job(d).put("parallelism", 0), "Job parallelism must be larger than 0");
        reject(ok, d -> job(d).remove("jarURI"), "Jar URI must be defined");
        reject(ok, d -> spec(d).remove("flinkVersion"), "Flink Version must be defined.");
        reject(ok, d -> spec(d).put("flinkVersion", "v1_14"), "Flink version v1_14 is not supported by this operator version");
        reject(ok, d -> spec(d).remove("serviceAccount"),
                "spec.serviceAccount must be defined. If you use helm, its value should be the same with the name of jobServiceAccount.");
        reject(ok, d -> OperatorValidation.map(spec(d).get("jobManager")).put("replicas", 0),
                "JobManager replicas should not be configured less than one.");
        reject(ok, d -> {
            conf(d).remove("high-availability.type");
            job(d).put("upgradeMode", "stateless");
            OperatorValidation.map(spec(d).get("jobManager")).put("replicas", 2);
        }, "High availability should be enabled when starting standby JobManagers.");
        reject(ok, d -> OperatorValidation.map(spec(d).get("taskManager")).put("replicas", 0),
                "TaskManager replicas must be larger than 0");
        reject(ok, d -> OperatorValidation.map(at(d, "spec", "taskManager", "resource")).put("memory", "lots"),
                "TaskManager resource memory parse error: ");
        accept(ok, d -> OperatorValidation.map(at(d, "spec", "taskManager", "resource")).put("memory", "4Gi"));
        reject(ok, d -> OperatorValidation.map(at(d, "spec", "jobManager")).remove("resource"),
                "JobManager resource memory must be defined using `spec.jobManager.resource.memory`");
        reject(ok, d -> metadata(d).put("name", "RRR"), "The FlinkDeployment name: RRR is invalid, must consist of lower "
                + "case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric "
                + "character (e.g. 'my-name',  or 'abc-123'), and the length must be no more than 45 characters.");
        reject(ok, d -> spec(d).put("logConfiguration", Map.of("log4j.properties", "x")),
                "Invalid log config key: log4j.properties. Allowed keys are ");
    }

    @Test
    void theSchemaCatchesWhatTheApiServerWouldPruneOrRefuse() throws IOException {
        Map<String, Object> dep = deployment(render(values(v -> {})));
        conf(dep).put("taskmanager.numberOfTaskSlots", 2);
        job(dep).put("upgardeMode", "last-state");
        job(dep).put("state", "RUNNING");
        assertEquals(List.of("spec.flinkConfiguration.taskmanager.numberOfTaskSlots: must be a string, got Integer",
                "spec.job.upgardeMode: unknown field", "spec.job.state: Unsupported value: \"RUNNING\""),
                FlinkDeploymentSchema.errors(dep).stream().sorted((a, b) -> order(a) - order(b)).toList());
    }

    private static int order(String e) {
        return e.startsWith("spec.flinkConfiguration") ? 0 : e.contains("unknown") ? 1 : 2;
    }

    @Test
    void unknownOptionsOfRrrJobAreCaught() {
        assertThrows(CommandLine.UnmatchedArgumentException.class,
                () -> assertJobAccepts(List.of("--bootstrap-servers=k:9092", "--feeds=binance-spot", "--nosuch=1")));
    }

    @Test
    void theRendererFollowsHelm() {
        Map<String, Object> root = Map.of("Values", Map.of("n", 1000000, "m", 10000, "s", "x\"y", "e", "", "t", true));
        assertEquals("1e+06 10000 \"x\\\"y\" \"10000\"", HelmTemplate.render(
                "{{ .Values.n }} {{ .Values.m }} {{ quote .Values.s }} {{ .Values.m | quote }}", root));
        assertEquals("a\nb", HelmTemplate.render("a\n  {{- if .Values.e }}\nno{{- end }}\nb", root));
        assertEquals("yes", HelmTemplate.render("{{ if and .Values.t .Values.m }}yes{{ end }}", root));
        assertEquals("no", HelmTemplate.render("{{ if or .Values.e false }}yes{{ else }}no{{ end }}", root));
        assertEquals("yes", HelmTemplate.render("{{ if not .Values.e }}yes{{ end }}", root));
        assertThrows(IllegalArgumentException.class, () -> HelmTemplate.render("{{ .Values.typo }}", root));
        assertThrows(IllegalArgumentException.class, () -> HelmTemplate.render("{{ toYaml .Values }}", root));
        assertThrows(IllegalArgumentException.class, () -> HelmTemplate.render("{{ range .Values.s }}{{ end }}", root));
        assertThrows(IllegalArgumentException.class, () -> HelmTemplate.render("{{ if .Values.t }}open", root));
    }

    // --- helpers -------------------------------------------------------------------------------

    private static void reject(Map<String, Object> ok, Consumer<Map<String, Object>> change, String message) {
        Map<String, Object> d = copy(ok);
        change.accept(d);
        Optional<String> error = OperatorValidation.validateDeployment(d, Map.of());
        assertTrue(error.isPresent() && error.get().startsWith(message), "expected '" + message + "', got " + error);
    }

    private static void accept(Map<String, Object> ok, Consumer<Map<String, Object>> change) {
        Map<String, Object> d = copy(ok);
        change.accept(d);
        assertEquals(Optional.empty(), OperatorValidation.validateDeployment(d, Map.of()));
    }

    private static Map<String, Object> copy(Map<String, Object> d) {
        try {
            return OperatorValidation.map(YAML.readValue(YAML.writeValueAsBytes(d), Map.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> metadata(Map<String, Object> d) {
        return OperatorValidation.map(d.get("metadata"));
    }

    private static Map<String, Object> spec(Map<String, Object> d) {
        return OperatorValidation.map(d.get("spec"));
    }

    private static Map<String, Object> job(Map<String, Object> d) {
        return OperatorValidation.map(spec(d).get("job"));
    }

    private static Map<String, Object> conf(Map<String, Object> d) {
        return OperatorValidation.map(spec(d).get("flinkConfiguration"));
    }

    static void put(Map<String, Object> values, String dotted, Object value) {
        String[] keys = dotted.split("\\.");
        Map<String, Object> cur = values;
        for (int i = 0; i < keys.length - 1; i++) {
            Object next = cur.get(keys[i]);
            assertTrue(next instanceof Map, "no values key " + dotted);
            cur = OperatorValidation.map(next);
        }
        assertTrue(cur.containsKey(keys[keys.length - 1]), "no values key " + dotted);
        cur.put(keys[keys.length - 1], value);
    }
}
