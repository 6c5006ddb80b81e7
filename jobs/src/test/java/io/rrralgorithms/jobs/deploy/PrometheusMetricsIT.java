package io.rrralgorithms.jobs.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.jobs.SharedData;
import io.rrralgorithms.jobs.TestDatabase;
import io.rrralgorithms.jobs.config.ScoringConfigOptions;
import io.rrralgorithms.jobs.config.TradingConfigOptions;
import io.rrralgorithms.jobs.local.LocalPipeline;
import io.rrralgorithms.jobs.local.RunSpec;
import io.rrralgorithms.jobs.local.RunSummary;
import io.rrralgorithms.jobs.scoring.TestModels;
import io.rrralgorithms.models.spec.FeatureSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rrr run --prometheus-port}: an unbounded local run with scoring and paper trading on the
 * Binance spot capture, with Flink's Prometheus reporter on a free port; {@code /metrics} is
 * scraped over HTTP while the job runs and holds the metrics of every stage, the model version as
 * a number and as a label. Every metric the Grafana dashboards and the Prometheus alert rules use
 * is in that output, and every SQL query of the trading dashboard runs on the database the run
 * wrote.
 */
class PrometheusMetricsIT {
    static final String VERSION = "m-20240809-000500-1a2b3c4d";

    @Test
    void theReporterServesTheMetricsOfEveryStage(@TempDir Path tmp) throws Exception {
        int promPort;
        int webPort;
        try (ServerSocket a = new ServerSocket(0); ServerSocket b = new ServerSocket(0)) {
            promPort = a.getLocalPort();
            webPort = b.getLocalPort();
        }
        Path model = TestModels.linear(tmp.resolve(VERSION), VERSION, FeatureSpec.V1, TestModels.weights(FeatureSpec.V1, 7), 0f);
        try (TestDatabase db = new TestDatabase()) {
            RunSpec s = new RunSpec();
            s.files = List.of(SharedData.market("cryptofeed/BINANCE.ws.1.0"));
            s.bounded = false;
            s.kafkaPort = 0;
            s.webPort = webPort;
            s.prometheusPort = promPort;
            s.postgres = db.target;
            s.durability.checkpointInterval = Duration.ofMillis(500);
            s.job.set(ScoringConfigOptions.MODEL_DIR, model.toString());
            s.job.set(TradingConfigOptions.ENABLED, true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            s.out = new PrintStream(out, true, StandardCharsets.UTF_8);
            LocalPipeline pipeline = new LocalPipeline(s);
            CompletableFuture<RunSummary> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return pipeline.run();
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            });
            try {
                long deadline = System.currentTimeMillis() + 180_000;
                while (db.count("scores") == 0 && System.currentTimeMillis() < deadline && !run.isDone()) {
                    Thread.sleep(500);
                }
                assertTrue(db.count("scores") > 0, "no scores while running: " + out.toString(StandardCharsets.UTF_8));
                assertTrue(out.toString(StandardCharsets.UTF_8).contains("Prometheus metrics at http://localhost:" + promPort + "/metrics"));

                // every metric the Grafana dashboards and the alert rules use (the per-account
                // gauges come with the first PnL second, the checkpoint ones with the first checkpoint)
                Set<String> wanted = DashboardFiles.metricNames();
                Set<String> missing = wanted;
                String metrics = null;
                while (System.currentTimeMillis() < deadline && !run.isDone()) {
                    metrics = scrape(promPort);
                    missing = missing(metrics, wanted);
                    if (missing.isEmpty() && db.count("pnl") > 0) {
                        break;
                    }
                    Thread.sleep(1000);
                }
                Files.writeString(Path.of("target/prometheus-metrics.txt"), metrics);
                assertEquals(Set.of(), missing, "metrics of docker/grafana/dashboards or docker/prometheus/alerts.yml "
                        + "not in the job's /metrics (see jobs/target/prometheus-metrics.txt)");
                // the per-feed metrics carry the feed as a label, the per-account ones the account
                assertTrue(metrics.contains("flink_taskmanager_job_task_operator_feed_gaps{") && Pattern.compile(
                        "(?m)^flink_taskmanager_job_task_operator_deserializer_feed_frames\\{[^}]*feed=\"binance_spot\"").matcher(metrics).find());
                assertTrue(value(metrics, "deserializer_feed_frames") > 0, "frames per feed");
                Matcher risk = Pattern.compile("(?m)^flink_taskmanager_job_task_operator_account_riskState\\{[^}]*account=\"paper\"[^}]*} (\\S+)$")
                        .matcher(metrics);
                assertTrue(risk.find(), "riskState of the account paper");

                // decode, dead letters, book, features, bars, sinks, scoring, trading, Kafka source
                for (String name : List.of("deserializer_rawFramesIn", "deadLetters", "bookGaps", "bookCrossed", "bookChecksums",
                        "booksNeverSynced", "featureLateEvents", "lateTrades", "rows_features", "rows_book_top",
                        "rows_trade_bars_1m", "rows_dead_letters", "rows_book_gaps", "rows_scores", "rowsQuarantined",
                        "sinkRetries", "scoresEmitted", "scoresSkippedNoModel", "modelSwaps", "modelLoadFailures",
                        "servingModelVersion", "tradingOrders", "tradingFills", "tradingRiskEvents", "rows_orders",
                        "rows_pnl")) {
                    assertTrue(Pattern.compile("(?m)^flink_taskmanager_job_task_operator_" + name + "\\{").matcher(metrics).find(),
                            "no metric " + name + " in /metrics (see jobs/target/prometheus-metrics.txt)");
                }
                // the latency stages as summaries with their path, stage (and table) labels
                for (String stage : List.of("deserializer_path_stage_latencyNs\\{path=\"market\"[^}]*stage=\"decoded\"",
                        "path_stage_latencyNs\\{path=\"market\"[^}]*stage=\"book\"",
                        "path_stage_table_latencyNs\\{table=\"book_top\"[^}]*stage=\"sink_flush\"")) {
                    assertTrue(Pattern.compile("(?m)^flink_taskmanager_job_task_operator_" + stage
                            + "[^}]*quantile=\"0.99\",?[^}]*} \\S+$").matcher(metrics).find(),
                            "no latency quantile " + stage + " in /metrics (see jobs/target/prometheus-metrics.txt)");
                }
                // the serving version as a number on every scoring subtask
                Matcher version = Pattern.compile("(?m)^flink_taskmanager_job_task_operator_servingModelVersion\\{[^}]*} (\\S+)$")
                        .matcher(metrics);
                assertTrue(version.find(), "servingModelVersion has no value");
                do {
                    assertEquals(20240809000500d, Double.parseDouble(version.group(1)), version.group());
                } while (version.find());
                // and as a label, with 1 while it serves
                Matcher serving = Pattern.compile("(?m)^flink_taskmanager_job_task_operator_model_version_modelServing\\{([^}]*)} (\\S+)$")
                        .matcher(metrics);
                assertTrue(serving.find(), "no model_version_modelServing metric");
                // (Flink's Prometheus reporter writes characters other than [a-zA-Z0-9:_] of label values as _)
                assertTrue(serving.group(1).contains("model_version=\"" + VERSION.replaceAll("[^a-zA-Z0-9:_]", "_") + "\""),
                        serving.group(1));
                assertEquals(1d, Double.parseDouble(serving.group(2)));
                // counts are numbers that moved
                assertTrue(value(metrics, "deserializer_rawFramesIn") > 0, "rawFramesIn");
                assertTrue(value(metrics, "scoresEmitted") > 0, "scoresEmitted");
            } finally {
                pipeline.stop();
                run.get(60, TimeUnit.SECONDS);
            }
            tradingDashboardQueriesRun(db);
        }
    }

    /**
     * Every SQL query of the trading dashboard, with Grafana's macros expanded, runs on the
     * database the run wrote with trading on; the panels that always have data have rows.
     */
    static void tradingDashboardQueriesRun(TestDatabase db) throws SQLException {
        List<String> accounts = db.rows("SELECT DISTINCT account_id FROM pnl ORDER BY 1");
        assertEquals(List.of("paper"), accounts);
        Map<String, Integer> rows = new TreeMap<>();
        for (DashboardFiles.Query q : DashboardFiles.tradingQueries()) {
            String sql = DashboardFiles.grafanaSql(q.sql(), accounts);
            try {
                rows.put(q.title(), db.rows(sql).size());
            } catch (SQLException e) {
                throw new AssertionError("the trading dashboard's query '" + q.title() + "' fails: " + e.getMessage() + "\n" + sql, e);
            }
        }
        for (String title : List.of("Risk state now", "Equity", "Drawdown", "Risk state over time", "Position per instrument",
                "Positions now", "Orders by status", "Orders and fills per minute", "variable account")) {
            assertTrue(rows.getOrDefault(title, 0) > 0, "no rows for the panel " + title + ": " + rows);
        }
        // the panel shows the table: the last pnl row's equity
        String last = db.rows("SELECT equity FROM pnl WHERE account_id = 'paper' ORDER BY snapshot_time DESC LIMIT 1").get(0);
        String shown = db.rows(DashboardFiles.grafanaSql(DashboardFiles.tradingQueries().stream()
                .filter(q -> q.title().equals("Risk state now")).findFirst().orElseThrow().sql(), accounts)).get(0);
        assertEquals(last, shown.split(" \\| ")[3], shown);
    }

    static String scrape(int port) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return response.body();
    }

    /** The names of {@code wanted} with no series in the scrape. */
    static Set<String> missing(String metrics, Set<String> wanted) {
        Set<String> have = new HashSet<>();
        Matcher m = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]").matcher(metrics);
        while (m.find()) {
            have.add(m.group(1));
        }
        Set<String> missing = new TreeSet<>(wanted);
        missing.removeAll(have);
        return missing;
    }

    /** Sum of a metric over its series. */
    static double value(String metrics, String name) {
        Matcher m = Pattern.compile("(?m)^flink_taskmanager_job_task_operator_" + name + "\\{[^}]*} (\\S+)$").matcher(metrics);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }
}
