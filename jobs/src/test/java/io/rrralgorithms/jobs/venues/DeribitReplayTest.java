package io.rrralgorithms.jobs.venues;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
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
 * The Deribit capture (book.raw with change_id / prev_change_id chains, tickers, trades of 10
 * options) through the in-process pipeline. Expectations come from the raw lines, parsed here with
 * Jackson: the trades, the change-id chains (each checked independently), and a TreeMap replay of
 * every book whose final top 10 must equal the pipeline's.
 */
class DeribitReplayTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final int DEPTH = 10;

    @Test
    void replaysThroughDecodeBookAndFeatures() throws Exception {
        Path file = CaptureReplay.file("DERIBIT.ws.1.0");
        assertTrue(Files.isRegularFile(file), "missing " + file);

        // ---- independent expectations
        int tradeRows = 0, snapshots = 0, changes = 0, chainBreaks = 0;
        Map<String, Long> lastChange = new HashMap<>();
        Map<String, Integer> changesPerBook = new HashMap<>();
        Map<String, TreeMap<BigDecimal, BigDecimal>[]> books = new HashMap<>();
        for (String payload : CaptureReplay.receivedPayloads(file)) {
            JsonNode j = JSON.readTree(payload);
            if (!j.has("params")) {
                continue;
            }
            String channel = j.get("params").get("channel").asText();
            JsonNode d = j.get("params").get("data");
            if (channel.startsWith("trades.")) {
                tradeRows += d.size();
            }
            if (!channel.startsWith("book.")) {
                continue;
            }
            String name = d.get("instrument_name").asText();
            if (d.get("type").asText().equals("snapshot")) {
                snapshots++;
                @SuppressWarnings("unchecked")
                TreeMap<BigDecimal, BigDecimal>[] sides = new TreeMap[] {
                        new TreeMap<BigDecimal, BigDecimal>(Collections.reverseOrder()), new TreeMap<BigDecimal, BigDecimal>()};
                books.put(name, sides);
            } else {
                changes++;
                changesPerBook.merge(name, 1, Integer::sum);
                if (d.get("prev_change_id").asLong() != lastChange.get(name)) {
                    chainBreaks++;
                }
            }
            lastChange.put(name, d.get("change_id").asLong());
            TreeMap<BigDecimal, BigDecimal>[] sides = books.get(name);
            for (int s = 0; s < 2; s++) {
                for (JsonNode l : d.get(s == 0 ? "bids" : "asks")) {
                    BigDecimal price = l.get(1).decimalValue();
                    if (l.get(0).asText().equals("delete")) {
                        sides[s].remove(price);
                    } else {
                        sides[s].put(price, l.get(2).decimalValue());
                    }
                }
            }
        }
        assertEquals(0, chainBreaks, "every change's prev_change_id is the previous change_id");
        assertEquals(10, books.size());

        // ---- the pipeline
        CaptureReplay r = CaptureReplay.run(file, DEPTH);
        var c = r.counters;
        System.out.println(r.summary("deribit") + " featureRows=" + c.featureRows);
        assertEquals(0, c.decodeErrors);
        assertEquals(tradeRows, c.trades, "trades = rows of the trades notifications");
        assertEquals(0, c.trades, "no trade on the 10 options during the 30 s recorded");
        assertEquals(snapshots, c.snapshots);
        assertEquals(10, c.snapshots);
        assertEquals(changes, r.events(EventType.BOOK_DELTA));
        assertEquals(36, changes);
        assertEquals(89, r.events(EventType.BBO));
        assertEquals(List.of(), r.gaps, "the change-id chains hold");
        assertEquals(0, c.gaps);
        assertEquals(0, c.staleDiffs);
        assertEquals(List.of(), r.crossedTops);
        assertEquals(0, c.crossed);
        assertEquals(0, c.checksums, "Deribit sends no checksum");
        assertEquals(changesPerBook, r.syncedTops, "every change applied to a synced book");

        for (Map.Entry<String, TreeMap<BigDecimal, BigDecimal>[]> e : books.entrySet()) {
            String s = e.getKey();
            if (!changesPerBook.containsKey(s)) {
                continue; // a book without changes reports no top after its snapshot
            }
            BookTop top = r.lastTop.get(s);
            assertNotNull(top, s);
            assertArrayEquals(prices(e.getValue()[0]), top.bidPrices, s + " bid prices");
            assertArrayEquals(sizes(e.getValue()[0]), top.bidSizes, s + " bid sizes");
            assertArrayEquals(prices(e.getValue()[1]), top.askPrices, s + " ask prices");
            assertArrayEquals(sizes(e.getValue()[1]), top.askSizes, s + " ask sizes");
        }
        BookTop top = r.lastTop.get("BTC-31DEC21-34000-P");
        assertEquals("BTC-USD-211231-34000-P", top.symbol);
        assertTrue(top.bidPrices.length > 0 && top.askPrices.length > 0);
    }

    private static long[] prices(TreeMap<BigDecimal, BigDecimal> side) {
        return side.keySet().stream().limit(DEPTH).mapToLong(DeribitReplayTest::mantissa).toArray();
    }

    private static long[] sizes(TreeMap<BigDecimal, BigDecimal> side) {
        return side.values().stream().limit(DEPTH).mapToLong(DeribitReplayTest::mantissa).toArray();
    }

    private static long mantissa(BigDecimal d) {
        return d.movePointRight(8).longValueExact();
    }
}
