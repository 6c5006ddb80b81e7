package io.rrralgorithms.jobs.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.rrralgorithms.connectors.model.Decimals;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * Binance spot as the capture service sees it, on loopback, playing a recorded hftbacktest
 * capture ({@code binance-spot/btcusdt_*.gz}): the WebSocket server answers the SUBSCRIBE and
 * streams the recorded frames of the subscribed streams (some fragmented, with pings between);
 * the REST server answers {@code /api/v3/depth?symbol=BTCUSDT&limit=1000} with the book as of the
 * stream position, computed here from the recorded snapshot and every diff played so far (also
 * the diffs of frames skipped while the client was away: the exchange's book moves on).
 *
 * <p>Script: session {@code i} streams up to frame {@code sessionEnds[i]} and is then cut
 * without a close frame, and the next {@code skipBetween} frames are lost (never sent); the last
 * session streams to the end and stays open. In every session the stream pauses after
 * {@code pauseAfter} frames until the session's REST snapshot was served, so that the snapshot
 * lands mid-stream.
 */
final class BinanceLoopbackExchange implements AutoCloseable {
    static final String SYMBOL = "BTCUSDT";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The recorded WebSocket frames after the recorded snapshot, in order. */
    final List<String> frames;
    private final int[] sessionEnds;
    private final int skipBetween;
    private final int pauseAfter;

    private final TreeMap<BigDecimal, String[]> bids = new TreeMap<>(Collections.reverseOrder());
    private final TreeMap<BigDecimal, String[]> asks = new TreeMap<>();
    private long lastUpdateId;
    private int next;
    private volatile boolean finished;

    final List<List<String>> sentPerSession = new CopyOnWriteArrayList<>();
    final List<String> subscribeMessages = new CopyOnWriteArrayList<>();
    final List<String> restRequests = new CopyOnWriteArrayList<>();
    final List<String> servedSnapshots = new CopyOnWriteArrayList<>();
    /** Frames lost between sessions (never sent). */
    final List<String> skipped = new CopyOnWriteArrayList<>();

    final LoopbackWebSocketServer ws;
    private final HttpServer rest;

    BinanceLoopbackExchange(Path capture, int[] sessionEnds, int skipBetween, int pauseAfter) throws IOException {
        this.sessionEnds = sessionEnds;
        this.skipBetween = skipBetween;
        this.pauseAfter = pauseAfter;
        List<String> ws = new ArrayList<>();
        List<String> beforeSnapshot = new ArrayList<>();
        String snapshot = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(capture)), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String payload = line.substring(line.indexOf(' ') + 1);
                if (payload.startsWith("{\"lastUpdateId\"")) {
                    snapshot = payload;
                    beforeSnapshot.addAll(ws);
                    ws.clear(); // the stream starts after the recorded snapshot
                } else {
                    ws.add(payload);
                }
            }
        }
        if (snapshot == null) {
            throw new IOException(capture + " holds no depth snapshot");
        }
        this.frames = List.copyOf(ws);
        JsonNode s = JSON.readTree(snapshot);
        lastUpdateId = s.get("lastUpdateId").asLong();
        s.get("bids").forEach(l -> bids.put(new BigDecimal(l.get(0).asText()), new String[] {l.get(0).asText(), l.get(1).asText()}));
        s.get("asks").forEach(l -> asks.put(new BigDecimal(l.get(0).asText()), new String[] {l.get(0).asText(), l.get(1).asText()}));
        // The exchange's book when the stream starts: the recorded snapshot plus the diffs recorded
        // before it that it does not hold yet (the one bridging it deletes a bid the snapshot still has).
        for (String payload : beforeSnapshot) {
            apply(payload);
        }

        this.ws = new LoopbackWebSocketServer(this::session);
        this.rest = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        rest.createContext("/", exchange -> {
            try (exchange) {
                String pathAndQuery = exchange.getRequestURI().getRawPath()
                        + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
                byte[] body;
                int status;
                if (exchange.getRequestURI().getRawPath().equals("/api/v3/exchangeInfo")) {
                    // the capture's instrument list, not served and not in restRequests: the topic holds exactly
                    // the frames sent, without instrument frames (those: LiveInstrumentFramesTest)
                    body = "{\"code\":-1,\"msg\":\"not served\"}".getBytes(StandardCharsets.UTF_8);
                    status = 503;
                } else {
                    restRequests.add(pathAndQuery);
                    if (pathAndQuery.equals("/api/v3/depth?symbol=" + SYMBOL + "&limit=1000")) {
                        String snap = snapshotJson(1000);
                        servedSnapshots.add(snap);
                        body = snap.getBytes(StandardCharsets.UTF_8);
                        status = 200;
                    } else {
                        body = "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}".getBytes(StandardCharsets.UTF_8);
                        status = 400;
                    }
                }
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        rest.start();
    }

    String wsUrl() {
        return ws.url("/stream");
    }

    String restUrl() {
        return "http://127.0.0.1:" + rest.getAddress().getPort();
    }

    private void session(LoopbackWebSocketServer.Connection c) throws Exception {
        int session = c.index; // 1-based
        String subscribe = c.nextText(5000);
        if (subscribe == null) {
            throw new IllegalStateException("session " + session + ": no SUBSCRIBE within 5 s");
        }
        subscribeMessages.add(subscribe);
        JsonNode sub = JSON.readTree(subscribe);
        List<String> sent = new CopyOnWriteArrayList<>();
        sentPerSession.add(sent);
        String ack = "{\"result\":null,\"id\":" + sub.get("id").asLong() + "}";
        c.sendText(ack);
        sent.add(ack);

        int end = session <= sessionEnds.length ? sessionEnds[session - 1] : frames.size();
        int pause = Math.min(end, next + pauseAfter);
        stream(c, pause, sent);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (servedSnapshots.size() < session && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        stream(c, end, sent);
        c.flush();
        if (session <= sessionEnds.length) {
            c.disconnect();
            synchronized (this) {
                for (int k = end; k < Math.min(frames.size(), end + skipBetween); k++) {
                    apply(frames.get(k));
                    skipped.add(frames.get(k));
                }
                next = Math.min(frames.size(), end + skipBetween);
            }
        } else {
            finished = true;
            while (!c.isClosed()) { // the last session stays open, silent, until the client goes
                Thread.sleep(20);
            }
        }
    }

    private void stream(LoopbackWebSocketServer.Connection c, int end, List<String> sent) throws Exception {
        while (next < end) {
            String payload = frames.get(next);
            synchronized (this) {
                apply(payload);
                next++;
            }
            if (next % 1000 == 0) {
                c.sendPing(("ping " + next).getBytes(StandardCharsets.US_ASCII));
            }
            if (next % 97 == 0) {
                c.sendTextFragmented(payload, 3);
            } else {
                c.sendText(payload);
            }
            sent.add(payload);
        }
    }

    /** Applies a depth diff to the exchange's book (stale ones, u <= lastUpdateId, change nothing). */
    private void apply(String payload) throws IOException {
        if (!payload.startsWith("{\"stream\":\"btcusdt@depth")) {
            return;
        }
        JsonNode d = JSON.readTree(payload).get("data");
        long u = d.get("u").asLong();
        if (u <= lastUpdateId) {
            return;
        }
        d.get("b").forEach(l -> put(bids, l));
        d.get("a").forEach(l -> put(asks, l));
        lastUpdateId = u;
    }

    private static void put(TreeMap<BigDecimal, String[]> side, JsonNode level) {
        BigDecimal price = new BigDecimal(level.get(0).asText());
        if (new BigDecimal(level.get(1).asText()).signum() == 0) {
            side.remove(price);
        } else {
            side.put(price, new String[] {level.get(0).asText(), level.get(1).asText()});
        }
    }

    synchronized String snapshotJson(int depth) {
        StringBuilder b = new StringBuilder("{\"lastUpdateId\":").append(lastUpdateId).append(",\"bids\":");
        levels(b, bids, depth);
        b.append(",\"asks\":");
        levels(b, asks, depth);
        return b.append('}').toString();
    }

    private static void levels(StringBuilder b, TreeMap<BigDecimal, String[]> side, int depth) {
        b.append('[');
        int n = 0;
        for (String[] l : side.values()) {
            if (n == depth) {
                break;
            }
            b.append(n++ == 0 ? "" : ",").append("[\"").append(l[0]).append("\",\"").append(l[1]).append("\"]");
        }
        b.append(']');
    }

    synchronized long lastUpdateId() {
        return lastUpdateId;
    }

    /** The top {@code n} levels of a side as 8-decimal mantissas: {prices, sizes}. */
    synchronized long[][] top(boolean bid, int n) {
        TreeMap<BigDecimal, String[]> side = bid ? bids : asks;
        int k = Math.min(n, side.size());
        long[][] out = new long[2][k];
        int i = 0;
        for (Map.Entry<BigDecimal, String[]> e : side.entrySet()) {
            if (i == k) {
                break;
            }
            out[0][i] = Decimals.parse(e.getValue()[0]);
            out[1][i] = Decimals.parse(e.getValue()[1]);
            i++;
        }
        return out;
    }

    /** Whether every frame of the script has been sent. */
    boolean done() {
        return finished;
    }

    @Override
    public void close() {
        ws.close();
        rest.stop(0);
    }
}
