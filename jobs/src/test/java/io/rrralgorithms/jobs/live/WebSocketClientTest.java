package io.rrralgorithms.jobs.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.live.WebSocketClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The capture's WebSocket client against the loopback RFC 6455 server: fragments reassembled,
 * binary kept apart, pings answered, the close handshake, and (the reason it exists) no message
 * lost and the end always seen when the server cuts the connection right after a burst: the
 * JDK's {@code java.net.http.WebSocket} loses the last message (InternalError in
 * {@code TransportImpl.acknowledgeReception}) in about a third of these rounds.
 */
class WebSocketClientTest {

    private static String frame(int i) {
        return "{\"stream\":\"x\",\"i\":" + i + ",\"pad\":\"" + "y".repeat(i % 300) + "\"}";
    }

    @Test
    void noMessageLostWhenTheServerCutsTheConnection() throws Exception {
        int frames = 3000;
        try (LoopbackWebSocketServer server = new LoopbackWebSocketServer(c -> {
            for (int i = 0; i < frames; i++) {
                if (i % 97 == 0) {
                    c.sendTextFragmented(frame(i), 3);
                } else {
                    c.sendText(frame(i));
                }
            }
            c.flush();
            c.disconnect(); // FIN right after the burst, no close frame
        })) {
            for (int round = 0; round < 20; round++) {
                List<String> got = new ArrayList<>();
                try (WebSocketClient ws = WebSocketClient.connect(URI.create(server.url("/r" + round)), Duration.ofSeconds(5))) {
                    String end = ws.readMessages((payload, binary) -> got.add(new String(payload, StandardCharsets.UTF_8)));
                    assertEquals("connection closed without a close frame (EOF)", end, "round " + round);
                }
                assertEquals(frames, got.size(), "round " + round);
                for (int i = 0; i < frames; i++) {
                    assertEquals(frame(i), got.get(i));
                }
            }
            assertTrue(server.handlerErrors().isEmpty(), server.handlerErrors()::toString);
        }
    }

    @Test
    void pingsBinaryAndTheCloseHandshake() throws Exception {
        byte[] blob = new byte[70_000]; // a 64-bit length frame
        for (int i = 0; i < blob.length; i++) {
            blob[i] = (byte) i;
        }
        try (LoopbackWebSocketServer server = new LoopbackWebSocketServer(c -> {
            String hello = c.nextText(5000);
            c.sendText("echo " + hello);
            c.sendPing("p1".getBytes(StandardCharsets.US_ASCII));
            c.sendBinary(blob);
            c.sendPing("p2".getBytes(StandardCharsets.US_ASCII));
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (c.pongs.get() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            c.sendText("pongs " + c.pongs.get());
            c.sendClose(1001, "going away");
            while (!c.isClosed()) {
                Thread.sleep(5);
            }
        })) {
            List<String> texts = new ArrayList<>();
            List<byte[]> binaries = new ArrayList<>();
            try (WebSocketClient ws = WebSocketClient.connect(URI.create(server.url("/")), Duration.ofSeconds(5))) {
                ws.sendText("hello");
                String end = ws.readMessages((payload, binary) -> {
                    if (binary) {
                        binaries.add(payload);
                    } else {
                        texts.add(new String(payload, StandardCharsets.UTF_8));
                    }
                });
                assertEquals("closed by the venue: 1001 going away", end);
            }
            assertEquals(List.of("echo hello", "pongs 2"), texts);
            assertEquals(1, binaries.size());
            assertArrayEquals(blob, binaries.get(0));
            var c = server.connections().get(0);
            long deadline = System.nanoTime() + 2_000_000_000L;
            while (c.clientCloseCode == -1 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(1001, c.clientCloseCode); // the client answered the close
            assertTrue(server.handlerErrors().isEmpty(), server.handlerErrors()::toString);
        }
    }

    @Test
    void connectFailuresAreQuickAndNamed() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        IOException refused = assertThrows(IOException.class,
                () -> WebSocketClient.connect(URI.create("ws://127.0.0.1:" + closedPort + "/"), Duration.ofSeconds(2)));
        assertTrue(refused.getMessage().contains("Connection refused"), refused.getMessage());
        try (ServerSocket silent = new ServerSocket(0)) { // accepts (backlog), never answers
            long t0 = System.nanoTime();
            IOException timeout = assertThrows(IOException.class, () -> WebSocketClient.connect(
                    URI.create("ws://127.0.0.1:" + silent.getLocalPort() + "/"), Duration.ofMillis(500)));
            assertEquals("no answer within 500 ms", timeout.getMessage());
            assertTrue(System.nanoTime() - t0 < 3_000_000_000L);
        }
    }
}
