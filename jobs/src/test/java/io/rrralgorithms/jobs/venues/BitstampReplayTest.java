package io.rrralgorithms.jobs.venues;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import org.junit.jupiter.api.Test;

/**
 * The Bitstamp capture (diff_order_book + live_trades of 10 pairs) with its REST snapshots through
 * the in-process pipeline. Expectations come from the raw lines and the REST responses, parsed
 * here with Jackson: trades, the diffs at or before each snapshot's microtimestamp (stale), and a
 * TreeMap replay of each book (snapshot, then the later diffs) whose final top 10 must equal the
 * pipeline's.
 */
class BitstampReplayTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DEPTH = 10;

    @Test
    void replaysThroughDecodeBookAndFeatures() throws Exception {
        Path file = CaptureReplay.file("BITSTAMP.ws.1.0");
        Path http = CaptureReplay.file("BITSTAMP.http.0.0");
        assertTrue(Files.isRegularFile(file) && Files.isRegularFile(http));

        // ---- independent expectations
        Map<String, Long> snapMicros = new HashMap<>();
        Map<String, TreeMap<BigDecimal, BigDecimal>[]> books = new HashMap<>();
        for (String line : Files.readAllLines(http, StandardCharsets.UTF_8)) {
            int arrow = line.indexOf(" -> ");
            if (arrow < 0) {
                continue;
            }
            String pair = line.substring(line.lastIndexOf('/', arrow) + 1, arrow);
            JsonNode b = JSON.readTree(line.substring(line.indexOf(": ", arrow) + 2));
            snapMicros.put(pair, Long.parseLong(b.get("microtimestamp").asText()));
            @SuppressWarnings("unchecked")
            TreeMap<BigDecimal, BigDecimal>[] sides = new TreeMap[] {
                    new TreeMap<BigDecimal, BigDecimal>(Collections.reverseOrder()), new TreeMap<BigDecimal, BigDecimal>()};
            apply(sides, b);
            books.put(pair, sides);
        }
        assertEquals(10, books.size());
        int trades = 0, diffs = 0, stale = 0, buyTakers = 0;
        Map<String, Integer> applied = new HashMap<>();
        for (String p : CaptureReplay.receivedPayloads(file)) {
            JsonNode j = JSON.readTree(p);
            String event = j.get("event").asText();
            String channel = j.get("channel").asText();
            if (event.equals("trade")) {
                trades++;
                JsonNode d = j.get("data");
                boolean buy = d.get("type").asInt() == 0;
                assertEquals(buy, d.get("buy_order_id").asLong() > d.get("sell_order_id").asLong(),
                        "type names the side of the later order, the taker");
                buyTakers += buy ? 1 : 0;
            }
            if (!event.equals("data")) {
                continue;
            }
            diffs++;
            String pair = channel.substring("diff_order_book_".length());
            JsonNode d = j.get("data");
            if (Long.parseLong(d.get("microtimestamp").asText()) <= snapMicros.get(pair)) {
                stale++;
                continue;
            }
            applied.merge(pair, 1, Integer::sum);
            apply(books.get(pair), d);
        }

        // ---- the pipeline
        CaptureReplay r = CaptureReplay.run(file, DEPTH);
        var c = r.counters;
        System.out.println(r.summary("bitstamp") + " featureRows=" + c.featureRows);
        assertEquals(747 + 10, c.frames);
        assertEquals(0, c.decodeErrors);
        assertEquals(trades, c.trades, "trades = live_trades frames");
        assertEquals(10, trades);
        assertEquals(1, buyTakers, "one taker buy, nine taker sells (ethusd)");
        assertEquals(10, c.snapshots, "one REST snapshot per pair");
        assertEquals(diffs, r.events(EventType.BOOK_DELTA));
        assertEquals(717, diffs);
        assertEquals(stale, c.staleDiffs, "diffs at or before their snapshot's microtimestamp");
        assertEquals(102, stale);
        assertEquals(20, c.ignoredFrames, "the subscription acks");
        assertEquals(List.of(), r.gaps, "microtimestamps never go back");
        assertEquals(0, c.gaps);
        assertEquals(0, c.checksums, "Bitstamp sends no checksum");
        assertEquals(List.of(), r.crossedTops);
        assertEquals(0, c.crossed);
        assertEquals(applied, r.syncedTops, "every later diff applied to a synced book");
        assertNull(applied.get("sgbeur"), "no diff for sgbeur during the 30 s");

        for (Map.Entry<String, TreeMap<BigDecimal, BigDecimal>[]> e : books.entrySet()) {
            String s = e.getKey();
            if (!applied.containsKey(s)) {
                continue; // a snapshot without diffs reports no top
            }
            BookTop top = r.lastTop.get(s);
            assertNotNull(top, s);
            assertArrayEquals(prices(e.getValue()[0]), top.bidPrices, s + " bid prices");
            assertArrayEquals(sizes(e.getValue()[0]), top.bidSizes, s + " bid sizes");
            assertArrayEquals(prices(e.getValue()[1]), top.askPrices, s + " ask prices");
            assertArrayEquals(sizes(e.getValue()[1]), top.askSizes, s + " ask sizes");
        }
        assertEquals("ETH-USD", r.lastTop.get("ethusd").symbol);
    }

    private static void apply(TreeMap<BigDecimal, BigDecimal>[] sides, JsonNode levels) {
        for (int s = 0; s < 2; s++) {
            for (JsonNode l : levels.get(s == 0 ? "bids" : "asks")) {
                BigDecimal price = new BigDecimal(l.get(0).asText());
                BigDecimal size = new BigDecimal(l.get(1).asText());
                if (size.signum() == 0) {
                    sides[s].remove(price);
                } else {
                    sides[s].put(price, size);
                }
            }
        }
    }

    private static long[] prices(TreeMap<BigDecimal, BigDecimal> side) {
        return side.keySet().stream().limit(DEPTH).mapToLong(d -> d.movePointRight(8).longValueExact()).toArray();
    }

    private static long[] sizes(TreeMap<BigDecimal, BigDecimal> side) {
        return side.values().stream().limit(DEPTH).mapToLong(d -> d.movePointRight(8).longValueExact()).toArray();
    }
}
