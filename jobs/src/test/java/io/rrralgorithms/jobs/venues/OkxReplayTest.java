package io.rrralgorithms.jobs.venues;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.jobs.book.BookTop;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The OKX capture of 2022-05-13 ({@code OKX.ws.1.0}: books, trades and tickers of BTC-USDT,
 * UNI-USD-SWAP and BTC-USD-220527, ~10 s) through the in-process pipeline: decode →
 * {@code BookSynchronizer} (400-level window, signed CRC32 of the top 25 on the snapshot and every
 * update) → features. Expectations come from the raw lines, parsed here with Jackson independently
 * of the decoder; the final top 25 of every instrument is checked against a TreeMap replay.
 */
class OkxReplayTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RECEIVED = Pattern.compile("^([0-9]+(?:\\.[0-9]+)?): (.*)$");
    private static final int TOP = 25;
    private static final int WINDOW = 400;

    @Test
    void captureChecksumsHoldAndTradesCount() throws Exception {
        Path file = CaptureReplay.file("OKX.ws.1.0");

        // ---- independent expectations from the raw lines
        int snapshots = 0, updates = 0, checksums = 0, tickers = 0, tradeEntries = 0, preSession = 0, acks = 0;
        Map<String, Double> tradesAckAt = new HashMap<>();
        Map<String, TreeMap<BigDecimal, BigDecimal>> refAsks = new HashMap<>();
        Map<String, TreeMap<BigDecimal, BigDecimal>> refBids = new HashMap<>();
        Map<String, Integer> updatesPerInstrument = new TreeMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            Matcher m = RECEIVED.matcher(line);
            if (!m.matches()) {
                continue;
            }
            JsonNode j = JSON.readTree(m.group(2));
            if (j.has("event")) {
                acks++;
                if (j.get("arg").get("channel").asText().equals("trades")) {
                    tradesAckAt.put(j.get("arg").get("instId").asText(), Double.parseDouble(m.group(1)));
                }
                continue;
            }
            String channel = j.get("arg").get("channel").asText();
            String inst = j.get("arg").get("instId").asText();
            for (JsonNode d : j.get("data")) {
                switch (channel) {
                    case "tickers" -> tickers++;
                    case "trades" -> {
                        // the trade pushed on subscribe happened before the subscription was acknowledged
                        if (d.get("ts").asLong() < tradesAckAt.get(inst) * 1000) {
                            preSession++;
                        } else {
                            tradeEntries++;
                        }
                    }
                    case "books" -> {
                        if (j.get("action").asText().equals("snapshot")) {
                            snapshots++;
                            refAsks.put(inst, new TreeMap<>());
                            refBids.put(inst, new TreeMap<>(Collections.reverseOrder()));
                        } else {
                            updates++;
                            updatesPerInstrument.merge(inst, 1, Integer::sum);
                        }
                        d.get("asks").forEach(l -> put(refAsks.get(inst), l));
                        d.get("bids").forEach(l -> put(refBids.get(inst), l));
                        truncate(refAsks.get(inst), WINDOW);
                        truncate(refBids.get(inst), WINDOW);
                        if (d.has("checksum")) {
                            checksums++;
                        }
                    }
                    default -> throw new AssertionError("unexpected channel " + channel);
                }
            }
        }
        assertEquals(3, snapshots);
        assertEquals(287, updates);
        assertEquals(snapshots + updates, checksums, "the snapshot and every update carry a checksum");
        assertEquals(28, tickers);
        assertEquals(71, tradeEntries);
        assertEquals(3, preSession);
        assertEquals(18, acks);

        // ---- the pipeline
        CaptureReplay r = CaptureReplay.run(file, TOP);
        System.out.println(r.summary("okx (OKX.ws.1.0)"));
        assertEquals(0, r.counters.decodeErrors, "decode errors");
        assertEquals(410, r.counters.frames);
        assertEquals(acks + preSession, r.counters.ignoredFrames, "subscription acks and the pre-session trades");
        assertEquals(tradeEntries, r.counters.trades, "trades = trade entries of the session in the raw lines");
        assertEquals(tradeEntries, r.events(EventType.TRADE));
        assertEquals(tickers, r.events(EventType.BBO));
        assertEquals(snapshots, r.counters.snapshots);
        assertEquals(updates, r.events(EventType.BOOK_DELTA));
        assertEquals(checksums, r.counters.checksums, "a checksum verified on every snapshot and update");
        assertEquals(0, r.counters.checksumFailures, "the local book matches OKX's on every update");
        assertEquals(List.of(), r.gaps, "gaps");
        assertEquals(0, r.counters.gaps);
        assertEquals(0, r.counters.staleDiffs);
        assertEquals(List.of(), r.crossedTops, "crossed synced tops");
        assertEquals(0, r.counters.crossed);
        assertEquals(updates, r.counters.syncedTops, "every update yields a synced top");
        assertEquals(updatesPerInstrument, new TreeMap<>(r.syncedTops), "every instrument synced from its snapshot on");

        // ---- final top 25 of every instrument against the TreeMap replay
        for (String inst : refAsks.keySet()) {
            BookTop top = r.lastTop.get(inst);
            assertNotNull(top, inst);
            assertArrayEquals(prices(refBids.get(inst)), top.bidPrices, inst + " bid prices");
            assertArrayEquals(sizes(refBids.get(inst)), top.bidSizes, inst + " bid sizes");
            assertArrayEquals(prices(refAsks.get(inst)), top.askPrices, inst + " ask prices");
            assertArrayEquals(sizes(refAsks.get(inst)), top.askSizes, inst + " ask sizes");
        }
        assertEquals(3, refAsks.size());
        assertTrue(r.counters.featureRows > 0, "features computed");
    }

    /**
     * The same capture with one size of BTC-USDT's first update changed (best ask 1.2112 → 1.2113):
     * its checksum must fail, making one gap; the book stays invalid (the capture has no later
     * snapshot), the other two instruments are untouched.
     */
    @Test
    void corruptedLevelFailsItsChecksum(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
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
        assertEquals(null, r.syncedTops.get("BTC-USDT"), "BTC-USDT never synced after the failed checksum");
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
    void sequencedFramesChain(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
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

    private static void put(TreeMap<BigDecimal, BigDecimal> side, JsonNode level) {
        BigDecimal px = new BigDecimal(level.get(0).asText());
        BigDecimal sz = new BigDecimal(level.get(1).asText());
        if (sz.signum() == 0) {
            side.remove(px);
        } else {
            side.put(px, sz);
        }
    }

    private static void truncate(TreeMap<BigDecimal, BigDecimal> side, int depth) {
        while (side.size() > depth) {
            side.pollLastEntry();
        }
    }

    private static long[] prices(TreeMap<BigDecimal, BigDecimal> side) {
        return side.keySet().stream().limit(TOP).mapToLong(d -> d.movePointRight(8).longValueExact()).toArray();
    }

    private static long[] sizes(TreeMap<BigDecimal, BigDecimal> side) {
        return side.values().stream().limit(TOP).mapToLong(d -> d.movePointRight(8).longValueExact()).toArray();
    }
}
