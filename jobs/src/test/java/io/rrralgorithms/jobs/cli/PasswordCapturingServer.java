package io.rrralgorithms.jobs.cli;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Speaks just enough of the PostgreSQL wire protocol to ask for a cleartext password and record
 * what the client sends, then refuses the login: proves which password reaches the connection
 * (the local test server trusts every login and never asks for one).
 */
final class PasswordCapturingServer implements AutoCloseable {
    private static final int SSL_REQUEST = 80877103;
    private static final int GSS_REQUEST = 80877104;

    private final ServerSocket socket;
    private final Thread thread;
    final List<String> passwords = new CopyOnWriteArrayList<>();

    PasswordCapturingServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        thread = new Thread(this::serve, "password-capturing-pg");
        thread.setDaemon(true);
        thread.start();
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + socket.getLocalPort() + "/rrr";
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket s = socket.accept()) {
                s.setSoTimeout(10_000);
                handle(new DataInputStream(s.getInputStream()), new DataOutputStream(s.getOutputStream()));
            } catch (IOException e) {
                // the client hung up, or the server closed
            }
        }
    }

    private void handle(DataInputStream in, DataOutputStream out) throws IOException {
        while (true) {
            int len = in.readInt();
            byte[] body = new byte[len - 4];
            in.readFully(body);
            int code = ((body[0] & 0xff) << 24) | ((body[1] & 0xff) << 16) | ((body[2] & 0xff) << 8) | (body[3] & 0xff);
            if (code == SSL_REQUEST || code == GSS_REQUEST) {
                out.writeByte('N'); // no encryption: go on in plain text
                out.flush();
                continue;
            }
            break; // the startup message
        }
        out.writeByte('R');
        out.writeInt(8);
        out.writeInt(3); // AuthenticationCleartextPassword
        out.flush();
        if (in.readByte() != 'p') {
            return;
        }
        byte[] msg = new byte[in.readInt() - 4];
        in.readFully(msg);
        passwords.add(new String(msg, 0, msg.length - 1, StandardCharsets.UTF_8));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        for (String f : new String[] {"SFATAL", "VFATAL", "C28P01", "Mpassword authentication failed (test server)"}) {
            err.writeBytes(f.getBytes(StandardCharsets.UTF_8));
            err.write(0);
        }
        err.write(0);
        out.writeByte('E');
        out.writeInt(4 + err.size());
        out.write(err.toByteArray());
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
