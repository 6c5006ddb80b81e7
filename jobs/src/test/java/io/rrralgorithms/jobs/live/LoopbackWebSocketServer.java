package io.rrralgorithms.jobs.live;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small RFC 6455 WebSocket server on loopback for the live capture tests, over a plain
 * {@link ServerSocket}: the opening handshake ({@code Sec-WebSocket-Accept}), unmasked server
 * frames (text, fragmented text, binary, ping, close), masked client frames (text, pong, close;
 * fragments reassembled; a client frame without a mask is a protocol error), and an abrupt
 * disconnect (the TCP connection closed without a close frame). Each accepted connection is
 * handed to the {@link Handler} on its own thread.
 */
final class LoopbackWebSocketServer implements AutoCloseable {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    interface Handler {
        void handle(Connection c) throws Exception;
    }

    private final ServerSocket server;
    private final Handler handler;
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final List<Throwable> handlerErrors = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private volatile boolean closed;

    LoopbackWebSocketServer(Handler handler) throws IOException {
        this.handler = handler;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        acceptor = new Thread(this::acceptLoop, "loopback-ws-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    String url(String path) {
        return "ws://127.0.0.1:" + port() + path;
    }

    List<Connection> connections() {
        return connections;
    }

    /** Exceptions thrown by handlers (a test asserts there are none). */
    List<Throwable> handlerErrors() {
        return handlerErrors;
    }

    private void acceptLoop() {
        int n = 0;
        while (!closed) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                return;
            }
            int index = ++n;
            Thread t = new Thread(() -> serve(s, index), "loopback-ws-conn-" + index);
            t.setDaemon(true);
            t.start();
        }
    }

    private void serve(Socket s, int index) {
        Connection c = null;
        try {
            s.setTcpNoDelay(true);
            c = new Connection(s, index);
            connections.add(c); // listed before the client sees the 101: a test may look at once
            try {
                c.handshake();
            } catch (Exception e) {
                connections.remove(c);
                throw e;
            }
            c.startReader();
            handler.handle(c);
        } catch (Throwable e) {
            if (c == null || !c.isClosed()) {
                handlerErrors.add(e);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Connection c : connections) {
            c.closeAbruptly();
        }
    }

    /** One client connection. Writes are synchronized; a reader thread consumes the client's frames. */
    static final class Connection {
        final int index;
        final long openedAtNanos = System.nanoTime();
        private final Socket socket;
        private final DataInputStream in;
        private final OutputStream out;
        private final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
        private final List<Long> textArrivalNanos = new CopyOnWriteArrayList<>();
        final AtomicInteger pongs = new AtomicInteger();
        /** WebSocket ping frames the client sent (each answered with a pong). */
        final AtomicInteger pings = new AtomicInteger();
        volatile int clientCloseCode = -1;
        volatile String path;
        /** The opening handshake's request headers, names in lower case. */
        final Map<String, String> headers = new ConcurrentHashMap<>();
        private volatile boolean closed;
        private volatile boolean readerDone;
        volatile long closedAtNanos;

        Connection(Socket socket, int index) throws IOException {
            this.socket = socket;
            this.index = index;
            this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            this.out = socket.getOutputStream();
        }

        void handshake() throws Exception {
            String requestLine = readLine(in);
            if (requestLine == null || !requestLine.startsWith("GET ")) {
                throw new IOException("not a WebSocket request: " + requestLine);
            }
            path = requestLine.split(" ")[1];
            String key = null;
            boolean upgrade = false;
            String line;
            while ((line = readLine(in)) != null && !line.isEmpty()) {
                int colon = line.indexOf(':');
                String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).trim();
                headers.put(name, value);
                if (name.equals("sec-websocket-key")) {
                    key = value;
                } else if (name.equals("upgrade")) {
                    upgrade = value.equalsIgnoreCase("websocket");
                }
            }
            if (key == null || !upgrade) {
                out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                throw new IOException("no WebSocket upgrade");
            }
            String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((key + GUID).getBytes(StandardCharsets.US_ASCII)));
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        private static String readLine(InputStream in) throws IOException {
            StringBuilder b = new StringBuilder();
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    int len = b.length();
                    return len > 0 && b.charAt(len - 1) == '\r' ? b.substring(0, len - 1) : b.toString();
                }
                b.append((char) c);
            }
            return b.length() == 0 ? null : b.toString();
        }

        void startReader() {
            Thread t = new Thread(this::readLoop, "loopback-ws-read-" + index);
            t.setDaemon(true);
            t.start();
        }

        private void readLoop() {
            ByteArrayOutputStream message = new ByteArrayOutputStream();
            try {
                while (true) { // until EOF: the client's side is read to its end
                    int b0 = in.readUnsignedByte();
                    int b1 = in.readUnsignedByte();
                    boolean fin = (b0 & 0x80) != 0;
                    int opcode = b0 & 0x0F;
                    if ((b1 & 0x80) == 0) {
                        throw new IOException("client frame not masked (RFC 6455 5.1)");
                    }
                    long len = b1 & 0x7F;
                    if (len == 126) {
                        len = in.readUnsignedShort();
                    } else if (len == 127) {
                        len = in.readLong();
                    }
                    byte[] mask = new byte[4];
                    in.readFully(mask);
                    byte[] payload = new byte[(int) len];
                    in.readFully(payload);
                    for (int i = 0; i < payload.length; i++) {
                        payload[i] ^= mask[i & 3];
                    }
                    switch (opcode) {
                        case 0x0, 0x1 -> {
                            message.write(payload);
                            if (fin) {
                                textArrivalNanos.add(System.nanoTime()); // before the text is visible
                                texts.add(message.toString(StandardCharsets.UTF_8));
                                message.reset();
                            }
                        }
                        case 0x9 -> {
                            pings.incrementAndGet();
                            if (!closed) {
                                writeFrame(0xA, payload, true); // ping from the client: pong
                            }
                        }
                        case 0xA -> pongs.incrementAndGet();
                        case 0x8 -> {
                            clientCloseCode = payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
                            if (!closed) {
                                writeFrame(0x8, payload.length >= 2 ? new byte[] {payload[0], payload[1]} : new byte[0],
                                        true);
                            }
                            closeAbruptly();
                            return;
                        }
                        default -> throw new IOException("unexpected opcode " + opcode);
                    }
                }
            } catch (IOException e) {
                closeAbruptly(); // EOF: the client went away
            } finally {
                readerDone = true;
            }
        }

        /** The next text message the client sent, or null after the timeout. */
        String nextText(long timeoutMs) throws InterruptedException {
            return texts.poll(timeoutMs, TimeUnit.MILLISECONDS);
        }

        /** When each text message of the client arrived (nanoTime). */
        List<Long> textArrivalNanos() {
            return new ArrayList<>(textArrivalNanos);
        }

        void sendText(String text) throws IOException {
            writeFrame(0x1, text.getBytes(StandardCharsets.UTF_8), true);
        }

        /** A text message in {@code parts} frames: a text frame without FIN, then continuation frames. */
        void sendTextFragmented(String text, int parts) throws IOException {
            byte[] all = text.getBytes(StandardCharsets.UTF_8);
            int step = Math.max(1, (all.length + parts - 1) / parts);
            synchronized (this) {
                for (int off = 0, i = 0; off < all.length; off += step, i++) {
                    int end = Math.min(all.length, off + step);
                    writeFrameLocked(i == 0 ? 0x1 : 0x0, Arrays.copyOfRange(all, off, end), end == all.length);
                }
                out.flush();
            }
        }

        void sendBinary(byte[] data) throws IOException {
            writeFrame(0x2, data, true);
        }

        /** A close frame; the client's answer then ends the connection. */
        void sendClose(int code, String reason) throws IOException {
            byte[] r = reason.getBytes(StandardCharsets.UTF_8);
            byte[] p = new byte[2 + r.length];
            p[0] = (byte) (code >>> 8);
            p[1] = (byte) code;
            System.arraycopy(r, 0, p, 2, r.length);
            writeFrame(0x8, p, true);
        }

        void sendPing(byte[] data) throws IOException {
            writeFrame(0x9, data, true);
        }

        void flush() throws IOException {
            synchronized (this) {
                out.flush();
            }
        }

        private void writeFrame(int opcode, byte[] payload, boolean fin) throws IOException {
            synchronized (this) {
                writeFrameLocked(opcode, payload, fin);
                out.flush();
            }
        }

        private void writeFrameLocked(int opcode, byte[] payload, boolean fin) throws IOException {
            if (closed) {
                throw new SocketException("connection " + index + " closed");
            }
            int n = payload.length;
            byte[] header;
            if (n < 126) {
                header = new byte[] {(byte) ((fin ? 0x80 : 0) | opcode), (byte) n};
            } else if (n < 65536) {
                header = new byte[] {(byte) ((fin ? 0x80 : 0) | opcode), 126, (byte) (n >>> 8), (byte) n};
            } else {
                header = new byte[10];
                header[0] = (byte) ((fin ? 0x80 : 0) | opcode);
                header[1] = 127;
                for (int i = 0; i < 8; i++) {
                    header[2 + i] = (byte) ((long) n >>> (56 - 8 * i));
                }
            }
            out.write(header);
            out.write(payload);
        }

        /** Closes the TCP connection without a WebSocket close frame (what a crash or a cut network does). */
        void closeAbruptly() {
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
                closedAtNanos = System.nanoTime();
                try {
                    out.flush();
                } catch (IOException e) {
                    // closing anyway
                }
                try {
                    socket.close();
                } catch (IOException e) {
                    // closed
                }
            }
        }

        /**
         * Cuts the connection in the middle of the stream, without a WebSocket close frame: the
         * frames written so far are delivered (FIN after them, not a reset), then the socket is
         * closed once the client has dropped its side (at most 2 s later).
         */
        void disconnect() throws InterruptedException {
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
                closedAtNanos = System.nanoTime();
                try {
                    out.flush();
                    socket.shutdownOutput();
                } catch (IOException e) {
                    // closing anyway
                }
            }
            long deadline = System.nanoTime() + 2_000_000_000L;
            while (!readerDone && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            try {
                socket.close();
            } catch (IOException e) {
                // closed
            }
        }

        boolean isClosed() {
            return closed;
        }
    }
}
