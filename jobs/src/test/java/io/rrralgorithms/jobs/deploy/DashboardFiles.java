package io.rrralgorithms.jobs.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Grafana dashboards (docker/grafana/dashboards) and the Prometheus alert rules
 * (docker/prometheus/alerts.yml) as the tests read them: their panels, PromQL expressions, the
 * metric names these use, and the trading dashboard's SQL with Grafana's macros expanded.
 */
final class DashboardFiles {
    static final Path ROOT = RepoFiles.root();
    static final Path DASHBOARDS = ROOT.resolve("docker/grafana/dashboards");
    static final Path MARKET_DATA = DASHBOARDS.resolve("market-data.json");
    static final Path TRADING = DASHBOARDS.resolve("trading.json");
    static final Path PROVISIONING = ROOT.resolve("docker/grafana/provisioning");
    static final Path ALERTS = ROOT.resolve("docker/prometheus/alerts.yml");
    static final String PROMETHEUS_UID = "rrr-prometheus";
    static final String POSTGRES_UID = "rrr-postgres";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A metric name of the job (every series it exports starts with flink_). */
    private static final Pattern METRIC = Pattern.compile("\\b(flink_[A-Za-z0-9_:]+)");
    private static final Pattern TIME_FILTER = Pattern.compile("\\$__timeFilter\\(([a-z_]+)\\)");

    private DashboardFiles() {}

    static JsonNode json(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(file + " is not JSON: " + e.getMessage(), e);
        }
    }

    /** The dashboard's panels other than rows, those inside collapsed rows included. */
    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode p : dashboard.path("panels")) {
            if ("row".equals(p.path("type").asText())) {
                p.path("panels").forEach(out::add);
            } else {
                out.add(p);
            }
        }
        return out;
    }

    /** Every PromQL expression of the market-data dashboard's panels. */
    static List<String> dashboardExpressions() {
        List<String> out = new ArrayList<>();
        for (JsonNode p : panels(json(MARKET_DATA))) {
            for (JsonNode t : p.path("targets")) {
                out.add(t.path("expr").asText());
            }
        }
        return out;
    }

    /** The expressions of the alert rules. */
    static List<String> alertExpressions() {
        List<String> out = new ArrayList<>();
        try {
            JsonNode rules = HelmChartTest.YAML.readTree(ALERTS.toFile());
            for (JsonNode g : rules.path("groups")) {
                for (JsonNode r : g.path("rules")) {
                    out.add(r.path("expr").asText());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The metric names the dashboards (panels and template variables) and the alert rules use. */
    static Set<String> metricNames() {
        List<String> texts = new ArrayList<>(dashboardExpressions());
        texts.addAll(alertExpressions());
        for (JsonNode v : json(MARKET_DATA).path("templating").path("list")) {
            texts.add(v.path("definition").asText());
        }
        Set<String> names = new TreeSet<>();
        for (String t : texts) {
            Matcher m = METRIC.matcher(t);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** A dashboard expression with Grafana's variables replaced, as Prometheus receives it. */
    static String expanded(String expr) {
        return expr.replace("$__rate_interval", "1m").replace("$feed", ".*");
    }

    /** A panel of the trading dashboard: its title and raw SQL. */
    record Query(String title, String sql) {}

    /** The trading dashboard's SQL: each panel's, then the template variables'. */
    static List<Query> tradingQueries() {
        JsonNode d = json(TRADING);
        List<Query> out = new ArrayList<>();
        for (JsonNode p : panels(d)) {
            for (JsonNode t : p.path("targets")) {
                out.add(new Query(p.path("title").asText(), t.path("rawSql").asText()));
            }
        }
        for (JsonNode v : d.path("templating").path("list")) {
            out.add(new Query("variable " + v.path("name").asText(), v.path("query").asText()));
        }
        return out;
    }

    /**
     * The SQL as Grafana's PostgreSQL data source sends it: {@code $__timeFilter(col)} as a range
     * covering every row, {@code $account} as the quoted account ids of the selection.
     */
    static String grafanaSql(String sql, List<String> accounts) {
        String s = TIME_FILTER.matcher(sql).replaceAll(
                "$1 BETWEEN '1970-01-01T00:00:00Z' AND '2100-01-01T00:00:00Z'");
        s = s.replace("$account", String.join(",", accounts.stream().map(a -> "'" + a.replace("'", "''") + "'").toList()));
        if (s.contains("$")) {
            throw new AssertionError("a Grafana macro or variable this expansion does not know: " + s);
        }
        return s;
    }
}
