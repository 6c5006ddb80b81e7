package io.rrralgorithms.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.jobs.local.LocalDatabase;
import io.rrralgorithms.jobs.local.UserDataFolder;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rrr doctor} on a machine without PostgreSQL and without the sample data: one line a check. */
class DoctorCommandTest {
    @TempDir
    Path home;

    @Test
    void oneLineACheckWithTheFallbacksSaid() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        System.setProperty(LocalDatabase.DEFAULT_URL_PROPERTY, "jdbc:postgresql://127.0.0.1:" + closed + "/rrr");
        System.setProperty(UserDataFolder.PROPERTY, home.resolve("rrr").toString());
        try {
            CommandLineExecution e = CommandLineExecution.of(List.of("doctor", "--data", home.resolve("none").toString()));

            List<String> lines = e.stdout().lines().toList();
            assertEquals(List.of("java", "maven", "postgresql", "port 8081", "port 9092", "data", "data folder",
                    "tensorflow"), lines.stream().map(l -> l.substring(6, 18).strip()).toList(), e.stdout());
            assertTrue(lines.get(2).startsWith("ok    postgresql   none at 127.0.0.1:" + closed + ": rrr run starts the "
                    + "embedded PostgreSQL (postgres-"), lines.get(2));
            assertTrue(lines.get(5).startsWith("warn  data         ") && lines.get(5).endsWith("/market lacks "
                    + "binance-spot, binance-usdm, cryptofeed: rrr fetch-samples downloads them"), lines.get(5));
            assertTrue(lines.get(6).startsWith("ok    data folder  " + home.resolve("rrr")), lines.get(6));
            assertTrue(lines.get(0).startsWith("ok    java"), lines.get(0));
        } finally {
            System.clearProperty(LocalDatabase.DEFAULT_URL_PROPERTY);
            System.clearProperty(UserDataFolder.PROPERTY);
        }
    }
}
