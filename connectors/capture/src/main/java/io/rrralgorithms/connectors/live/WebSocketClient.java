package io.rrralgorithms.connectors.live;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A WebSocket client (RFC 6455) on a plain blocking socket, {@code ws://} or {@code wss://}
 * (the JDK's TLS, host name verified): the opening handshake, masked client frames, server
 * frames reassembled from fragments, pings answered with pongs, the close handshake. Messages
 * are read by {@link #readMessages} on the caller's thread, one at a time: a listener that
 * blocks stops the reading (TCP back-pressure), and the end of the connection is always seen
 * (a close frame, EOF, or an error).
 *
 * <p>Why not {@code java.net.http.WebSocket}: on an abrupt end of the connection (EOF without a
 * close frame, right after a message) the JDK client (17, and still 25) in about a third of the
 * cases throws an InternalError in {@code TransportImpl.acknowledgeReception} and loses the last
 * message, and sometimes reports no end at all, leaving a dead connection to the silence
 * watchdog. A capture that must not lose a frame it received cannot live with either.
 */
public final class WebSocketClient implements Closeable {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    /** A message larger than this is refused (protocol error): no venue sends one. */
    static final int MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
    private static final SecureRandom KEYS = new SecureRandom();

    /** Receives complete messages, on the reading thread. */
    public interface Listener {
        void onMessage(byte[] payload, boolean binary);
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final URI uri;
    private volatile boolean closeSent;

    private WebSocketClient(Socket socket, InputStream in, OutputStream out, URI uri) {
        this.socket = socket;
        this.in = new DataInputStream(in);
        this.out = out;
        this.uri = uri;
    }

    /**
     * Connects and completes the opening handshake within {@code timeout} (TCP connect, TLS, and
     * the HTTP upgrade each bounded by it).
     */
    public static WebSocketClient connect(URI uri, Duration timeout) throws IOException {
        return connect(uri, timeout, Map.of());
    }

    /** {@link #connect(URI, Duration)} with further request headers in the opening handshake (an {@code Origin}). */
    public static WebSocketClient connect(URI uri, Duration timeout, Map<String, String> headers) throws IOException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean tls = scheme.equals("wss");
        if (!tls && !scheme.equals("ws")) {
            throw new IllegalArgumentException("not a ws:// or wss:// URL: " + uri);
        }
        String host = uri.getHost();
        if (host == null) {
            throw new IllegalArgumentException("no host in " + uri);
        }
        int port = uri.getPort() != -1 ? uri.getPort() : tls ? 443 : 80;
        int timeoutMs = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        Socket raw = new Socket();
        Socket s = raw;
        try {
            raw.setTcpNoDelay(true);
            raw.setSoTimeout(timeoutMs);
            raw.connect(new InetSocketAddress(host, port), timeoutMs);
            if (tls) {
                SSLSocket ssl = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                        .createSocket(raw, host, port, true);
                SSLParameters p = ssl.getSSLParameters();
                p.setEndpointIdentificationAlgorithm("HTTPS");
                if (!Character.isDigit(host.charAt(0)) && host.indexOf(':') < 0) {
                    p.setServerNames(List.of(new SNIHostName(host)));
                }
                ssl.setSSLParameters(p);
                ssl.startHandshake();
                s = ssl;
            }
            InputStream in = new BufferedInputStream(s.getInputStream(), 1 << 16);
            OutputStream out = s.getOutputStream();
            byte[] keyBytes = new byte[16];
            KEYS.nextBytes(keyBytes);
            String key = Base64.getEncoder().encodeToString(keyBytes);
            String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            boolean defaultPort = uri.getPort() == -1 || uri.getPort() == (tls ? 443 : 80);
            StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\n"
                    + "Host: " + host + (defaultPort ? "" : ":" + port) + "\r\n"
                    + "Upgrade: websocket\r\n"
                    + "Connection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: " + key + "\r\n"
                    + "Sec-WebSocket-Version: 13\r\n"
                    + "User-Agent: rrr-capture\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            request.append("\r\n");
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = readLine(in);
            if (status == null) {
                throw new EOFException("connection closed during the WebSocket handshake");
            }
            String[] parts = status.split(" ", 3);
            int code = parts.length >= 2 && parts[1].chars().allMatch(Character::isDigit) && !parts[1].isEmpty()
                    ? Integer.parseInt(parts[1]) : -1;
            String accept = null;
            String line;
            int headerBytes = 0;
            while ((line = readLine(in)) != null && !line.isEmpty()) {
                headerBytes += line.length();
                if (headerBytes > 65536) {
                    throw new ProtocolException("handshake response headers too large");
                }
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Sec-WebSocket-Accept")) {
                    accept = line.substring(colon + 1).trim();
                }
            }
            if (code != 101) {
                throw new HandshakeRefused(code, status);
            }
            if (!expectedAccept(key).equals(accept)) {
                throw new ProtocolException("handshake: wrong Sec-WebSocket-Accept");
            }
            s.setSoTimeout(0); // from here the silence watchdog decides
            return new WebSocketClient(s, in, out, uri);
        } catch (SocketTimeoutException e) {
            closeQuietly(s);
            throw new SocketTimeoutException("no answer within " + timeoutMs + " ms");
        } catch (IOException | RuntimeException e) {
            closeQuietly(s);
            throw e;
        }
    }

    /** The server answered the upgrade with something other than 101. */
    public static final class HandshakeRefused extends ProtocolException {
        public final int status;

        HandshakeRefused(int status, String statusLine) {
            super("WebSocket handshake refused: " + statusLine);
            this.status = status;
        }
    }

    static String expectedAccept(String key) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((key + GUID).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int n = b.length();
                return n > 0 && b.charAt(n - 1) == '\r' ? b.substring(0, n - 1) : b.toString();
            }
            if (b.length() > 8192) {
                throw new ProtocolException("handshake response line too long");
            }
            b.append((char) c);
        }
        return b.length() == 0 ? null : b.toString();
    }

    public URI uri() {
        return uri;
    }

    /**
     * Reads messages until the connection ends and hands each complete one to the listener.
     * Returns how it ended (a close frame from the server, or EOF); throws on an I/O or protocol
     * error (the socket is closed then).
     */
    public String readMessages(Listener listener) throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        int messageOpcode = -1;
        try {
            while (true) {
                int b0 = in.read();
                if (b0 == -1) {
                    return "connection closed without a close frame (EOF)";
                }
                int b1 = in.readUnsignedByte();
                boolean fin = (b0 & 0x80) != 0;
                if ((b0 & 0x70) != 0) {
                    throw new ProtocolException("reserved bits set (no extension was negotiated)");
                }
                int opcode = b0 & 0x0F;
                if ((b1 & 0x80) != 0) {
                    throw new ProtocolException("server frame masked (RFC 6455 5.1)");
                }
                long len = b1 & 0x7F;
                if (len == 126) {
                    len = in.readUnsignedShort();
                } else if (len == 127) {
                    len = in.readLong();
                }
                if (len < 0 || len > MAX_MESSAGE_BYTES) {
                    throw new ProtocolException("frame of " + len + " bytes");
                }
                byte[] payload = new byte[(int) len];
                in.readFully(payload);
                switch (opcode) {
                    case 0x1, 0x2 -> {
                        if (messageOpcode != -1) {
                            throw new ProtocolException("new message inside a fragmented one");
                        }
                        if (fin) {
                            listener.onMessage(payload, opcode == 0x2);
                        } else {
                            messageOpcode = opcode;
                            message.write(payload, 0, payload.length);
                        }
                    }
                    case 0x0 -> {
                        if (messageOpcode == -1) {
                            throw new ProtocolException("continuation frame without a message");
                        }
                        if (message.size() + payload.length > MAX_MESSAGE_BYTES) {
                            throw new ProtocolException("message larger than " + MAX_MESSAGE_BYTES + " bytes");
                        }
                        message.write(payload, 0, payload.length);
                        if (fin) {
                            byte[] whole = message.toByteArray();
                            boolean binary = messageOpcode == 0x2;
                            message.reset();
                            messageOpcode = -1;
                            listener.onMessage(whole, binary);
                        }
                    }
                    case 0x9 -> send(0xA, payload); // ping: pong with the same payload
                    case 0xA -> { } // pong (to our ping, or unsolicited)
                    case 0x8 -> {
                        int code = payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
                        String reason = payload.length > 2
                                ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
                        try {
                            sendClose(code == 1005 ? 1000 : code, "");
                        } catch (IOException e) {
                            // the server may be gone already
                        }
                        closeQuietly(socket);
                        return "closed by the venue: " + code + (reason.isEmpty() ? "" : " " + reason);
                    }
                    default -> throw new ProtocolException("unknown opcode " + opcode);
                }
            }
        } catch (EOFException e) {
            closeQuietly(socket);
            return "connection closed in the middle of a frame (EOF)";
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    /** Sends a text message (one masked frame). Thread-safe. */
    public void sendText(String text) throws IOException {
        send(0x1, text.getBytes(StandardCharsets.UTF_8));
    }

    public void sendPing(byte[] payload) throws IOException {
        send(0x9, payload);
    }

    /** Sends a close frame (once); the server answers with its own, which ends {@link #readMessages}. */
    public void sendClose(int code, String reason) throws IOException {
        synchronized (this) {
            if (closeSent) {
                return;
            }
            closeSent = true;
        }
        byte[] r = reason.getBytes(StandardCharsets.UTF_8);
        byte[] p = new byte[2 + r.length];
        p[0] = (byte) (code >>> 8);
        p[1] = (byte) code;
        System.arraycopy(r, 0, p, 2, r.length);
        sendFrame(0x8, p);
    }

    private void send(int opcode, byte[] payload) throws IOException {
        if (closeSent) {
            throw new IOException("close frame sent already");
        }
        sendFrame(opcode, payload);
    }

    private synchronized void sendFrame(int opcode, byte[] payload) throws IOException {
        int n = payload.length;
        int headerLen = n < 126 ? 2 : n < 65536 ? 4 : 10;
        byte[] frame = new byte[headerLen + 4 + n];
        frame[0] = (byte) (0x80 | opcode);
        if (n < 126) {
            frame[1] = (byte) (0x80 | n);
        } else if (n < 65536) {
            frame[1] = (byte) (0x80 | 126);
            frame[2] = (byte) (n >>> 8);
            frame[3] = (byte) n;
        } else {
            frame[1] = (byte) (0x80 | 127);
            for (int i = 0; i < 8; i++) {
                frame[2 + i] = (byte) ((long) n >>> (56 - 8 * i));
            }
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        System.arraycopy(mask, 0, frame, headerLen, 4);
        for (int i = 0; i < n; i++) {
            frame[headerLen + 4 + i] = (byte) (payload[i] ^ mask[i & 3]);
        }
        out.write(frame);
        out.flush();
    }

    /** Closes the socket at once (no close handshake); a blocked {@link #readMessages} ends with an error. */
    public void abort() {
        closeQuietly(socket);
    }

    @Override
    public void close() {
        abort();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closed
        }
    }
}
