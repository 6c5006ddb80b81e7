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
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The Kraken spot captures of 2021-04-17 (10 pairs, ~30 s) through the in-process pipeline:
 * decode → {@code BookSynchronizer} (book-1000 window, CRC32 checksum on every update) →
 * features. Expectations come from the raw lines, parsed here with Jackson independently of the
 * decoder; the final top 10 of every pair is checked against a TreeMap replay of the raw levels.
 */
class KrakenReplayTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TOP = 10;

    @Test
    void bookCaptureChecksumsHoldOnEveryUpdate() throws Exception {
        Path file = CaptureReplay.file("KRAKEN.ws.50.0");

        // ---- independent expectations: updates carrying c, and a TreeMap book per pair
        int updates = 0, snapshots = 0, checksums = 0;
        Map<String, TreeMap<BigDecimal, BigDecimal>> refAsks = new HashMap<>();
        Map<String, TreeMap<BigDecimal, BigDecimal>> refBids = new HashMap<>();
        Map<String, Integer> updatesPerPair = new TreeMap<>();
        for (String s : CaptureReplay.receivedPayloads(file)) {
            JsonNode j = JSON.readTree(s);
            if (!j.isArray()) {
                continue;
            }
            String channel = j.get(j.size() - 2).asText();
            String pair = j.get(j.size() - 1).asText();
            assertEquals("book-1000", channel);
            int depth = 1000;
            JsonNode first = j.get(1);
            if (first.has("as")) {
                snapshots++;
                TreeMap<BigDecimal, BigDecimal> a = new TreeMap<>(), b = new TreeMap<>(Collections.reverseOrder());
                first.get("as").forEach(l -> put(a, l));
                first.get("bs").forEach(l -> put(b, l));
                refAsks.put(pair, a);
                refBids.put(pair, b);
                continue;
            }
            updates++;
            updatesPerPair.merge(pair, 1, Integer::sum);
            for (int k = 1; k < j.size() - 2; k++) {
                JsonNode o = j.get(k);
                if (o.has("a")) {
                    o.get("a").forEach(l -> put(refAsks.get(pair), l));
                }
                if (o.has("b")) {
                    o.get("b").forEach(l -> put(refBids.get(pair), l));
                }
                if (o.has("c")) {
                    checksums++;
                }
            }
            truncate(refAsks.get(pair), depth);
            truncate(refBids.get(pair), depth);
        }
        assertEquals(10, snapshots);
        assertEquals(4269, updates);
        assertEquals(updates, checksums, "every update carries a checksum");

        // ---- the pipeline
        CaptureReplay r = CaptureReplay.run(file, TOP);
        System.out.println(r.summary("kraken book (KRAKEN.ws.50.0)"));
        assertEquals(0, r.counters.decodeErrors, "decode errors");
        assertEquals(4321, r.counters.frames);
        assertEquals(42, r.counters.ignoredFrames, "heartbeat, systemStatus, subscriptionStatus");
        assertEquals(snapshots, r.counters.snapshots);
        assertEquals(updates, r.events(EventType.BOOK_DELTA));
        assertEquals(checksums, r.counters.checksums, "a checksum verified on every update");
        assertEquals(0, r.counters.checksumFailures, "the local book matches Kraken's on every update");
        assertEquals(List.of(), r.gaps, "gaps");
        assertEquals(0, r.counters.gaps);
        assertEquals(0, r.counters.staleDiffs);
        assertEquals(List.of(), r.crossedTops, "crossed synced tops");
        assertEquals(0, r.counters.crossed);
        assertEquals(updates, r.counters.syncedTops, "every update yields a synced top");
        assertEquals(updatesPerPair, new TreeMap<>(r.syncedTops), "every pair synced after its snapshot");

        // ---- final top 10 of every pair against the TreeMap replay
        for (String pair : refAsks.keySet()) {
            BookTop top = r.lastTop.get(pair);
            assertNotNull(top, pair);
            assertArrayEquals(prices(refBids.get(pair)), top.bidPrices, pair + " bid prices");
            assertArrayEquals(sizes(refBids.get(pair)), top.bidSizes, pair + " bid sizes");
            assertArrayEquals(prices(refAsks.get(pair)), top.askPrices, pair + " ask prices");
            assertArrayEquals(sizes(refAsks.get(pair)), top.askSizes, pair + " ask sizes");
        }
        assertEquals(10, refAsks.size());
        assertTrue(r.counters.featureRows > 0, "features computed");
    }

    @Test
    void tradeCaptureCountsEveryTradeEntry() throws Exception {
        Path file = CaptureReplay.file("KRAKEN.ws.48.0");
        long entries = 0, frames = 0;
        for (String s : CaptureReplay.receivedPayloads(file)) {
            JsonNode j = JSON.readTree(s);
            if (j.isArray() && j.get(j.size() - 2).asText().equals("trade")) {
                frames++;
                entries += j.get(1).size();
            }
        }
        assertEquals(8, frames);
        assertEquals(10, entries, "two frames carry two trades each");
        CaptureReplay r = CaptureReplay.run(file, TOP);
        System.out.println(r.summary("kraken trade (KRAKEN.ws.48.0)"));
        assertEquals(0, r.counters.decodeErrors);
        assertEquals(entries, r.counters.trades, "trades = trade entries of the raw lines");
        assertEquals(entries, r.events(EventType.TRADE));
        assertEquals(41, r.counters.ignoredFrames);
        assertEquals(0, r.counters.gaps);
    }

    @Test
    void tickerCaptureIsBbo() throws Exception {
        Path file = CaptureReplay.file("KRAKEN.ws.49.0");
        long tickers = CaptureReplay.countReceived(file, s -> s.startsWith("[") && s.contains(",\"ticker\",\""));
        assertEquals(18, tickers);
        CaptureReplay r = CaptureReplay.run(file, TOP);
        System.out.println(r.summary("kraken ticker (KRAKEN.ws.49.0)"));
        assertEquals(0, r.counters.decodeErrors);
        assertEquals(tickers, r.events(EventType.BBO));
        assertEquals(0, r.counters.trades);
        assertEquals(42, r.counters.ignoredFrames);
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
