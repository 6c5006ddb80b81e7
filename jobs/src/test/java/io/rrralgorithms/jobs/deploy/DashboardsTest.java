package io.rrralgorithms.jobs.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Grafana dashboards and the Prometheus alert rules as files: Grafana's dashboard structure,
 * each panel on a provisioned data source with a query, every PromQL expression and rule checked
 * by {@code promtool} (Debian's prometheus package; .ci/run installs it), the rules' unit tests
 * (docker/prometheus/alerts-test.yml), and what the issue asks each to show. That the metrics exist
 * in a running job and the SQL runs on a database the job wrote: {@link PrometheusMetricsIT}.
 */
class DashboardsTest {
    static final String PROMTOOL = System.getProperty("rrr.promtool", "promtool");

    @Test
    void everyPanelHasAProvisionedDataSourceAQueryAndAPlaceOnTheGrid() throws IOException {
        JsonNode datasources = HelmChartTest.YAML.readTree(
                DashboardFiles.PROVISIONING.resolve("datasources/datasources.yml").toFile());
        Set<String> provisioned = new HashSet<>();
        datasources.path("datasources").forEach(d -> provisioned.add(d.path("uid").asText()));
        assertEquals(Set.of(DashboardFiles.PROMETHEUS_UID, DashboardFiles.POSTGRES_UID), provisioned);

        Set<String> uids = new HashSet<>();
        for (Path file : List.of(DashboardFiles.MARKET_DATA, DashboardFiles.TRADING)) {
            JsonNode d = DashboardFiles.json(file);
            assertTrue(uids.add(d.path("uid").asText()), file + ": a dashboard uid twice");
            assertFalse(d.path("title").asText().isBlank(), file + ": title");
            String expected = file.equals(DashboardFiles.MARKET_DATA) ? DashboardFiles.PROMETHEUS_UID : DashboardFiles.POSTGRES_UID;
            Set<Integer> ids = new HashSet<>();
            List<int[]> boxes = new ArrayList<>();
            for (JsonNode p : d.path("panels")) {
                assertTrue(ids.add(p.path("id").asInt()), file + ": panel id twice: " + p.path("id"));
                JsonNode g = p.path("gridPos");
                int x = g.path("x").asInt(-1);
                int y = g.path("y").asInt(-1);
                int w = g.path("w").asInt();
                int h = g.path("h").asInt();
                assertTrue(x >= 0 && y >= 0 && w > 0 && h > 0 && x + w <= 24, file + ": " + p.path("title") + " gridPos " + g);
                for (int[] b : boxes) {
                    boolean apart = x + w <= b[0] || b[0] + b[2] <= x || y + h <= b[1] || b[1] + b[3] <= y;
                    assertTrue(apart, file + ": " + p.path("title") + " overlaps another panel");
                }
                boxes.add(new int[] {x, y, w, h});
            }
            List<JsonNode> panels = DashboardFiles.panels(d);
            assertTrue(panels.size() >= 6, file + ": panels");
            for (JsonNode p : panels) {
                String title = file.getFileName() + ": " + p.path("title").asText();
                assertEquals(expected, p.path("datasource").path("uid").asText(), title);
                assertTrue(p.path("targets").size() > 0, title + " has no query");
                for (JsonNode t : p.path("targets")) {
                    assertEquals(expected, t.path("datasource").path("uid").asText(), title);
                    String query = expected.equals(DashboardFiles.PROMETHEUS_UID) ? t.path("expr").asText() : t.path("rawSql").asText();
                    assertFalse(query.isBlank(), title + ": empty query");
                }
            }
            for (JsonNode v : d.path("templating").path("list")) {
                assertEquals(expected, v.path("datasource").path("uid").asText(), file + ": variable " + v.path("name"));
            }
        }
    }

    @Test
    void theDashboardsShowWhatTheIssueAsksFor() {
        assertShows(DashboardFiles.MARKET_DATA, "messages/s per feed", "gaps", "checksum failures", "dead letters", "late events",
                "book-sync state", "kafka consumer lag", "checkpoint duration", "checkpoint size", "back-pressure", "event-time lag");
        assertShows(DashboardFiles.TRADING, "equity", "drawdown", "position per instrument", "orders by status",
                "rejections by rule", "risk state");
    }

    static void assertShows(Path dashboard, String... titles) {
        List<String> have = DashboardFiles.panels(DashboardFiles.json(dashboard)).stream()
                .map(p -> p.path("title").asText().toLowerCase(Locale.ROOT)).toList();
        for (String t : titles) {
            assertTrue(have.stream().anyMatch(h -> h.contains(t)), dashboard.getFileName() + " has no panel on " + t + ": " + have);
        }
    }

    @Test
    void theDashboardsExpressionsAreValidPromQL(@TempDir Path tmp) throws Exception {
        // promtool checks PromQL only in rule files: each expression becomes a recording rule
        List<String> exprs = DashboardFiles.dashboardExpressions();
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard-expressions\n    rules:\n");
        for (int i = 0; i < exprs.size(); i++) {
            rules.append("      - record: dashboard_expression_").append(i).append("\n        expr: ")
                    .append(HelmChartTest.YAML.writeValueAsString(DashboardFiles.expanded(exprs.get(i)))
                            .replaceFirst("^---\\s*", "").strip())
                    .append('\n');
        }
        Path file = tmp.resolve("dashboard-expressions.yml");
        Files.writeString(file, rules);
        String out = promtool("check", "rules", file.toString());
        assertTrue(out.contains("SUCCESS: " + exprs.size() + " rules found"), out);
    }

    @Test
    void theAlertRulesPassPromtoolAndTheirUnitTests() throws Exception {
        String check = promtool("check", "rules", DashboardFiles.ALERTS.toString());
        assertTrue(check.contains("SUCCESS"), check);
        String config = promtool("check", "config", DashboardFiles.ALERTS.resolveSibling("prometheus.yml").toString());
        assertTrue(config.contains("SUCCESS: 1 rule files found"), config);
        String tests = promtool("test", "rules", DashboardFiles.ALERTS.resolveSibling("alerts-test.yml").toString());
        assertTrue(tests.contains("SUCCESS"), tests);

        // the alerts the issue names, each with a severity and a summary, each tested
        JsonNode groups = HelmChartTest.YAML.readTree(DashboardFiles.ALERTS.toFile()).path("groups");
        Map<String, JsonNode> rules = new TreeMap<>();
        groups.forEach(g -> g.path("rules").forEach(r -> rules.put(r.path("alert").asText(), r)));
        assertEquals(Set.of("RrrFeedSilent", "RrrBookGaps", "RrrChecksumFailures", "RrrDeadLetters", "RrrCheckpointFailures",
                "RrrConsumerLagGrowing", "RrrAccountReducing", "RrrAccountHalted", "RrrModelLoadFailures"), rules.keySet());
        String unitTests = Files.readString(DashboardFiles.ALERTS.resolveSibling("alerts-test.yml"));
        rules.forEach((name, r) -> {
            assertTrue(Set.of("warning", "critical").contains(r.path("labels").path("severity").asText()), name + " severity");
            assertFalse(r.path("annotations").path("summary").asText().isBlank(), name + " summary");
            assertTrue(unitTests.contains("alertname: " + name), name + " has no unit test in alerts-test.yml");
        });
    }

    static String promtool(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(PROMTOOL));
        cmd.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("promtool not found (" + e.getMessage() + "): install Debian's prometheus package "
                    + "(apt-get install --no-install-recommends prometheus; .ci/run does), or -Drrr.promtool=PATH", e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "promtool did not finish");
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + ":\n" + out);
        return out;
    }

    @Test
    void everyMetricNameIsOneTheJobOrFlinkExports() {
        // the names only; that each is in a running job's /metrics is PrometheusMetricsIT's
        Set<String> names = DashboardFiles.metricNames();
        assertTrue(names.size() >= 25, names.toString());
        Set<String> scopes = names.stream().map(n -> n.replaceFirst("^(flink_(jobmanager_job|taskmanager_job_task_operator|"
                + "taskmanager_job_task))_.*", "$1")).collect(Collectors.toSet());
        assertEquals(Set.of("flink_jobmanager_job", "flink_taskmanager_job_task_operator", "flink_taskmanager_job_task"), scopes);
    }
}
