package io.rrralgorithms.connectors.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The metrics: counters, frames per second, silence per stream, the Prometheus text over HTTP. */
class CaptureMetricsTest {

    @Test
    void countersRatesAndSilence() throws Exception {
        AtomicLong now = new AtomicLong(1_000_000_000L);
        CaptureMetrics m = new CaptureMetrics(now::get);
        m.registerStreams("binance-spot", List.of("btcusdt@trade", "btcusdt@depth@100ms"));
        m.tick();
        for (int i = 0; i < 50; i++) {
            m.frame("binance-spot", "btcusdt@trade", 100);
        }
        m.frame("binance-spot", "not-subscribed@x", 10); // counted, but no new stream label
        m.feed("binance-spot").reconnects.increment();
        m.feed("binance-spot").kafkaSendErrors.add(2);
        now.addAndGet(2_000_000_000L);
        m.frame("binance-spot", "btcusdt@depth@100ms", 40);
        now.addAndGet(500_000_000L);
        m.tick();

        assertEquals(52 / 2.5, m.feed("binance-spot").framesPerSecond(), 1e-9);
        assertEquals(2.5, m.secondsSinceLastFrame("binance-spot").get("btcusdt@trade"), 1e-9);
        assertEquals(0.5, m.secondsSinceLastFrame("binance-spot").get("btcusdt@depth@100ms"), 1e-9);
        assertEquals(2, m.secondsSinceLastFrame("binance-spot").size());

        String text = m.prometheusText();
        for (String line : List.of("# TYPE rrr_capture_frames_total counter",
                "rrr_capture_frames_total{feed=\"binance-spot\"} 52",
                "rrr_capture_bytes_total{feed=\"binance-spot\"} 5050",
                "rrr_capture_frames_per_second{feed=\"binance-spot\"} 20.800",
                "rrr_capture_reconnects_total{feed=\"binance-spot\"} 1",
                "rrr_capture_kafka_send_errors_total{feed=\"binance-spot\"} 2",
                "# TYPE rrr_capture_resyncs_total counter",
                "rrr_capture_resyncs_total{feed=\"binance-spot\"} 0",
                "rrr_capture_connections_open{feed=\"binance-spot\"} 0",
                "rrr_capture_seconds_since_last_frame{feed=\"binance-spot\",stream=\"btcusdt@trade\"} 2.500",
                "rrr_capture_seconds_since_last_frame{feed=\"binance-spot\",stream=\"btcusdt@depth@100ms\"} 0.500")) {
            assertTrue(text.contains(line + "\n"), line + " in\n" + text);
        }
        String status = m.statusLine();
        assertTrue(status.startsWith("capture: binance-spot 20.8 frames/s, 52 frames, 0 conn open, 1 reconnects, "
                + "0 snapshots, 2 kafka errors, most silent btcusdt@trade 2.5 s;"), status);
    }

    @Test
    void servedOverHttp() throws Exception {
        CaptureMetrics m = new CaptureMetrics();
        m.frame("coinbase", null, 10);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (MetricsServer server = MetricsServer.start("127.0.0.1", port, m)) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
            assertTrue(r.body().contains("rrr_capture_frames_total{feed=\"coinbase\"} 1\n"), r.body());
        }
    }

    /** The endpoint has no authentication: by default it binds loopback only, and says where it bound. */
    @Test
    void bindsLoopbackUnlessConfigured() throws Exception {
        CaptureConfig c = CaptureConfig.liveDefault();
        assertEquals("127.0.0.1", c.metrics.host);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (MetricsServer server = MetricsServer.start(c.metrics.host, port, new CaptureMetrics())) {
            assertTrue(server.address().getAddress().isLoopbackAddress(), server.address().toString());
        }
        try (MetricsServer server = MetricsServer.start("0.0.0.0", port, new CaptureMetrics())) {
            assertTrue(server.address().getAddress().isAnyLocalAddress(), server.address().toString());
        }
    }
}
