package io.rrralgorithms.jobs.deploy;

import static io.rrralgorithms.jobs.deploy.HelmChartTest.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.jobs.deploy.DockerFiles.Instruction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.StateBackendOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker/docker-compose.yml and the Dockerfiles, read as files (no Docker engine here): host ports,
 * restart policies, health-gated start order, the checkpoint volume and Flink's configuration of
 * it, and that every file the Dockerfiles and the compose file take exists or is built.
 */
class DockerComposeTest {
    static final Path ROOT = RepoFiles.root();
    static final Path DOCKER = ROOT.resolve("docker");
    /** Ports a developer's machine already uses: PostgreSQL, a Flink or `rrr run` web UI, `rrr run`'s Kafka. */
    static final Set<Integer> LOCAL_PORTS = Set.of(5432, 8081, 9092, 6123);

    static Map<String, Object> compose;
    static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        compose = OperatorValidation.map(HelmChartTest.YAML.readValue(DOCKER.resolve("docker-compose.yml").toFile(), Map.class));
        services = (Map<String, Map<String, Object>>) (Map<?, ?>) compose.get("services");
        assertEquals(Set.of("kafka", "postgres", "capture", "jobmanager", "taskmanager", "prometheus", "grafana"), services.keySet());
    }

    record PortMapping(String hostIp, int hostPort, int containerPort) {}

    static final Pattern PORT = Pattern.compile("(?:([0-9.]+):)?(\\d+):(\\d+)(?:/tcp)?");

    static List<PortMapping> ports(Map<String, Object> service) {
        List<PortMapping> out = new ArrayList<>();
        List<Object> ports = at(service, "ports");
        for (Object p : ports == null ? List.of() : ports) {
            Matcher m = PORT.matcher(p.toString());
            assertTrue(m.matches(), "port mapping " + p + ": write it as HOST_IP:HOST_PORT:CONTAINER_PORT");
            out.add(new PortMapping(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        }
        return out;
    }

    @Test
    void hostPortsAvoidALocalPostgresFlinkAndRrrRunAndStayOnThisHost() {
        Set<Integer> seen = new HashSet<>();
        services.forEach((name, s) -> {
            for (PortMapping p : ports(s)) {
                assertFalse(LOCAL_PORTS.contains(p.hostPort()), name + " takes host port " + p.hostPort());
                assertTrue(seen.add(p.hostPort()), "host port " + p.hostPort() + " twice");
                assertEquals("127.0.0.1", p.hostIp(), name + ": bind host ports to 127.0.0.1 only");
            }
        });
        // the external Kafka listener is advertised on the host port it is published on
        String advertised = at(services.get("kafka"), "environment", "KAFKA_ADVERTISED_LISTENERS");
        Matcher m = Pattern.compile("EXTERNAL://localhost:(\\d+)").matcher(advertised);
        assertTrue(m.find(), advertised);
        int external = Integer.parseInt(m.group(1));
        assertTrue(ports(services.get("kafka")).contains(new PortMapping("127.0.0.1", external, external)),
                "Kafka's EXTERNAL listener must be published on the same port it advertises");
        assertTrue(((String) at(services.get("kafka"), "environment", "KAFKA_LISTENERS")).contains("EXTERNAL://:" + external));
    }

    @Test
    void everyServiceRestartsAndStartsAfterWhatItNeedsIsHealthy() {
        services.forEach((name, s) -> {
            assertTrue(List.of("unless-stopped", "always", "on-failure").contains(String.valueOf(s.get("restart"))),
                    name + ": restart policy " + s.get("restart"));
            assertNotNull(at(s, "healthcheck", "test"), name + " has no healthcheck");
        });
        Map<String, Set<String>> needs = Map.of("capture", Set.of("kafka"), "jobmanager", Set.of("kafka", "postgres"),
                "taskmanager", Set.of("jobmanager"), "prometheus", Set.of("jobmanager"), "grafana", Set.of("prometheus", "postgres"));
        needs.forEach((name, deps) -> {
            Object dependsOn = services.get(name).get("depends_on");
            assertTrue(dependsOn instanceof Map, name + ": depends_on needs conditions (the long form), got " + dependsOn);
            Map<String, Object> d = OperatorValidation.map(dependsOn);
            assertEquals(deps, d.keySet(), name + " depends on");
            for (String dep : deps) {
                assertEquals("service_healthy", at(d, dep, "condition"), name + " waits for " + dep);
            }
        });
        assertEquals(List.of("CMD", "pg_isready", "-U", "postgres", "-d", "rrr"), at(services.get("postgres"), "healthcheck", "test"));
        assertTrue(String.join(" ", HelmChartTest.<List<String>>at(services.get("kafka"), "healthcheck", "test"))
                .contains("kafka-broker-api-versions.sh --bootstrap-server localhost:9092"));
        String jmCheck = String.join(" ", HelmChartTest.<List<String>>at(services.get("jobmanager"), "healthcheck", "test"));
        assertTrue(jmCheck.contains("/dev/tcp/127.0.0.1/8081") && jmCheck.contains("GET /overview"), jmCheck);
        // the job manager's database name is the one PostgreSQL creates and is checked for
        assertTrue(((String) services.get("jobmanager").get("command"))
                .contains("jdbc:postgresql://postgres:5432/" + at(services.get("postgres"), "environment", "POSTGRES_DB")));
    }

    /** The Flink configuration (FLINK_PROPERTIES, appended to config.yaml by the image's entrypoint). */
    static Configuration flinkConf(String service) throws IOException {
        String props = at(services.get(service), "environment", "FLINK_PROPERTIES");
        assertNotNull(props, service + " has no FLINK_PROPERTIES");
        Map<String, Object> map = OperatorValidation.map(HelmChartTest.YAML.readValue(props, Map.class));
        Configuration conf = new Configuration();
        map.forEach((k, v) -> conf.setString(k, String.valueOf(v)));
        return conf;
    }

    @Test
    void checkpointsAndSavepointsGoToANamedVolumeSharedByJobAndTaskManagers() throws IOException {
        assertTrue(compose.get("volumes") instanceof Map<?, ?> v && v.containsKey("flink-data"), "named volume flink-data");
        assertEquals(flinkConf("jobmanager").toMap(), flinkConf("taskmanager").toMap(),
                "job manager and task manager run with the same Flink configuration");
        for (String service : List.of("jobmanager", "taskmanager")) {
            List<String> volumes = at(services.get(service), "volumes");
            assertTrue(volumes.contains("flink-data:/flink-data"), service + " mounts flink-data: " + volumes);
            Configuration conf = flinkConf(service);
            assertEquals("filesystem", conf.get(CheckpointingOptions.CHECKPOINT_STORAGE));
            assertEquals("hashmap", conf.get(StateBackendOptions.STATE_BACKEND));
            assertTrue(conf.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY).startsWith("file:///flink-data/"));
            assertTrue(conf.get(CheckpointingOptions.SAVEPOINT_DIRECTORY).startsWith("file:///flink-data/"));
            assertEquals(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION,
                    conf.get(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION));
            assertTrue(conf.get(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS) >= 1);
            // the reporter: a class that exists, on the port the service publishes
            assertEquals("org.apache.flink.metrics.prometheus.PrometheusReporterFactory",
                    conf.getString("metrics.reporter.prom.factory.class", null));
            HelmChartTest.assertDoesLoad(conf.getString("metrics.reporter.prom.factory.class", null));
            int prom = Integer.parseInt(conf.getString("metrics.reporter.prom.port", "-1"));
            assertTrue(ports(services.get(service)).stream().anyMatch(p -> p.containerPort() == prom),
                    service + " does not publish its Prometheus port " + prom);
        }
        // the images create /flink-data owned by flink, so the new volume is writable by the flink user
        for (String dockerfile : List.of("Dockerfile", "Dockerfile.gpu")) {
            String run = DockerFiles.instructions(DOCKER.resolve(dockerfile)).stream()
                    .filter(i -> i.keyword().equals("RUN")).map(Instruction::args).reduce("", String::concat);
            assertTrue(run.matches("(?s).*mkdir -p /flink-data.*chown.*flink:flink.*/flink-data.*"), dockerfile + ": " + run);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesEveryMetricsPortAndGrafanaIsProvisionedWithTheDashboards() throws IOException {
        Map<String, Object> prometheus = services.get("prometheus");
        List<String> volumes = at(prometheus, "volumes");
        assertTrue(volumes.contains("./prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro"), volumes.toString());
        assertTrue(volumes.contains("./prometheus/alerts.yml:/etc/prometheus/alerts.yml:ro"), volumes.toString());
        Map<String, Object> config = OperatorValidation.map(HelmChartTest.YAML.readValue(
                DOCKER.resolve("prometheus/prometheus.yml").toFile(), Map.class));
        // alerts.yml beside prometheus.yml, as mounted
        assertEquals(List.of("alerts.yml"), at(config, "rule_files"));
        Set<String> targets = new HashSet<>();
        for (Object job : (List<Object>) config.get("scrape_configs")) {
            for (Object sc : (List<Object>) OperatorValidation.map(job).get("static_configs")) {
                targets.addAll((List<String>) OperatorValidation.map(sc).get("targets"));
            }
        }
        Set<String> expected = new HashSet<>();
        for (String service : List.of("jobmanager", "taskmanager")) {
            expected.add(service + ":" + flinkConf(service).getString("metrics.reporter.prom.port", "?"));
        }
        Map<String, Object> capture = OperatorValidation.map(HelmChartTest.YAML.readValue(
                DOCKER.resolve("config/capture.yaml").toFile(), Map.class));
        expected.add("capture:" + at(capture, "metrics", "port"));
        assertEquals(expected, targets, "Prometheus scrapes the job manager, the task manager and the capture service");

        Map<String, Object> grafana = services.get("grafana");
        List<String> mounts = at(grafana, "volumes");
        assertTrue(mounts.contains("./grafana/provisioning:/etc/grafana/provisioning:ro"), mounts.toString());
        Map<String, Object> providers = OperatorValidation.map(HelmChartTest.YAML.readValue(
                DOCKER.resolve("grafana/provisioning/dashboards/dashboards.yml").toFile(), Map.class));
        String path = at(providers, "providers", "0", "options", "path");
        assertTrue(mounts.contains("./grafana/dashboards:" + path + ":ro"), "the dashboards folder is mounted where the provider reads: " + mounts);
        Map<String, Object> datasources = OperatorValidation.map(HelmChartTest.YAML.readValue(
                DOCKER.resolve("grafana/provisioning/datasources/datasources.yml").toFile(), Map.class));
        for (Object o : (List<Object>) datasources.get("datasources")) {
            Map<String, Object> ds = OperatorValidation.map(o);
            String url = (String) ds.get("url");
            if ("rrr-prometheus".equals(ds.get("uid"))) {
                assertEquals("http://prometheus:9090", url);
                assertTrue(ports(prometheus).stream().anyMatch(p -> p.containerPort() == 9090));
            } else {
                assertEquals("postgres:5432", url);
                assertEquals((String) at(services.get("postgres"), "environment", "POSTGRES_DB"), (String) at(ds, "jsonData", "database"));
            }
        }
        String home = at(grafana, "environment", "GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH");
        assertTrue(home.startsWith(path + "/") && Files.isRegularFile(DOCKER.resolve("grafana/dashboards")
                .resolve(home.substring(path.length() + 1))), home);
    }

    @Test
    void theJobManagersJobArgumentsAreAcceptedByRrrJob() {
        String command = (String) services.get("jobmanager").get("command");
        List<String> words = List.of(command.trim().split("\\s+"));
        assertEquals("standalone-job", words.get(0));
        assertEquals(List.of("--job-classname", "io.rrralgorithms.jobs.cli.Rrr", "job"), words.subList(1, 4));
        HelmChartTest.assertDoesLoad(words.get(2));
        HelmChartTest.assertJobAccepts(words.subList(4, words.size()));
        assertFalse(command.toLowerCase().contains("password"), "no password on the command line");
    }

    @Test
    void everyFileTheComposeFileAndTheDockerfilesTakeExistsOrIsBuilt() throws IOException {
        for (Map.Entry<String, Map<String, Object>> e : services.entrySet()) {
            Map<String, Object> build = OperatorValidation.map(e.getValue().get("build"));
            if (build != null) {
                Path context = DOCKER.resolve((String) build.get("context")).normalize();
                assertEquals(ROOT, context, e.getKey() + ": build context is the repository root");
                assertTrue(Files.isRegularFile(context.resolve((String) build.get("dockerfile"))), e.getKey() + " dockerfile");
            }
            List<String> volumes = at(e.getValue(), "volumes");
            for (String v : volumes == null ? List.<String>of() : volumes) {
                String source = v.split(":")[0];
                if (source.startsWith(".") || source.startsWith("/")) {
                    assertTrue(Files.exists(DOCKER.resolve(source)), e.getKey() + ": bind mount source " + source);
                }
            }
        }
        for (String dockerfile : List.of("Dockerfile", "Dockerfile.gpu", "Dockerfile.capture")) {
            for (String source : DockerFiles.contextSources(DOCKER.resolve(dockerfile))) {
                assertExistsOrBuilt(dockerfile, source);
            }
        }
        // the capture service's configuration matches the compose network and published port
        Map<String, Object> capture = OperatorValidation.map(HelmChartTest.YAML.readValue(
                DOCKER.resolve("config/capture.yaml").toFile(), Map.class));
        assertEquals("kafka:9092", at(capture, "kafka", "bootstrap"));
        int metricsPort = ((Number) at(capture, "metrics", "port")).intValue();
        assertTrue(ports(services.get("capture")).stream().anyMatch(p -> p.containerPort() == metricsPort));
    }

    /** A path of the repository, or one the Maven build writes (module/target/NAME declared in its pom). */
    static void assertExistsOrBuilt(String dockerfile, String source) throws IOException {
        Matcher m = Pattern.compile("([a-z/-]+?)/target/([^/*]+)(/.*)?").matcher(source);
        if (m.matches()) {
            String pom = Files.readString(ROOT.resolve(m.group(1)).resolve("pom.xml"));
            assertTrue(pom.contains("${project.build.directory}/" + m.group(2)),
                    dockerfile + " takes " + source + ", which " + m.group(1) + "/pom.xml does not build");
        } else {
            assertTrue(Files.exists(ROOT.resolve(source)), dockerfile + " takes " + source + ", which does not exist");
        }
    }

    /** What Flink's official /docker-entrypoint.sh needs from the image it runs in. */
    @Test
    void theGpuImageHasWhatFlinksEntrypointNeeds() {
        List<Instruction> gpu = DockerFiles.instructions(DOCKER.resolve("Dockerfile.gpu"));
        String from = gpu.stream().filter(i -> i.keyword().equals("FROM")).map(Instruction::args).toList().toString();
        assertTrue(from.contains("flink:2.0.1-java17 AS flink"), from);
        List<List<String>> copies = DockerFiles.copies(DOCKER.resolve("Dockerfile.gpu"));
        assertTrue(copies.contains(List.of("/opt/flink", "/opt/flink")), "Flink's files from the official image");
        assertTrue(copies.contains(List.of("/docker-entrypoint.sh", "/docker-entrypoint.sh")), "the official entrypoint");
        assertTrue(gpu.stream().anyMatch(i -> i.keyword().equals("ENTRYPOINT") && i.args().contains("/docker-entrypoint.sh")));
        String run = gpu.stream().filter(i -> i.keyword().equals("RUN")).map(Instruction::args).reduce("", (a, b) -> a + " " + b);
        Matcher install = Pattern.compile("apt-get install ([^&]*)").matcher(run);
        assertTrue(install.find(), run);
        Set<String> packages = Set.of(install.group(1).trim().split("\\s+"));
        // gosu: drop_privs_cmd; gettext-base: envsubst; libjemalloc-dev: the libjemalloc.so it preloads;
        // hostname: the default JobManager address; a Java 17 runtime for Flink and config-parser-utils.sh
        for (String p : List.of("gosu", "gettext-base", "libjemalloc-dev", "hostname", "openjdk-17-jre-headless")) {
            assertTrue(packages.contains(p), "Dockerfile.gpu does not install " + p + ": " + packages);
        }
        assertTrue(run.matches("(?s).*groupadd --system --gid=9999 flink.*useradd --system --home-dir /opt/flink --uid=9999 --gid=flink flink.*"),
                "the flink user and group of the official image (uid/gid 9999)");
        assertTrue(run.contains("chown -R flink:flink /opt/flink"));
        String env = gpu.stream().filter(i -> i.keyword().equals("ENV")).map(Instruction::args).reduce("", (a, b) -> a + " " + b);
        assertTrue(env.contains("FLINK_HOME=/opt/flink"), env);
        assertTrue(env.contains("JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64"), "JAVA_HOME of openjdk-17-jre-headless: " + env);
        assertTrue(env.contains("PATH=$FLINK_HOME/bin"), env);
        // the CPU image is the official one: its entrypoint and user come with it
        List<Instruction> cpu = DockerFiles.instructions(DOCKER.resolve("Dockerfile"));
        assertEquals("flink:2.0.1-java17", cpu.get(0).args());
        assertTrue(cpu.stream().noneMatch(i -> i.keyword().equals("ENTRYPOINT") || i.keyword().equals("USER")),
                "the CPU image keeps the official entrypoint and user");
    }
}
