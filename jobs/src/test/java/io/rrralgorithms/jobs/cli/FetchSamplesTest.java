package io.rrralgorithms.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.rrralgorithms.jobs.SharedData;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rrr fetch-samples} against a loopback HTTP server that serves the pinned files (the
 * shared data is those files) under GitHub's raw layout: laid out under --dir with their checksums
 * verified, kept on a second run, and a corrupted download refused with one line. No internet.
 */
class FetchSamplesTest {
    @TempDir
    Path dir;

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    /** The target of the sample whose bytes the server corrupts (null: none). */
    private volatile String corrupt;

    @BeforeEach
    void serveThePinnedFiles() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            String path = exchange.getRequestURI().getPath();
            FetchSamplesCommand.Sample s = FetchSamplesCommand.SAMPLES.stream()
                    .filter(x -> x.url("").equals(path)).findFirst().orElse(null);
            if (s == null) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            byte[] body = Files.readAllBytes(SharedData.root().resolve(s.target()));
            if (s.target().equals(corrupt)) {
                body[body.length / 2] ^= 0x20;
            }
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private CommandLineExecution fetch() {
        return CommandLineExecution.of(List.of("fetch-samples", "--dir", dir.toString(), "--mirror",
                "http://127.0.0.1:" + server.getAddress().getPort()));
    }

    @Test
    void laysTheFilesOutWithTheirChecksumsVerifiedAndKeepsThemOnTheNextRun() throws Exception {
        CommandLineExecution e = fetch();

        assertEquals(ExitCodes.OK, e.exitCode(), e.stderr());
        for (FetchSamplesCommand.Sample s : FetchSamplesCommand.SAMPLES) {
            assertArrayEquals(Files.readAllBytes(SharedData.root().resolve(s.target())),
                    Files.readAllBytes(dir.resolve(s.target())), s.target());
            assertTrue(e.stdout().contains("fetched " + s.target() + " ("), e.stdout());
        }
        assertTrue(Files.isDirectory(dir.resolve("market/binance-spot")));
        assertTrue(Files.isRegularFile(dir.resolve("market/cryptofeed/KRAKEN.ws.50.0")));
        assertEquals(FetchSamplesCommand.SAMPLES.size(), requests.get());

        CommandLineExecution again = fetch();
        assertEquals(ExitCodes.OK, again.exitCode(), again.stderr());
        assertEquals(FetchSamplesCommand.SAMPLES.size(), requests.get(), "nothing downloaded twice");
        assertEquals(FetchSamplesCommand.SAMPLES.size(), again.stdout().lines().filter(l -> l.startsWith("have ")).count());
    }

    @Test
    void aCorruptedFileIsRefusedWithOneLine() throws Exception {
        corrupt = "market/binance-usdm/btcusdt_20240719.gz";
        CommandLineExecution e = fetch();

        assertEquals(ExitCodes.INPUT, e.exitCode());
        List<String> err = e.stderr().lines().toList();
        assertEquals(1, err.size(), e.stderr());
        assertTrue(err.get(0).startsWith("rrr fetch-samples: http://127.0.0.1:") && err.get(0).contains(
                "/nkaz001/hftbacktest/73bfa1728c130d24b491c4680055769f6fa3742b/examples/usdm/btcusdt_20240719.gz: "
                        + "sha256 ") && err.get(0).endsWith(" is not the pinned "
                        + "33bab357ff6e97be8134efd35d3489794807bedeb47f1a1f6cc81ece65d88b58 (changed upstream, or the "
                        + "download was cut): refused, nothing written for btcusdt_20240719.gz"), err.get(0));
        assertFalse(Files.exists(dir.resolve(corrupt)));
        assertFalse(Files.exists(dir.resolve(corrupt + ".part")));
        assertTrue(Files.isRegularFile(dir.resolve("market/binance-usdm/btcusdt_20240718.gz")), "the others are there");
    }
}
