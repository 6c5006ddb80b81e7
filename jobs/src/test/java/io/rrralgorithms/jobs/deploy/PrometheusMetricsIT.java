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
import java.time.Duration;
import java.util.List;
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
 * a number and as a label.
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

                HttpResponse<String> response = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + promPort + "/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, response.statusCode());
                String metrics = response.body();
                Files.writeString(Path.of("target/prometheus-metrics.txt"), metrics);

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
        }
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
