package io.rrralgorithms.connectors.capture;

import static io.rrralgorithms.connectors.capture.CaptureReaderTest.readAll;
import static org.junit.jupiter.api.Assertions.*;

import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.SharedData;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The capture files as users bring them: hftbacktest's own folders and receive-time units, COIN-M
 * snapshots keyed by their own symbol, cryptofeed's combined and gzip files, per-file feeds, and
 * the one line each reader gives on what it skipped.
 */
class CaptureFormatsTest {

    static void gzip(Path file, List<String> lines) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            for (String l : lines) {
                out.write((l + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** The frames as comparable text: feed, key, kind, receive ns and payload. */
    static List<String> described(List<RawFrame> frames) {
        return frames.stream().map(f -> f.feed + " " + f.key + " " + f.kind + " " + f.receiveTimeNs + " "
                + new String(f.payload, StandardCharsets.UTF_8)).toList();
    }

    // ---------------------------------------------------------------- hftbacktest folders and symbols

    @Test
    void hftBacktestFoldersNameTheirBinanceFeeds(@TempDir Path dir) throws IOException {
        String line = "1723161253937085768 {\"stream\":\"btcusdt@trade\",\"data\":{}}";
        for (var e : List.of(List.of("spot", "binance-spot"), List.of("usdm", "binance-usdm"),
                List.of("cm", "binance-coinm"), List.of("binance-us", "binance-us"))) {
            Path folder = Files.createDirectory(dir.resolve(e.get(0)));
            Path file = folder.resolve("btcusdt_20240808.gz");
            gzip(file, List.of(line));
            try (CaptureReader r = CaptureFiles.open(file, null)) {
                assertInstanceOf(HftBacktestCaptureReader.class, r);
                assertEquals(e.get(1), r.feed(), e.get(0) + "/");
            }
        }
        assertEquals(3, CaptureFiles.HFTBACKTEST_FOLDERS.size());
    }

    @Test
    void snapshotTakesItsOwnSymbolWhereItHasOne(@TempDir Path dir) throws IOException {
        Path cm = Files.createDirectory(dir.resolve("cm"));
        Path coinm = cm.resolve("btcusd_perp_20210725.gz");
        gzip(coinm, List.of(
                "1627171200000000000 {\"lastUpdateId\":1,\"E\":1,\"T\":1,\"symbol\":\"BTCUSD_PERP\",\"pair\":\"BTCUSD\","
                        + "\"bids\":[],\"asks\":[]}",
                "1627171200000000001 {\"stream\":\"btcusd_perp@depth@100ms\",\"data\":{\"s\":\"BTCUSD_PERP\"}}"));
        List<RawFrame> frames = readAll(CaptureFiles.open(coinm, null));
        assertEquals(FrameKind.REST_SNAPSHOT, frames.get(0).kind);
        assertEquals("BTCUSD_PERP", frames.get(0).key); // not the file name's "BTCUSD"
        assertEquals("BTCUSD_PERP", frames.get(1).key);

        // spot and USDⓈ-M snapshots name no symbol: the file's
        Path spot = Files.createDirectory(dir.resolve("spot")).resolve("btcusdt_20240808.gz");
        gzip(spot, List.of("1723161253937085768 {\"lastUpdateId\":1,\"bids\":[],\"asks\":[]}"));
        assertEquals("BTCUSDT", readAll(CaptureFiles.open(spot, null)).get(0).key);

        // a quarterly contract: the name up to its date, not its first '_'
        Path quarterly = Files.createDirectory(dir.resolve("usdm")).resolve("btcusdt_240927_20240808.gz");
        gzip(quarterly, List.of("1723161253937085768 {\"lastUpdateId\":1,\"E\":1,\"T\":1,\"bids\":[],\"asks\":[]}"));
        assertEquals("BTCUSDT_240927", readAll(CaptureFiles.open(quarterly, null)).get(0).key);

        // a renamed file: the instrument of the stream frames before the snapshot, not the name
        Path renamed = Files.createDirectory(dir.resolve("downloads")).resolve("spot_btcusdt_20240808.gz");
        gzip(renamed, List.of("1723161253937085768 {\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"s\":\"BTCUSDT\"}}",
                "1723161253937085769 {\"lastUpdateId\":1,\"bids\":[],\"asks\":[]}"));
        List<RawFrame> renamedFrames = readAll(CaptureFiles.open(renamed, "binance-spot"));
        assertEquals(FrameKind.REST_SNAPSHOT, renamedFrames.get(1).kind);
        assertEquals("BTCUSDT", renamedFrames.get(1).key);
        assertEquals("BTCUSDT", HftBacktestCaptureReader.symbolOfFileName("btcusdt_20240808.dat.gz"));
        assertEquals("BTCUSD_PERP", HftBacktestCaptureReader.symbolOfFileName("btcusd_perp_20240808.gz"));
        assertEquals("BTCUSDT", HftBacktestCaptureReader.symbolOfFileName("btcusdt.gz"));
    }

    // ---------------------------------------------------------------- receive-time unit

    /** The real spot capture's first lines with times divided by {@code divisor}, in a {@code spot/} folder. */
    static Path scaled(Path dir, String name, long divisor, List<String> original) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String l : original) {
            int sp = l.indexOf(' ');
            lines.add(Long.parseLong(l.substring(0, sp)) / divisor + l.substring(sp));
        }
        Path folder = Files.createDirectories(dir.resolve("spot"));
        Path file = folder.resolve(name);
        gzip(file, lines);
        return file;
    }

    @Test
    void receiveTimesInMicrosecondsOrMillisecondsAreReadAsNanoseconds(@TempDir Path dir) throws IOException {
        List<String> original = CaptureLines.gzLines(SharedData.market("binance-spot/btcusdt_20240808.gz")).subList(0, 2_000);
        List<Long> ns = original.stream().map(l -> Long.parseLong(l.substring(0, l.indexOf(' ')))).toList();

        Path micros = scaled(dir, "btcusdt_20240808.dat.gz", 1_000L, original);
        HftBacktestCaptureReader r = (HftBacktestCaptureReader) CaptureFiles.open(micros, null);
        List<RawFrame> frames = readAll(r);
        assertEquals(ReceiveTimeUnit.MICROS, r.receiveTimeUnit());
        assertEquals(original.size(), frames.size());
        for (int i = 0; i < frames.size(); i++) {
            assertEquals(ns.get(i) / 1_000L * 1_000L, frames.get(i).receiveTimeNs, "line " + (i + 1));
            String line = original.get(i);
            assertEquals(line.substring(line.indexOf(' ') + 1), new String(frames.get(i).payload, StandardCharsets.UTF_8));
        }
        // 2024-08-08 23:54 UTC, not January 1970
        assertTrue(frames.get(0).receiveTimeNs / 1_000_000_000L > 1_723_000_000L, "" + frames.get(0).receiveTimeNs);
        assertTrue(r.summary().contains("receive times in µs, converted to ns (-1271 ms from the exchange time)"),
                r.summary()); // line 1: received 23:54:13.937, "E":1723161255208
        assertEquals(-1_271L, r.exchangeLagMs());
        assertTrue(r.summary().contains("2,000 frames (1 REST snapshot)"), r.summary());

        Path millis = scaled(dir, "btcusdt_20240808.ms.gz", 1_000_000L, original);
        r = (HftBacktestCaptureReader) CaptureFiles.open(millis, null);
        frames = readAll(r);
        assertEquals(ReceiveTimeUnit.MILLIS, r.receiveTimeUnit());
        assertEquals(ns.get(0) / 1_000_000L * 1_000_000L, frames.get(0).receiveTimeNs);
        assertTrue(r.summary().contains("receive times in ms, converted to ns"), r.summary());

        // nanoseconds, as today: nothing converted, nothing said
        r = (HftBacktestCaptureReader) CaptureFiles.open(scaled(dir, "btcusdt_20240808.gz", 1L, original), null);
        frames = readAll(r);
        assertEquals(ReceiveTimeUnit.NANOS, r.receiveTimeUnit());
        assertEquals(ns.get(0), frames.get(0).receiveTimeNs);
        assertTrue(!r.summary().contains("receive times in"), r.summary());
        assertTrue(!r.summary().contains("exchange time"), r.summary());

        // a clock three days off: read, and said in the file's line
        List<String> shifted = new ArrayList<>();
        for (String l : original) {
            int sp = l.indexOf(' ');
            shifted.add((Long.parseLong(l.substring(0, sp)) + 3 * 86_400_000_000_000L) + l.substring(sp));
        }
        Path late = Files.createDirectories(dir.resolve("late/spot")).resolve("btcusdt_20240808.gz");
        gzip(late, shifted);
        r = (HftBacktestCaptureReader) CaptureFiles.open(late, null);
        frames = readAll(r);
        assertEquals(ns.get(0) + 3 * 86_400_000_000_000L, frames.get(0).receiveTimeNs);
        assertTrue(r.summary().contains("; receive times +72.0 h from the exchange time: wrong clock or unit?"), r.summary());
    }

    @Test
    void receiveTimeUnitsFromTheirMagnitude() {
        assertEquals(ReceiveTimeUnit.NANOS, ReceiveTimeUnit.of(1_723_161_253_937_085_768L));
        assertEquals(ReceiveTimeUnit.MICROS, ReceiveTimeUnit.of(1_723_161_253_937_085L));
        assertEquals(ReceiveTimeUnit.MILLIS, ReceiveTimeUnit.of(1_723_161_253_937L));
        assertNull(ReceiveTimeUnit.of(1_723_161_253L)); // seconds: no unit of ours
        assertNull(ReceiveTimeUnit.of(42L));
    }

    // ---------------------------------------------------------------- folders

    /**
     * cryptofeed's {@code sample_data/} as one folder: every WebSocket file of a decoded exchange
     * listed, its REST/metadata files left to it, the other exchanges' files named; each listed file
     * reads with no unreadable line, and every line of it is a frame or one of the format's notes.
     */
    @Test
    void theCryptofeedFolderListsEveryDecodedSession() throws IOException {
        Path folder = SharedData.cryptofeed("BINANCE.ws.1.0").getParent();
        CaptureFiles.FolderListing listing = CaptureFiles.filesIn(folder, false);
        System.out.println(listing.describe());
        List<Path> expected = new ArrayList<>();
        long companions = 0;
        long others = 0;
        try (var all = Files.list(folder)) {
            for (Path f : all.sorted().toList()) {
                String exchange = CryptofeedCaptureReader.exchangeOf(f);
                if (exchange != null && CryptofeedCaptureReader.FEEDS.containsKey(exchange)) {
                    expected.add(f);
                } else if (exchange != null) {
                    others++;
                } else {
                    companions++;
                }
            }
        }
        assertEquals(expected, listing.files());
        assertTrue(listing.files().size() >= 20, listing.describe());
        assertEquals(companions, listing.skipped().get("of cryptofeed REST/metadata (read with their WebSocket file)"));
        assertEquals(others, listing.skipped().entrySet().stream().filter(e -> e.getKey().startsWith("of cryptofeed exchanges "))
                .mapToLong(Map.Entry::getValue).sum(), listing.describe());
        // the undecoded exchanges are named (which ones changes as venues are added)
        assertTrue(others == 0 || listing.describe().contains(others + " files of cryptofeed exchanges no venue decodes ("),
                listing.describe());

        long frames = 0;
        for (Path f : listing.files()) {
            CryptofeedCaptureReader r = (CryptofeedCaptureReader) CaptureFiles.open(f, null);
            long n = readAll(r).size();
            frames += n;
            assertTrue(!r.summary().contains("unreadable"), r.summary());
            assertEquals(n, r.webSocketFrames() + r.restSnapshots(), r.summary());
            assertEquals(CaptureLines.lines(f).size(), r.webSocketFrames() + r.skippedLines(), r.summary());
        }
        System.out.println(listing.files().size() + " sessions, " + frames + " frames");
        // given a feed, a folder's files of any exchange are listed
        assertEquals(listing.files().size() + others, CaptureFiles.filesIn(folder, true).files().size());
    }

    // ---------------------------------------------------------------- cryptofeed combined and gzip

    @Test
    void cryptofeedCombinedGzipFileReadsAsTheSplitFiles(@TempDir Path dir) throws IOException {
        Path meta = SharedData.cryptofeed("KUCOIN.0");
        Path http = SharedData.cryptofeed("KUCOIN.http.0.0");
        Path ws = SharedData.cryptofeed("KUCOIN.ws.1.0");
        CaptureReader split = CaptureFiles.open(ws, null);
        List<RawFrame> expected = readAll(split);
        long snapshots = expected.stream().filter(f -> f.kind == FrameKind.REST_SNAPSHOT).count();
        assertEquals(9, snapshots);

        List<String> lines = new ArrayList<>();
        for (Path p : List.of(meta, http, ws)) {
            lines.addAll(CaptureLines.lines(p));
        }
        Path combined = dir.resolve("KUCOIN-000001.0.gz");
        gzip(combined, lines);
        CaptureReader r = CaptureFiles.open(combined, null);
        assertInstanceOf(CryptofeedCaptureReader.class, r);
        assertEquals("kucoin", r.feed());
        List<RawFrame> frames = readAll(r);
        assertEquals(described(expected), described(frames));
        // every line is a frame or a skipped line: the metadata and configuration of KUCOIN.0, the ws file's notes
        assertEquals(lines.size(), frames.size() + r.skippedLines());
        assertTrue(r.summary().contains("cryptofeed combined, kucoin") && r.summary().contains("9 REST snapshots")
                && r.summary().contains("REST metadata") && r.summary().contains("configuration"), r.summary());

        // the same, plain
        Path plain = Files.writeString(dir.resolve("KUCOIN-000002.0"), String.join("\n", lines) + "\n");
        assertEquals(described(expected), described(readAll(CaptureFiles.open(plain, null))));

        // the split files gzipped (ws and http), beside each other
        Path gz = Files.createDirectory(dir.resolve("gz"));
        gzip(gz.resolve("KUCOIN.ws.1.0.gz"), CaptureLines.lines(ws));
        gzip(gz.resolve("KUCOIN.http.0.0.gz"), CaptureLines.lines(http));
        CaptureReader g = CaptureFiles.open(gz.resolve("KUCOIN.ws.1.0.gz"), null);
        assertEquals(described(expected), described(readAll(g)));
        assertEquals(split.skippedLines(), g.skippedLines());
        assertTrue(g.summary().contains("(from KUCOIN.http.0.0.gz)"), g.summary());
    }

    @Test
    void exchangeOfBothLayouts() {
        assertEquals("KUCOIN", CryptofeedCaptureReader.exchangeOf(Path.of("KUCOIN-000001.0.gz")));
        assertEquals("BINANCE_US", CryptofeedCaptureReader.exchangeOf(Path.of("BINANCE_US-63b290.0")));
        assertEquals("BIT.COM", CryptofeedCaptureReader.exchangeOf(Path.of("BIT.COM.ws.1.0.gz")));
        assertEquals("BINANCE", CryptofeedCaptureReader.exchangeOf(Path.of("BINANCE.ws.1.0")));
        assertNull(CryptofeedCaptureReader.exchangeOf(Path.of("BINANCE.0")));
        assertNull(CryptofeedCaptureReader.exchangeOf(Path.of("BINANCE.http.0.0")));
        assertNull(CryptofeedCaptureReader.exchangeOf(Path.of("btcusdt_20240808.gz")));
    }

    // ---------------------------------------------------------------- per-file feeds

    @Test
    void feedAndPathArguments(@TempDir Path dir) throws IOException {
        var fp = CaptureFiles.parseArgument("binance-usdm=data/btcusdt_20240718.gz");
        assertEquals("binance-usdm", fp.feed());
        assertEquals(Path.of("data/btcusdt_20240718.gz"), fp.path());
        assertNull(CaptureFiles.parseArgument("data/btcusdt_20240718.gz").feed());
        // an existing file whose name has a '=' is a path
        Path odd = Files.writeString(dir.resolve("a=b.gz"), "");
        assertNull(CaptureFiles.parseArgument(odd.toString()).feed());

        Path folder = Files.createDirectory(dir.resolve("somewhere"));
        Path file = Files.writeString(folder.resolve("btcusdt_20240718"),
                "1721347020000000000 {\"stream\":\"btcusdt@trade\",\"data\":{}}\n");
        assertThrows(IOException.class, () -> CaptureFiles.open(file, null));
        assertThrows(IOException.class, () -> CaptureFeeds.INFERRED.open(file));
        CaptureFeeds perFile = CaptureFeeds.perFile(Map.of(file, "binance-usdm"), "binance-spot");
        try (CaptureReader r = perFile.open(folder.resolve("../somewhere/btcusdt_20240718"))) {
            assertEquals("binance-usdm", r.feed(), "the same file by another path");
        }
        assertEquals("binance-spot", perFile.feedOf(folder.resolve("other")), "files not named take the default");
        assertNull(CaptureFeeds.perFile(Map.of(file, "binance-usdm"), null).feedOf(folder.resolve("other")));
        IOException e = assertThrows(IOException.class, () -> CaptureFeeds.of("nosuch").open(file));
        assertTrue(e.getMessage().contains("cannot infer the feed"), e.getMessage());
    }

    // ---------------------------------------------------------------- what could not be read

    @Test
    void readersSayWhatTheySkippedAndWhy(@TempDir Path dir) throws IOException {
        Path folder = Files.createDirectory(dir.resolve("spot"));
        Path hft = Files.writeString(folder.resolve("ethbtc_20240101"), String.join("\n",
                "1723161253937085768 {\"stream\":\"ethbtc@trade\",\"data\":{}}",
                "garbage line",
                "",
                "1723161253937085769",
                "1723161253937085770 {\"e\":\"trade\",\"s\":\"ETHBTC\"}") + "\n");
        CaptureReader r = CaptureFiles.open(hft, null);
        assertEquals(2, readAll(r).size());
        assertEquals(3, r.skippedLines());
        assertTrue(r.summary().endsWith("2 frames (0 REST snapshots); skipped 3 lines: 2 unreadable "
                + "(2 not '<time> <payload>'; lines 2, 4), 1 empty"), r.summary());

        Files.writeString(dir.resolve("BINANCE.ws.1.0"), String.join("\n",
                "wss://stream.binance.com:9443/stream <-> 1633998511.159679",
                "wss://stream.binance.com:9443/stream <- 1633998511.2: {\"method\":\"SUBSCRIBE\"}",
                "1633998512.5: {\"stream\":\"btcusdt@trade\",\"data\":{\"s\":\"BTCUSDT\"}}",
                "half a line",
                "https://api.binance.com/api/v3/exchangeInfo -> 1633998511.1: {}") + "\n");
        r = CaptureFiles.open(dir.resolve("BINANCE.ws.1.0"), null);
        assertEquals(1, readAll(r).size());
        assertEquals(4, r.skippedLines());
        assertTrue(r.summary().endsWith("1 WebSocket frames, 0 REST snapshots; skipped 4 lines: 1 unreadable "
                + "(1 not a cryptofeed line; line 4), 1 connection opened, 1 sent, 1 REST metadata"), r.summary());
    }

    @Test
    void unknownFormatNamesTheKnownOnes(@TempDir Path dir) throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "hello world\n");
        IOException e = assertThrows(IOException.class, () -> CaptureFiles.open(notes, null));
        assertTrue(e.getMessage().startsWith("unknown capture format: " + notes + " (known: hftbacktest"), e.getMessage());
        assertTrue(e.getMessage().contains("EXCHANGE.ws.N.0") && e.getMessage().contains("EXCHANGE-xxxxxx.0"),
                e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }
}
