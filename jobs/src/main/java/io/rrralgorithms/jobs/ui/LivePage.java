package io.rrralgorithms.jobs.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.rrralgorithms.connectors.jdbc.PostgresTarget;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live page of a running system on localhost: {@code /} is one HTML page (plain HTML, CSS and
 * a little JavaScript, no build step) that fetches {@code /api/state} every second and draws each
 * instrument's book, last trade minutes, sync state and gaps, and each account's equity, positions,
 * open orders and risk state, with a link to the Flink web UI's job page.
 *
 * <p>Served by the JDK's {@code com.sun.net.httpserver} (module jdk.httpserver): two GET routes on
 * the loopback interface polled once a second need no server library (Jetty or Javalin would add a
 * dependency to shade and keep in step with Flink's for no feature used here). The state is read
 * with {@link LiveState} on one JDBC connection, at most once per {@link #MIN_READ_INTERVAL_MS}
 * whatever the number of open pages.
 */
public final class LivePage implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LivePage.class);
    /** The port tried first when none is given; taken, a free port is used instead. */
    public static final int DEFAULT_PORT = 8082;
    static final long MIN_READ_INTERVAL_MS = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final PostgresTarget database;
    private final int levels;
    private final byte[] html;
    private volatile String flinkUi;
    private volatile String flinkJobId;
    private Connection connection;
    private byte[] lastState;
    private long lastReadMs;

    private LivePage(HttpServer server, PostgresTarget database, int levels) {
        this.server = server;
        this.database = database;
        this.levels = levels;
        try (InputStream in = LivePage.class.getResourceAsStream("live.html")) {
            if (in == null) {
                throw new IllegalStateException("live.html missing from the jar");
            }
            this.html = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::page);
        server.createContext("/api/state", this::state);
        executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "rrr-live-page");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
    }

    /**
     * Serves the page on 127.0.0.1:{@code port} (0 = any free port). With {@code fallback}, a
     * taken port gives a free one instead (the default port); without, {@link BindException}.
     */
    public static LivePage start(PostgresTarget database, int port, boolean fallback, int levels) throws IOException {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        } catch (BindException e) {
            if (!fallback || port == 0) {
                throw e;
            }
            LOG.info("port {} taken: the live page takes a free port", port);
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        }
        return new LivePage(server, database, levels);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://localhost:" + port() + "/";
    }

    /** The Flink web UI (its base URL) and the job the page links to; either may be null. */
    public void flinkJob(String webUiUrl, String jobId) {
        this.flinkUi = webUiUrl;
        this.flinkJobId = jobId;
    }

    private void page(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            if (!"GET".equals(ex.getRequestMethod()) || !("/".equals(path) || "/index.html".equals(path))) {
                send(ex, "GET".equals(ex.getRequestMethod()) ? 404 : 405, "text/plain", "not found\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            send(ex, 200, "text/html; charset=utf-8", html);
        }
    }

    private void state(HttpExchange ex) throws IOException {
        try (ex) {
            if (!"GET".equals(ex.getRequestMethod())) {
                send(ex, 405, "text/plain", "GET only\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            byte[] body;
            try {
                body = read();
            } catch (SQLException | RuntimeException e) {
                LOG.warn("live page: reading the state from PostgreSQL failed: {}", e.toString());
                ObjectNode err = JSON.createObjectNode();
                err.put("error", "cannot read the state from PostgreSQL: " + e.getMessage());
                send(ex, 503, "application/json", JSON.writeValueAsBytes(err));
                return;
            }
            send(ex, 200, "application/json", body);
        }
    }

    /** The state as JSON, read again when the last read is older than the minimum interval. */
    private synchronized byte[] read() throws SQLException, IOException {
        long now = System.currentTimeMillis();
        if (lastState != null && now - lastReadMs < MIN_READ_INTERVAL_MS) {
            return lastState;
        }
        if (connection == null || !connection.isValid(2)) {
            closeConnection();
            connection = database.connect();
            connection.setReadOnly(true);
        }
        ObjectNode state;
        try {
            state = LiveState.read(connection, levels);
        } catch (SQLException e) {
            closeConnection(); // a new connection on the next poll
            throw e;
        }
        ObjectNode flink = state.putObject("flink");
        String ui = flinkUi;
        String job = flinkJobId != null ? flinkJobId : state.path("run").path("flinkJobId").asText(null);
        flink.put("webUi", ui);
        flink.put("jobId", job);
        flink.put("jobPage", ui == null || job == null ? null : ui + "/#/job/running/" + job + "/overview");
        lastState = JSON.writeValueAsBytes(state);
        lastReadMs = now;
        return lastState;
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // it is being replaced
            }
            connection = null;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        synchronized (this) {
            closeConnection();
        }
    }
}
