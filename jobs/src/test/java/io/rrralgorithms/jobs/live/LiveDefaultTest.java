package io.rrralgorithms.jobs.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.rrralgorithms.connectors.adapters.binance.BinanceLiveVenue;
import io.rrralgorithms.connectors.jdbc.PostgresTarget;
import io.rrralgorithms.connectors.live.CaptureConfig;
import io.rrralgorithms.connectors.live.CaptureService;
import io.rrralgorithms.connectors.venues.LiveVenue;
import io.rrralgorithms.connectors.venues.Venues;
import io.rrralgorithms.jobs.cli.Rrr;
import io.rrralgorithms.jobs.local.LocalPipeline;
import io.rrralgorithms.jobs.local.NoExchangeAnswersException;
import io.rrralgorithms.jobs.local.RunSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The local run's live default ({@code ./rrr run} without files): where no exchange answers it
 * stops at once with one line, before PostgreSQL, Kafka or Flink are touched. No test here
 * reaches the internet: the unreachable exchanges are loopback ports.
 */
class LiveDefaultTest {
    private static final String HINT = "; to run on recorded data: ./rrr run ../shared/data/market/binance-spot/*.gz "
            + "(./rrr fetch-samples downloads them where they are missing)";

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static RunSpec settings(String url, int connectTimeoutSeconds) throws Exception {
        RunSpec s = new RunSpec();
        s.capture = CaptureConfig.parse("connectTimeoutSeconds: " + connectTimeoutSeconds + "\nvenues:\n"
                + "  - feed: binance-spot\n    symbols: [BTC-USDT, ETH-USDT]\n    url: " + url + "\n", "test");
        // a dead database: the exchange check must come first, so its error is the one seen
        s.postgres = PostgresTarget.of("jdbc:postgresql://127.0.0.1:1/rrr", "postgres", null);
        s.out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return s;
    }

    @Test
    void aRefusedConnectionIsOneLineAtOnce() throws Exception {
        int port = closedPort();
        long t0 = System.nanoTime();
        NoExchangeAnswersException e = assertThrows(NoExchangeAnswersException.class,
                () -> new LocalPipeline(settings("ws://127.0.0.1:" + port + "/stream", 10)).run());
        long ms = (System.nanoTime() - t0) / 1_000_000L;
        assertEquals("no exchange answers at ws://127.0.0.1:" + port + " (connection refused)" + HINT, e.getMessage());
        assertTrue(ms < 5_000, "took " + ms + " ms");
    }

    @Test
    void anEndpointThatNeverAnswersTimesOutWithinTheConnectTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) { // the kernel accepts the TCP connection; nobody answers
            long t0 = System.nanoTime();
            NoExchangeAnswersException e = assertThrows(NoExchangeAnswersException.class,
                    () -> new LocalPipeline(settings("ws://127.0.0.1:" + silent.getLocalPort() + "/stream", 1)).run());
            long ms = (System.nanoTime() - t0) / 1_000_000L;
            assertEquals("no exchange answers at ws://127.0.0.1:" + silent.getLocalPort()
                    + " (no answer within 1000 ms)" + HINT, e.getMessage());
            assertTrue(ms >= 900 && ms < 4_000, "took " + ms + " ms");
        }
    }

    @Test
    void theCommandLinePrintsOneLineAndExitsNonZero() throws Exception {
        int port = closedPort();
        Path config = Files.createTempFile("rrr-capture-", ".yaml");
        Files.writeString(config, "venues:\n  - feed: binance-spot\n    symbols: [BTC-USDT, ETH-USDT]\n"
                + "    url: ws://127.0.0.1:" + port + "/stream\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream oldErr = System.err;
        PrintStream oldOut = System.out;
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code = Rrr.commandLine().execute("run", "--capture-config", config.toString(),
                    "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/rrr");
        } finally {
            System.setErr(oldErr);
            System.setOut(oldOut);
            Files.deleteIfExists(config);
        }
        assertEquals(3, code);
        assertEquals(List.of("no exchange answers at ws://127.0.0.1:" + port + " (connection refused)" + HINT),
                err.toString(StandardCharsets.UTF_8).lines().toList());
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theDefaultIsBinanceSpotBtcAndEthUsdt() {
        CaptureConfig d = CaptureConfig.liveDefault();
        d.validate("default");
        CaptureConfig.Venue v = d.venues.get(0);
        assertEquals("binance-spot", v.feed);
        assertEquals("wss://stream.binance.com:9443/stream", v.endpoint(BinanceLiveVenue.spot()));
        assertEquals(List.of("BTCUSDT", "ETHUSDT"), v.resolveNativeSymbols(BinanceLiveVenue.spot()));
        assertEquals("https://api.binance.com", v.restBase(BinanceLiveVenue.spot()));
    }

    @Test
    void captureRefusesABadConfigurationWithOneLine() throws Exception {
        Path config = Files.createTempFile("rrr-capture-", ".yaml");
        Files.writeString(config, "venues:\n  - feed: binance-spot\n    symbol: [BTC-USDT]\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldErr = System.err;
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = Rrr.commandLine().execute("capture", "--config", config.toString());
        } finally {
            System.setErr(oldErr);
            Files.deleteIfExists(config);
        }
        assertEquals(2, code);
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(1, lines.size(), lines::toString);
        assertTrue(lines.get(0).startsWith("rrr capture: " + config + ": unknown key 'symbol' at venues[0].symbol"),
                lines.get(0));
    }

    /**
     * A venue whose connections start with a REST handshake (KuCoin) is probed through it: a
     * refused handshake is the reason it does not answer; an answered one names the endpoint that
     * is then probed.
     */
    @Test
    void kucoinIsProbedThroughItsHandshake() throws Exception {
        LiveVenue kucoin = Venues.liveForFeed("kucoin");
        URI endpoint = URI.create(kucoin.defaultEndpoint());
        int port = closedPort();
        assertEquals("handshake http://127.0.0.1:" + port + "/api/v1/bullet-public: cannot connect",
                CaptureService.probe(kucoin, endpoint, "http://127.0.0.1:" + port, Duration.ofSeconds(2)));
        try (LoopbackWebSocketServer ws = new LoopbackWebSocketServer(c -> {
            while (!c.isClosed()) {
                Thread.sleep(10);
            }
        })) {
            HttpServer rest = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            rest.createContext("/api/v1/bullet-public", exchange -> {
                try (exchange) {
                    byte[] b = ("{\"code\":\"200000\",\"data\":{\"token\":\"t\",\"instanceServers\":[{\"endpoint\":\""
                            + ws.url("/endpoint") + "\",\"pingInterval\":18000}]}}").getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, b.length);
                    exchange.getResponseBody().write(b);
                }
            });
            rest.start();
            try {
                assertNull(CaptureService.probe(kucoin, endpoint, "http://127.0.0.1:" + rest.getAddress().getPort(),
                        Duration.ofSeconds(2)));
                assertEquals("/endpoint?token=t", ws.connections().get(0).path);
            } finally {
                rest.stop(0);
            }
        }
    }
}
