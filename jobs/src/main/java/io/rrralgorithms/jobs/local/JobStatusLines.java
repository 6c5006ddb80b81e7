package io.rrralgorithms.jobs.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.jobs.RowCounter;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;

/**
 * While the job runs, one status line every few seconds on stderr: records in and out of each
 * stage (the running job's vertex metrics, from the local cluster's REST API, as the web UI shows
 * them), the lowest watermark against the last frame's recorded time, and the rows written so far
 * (the sinks' accumulators). A poll that fails (the job just ended, the REST server is starting)
 * prints nothing.
 */
final class JobStatusLines implements AutoCloseable {
    static final Duration EVERY = Duration.ofSeconds(5);
    private static final Duration FIRST = Duration.ofSeconds(3);
    /** With the day: the feeds of one run may be recorded weeks apart. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JobClient job;
    private final String rest;
    private final PrintStream out;
    /** The last replayed frame's receive time (ms), what the watermark goes towards; null: unknown (live). */
    private final Long lastFrameMs;
    private final long startNs = System.nanoTime();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rrr-job-status");
        t.setDaemon(true);
        return t;
    });

    JobStatusLines(JobClient job, int webPort, PrintStream out, Long lastFrameMs) {
        this.job = job;
        this.rest = "http://127.0.0.1:" + webPort + "/jobs/" + job.getJobID();
        this.out = out;
        this.lastFrameMs = lastFrameMs;
    }

    JobStatusLines start() {
        timer.scheduleWithFixedDelay(this::printQuietly, FIRST.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void printQuietly() {
        try {
            String line = line();
            if (line != null) {
                out.println(line);
                out.flush();
            }
        } catch (Exception e) {
            // the job ended between two polls, or the REST server is not up yet: no line this time
        }
    }

    /** The status line now; null when the job is not running. */
    String line() throws Exception {
        JsonNode jobJson = get(rest);
        if (!"RUNNING".equals(jobJson.path("state").asText())) {
            return null;
        }
        List<String> stages = new ArrayList<>();
        long lowestWatermark = Long.MAX_VALUE;
        for (JsonNode v : jobJson.path("vertices")) {
            JsonNode m = v.path("metrics");
            stages.add(String.format("%s %,d→%,d", shortName(v.path("name").asText()), m.path("read-records").asLong(),
                    m.path("write-records").asLong()));
            for (JsonNode w : get(rest + "/vertices/" + v.path("id").asText() + "/watermarks")) {
                long wm = w.path("value").asLong(Long.MIN_VALUE);
                if (wm > 0 && wm < lowestWatermark) { // Long.MIN_VALUE: no watermark yet
                    lowestWatermark = wm;
                }
            }
        }
        long rows = 0;
        for (Map.Entry<String, Object> a : job.getAccumulators().get(2, TimeUnit.SECONDS).entrySet()) {
            if (a.getKey().startsWith(RowCounter.ACC_PREFIX) && a.getValue() instanceof Number n) {
                rows += n.longValue();
            }
        }
        String watermark = lowestWatermark == Long.MAX_VALUE ? "none yet"
                : TIME.format(Instant.ofEpochMilli(lowestWatermark));
        if (lastFrameMs != null) {
            watermark += " of last frame " + TIME.format(Instant.ofEpochMilli(lastFrameMs));
        }
        return String.format("job %ds: %s | watermark %s | rows written %,d",
                (System.nanoTime() - startNs) / 1_000_000_000L, String.join(", ", stages), watermark, rows);
    }

    /** The first operator of a chained vertex, without Flink's prefixes: what the stage is. */
    static String shortName(String vertexName) {
        String first = vertexName.split(" -> ")[0].replace("Source: ", "").replace("Sink: ", "").strip();
        int paren = first.indexOf('(');
        if (paren > 0) {
            first = first.substring(0, paren).strip();
        }
        return first.length() > 24 ? first.substring(0, 24) : first;
    }

    private JsonNode get(String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + ": HTTP " + r.statusCode());
        }
        return JSON.readTree(r.body());
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
