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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The Gemini capture (market data v2 {@code l2} of 10 symbols) through the in-process pipeline.
 * Expectations come from the raw lines, parsed here with Jackson: the trade messages (not the
 * trades inside the first book message of each symbol, which are of before the session), and a
 * TreeMap replay of every book whose final top 10 must equal the pipeline's.
 */
class GeminiReplayTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DEPTH = 10;

    @Test
    void replaysThroughDecodeBookAndFeatures() throws Exception {
        Path file = CaptureReplay.file("GEMINI.ws.1.0");
        assertTrue(Files.isRegularFile(file), "missing " + file);

        int trades = 0, pastTrades = 0, snapshots = 0, updates = 0;
        Map<String, Integer> updatesPerBook = new HashMap<>();
        Map<String, TreeMap<BigDecimal, BigDecimal>[]> books = new HashMap<>();
        for (String p : CaptureReplay.receivedPayloads(file)) {
            JsonNode j = JSON.readTree(p);
            String type = j.get("type").asText();
            if (type.equals("trade")) {
                trades++;
            }
            if (!type.equals("l2_updates")) {
                continue;
            }
            String s = j.get("symbol").asText();
            if (!books.containsKey(s)) {
                snapshots++;
                pastTrades += j.get("trades").size();
                @SuppressWarnings("unchecked")
                TreeMap<BigDecimal, BigDecimal>[] sides = new TreeMap[] {
                        new TreeMap<BigDecimal, BigDecimal>(Collections.reverseOrder()), new TreeMap<BigDecimal, BigDecimal>()};
                books.put(s, sides);
            } else {
                updates++;
                updatesPerBook.merge(s, 1, Integer::sum);
            }
            TreeMap<BigDecimal, BigDecimal>[] sides = books.get(s);
            for (JsonNode c : j.get("changes")) {
                TreeMap<BigDecimal, BigDecimal> side = sides[c.get(0).asText().equals("buy") ? 0 : 1];
                BigDecimal price = new BigDecimal(c.get(1).asText());
                BigDecimal qty = new BigDecimal(c.get(2).asText());
                if (qty.signum() == 0) {
                    side.remove(price);
                } else {
                    side.put(price, qty);
                }
            }
        }
        assertEquals(10, books.size());
        assertEquals(500, pastTrades, "50 past trades in each book message");

        CaptureReplay r = CaptureReplay.run(file, DEPTH);
        var c = r.counters;
        System.out.println(r.summary("gemini") + " featureRows=" + c.featureRows);
        assertEquals(678, c.frames);
        assertEquals(0, c.decodeErrors);
        assertEquals(trades, c.trades, "trades = trade messages");
        assertEquals(16, trades);
        assertEquals(snapshots, c.snapshots);
        assertEquals(10, snapshots);
        assertEquals(updates, r.events(EventType.BOOK_DELTA));
        assertEquals(645, updates);
        assertEquals(7, c.ignoredFrames, "heartbeats");
        assertEquals(List.of(), r.gaps, "no sequence numbers in v2: nothing to break");
        assertEquals(0, c.gaps);
        assertEquals(0, c.staleDiffs);
        assertEquals(0, c.checksums, "Gemini sends no checksum");
        assertEquals(List.of(), r.crossedTops);
        assertEquals(0, c.crossed);
        assertEquals(updatesPerBook, r.syncedTops, "every update applied to a synced book");

        for (Map.Entry<String, TreeMap<BigDecimal, BigDecimal>[]> e : books.entrySet()) {
            String s = e.getKey();
            if (!updatesPerBook.containsKey(s)) {
                continue;
            }
            BookTop top = r.lastTop.get(s);
            assertNotNull(top, s);
            assertArrayEquals(prices(e.getValue()[0]), top.bidPrices, s + " bid prices");
            assertArrayEquals(sizes(e.getValue()[0]), top.bidSizes, s + " bid sizes");
            assertArrayEquals(prices(e.getValue()[1]), top.askPrices, s + " ask prices");
            assertArrayEquals(sizes(e.getValue()[1]), top.askSizes, s + " ask sizes");
        }
        assertEquals("FIL-USD", r.lastTop.get("FILUSD").symbol);
    }

    private static long[] prices(TreeMap<BigDecimal, BigDecimal> side) {
        return side.keySet().stream().limit(DEPTH).mapToLong(d -> d.movePointRight(8).longValueExact()).toArray();
    }

    private static long[] sizes(TreeMap<BigDecimal, BigDecimal> side) {
        return side.values().stream().limit(DEPTH).mapToLong(d -> d.movePointRight(8).longValueExact()).toArray();
    }
}
