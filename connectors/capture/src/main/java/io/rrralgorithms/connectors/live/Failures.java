package io.rrralgorithms.connectors.live;

import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocketHandshakeException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;

/** Short, human reasons for connection failures (the JDK's exceptions often carry no message). */
public final class Failures {
    private Failures() {}

    public static String describe(Throwable t, URI uri) {
        Throwable e = t;
        while ((e instanceof ExecutionException || e instanceof CompletionException) && e.getCause() != null) {
            e = e.getCause();
        }
        String host = uri == null ? null : uri.getHost();
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof UnresolvedAddressException || c instanceof UnknownHostException) {
                return "cannot resolve host " + (host != null ? host : c.getMessage());
            }
            if (c instanceof HttpConnectTimeoutException) {
                return "connect timed out";
            }
            if (c instanceof WebSocketHandshakeException w) {
                return "WebSocket handshake refused: HTTP " + w.getResponse().statusCode();
            }
            if (c instanceof SSLException) {
                return "TLS failed: " + c.getMessage();
            }
        }
        if (e instanceof HttpTimeoutException) {
            return "timed out";
        }
        if (e instanceof SocketTimeoutException || e instanceof WebSocketClient.HandshakeRefused
                || e instanceof ProtocolException) {
            return e.getMessage() != null ? e.getMessage() : "timed out";
        }
        if (e instanceof ConnectException) {
            if (e.getMessage() != null && !e.getMessage().isBlank()) {
                String m = e.getMessage();
                return Character.toLowerCase(m.charAt(0)) + m.substring(1);
            }
            return e.getCause() instanceof ClosedChannelException ? "connection refused" : "cannot connect";
        }
        if (e instanceof ClosedChannelException) {
            return "connection closed";
        }
        if (e instanceof SocketException && e.getMessage() != null && !e.getMessage().isBlank()) {
            String m = e.getMessage(); // "Connection refused", "No route to host", "Connection reset"
            return Character.toLowerCase(m.charAt(0)) + m.substring(1);
        }
        String msg = e.getMessage();
        return e.getClass().getSimpleName() + (msg == null || msg.isBlank() ? "" : ": " + msg);
    }

    /** At most {@code max} characters of a text, for log lines. */
    static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…(" + s.length() + " chars)";
    }
}
