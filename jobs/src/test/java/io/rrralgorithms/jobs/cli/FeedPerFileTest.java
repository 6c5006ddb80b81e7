package io.rrralgorithms.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.capture.CaptureReader;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.jobs.SharedData;
import io.rrralgorithms.jobs.bench.DecodeBookFeaturesBenchmark;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code FEED=FILE} arguments: spot and USDⓈ-M captures in folders that name no feed replay
 * together, each as its own feed; an unknown FEED is the one line an unknown {@code --feed} is.
 */
class FeedPerFileTest {
    @TempDir
    static Path tmp;

    static Path spot;
    static Path usdm;
    static String deadDatabase;

    /** The real captures, linked (not copied) from a folder whose name is no feed. */
    @BeforeAll
    static void setUp() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("downloads"));
        spot = Files.createSymbolicLink(folder.resolve("spot_btcusdt_20240809.gz"),
                SharedData.market("binance-spot/btcusdt_20240809.gz").toAbsolutePath());
        usdm = Files.createSymbolicLink(folder.resolve("usdm_btcusdt_20240719.gz"),
                SharedData.market("binance-usdm/btcusdt_20240719.gz").toAbsolutePath());
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            deadDatabase = "jdbc:postgresql://127.0.0.1:" + s.getLocalPort() + "/rrr";
        }
    }

    @Test
    void eachFileItsFeed() throws IOException {
        CaptureArguments.Resolved r = CaptureArguments.resolve(
                List.of(Path.of("binance-spot=" + spot), Path.of("binance-usdm=" + usdm)), null);
        assertEquals(List.of(spot, usdm), r.files());
        try (CaptureReader a = r.feeds().open(spot); CaptureReader b = r.feeds().open(usdm)) {
            assertEquals("binance-spot", a.feed());
            assertEquals("binance-usdm", b.feed());
        }
        // both feeds in one input, every line a frame of its own feed
        DecodeBookFeaturesBenchmark.Input in = DecodeBookFeaturesBenchmark.load(r.files(), r.feeds());
        assertEquals(Map.of("binance-spot", (long) CaptureLines.gzLines(spot).size(),
                "binance-usdm", (long) CaptureLines.gzLines(usdm).size()), in.framesByFeed());
        assertEquals(Map.of("binance-spot", 58_325L, "binance-usdm", 60_570L), in.framesByFeed());
    }

    @Test
    void feedOptionNamesTheOtherFiles(@TempDir Path dir) throws IOException {
        Path other = Files.createSymbolicLink(dir.resolve("btcusdt_20240809.gz"), spot.toRealPath());
        CaptureArguments.Resolved r = CaptureArguments.resolve(
                List.of(Path.of("binance-usdm=" + usdm), other), "binance-spot");
        assertEquals("binance-spot", r.feeds().feedOf(other));
        assertEquals("binance-usdm", r.feeds().feedOf(usdm));
        // without a FEED= argument --feed is every file's feed, as before
        assertEquals("binance-spot", CaptureArguments.resolve(List.of(other), "binance-spot").feeds().feedOf(usdm));

        UserError twice = assertThrows(UserError.class, () -> CaptureArguments.resolve(
                List.of(Path.of("binance-usdm=" + usdm), Path.of("binance-spot=" + usdm)), null));
        assertTrue(twice.getMessage().contains("give each file one feed"), twice.getMessage());
    }

    /** A folder argument: hftbacktest's spot/ and usdm/ under it, each file its folder's feed, the rest said in one line. */
    @Test
    void folderArgumentStandsForItsCaptureFiles(@TempDir Path dir) throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path s = Files.createSymbolicLink(Files.createDirectories(data.resolve("spot")).resolve("btcusdt_20240809.gz"),
                spot.toRealPath());
        Path u = Files.createSymbolicLink(Files.createDirectories(data.resolve("usdm")).resolve("btcusdt_20240719.gz"),
                usdm.toRealPath());
        Files.writeString(data.resolve("notes.txt"), "where these came from\n");
        ByteArrayOutputStream notes = new ByteArrayOutputStream();
        CaptureArguments.Resolved r = CaptureArguments.resolve(List.of(data), null,
                new PrintStream(notes, true, StandardCharsets.UTF_8));
        assertEquals(List.of(s, u), r.files());
        try (CaptureReader a = r.feeds().open(s); CaptureReader b = r.feeds().open(u)) {
            assertEquals("binance-spot", a.feed());
            assertEquals("binance-usdm", b.feed());
        }
        assertEquals(data + ": 2 capture files; left out 1 file not a capture (notes.txt)" + System.lineSeparator(),
                notes.toString(StandardCharsets.UTF_8));

        // FEED=FOLDER: every file under it that feed, whatever its folder says
        r = CaptureArguments.resolve(List.of(Path.of("binance-usdm=" + data.resolve("spot"))), null, new PrintStream(notes));
        assertEquals(List.of(s), r.files());
        assertEquals("binance-usdm", r.feeds().feedOf(s));

        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("README.md"), "nothing\n");
        UserError none = assertThrows(UserError.class, () -> CaptureArguments.resolve(List.of(empty), null));
        assertEquals(ExitCodes.INPUT, none.exitCode());
        assertTrue(none.getMessage().startsWith("no capture files in " + empty
                + " (left out 1 file not a capture (README.md); known: hftbacktest"), none.getMessage());
    }

    @Test
    void runAcceptsFeedPerFileAndRefusesAnUnknownOne() throws IOException {
        List<String> base = List.of("run", "--kafka-port", "0", "--web-port", "0", "--kafka-dir",
                tmp.resolve("kafka").toString(), "--jdbc-url", deadDatabase);

        // accepted: the run gets as far as the (dead) database
        CommandLineExecution ok = CommandLineExecution.of(concat(base, "binance-spot=" + spot, "binance-usdm=" + usdm));
        assertEquals(ExitCodes.DATABASE, ok.exitCode(), ok.stderr());
        assertTrue(ok.stderr().startsWith("rrr run: PostgreSQL does not answer at " + deadDatabase), ok.stderr());

        // such a file without its feed: the folder does not say it (a link of its own: feeds assigned in
        // this JVM stay with their paths)
        Path unnamed = Files.createSymbolicLink(tmp.resolve("downloads/btcusdt_20240809.gz"), spot.toRealPath());
        CommandLineExecution plain = CommandLineExecution.of(concat(base, unnamed.toString()));
        assertEquals(ExitCodes.INPUT, plain.exitCode(), plain.stderr());
        assertTrue(plain.stderr().startsWith("rrr run: cannot infer the feed of " + unnamed), plain.stderr());

        CommandLineExecution bad = CommandLineExecution.of(concat(base, "nosuch=" + spot));
        assertEquals(ExitCodes.USAGE, bad.exitCode(), bad.stderr());
        List<String> err = bad.stderr().lines().toList();
        assertEquals(1, err.size(), bad.stderr());
        assertTrue(err.get(0).startsWith("rrr run: unknown feed 'nosuch' (in nosuch=" + spot + "); use one of ")
                && err.get(0).contains(" binance-coinm, "), err.get(0));
        // the line --feed nosuch gives, but for where the feed was named
        CommandLineExecution option = CommandLineExecution.of(concat(base, "--feed", "nosuch", spot.toString()));
        assertEquals(err.get(0).replace("(in nosuch=" + spot + ")", "(--feed)"),
                option.stderr().lines().findFirst().orElseThrow());

        CommandLineExecution replay = CommandLineExecution.of(List.of("replay", "--bootstrap-servers", "127.0.0.1:1",
                "nosuch=" + spot));
        assertEquals(ExitCodes.USAGE, replay.exitCode(), replay.stderr());
        assertTrue(replay.stderr().startsWith("rrr replay: unknown feed 'nosuch' (in nosuch="), replay.stderr());
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> out = new ArrayList<>(head);
        out.addAll(List.of(tail));
        return out;
    }
}
