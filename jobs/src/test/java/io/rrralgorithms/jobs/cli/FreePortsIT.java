package io.rrralgorithms.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.jobs.SharedData;
import io.rrralgorithms.jobs.TestDatabase;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The default ports taken (by a listener of this test, or by whatever already listens there):
 * {@code rrr run} without --web-port and --kafka-port takes free ones, says which, and runs on them.
 * (Explicit ports that are taken: CommandLineErrorsTest, one line and exit code 6.)
 */
class FreePortsIT {
    /** A listener on the port of 127.0.0.1, or null where something listens there already. */
    private static ServerSocket take(int port) {
        ServerSocket s = null;
        try {
            s = new ServerSocket();
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return s;
        } catch (IOException alreadyTaken) {
            try {
                s.close();
            } catch (IOException ignored) {
                // nothing bound
            }
            return null;
        }
    }

    @Test
    void takenDefaultPortsAreReplacedByFreeOnesAndSaid() throws Exception {
        ServerSocket web = take(RunCommand.DEFAULT_WEB_PORT);
        ServerSocket kafka = take(RunCommand.DEFAULT_KAFKA_PORT);
        try (TestDatabase db = new TestDatabase()) {
            CommandLineExecution e = CommandLineExecution.of(List.of("run", "--jdbc-url", db.target.jdbcUrl(),
                    SharedData.market("cryptofeed/BINANCE.ws.1.0").toString()));

            assertEquals(ExitCodes.OK, e.exitCode(), e.stderr());
            String out = e.stdout();
            Matcher w = Pattern.compile("(?m)^port 8081 \\(the Flink web UI\\) is taken: using (\\d+) "
                    + "\\(--web-port chooses one\\)$").matcher(out);
            assertTrue(w.find(), out);
            Matcher k = Pattern.compile("(?m)^port 9092 \\(the embedded Kafka broker\\) is taken: using (\\d+) "
                    + "\\(--kafka-port chooses one\\)$").matcher(out);
            assertTrue(k.find(), out);
            assertTrue(out.contains("Kafka (embedded, KRaft) at 127.0.0.1:" + k.group(1) + "\n"), out);
            assertTrue(out.contains("Flink web UI at http://localhost:" + w.group(1) + "\n"), out);
            assertTrue(out.contains("=== run summary ==="), out);
        } finally {
            for (ServerSocket s : new ServerSocket[] {web, kafka}) {
                if (s != null) {
                    s.close();
                }
            }
        }
    }
}
