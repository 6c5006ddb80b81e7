package io.rrralgorithms.connectors.capture;

import static org.junit.jupiter.api.Assertions.*;

import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The capture readers over the real recorded captures in the shared data folder. */
class CaptureReaderTest {

    static Path market(String relative) {
        return SharedData.market(relative);
    }

    static List<RawFrame> readAll(CaptureReader r) throws IOException {
        List<RawFrame> out = new ArrayList<>();
        try (r) {
            while (r.hasNext()) {
                out.add(r.next());
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- hftbacktest

    @Test
    void hftBacktestReaderYieldsEveryLineExactly() throws IOException {
        Path file = market("binance-spot/btcusdt_20240808.gz");
        List<String> lines = CaptureLines.gzLines(file);
        assertEquals(41249, lines.size(), "lines in " + file);

        CaptureReader reader = CaptureFiles.open(file, null);
        assertInstanceOf(HftBacktestCaptureReader.class, reader);
        assertEquals("binance-spot", reader.feed());
        List<RawFrame> frames = readAll(reader);
        assertEquals(0, reader.skippedLines());
        assertEquals(lines.size(), frames.size());

        long previousNs = Long.MIN_VALUE;
        boolean rawTimesNonDecreasing = true;
        int snapshots = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int sp = line.indexOf(' ');
            long ns = Long.parseLong(line.substring(0, sp));
            String payload = line.substring(sp + 1);
            RawFrame f = frames.get(i);
            assertEquals(ns, f.receiveTimeNs, "line " + (i + 1));
            assertArrayEquals(payload.getBytes(StandardCharsets.UTF_8), f.payload, "line " + (i + 1));
            assertEquals("binance-spot", f.feed);
            assertEquals("BTCUSDT", f.key, "line " + (i + 1));
            if (payload.startsWith("{\"lastUpdateId\"")) {
                snapshots++;
                assertEquals(FrameKind.REST_SNAPSHOT, f.kind, "line " + (i + 1));
            } else {
                assertEquals(FrameKind.WS, f.kind, "line " + (i + 1));
            }
            rawTimesNonDecreasing &= ns >= previousNs;
            previousNs = ns;
        }
        assertEquals(1, snapshots);
        // the recording is in receive order (checked on the raw file); the reader keeps it
        assertTrue(rawTimesNonDecreasing, "receive times of " + file + " are not non-decreasing");
        for (int i = 1; i < frames.size(); i++) {
            assertTrue(frames.get(i - 1).receiveTimeNs <= frames.get(i).receiveTimeNs, "frame " + i);
        }
    }

    @Test
    void hftBacktestReaderSkipsBadLinesAndKeysBySymbol(@TempDir Path dir) throws IOException {
        Path folder = Files.createDirectory(dir.resolve("binance-spot"));
        Path file = folder.resolve("ethbtc_20240101");
        Files.writeString(file, String.join("\n",
                "1723161253937085768 {\"stream\":\"ethbtc@trade\",\"data\":{}}",
                "garbage line",
                "",
                "1723161253937085769 {\"lastUpdateId\":1,\"bids\":[],\"asks\":[]}",
                "1723161253937085770 {\"e\":\"trade\",\"s\":\"LTCBTC\"}") + "\n");
        CaptureReader r = CaptureFiles.open(file, null);
        List<RawFrame> frames = readAll(r);
        assertEquals(3, frames.size());
        assertEquals(2, r.skippedLines());
        assertEquals("ETHBTC", frames.get(0).key);
        assertEquals(FrameKind.REST_SNAPSHOT, frames.get(1).kind);
        assertEquals("ETHBTC", frames.get(1).key); // from the file name
        assertEquals("LTCBTC", frames.get(2).key); // from "s"
        assertEquals(1723161253937085770L, frames.get(2).receiveTimeNs);
    }

    // ---------------------------------------------------------------- cryptofeed

    private static final Pattern DEPTH_URL = Pattern.compile("^(\\S*depth\\S*[?&]symbol=([A-Za-z0-9_]+)\\S*) -> ");

    /** "1633998512.0633569" → 1633998512063356900 by string arithmetic, not BigDecimal. */
    static long nanos(String seconds) {
        int dot = seconds.indexOf('.');
        String whole = dot < 0 ? seconds : seconds.substring(0, dot);
        String frac = dot < 0 ? "" : seconds.substring(dot + 1);
        assertTrue(frac.length() <= 9, seconds);
        return Long.parseLong(whole) * 1_000_000_000L + Long.parseLong((frac + "000000000").substring(0, 9));
    }

    @Test
    void secondsToNanosIsExact() {
        assertEquals(1633998512063356900L, CryptofeedCaptureReader.secondsToNanos("1633998512.0633569"));
        assertEquals(1633998512564785000L, CryptofeedCaptureReader.secondsToNanos("1633998512.564785"));
        assertEquals(1633998511000000000L, CryptofeedCaptureReader.secondsToNanos("1633998511"));
        assertEquals(1633998511100000000L, CryptofeedCaptureReader.secondsToNanos("1633998511.1"));
        assertEquals(1633998511123456789L, CryptofeedCaptureReader.secondsToNanos("1633998511.123456789"));
        assertEquals(1633998512063356900L, nanos("1633998512.0633569"));
    }

    @Test
    void cryptofeedReaderMergesReceivedFramesAndRestSnapshots() throws IOException {
        Path ws = market("cryptofeed/BINANCE.ws.1.0");
        Path http = market("cryptofeed/BINANCE.http.0.0");

        // expected, from the raw lines: received frames then snapshots, stably sorted by receive time
        record Expected(long ns, FrameKind kind, String key, String payload) {}
        List<Expected> expected = new ArrayList<>();
        List<String> wsLines = Files.readAllLines(ws, StandardCharsets.UTF_8);
        Pattern streamSymbol = Pattern.compile("^\\{\"stream\":\"([a-z0-9_]+)@");
        List<String> notReceived = new ArrayList<>();
        for (String line : wsLines) {
            Matcher m = CaptureLines.RECEIVED.matcher(line);
            if (!m.matches()) {
                notReceived.add(line);
                continue;
            }
            Matcher s = streamSymbol.matcher(m.group(2));
            assertTrue(s.find(), line);
            expected.add(new Expected(nanos(m.group(1)), FrameKind.WS, s.group(1).toUpperCase(Locale.ROOT), m.group(2)));
        }
        int snapshots = 0;
        for (String line : Files.readAllLines(http, StandardCharsets.UTF_8)) {
            Matcher m = DEPTH_URL.matcher(line);
            if (m.find()) {
                int colon = line.indexOf(": ", m.end());
                expected.add(new Expected(nanos(line.substring(m.end(), colon)), FrameKind.REST_SNAPSHOT,
                        m.group(2), line.substring(colon + 2)));
                snapshots++;
            }
        }
        // the connection-opened line and the file's trailing empty line; this capture has no sent lines
        assertEquals(2, notReceived.size(), notReceived::toString);
        assertTrue(notReceived.get(0).startsWith("wss://") && notReceived.get(0).contains(" <-> "));
        assertEquals("", notReceived.get(1));
        assertEquals(4, snapshots);
        expected.sort(Comparator.comparingLong(Expected::ns));

        CaptureReader reader = CaptureFiles.open(ws, null);
        assertInstanceOf(CryptofeedCaptureReader.class, reader);
        assertEquals("binance-spot", reader.feed());
        List<RawFrame> frames = readAll(reader);
        assertEquals(notReceived.size(), reader.skippedLines());
        assertEquals(expected.size(), frames.size());
        assertEquals(265 + 4, frames.size());
        for (int i = 0; i < frames.size(); i++) {
            Expected e = expected.get(i);
            RawFrame f = frames.get(i);
            assertEquals(e.ns(), f.receiveTimeNs, "frame " + i);
            assertEquals(e.kind(), f.kind, "frame " + i);
            assertEquals(e.key(), f.key, "frame " + i);
            assertEquals(e.payload(), new String(f.payload, StandardCharsets.UTF_8), "frame " + i);
            assertEquals("binance-spot", f.feed);
            if (i > 0) {
                assertTrue(frames.get(i - 1).receiveTimeNs <= f.receiveTimeNs, "frame " + i);
            }
        }
        assertEquals(1633998512063356900L, frames.get(0).receiveTimeNs);
        assertEquals("NKNUSDT", frames.get(0).key);
        List<String> snapshotKeys = frames.stream().filter(f -> f.kind == FrameKind.REST_SNAPSHOT).map(f -> f.key).toList();
        assertEquals(List.of("NKNUSDT", "BLZETH", "LRCBTC", "RUNEEUR"), snapshotKeys);
        // the NKNUSDT snapshot (received 1633998512.320639) lands between the frames around it
        int nkn = 0;
        while (frames.get(nkn).kind != FrameKind.REST_SNAPSHOT) {
            nkn++;
        }
        assertEquals(1633998512320639000L, frames.get(nkn).receiveTimeNs);
        assertTrue(nkn > 0 && frames.get(nkn - 1).receiveTimeNs < 1633998512320639000L);
        assertTrue(frames.get(nkn + 1).receiveTimeNs > 1633998512320639000L);
    }

    @Test
    void cryptofeedReaderSkipsConnectionSentAndConfigurationLines(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("BINANCE.ws.1.0"), String.join("\n",
                "wss://stream.binance.com:9443/stream?streams=btcusdt@trade <-> 1633998511.159679",
                "wss://stream.binance.com:9443/stream?streams=btcusdt@trade <- 1633998511.2: {\"method\":\"SUBSCRIBE\"}",
                "configuration: {\"trades\":[\"BTC-USDT\"]}",
                "",
                "1633998512.5: {\"stream\":\"btcusdt@trade\",\"data\":{\"s\":\"BTCUSDT\"}}",
                "1633998512.25: {\"result\":null,\"id\":1}",
                "1633998512.0633569: {\"stream\":\"ethusdt@trade\",\"data\":{\"s\":\"ETHUSDT\"}}") + "\n");
        Files.writeString(dir.resolve("BINANCE.http.0.0"), String.join("\n",
                "https://api.binance.com/api/v3/exchangeInfo -> 1633998511.1: {\"timezone\":\"UTC\"}",
                "https://api.binance.com/api/v3/depth?symbol=BTCUSDT&limit=1000 -> 1633998512.3: {\"lastUpdateId\":1,"
                        + "\"bids\":[],\"asks\":[]}") + "\n");
        // another exchange's snapshots are not merged in
        Files.writeString(dir.resolve("BINANCE_US.http.0.0"),
                "https://api.binance.us/api/v3/depth?symbol=ETHUSDT&limit=1000 -> 1633998512.4: {\"lastUpdateId\":2}\n");

        CaptureReader r = CaptureFiles.open(dir.resolve("BINANCE.ws.1.0"), null);
        List<RawFrame> frames = readAll(r);
        assertEquals(4, r.skippedLines());
        assertEquals(List.of(1633998512063356900L, 1633998512250000000L, 1633998512300000000L, 1633998512500000000L),
                frames.stream().map(f -> f.receiveTimeNs).toList());
        assertEquals(FrameKind.REST_SNAPSHOT, frames.get(2).kind);
        assertEquals("BTCUSDT", frames.get(2).key);
        assertEquals("ETHUSDT", frames.get(0).key);
        assertEquals(null, frames.get(1).key); // subscription reply: no symbol
        for (RawFrame f : frames) {
            String p = new String(f.payload, StandardCharsets.UTF_8);
            assertTrue(p.startsWith("{"), p);
        }
    }

    @Test
    void cryptofeedReaderSkipsRealSentLines() throws IOException {
        // the Binance captures have no sent lines; Bitstamp's has its subscribe messages (read with a
        // Binance adapter only to exercise the line format)
        Path ws = market("cryptofeed/BITSTAMP.ws.1.0");
        List<String> lines = Files.readAllLines(ws, StandardCharsets.UTF_8);
        long sent = lines.stream().filter(l -> l.startsWith("wss://") && l.contains(" <- ")).count();
        long received = lines.stream().filter(l -> l.matches("^[0-9]+(\\.[0-9]+)?: .*")).count();
        assertTrue(sent > 0);
        CaptureReader r = CaptureFiles.open(ws, "binance-spot");
        List<RawFrame> wsFrames = readAll(r).stream().filter(f -> f.kind == FrameKind.WS).toList();
        assertEquals(received, wsFrames.size());
        assertEquals(lines.size() - received, r.skippedLines());
        for (RawFrame f : wsFrames) {
            String p = new String(f.payload, StandardCharsets.UTF_8);
            assertFalse(p.contains(" <- ") && p.startsWith("wss://"), p);
        }
    }

    // ---------------------------------------------------------------- CaptureFiles.open

    @Test
    void openRejectsAnUnknownFormat(@TempDir Path dir) throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "hello world\nsecond line\n");
        IOException e = assertThrows(IOException.class, () -> CaptureFiles.open(notes, null));
        assertTrue(e.getMessage().contains("unknown capture format") && e.getMessage().contains("notes.txt"),
                e.getMessage());

        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        e = assertThrows(IOException.class, () -> CaptureFiles.open(empty, null));
        assertTrue(e.getMessage().contains("unknown capture format"), e.getMessage());

        e = assertThrows(IOException.class, () -> CaptureFiles.open(dir.resolve("missing.gz"), null));
        assertTrue(e.getMessage().contains("no such capture file"), e.getMessage());
    }

    @Test
    void openRejectsAFileWhoseFeedCannotBeInferred(@TempDir Path dir) throws IOException {
        Path folder = Files.createDirectory(dir.resolve("somewhere"));
        Path file = Files.writeString(folder.resolve("btcusdt_20240808"),
                "1723161253937085768 {\"stream\":\"btcusdt@trade\",\"data\":{}}\n");
        IOException e = assertThrows(IOException.class, () -> CaptureFiles.open(file, null));
        assertTrue(e.getMessage().contains("cannot infer the feed") && e.getMessage().contains("binance-spot"),
                e.getMessage());

        e = assertThrows(IOException.class, () -> CaptureFiles.open(file, "no-such-feed"));
        assertTrue(e.getMessage().contains("cannot infer the feed"), e.getMessage());

        // naming the feed opens it
        CaptureReader r = CaptureFiles.open(file, "binance-spot");
        List<RawFrame> frames = readAll(r);
        assertEquals(1, frames.size());
        assertEquals("BTCUSDT", frames.get(0).key);

        // a cryptofeed capture of an exchange with no feed here names the supported ones (a copy of
        // Binance TR's frames under an exchange name no venue declares)
        Path tr = Files.createTempDirectory("rrr-capture").resolve("NOSUCHEXCHANGE.ws.1.0");
        Files.copy(market("cryptofeed/BINANCE_TR.ws.1.0"), tr);
        e = assertThrows(IOException.class, () -> CaptureFiles.open(tr, null));
        assertTrue(e.getMessage().contains("NOSUCHEXCHANGE") && e.getMessage().contains("not a supported feed"),
                e.getMessage());
        assertNotNull(CaptureFiles.open(tr, "binance-spot"));
        assertEquals("binance-tr", CaptureFiles.open(market("cryptofeed/BINANCE_TR.ws.1.0"), null).feed());
        assertFalse(CaptureFiles.open(market("cryptofeed/BINANCE_US.ws.1.0"), null).feed().isEmpty());
    }
}
