package io.rrralgorithms.jobs.venues;

import static org.junit.jupiter.api.Assertions.*;

import io.rrralgorithms.jobs.book.BookTop;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OKX capture of 2022-05-13 ({@code OKX.ws.1.0}: books, trades and tickers of BTC-USDT,
 * UNI-USD-SWAP and BTC-USD-220527, ~10 s) is in the replay contract ({@code OkxOracle}:
 * {@code BookSynchronizer} with a 400-level window, signed CRC32 of the top 25 on the snapshot and
 * every update); here: a corrupted level fails its checksum, and frames of the later
 * {@code seqId} format chain.
 */
class OkxReplayTest {
    private static final int TOP = 25;

    /**
     * The same capture with one size of BTC-USDT's first update changed (best ask 1.2112 → 1.2113):
     * its checksum must fail, making one gap; the book stays invalid (the capture has no later
     * snapshot), the other two instruments are untouched.
     */
    @Test
    void corruptedLevelFailsItsChecksum(@TempDir Path dir) throws Exception {
        Path original = CaptureReplay.file("OKX.ws.1.0");
        List<String> lines = Files.readAllLines(original, StandardCharsets.UTF_8);
        String target = "\"asks\":[[\"30243.5\",\"1.2112\",";
        int changed = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (changed == 0 && lines.get(i).contains("\"instId\":\"BTC-USDT\"},\"action\":\"update\"")) {
                assertTrue(lines.get(i).contains(target), "the first BTC-USDT update starts with the best ask");
                lines.set(i, lines.get(i).replace(target, "\"asks\":[[\"30243.5\",\"1.2113\","));
                changed++;
            }
        }
        assertEquals(1, changed);
        Path copy = dir.resolve("OKX.ws.1.0");
        Files.write(copy, lines, StandardCharsets.UTF_8);
        CaptureReplay r = CaptureReplay.run(copy, TOP);
        System.out.println(r.summary("okx corrupted (OKX.ws.1.0, one size changed)"));
        assertEquals(0, r.counters.decodeErrors);
        assertEquals(1, r.counters.checksumFailures);
        assertEquals(3 + 98 + 92 + 1, r.counters.checksums, "snapshots, the two intact books, the failing update; none on the invalid book");
        assertEquals(1, r.gaps.size(), "gaps: " + r.gaps);
        assertEquals("BTC-USDT", r.gaps.get(0).nativeSymbol);
        assertNull(r.syncedTops.get("BTC-USDT"), "BTC-USDT never synced after the failed checksum");
        assertEquals(98, r.syncedTops.get("BTC-USD-220527"));
        assertEquals(92, r.syncedTops.get("UNI-USD-SWAP"));
    }

    /**
     * Frames of the later format with {@code seqId}/{@code prevSeqId} (the capture predates it), as
     * a synthetic capture without checksums: an update received before the snapshot is stale, the
     * first after it bridges ({@code prevSeqId} = the snapshot's {@code seqId}), a keep-alive
     * ({@code prevSeqId == seqId}, no levels) continues, a redelivered update is a duplicate, a
     * sequence reset ({@code seqId} below {@code prevSeqId}) continues, and a lost message is a gap.
     */
    @Test
    void sequencedFramesChain(@TempDir Path dir) throws Exception {
        String book = "%d.%03d: {\"arg\":{\"channel\":\"books\",\"instId\":\"BTC-USDT\"},\"action\":\"%s\","
                + "\"data\":[{\"asks\":[%s],\"bids\":[%s],\"ts\":\"1652459225464\",\"seqId\":%d,\"prevSeqId\":%d}]}";
        List<String> lines = List.of(
                String.format(book, 1652459225, 1, "update", "[\"101\",\"9\",\"0\",\"1\"]", "", 9, 5), // stale
                String.format(book, 1652459225, 2, "snapshot", "[\"101\",\"1\",\"0\",\"1\"],[\"102\",\"2\",\"0\",\"1\"]",
                        "[\"100\",\"3\",\"0\",\"1\"]", 10, -1),
                String.format(book, 1652459225, 3, "update", "[\"101\",\"4\",\"0\",\"1\"]", "", 12, 10), // bridges
                String.format(book, 1652459225, 4, "update", "", "", 12, 12), // keep-alive
                String.format(book, 1652459225, 5, "update", "", "[\"99\",\"5\",\"0\",\"1\"]", 15, 12),
                String.format(book, 1652459225, 6, "update", "[\"101\",\"4\",\"0\",\"1\"]", "", 12, 10), // redelivered
                String.format(book, 1652459225, 7, "update", "[\"102\",\"0\",\"0\",\"0\"]", "", 3, 15), // reset
                String.format(book, 1652459225, 8, "update", "", "[\"100\",\"0\",\"0\",\"0\"]", 7, 6)); // 4..6 lost
        Path file = dir.resolve("OKX.ws.1.0");
        Files.write(file, lines, StandardCharsets.UTF_8);
        CaptureReplay r = CaptureReplay.run(file, TOP);
        System.out.println(r.summary("okx synthetic seqId"));
        assertEquals(0, r.counters.decodeErrors);
        assertEquals(2, r.counters.staleDiffs, "the update received before the snapshot, the redelivered one");
        assertEquals(1, r.gaps.size(), "gaps: " + r.gaps);
        assertEquals(7, r.gaps.get(0).updateId);
        assertEquals(6, r.gaps.get(0).prevUpdateId);
        assertEquals(3, r.gaps.get(0).lastUpdateId, "the book's seqId after the reset");
        assertEquals(0, r.counters.checksums);
        assertEquals(4, r.syncedTops.get("BTC-USDT"), "bridge, keep-alive, update, reset");
        BookTop top = r.lastTop.get("BTC-USDT");
        assertArrayEquals(new long[] {101_00000000L}, top.askPrices);
        assertArrayEquals(new long[] {4_00000000L}, top.askSizes);
        assertArrayEquals(new long[] {100_00000000L, 99_00000000L}, top.bidPrices);
    }
}
