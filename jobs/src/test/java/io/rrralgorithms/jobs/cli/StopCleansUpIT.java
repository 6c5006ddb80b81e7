package io.rrralgorithms.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.jobs.JavaProcesses;
import io.rrralgorithms.jobs.SharedData;
import io.rrralgorithms.jobs.local.LocalDatabase;
import io.rrralgorithms.jobs.local.UserDataFolder;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An unbounded {@code rrr run} on the embedded PostgreSQL stopped by a signal (SIGTERM, as Ctrl-C):
 * the job stops with a savepoint and prints its summary into the still running database, then the
 * embedded server stops and the embedded broker's temporary folder is removed (a JVM of its own,
 * with its own temporary folder and user data folder).
 */
class StopCleansUpIT {
    @Test
    void aSignalStopsTheJobThenTheDatabaseAndLeavesNoKafkaFolder(@TempDir Path tmp) throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Path javaTmp = Files.createDirectories(tmp.resolve("java-tmp"));
        Path data = tmp.resolve("rrr");
        Path log = tmp.resolve("run.log");
        Process p = JavaProcesses.start(System.getProperty("java.class.path"), List.of("-Xmx1g",
                        "-Djava.io.tmpdir=" + javaTmp, "-D" + UserDataFolder.PROPERTY + "=" + data,
                        "-D" + LocalDatabase.DEFAULT_URL_PROPERTY + "=jdbc:postgresql://127.0.0.1:" + closed + "/rrr"),
                "io.rrralgorithms.jobs.cli.Rrr", List.of("run", "--unbounded", "--kafka-port", "0", "--web-port", "0",
                        SharedData.market("cryptofeed/BINANCE.ws.1.0").toString()), log);
        try {
            long deadline = System.currentTimeMillis() + 180_000;
            while (!read(log).contains("replay done")) {
                assertTrue(p.isAlive(), () -> "the run ended early:\n" + read(log));
                assertTrue(System.currentTimeMillis() < deadline, () -> "no replay in time:\n" + read(log));
                Thread.sleep(200);
            }
            assertTrue(kafkaFolders(javaTmp) > 0, "the broker's temporary folder is there while it runs");
            Thread.sleep(3_000); // the job is processing the topic
            p.destroy(); // SIGTERM: the shutdown hooks run, as on Ctrl-C
            assertTrue(p.waitFor(150, TimeUnit.SECONDS), () -> "did not stop:\n" + read(log));
        } finally {
            p.destroyForcibly();
        }
        String out = read(log);
        assertTrue(out.contains("stopped with savepoint "), out);
        assertTrue(out.contains("=== run summary ==="), out);
        assertFalse(out.contains("stopping the job"), "the savepoint or the summary failed:\n" + out);
        assertEquals(0, kafkaFolders(javaTmp), "the broker's temporary folder is removed:\n" + out);
        assertFalse(Files.exists(data.resolve("postgres/data/postmaster.pid")), "the embedded server is stopped");
    }

    private static long kafkaFolders(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.getFileName().toString().startsWith("rrr-kafka-")).count();
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (Exception e) {
            return "";
        }
    }
}
