package io.rrralgorithms.jobs.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.capture.CaptureFeeds;
import io.rrralgorithms.connectors.capture.CaptureFiles;
import io.rrralgorithms.connectors.capture.CaptureReader;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.SharedData;
import io.rrralgorithms.jobs.book.BookTop;
import io.rrralgorithms.jobs.features.InProcessPipeline;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Capture files as users bring them, replayed in-process (decode → book sync → features): an
 * hftbacktest COIN-M file whose name is not its instrument's, the same in microseconds, and a
 * cryptofeed combined gzip file, each against the recorded cryptofeed files they are made from.
 */
class CaptureFormatsReplayTest {
    private static final String SYMBOL = "BCHUSD_PERP";

    /** What one replay gave: the pipeline's counters and the last synced top per instrument. */
    record Replay(InProcessPipeline.Counters counters, Map<String, BookTop> lastTop, Map<String, Integer> syncedTops) {
        long events(EventType t) {
            return counters.eventsByType[t.ordinal()];
        }

        String counts() {
            InProcessPipeline.Counters c = counters;
            return "frames=" + c.frames + " ignored=" + c.ignoredFrames + " decodeErrors=" + c.decodeErrors + " trades="
                    + c.trades + " deltas=" + events(EventType.BOOK_DELTA) + " snapshots=" + c.snapshots + " bbo="
                    + events(EventType.BBO) + " syncedTops=" + c.syncedTops + " gaps=" + c.gaps + " stale=" + c.staleDiffs
                    + " featureRows=" + c.featureRows + " bars=" + c.bars;
        }
    }

    static Replay replay(Path file) throws IOException {
        Map<String, BookTop> last = new HashMap<>();
        Map<String, Integer> synced = new HashMap<>();
        InProcessPipeline p = new InProcessPipeline(10, 100_000, 0L, new InProcessPipeline.Listener() {
            @Override
            public void top(BookTop t) {
                if (t.synced) {
                    last.put(t.nativeSymbol, t);
                    synced.merge(t.nativeSymbol, 1, Integer::sum);
                }
            }
        });
        try (CaptureReader r = CaptureFiles.open(file, null)) {
            while (r.hasNext()) {
                p.frame(r.next());
            }
        }
        p.finish();
        return new Replay(p.counters(), last, synced);
    }

    static void gzip(Path file, List<String> lines) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            for (String l : lines) {
                out.write((l + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** "1626916404.543838" → 1626916404543838000, by string arithmetic. */
    static long nanos(String seconds) {
        int dot = seconds.indexOf('.');
        String whole = dot < 0 ? seconds : seconds.substring(0, dot);
        String frac = dot < 0 ? "" : seconds.substring(dot + 1);
        return Long.parseLong(whole) * 1_000_000_000L + Long.parseLong((frac + "000000000").substring(0, 9));
    }

    /**
     * The BCHUSD_PERP frames of the cryptofeed COIN-M capture and its REST snapshot, as hftbacktest
     * writes a file: {@code <receive time> <json>} in receive order, gzip, times divided by {@code divisor}.
     */
    static Path hftBacktestCoinm(Path dir, long divisor) throws IOException {
        record Line(long ns, String payload) {}
        List<Line> lines = new ArrayList<>();
        for (CaptureLines.Received r : CaptureLines.received(SharedData.cryptofeed("BINANCE_DELIVERY.ws.1.0"))) {
            if (r.payload().startsWith("{\"stream\":\"" + "bchusd_perp@")) {
                lines.add(new Line(nanos(r.seconds()), r.payload()));
            }
        }
        List<CaptureLines.Rest> snapshots = CaptureLines.rest(SharedData.cryptofeed("BINANCE_DELIVERY.http.0.0"),
                "depth?symbol=" + SYMBOL + "&");
        assertEquals(1, snapshots.size());
        assertTrue(snapshots.get(0).body().contains("\"symbol\":\"" + SYMBOL + "\""));
        lines.add(new Line(nanos(snapshots.get(0).seconds()), snapshots.get(0).body()));
        lines.sort(Comparator.comparingLong(Line::ns));
        Path cm = Files.createDirectories(dir.resolve(divisor == 1 ? "ns" : "us").resolve("cm"));
        Path file = cm.resolve("bchusd_perp_20210722.gz");
        gzip(file, lines.stream().map(l -> l.ns() / divisor + " " + l.payload()).toList());
        return file;
    }

    @Test
    void coinmHftBacktestFileSyncsItsBook(@TempDir Path dir) throws IOException {
        Path file = hftBacktestCoinm(dir, 1);
        try (CaptureReader r = CaptureFiles.open(file, null)) {
            assertEquals("binance-coinm", r.feed()); // from cm/
            RawFrame snapshot = null;
            while (r.hasNext() && snapshot == null) {
                RawFrame f = r.next();
                snapshot = f.kind == FrameKind.REST_SNAPSHOT ? f : null;
            }
            assertNotNull(snapshot);
            assertEquals(SYMBOL, snapshot.key); // the file name says BCHUSD
        }
        Replay hft = replay(file);
        System.out.println("hftbacktest cm/: " + hft.counts());
        assertEquals(0, hft.counters().decodeErrors, hft.counts()); // the snapshot is no dead letter
        assertEquals(1, hft.counters().snapshots, hft.counts());
        assertEquals(0, hft.counters().gaps, hft.counts());
        assertTrue(hft.syncedTops().getOrDefault(SYMBOL, 0) > 0, hft.counts());
        assertTrue(hft.counters().featureRows > 0, hft.counts());

        // the same book as the recorded cryptofeed files give it
        Replay cryptofeed = replay(SharedData.cryptofeed("BINANCE_DELIVERY.ws.1.0"));
        assertEquals(cryptofeed.syncedTops().get(SYMBOL), hft.syncedTops().get(SYMBOL));
        sameTop(cryptofeed.lastTop().get(SYMBOL), hft.lastTop().get(SYMBOL));

        // in microseconds, as hftbacktest's 2023 files: the same replay
        Replay micros = replay(hftBacktestCoinm(dir, 1_000L));
        assertEquals(hft.counts(), micros.counts());
        sameTop(hft.lastTop().get(SYMBOL), micros.lastTop().get(SYMBOL));
        assertEquals(hft.lastTop().get(SYMBOL).receiveTimeNs / 1_000L, micros.lastTop().get(SYMBOL).receiveTimeNs / 1_000L);
    }

    /**
     * hftbacktest's own layout, {@code data/spot/}, {@code data/usdm/}, {@code data/cm/} (the real
     * captures linked, the COIN-M one made as above), given as the one folder: every file read as the
     * feed of its folder and all three books synced in one replay.
     */
    @Test
    void hftBacktestLayoutFolderReplaysEveryFeedWithItsBook(@TempDir Path dir) throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path spot = Files.createDirectories(data.resolve("spot")).resolve("btcusdt_20240808.gz");
        Files.createSymbolicLink(spot, SharedData.market("binance-spot/btcusdt_20240808.gz").toAbsolutePath());
        Path usdm = Files.createDirectories(data.resolve("usdm")).resolve("btcusdt_20240718.gz");
        Files.createSymbolicLink(usdm, SharedData.market("binance-usdm/btcusdt_20240718.gz").toAbsolutePath());
        Path coinm = hftBacktestCoinm(dir, 1);
        Files.move(coinm.getParent(), data.resolve("cm"));
        Files.writeString(data.resolve("README.md"), "downloaded from hftbacktest\n");

        CaptureFiles.FolderListing listing = CaptureFiles.filesIn(data, false);
        assertEquals(List.of(data.resolve("cm/bchusd_perp_20210722.gz"), usdm, spot).stream().sorted().toList(),
                listing.files());
        assertEquals(Map.of("not a capture (README.md)", 1L), listing.skipped());

        Map<String, Integer> synced = new HashMap<>();
        Map<String, Long> frames = new HashMap<>();
        InProcessPipeline p = new InProcessPipeline(10, 100_000, 0L, new InProcessPipeline.Listener() {
            @Override
            public void top(BookTop t) {
                if (t.synced) {
                    synced.merge(t.instrumentKey(), 1, Integer::sum);
                }
            }
        });
        for (Path file : listing.files()) {
            try (CaptureReader r = CaptureFeeds.INFERRED.open(file)) {
                while (r.hasNext()) {
                    p.frame(r.next());
                    frames.merge(r.feed(), 1L, Long::sum);
                }
            }
        }
        p.finish();
        InProcessPipeline.Counters c = p.counters();
        String counts = "synced=" + synced + " frames=" + frames + " decodeErrors=" + c.decodeErrors + " gaps=" + c.gaps
                + " snapshots=" + c.snapshots;
        System.out.println("hftbacktest layout: " + counts);
        assertEquals(Map.of("binance-spot", (long) CaptureLines.gzLines(spot).size(),
                "binance-usdm", (long) CaptureLines.gzLines(usdm).size(),
                "binance-coinm", (long) CaptureLines.gzLines(data.resolve("cm/bchusd_perp_20210722.gz")).size()), frames);
        assertEquals(Set.of("binance-spot:BTCUSDT", "binance-usdm:BTCUSDT", "binance-coinm:" + SYMBOL), synced.keySet(), counts);
        assertTrue(synced.values().stream().allMatch(n -> n > 100), counts);
        assertEquals(3, c.snapshots, counts);
        assertEquals(0, c.decodeErrors, counts);
        assertEquals(0, c.gaps, counts);
    }

    static void sameTop(BookTop expected, BookTop actual) {
        assertNotNull(expected);
        assertNotNull(actual);
        assertEquals(expected.lastUpdateId, actual.lastUpdateId);
        assertArrayEquals(expected.bidPrices, actual.bidPrices, "bids");
        assertArrayEquals(expected.bidSizes, actual.bidSizes, "bid sizes");
        assertArrayEquals(expected.askPrices, actual.askPrices, "asks");
        assertArrayEquals(expected.askSizes, actual.askSizes, "ask sizes");
    }

    @Test
    void cryptofeedCombinedGzipReplaysAsTheSplitFiles(@TempDir Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String name : List.of("KUCOIN.0", "KUCOIN.http.0.0", "KUCOIN.ws.1.0")) {
            lines.addAll(CaptureLines.lines(SharedData.cryptofeed(name)));
        }
        Path combined = dir.resolve("KUCOIN-000001.0.gz");
        gzip(combined, lines);

        Replay split = replay(SharedData.cryptofeed("KUCOIN.ws.1.0"));
        Replay one = replay(combined);
        System.out.println("kucoin split:    " + split.counts());
        System.out.println("kucoin combined: " + one.counts());
        assertEquals(split.counts(), one.counts());
        assertTrue(one.counters().snapshots > 0, one.counts());
        assertEquals(split.lastTop().keySet(), one.lastTop().keySet());
        for (String s : split.lastTop().keySet()) {
            sameTop(split.lastTop().get(s), one.lastTop().get(s));
        }
        assertTrue(Arrays.stream(EventType.values()).allMatch(t -> split.events(t) == one.events(t)));
    }

    /** A line's receive time: {@code <ts>: …}, {@code <url> -> <ts>: …}, {@code <url> <-> <ts>}, {@code <url> <- <ts>: …}; else null. */
    static String lineTime(String line) {
        Matcher m = CaptureLines.RECEIVED.matcher(line);
        if (m.matches()) {
            return m.group(1);
        }
        String[] parts = line.split(" ", 4);
        return parts.length >= 3 && parts[1].matches("->|<->|<-") ? parts[2].replaceAll(":$", "") : null;
    }

    /**
     * A session as older cryptofeed stored it: one {@code BINANCE-b38f7c.0} with the
     * {@code configuration:} line first, then every line of the session (connection, REST metadata,
     * REST snapshots, WebSocket frames) in receive order, gzip; made from the recorded split files.
     */
    @Test
    void binanceCombinedFileInReceiveOrderReplaysWithItsSnapshots(@TempDir Path dir) throws IOException {
        record Timed(String ns, long order, String line) {}
        List<Timed> timed = new ArrayList<>();
        long order = 0;
        for (String name : List.of("BINANCE.0", "BINANCE.http.0.0", "BINANCE.ws.1.0")) {
            for (String line : CaptureLines.lines(SharedData.cryptofeed(name))) {
                String t = lineTime(line);
                if (t != null) {
                    timed.add(new Timed(t, order++, line));
                }
            }
        }
        timed.sort(Comparator.comparingLong((Timed t) -> nanos(t.ns())).thenComparingLong(Timed::order));
        List<String> lines = new ArrayList<>();
        lines.add("configuration: {\"l2_book\":[\"NKN-USDT\"],\"trades\":[\"NKN-USDT\"]}");
        timed.forEach(t -> lines.add(t.line()));
        Path combined = dir.resolve("BINANCE-b38f7c.0.gz");
        gzip(combined, lines);

        try (CaptureReader r = CaptureFiles.open(combined, null)) {
            while (r.hasNext()) {
                r.next();
            }
            assertTrue(r.summary().contains("(cryptofeed combined, binance-spot)"), r.summary());
            assertTrue(r.summary().contains(", 4 REST snapshots"), r.summary());
            assertTrue(!r.summary().contains("unreadable"), r.summary());
        }
        Replay split = replay(SharedData.cryptofeed("BINANCE.ws.1.0"));
        Replay one = replay(combined);
        System.out.println("binance split:    " + split.counts());
        System.out.println("binance combined: " + one.counts());
        assertEquals(split.counts(), one.counts());
        assertEquals(4, one.counters().snapshots, one.counts());
        assertEquals(0, one.counters().gaps, one.counts());
        assertEquals(split.lastTop().keySet(), one.lastTop().keySet());
        assertTrue(one.lastTop().size() >= 4, one.counts());
        for (String sym : split.lastTop().keySet()) {
            sameTop(split.lastTop().get(sym), one.lastTop().get(sym));
        }
    }

    @Test
    void nanosIsStringArithmetic() {
        Matcher m = CaptureLines.RECEIVED.matcher("1626916403.8469708: {}");
        assertTrue(m.matches());
        assertEquals(1626916403846970800L, nanos(m.group(1)));
    }
}
