package io.rrralgorithms.jobs.venues;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The BitMEX capture ({@code orderBookL2} without sequence numbers, level ids resolved to prices
 * by the decoder) through the in-process pipeline: decode → {@code BookSynchronizer} → features.
 * Every expectation comes from the raw lines, parsed here with Jackson, including an independent
 * id → price replay of every book, whose final top 10 must equal the pipeline's.
 */
class BitmexReplayTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final int DEPTH = 10;

    /** An independent book: id → level, and the two sides by price. */
    private static final class RefBook {
        final Map<Long, BigDecimal> priceOfId = new HashMap<>();
        final Map<Long, Boolean> bidOfId = new HashMap<>();
        final TreeMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Collections.reverseOrder());
        final TreeMap<BigDecimal, BigDecimal> asks = new TreeMap<>();

        void set(long id, boolean bid, BigDecimal price, BigDecimal size) {
            priceOfId.put(id, price);
            bidOfId.put(id, bid);
            (bid ? bids : asks).put(price, size);
        }
    }

    /** A price with more than 8 fractional digits: TRXU21 (tick 1e-10) is not representable. */
    private static boolean unrepresentable(JsonNode j) {
        for (JsonNode r : j.path("data")) {
            for (String f : List.of("price", "bidPrice", "askPrice")) {
                JsonNode p = r.get(f);
                if (p != null && p.isNumber() && p.decimalValue().stripTrailingZeros().scale() > 8) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void replaysThroughDecodeBookAndFeatures() throws Exception {
        Path file = CaptureReplay.file("BITMEX.ws.1.0");
        assertTrue(Files.isRegularFile(file), "missing " + file);

        // ---- independent expectations from the raw lines
        int tradeRows = 0, deadLetters = 0;
        Map<String, RefBook> books = new HashMap<>();
        Map<String, Integer> deltasAfterPartial = new HashMap<>();
        Set<String> unbooked = new LinkedHashSet<>();
        for (String payload : CaptureReplay.receivedPayloads(file)) {
            JsonNode j = JSON.readTree(payload);
            String table = j.path("table").asText();
            String action = j.path("action").asText();
            boolean decoded = table.equals("orderBookL2") || table.equals("quote")
                    || table.equals("trade") && action.equals("insert");
            if (decoded && unrepresentable(j)) {
                deadLetters++;
                if (table.equals("orderBookL2") && action.equals("partial")) {
                    unbooked.add(j.get("data").get(0).get("symbol").asText());
                }
                continue;
            }
            if (table.equals("trade") && action.equals("insert")) {
                tradeRows += j.get("data").size(); // the partial holds trades of before the session
            }
            if (!table.equals("orderBookL2")) {
                continue;
            }
            Set<String> symbols = new LinkedHashSet<>();
            for (JsonNode r : j.get("data")) {
                String s = r.get("symbol").asText();
                symbols.add(s);
                if (action.equals("partial") && !books.containsKey(s)) {
                    books.put(s, new RefBook());
                }
                RefBook b = books.get(s);
                if (b == null) {
                    continue; // no partial (yet, or not representable)
                }
                long id = r.get("id").asLong();
                boolean bid = r.get("side").asText().equals("Buy");
                switch (action) {
                    case "partial", "insert" -> b.set(id, bid, r.get("price").decimalValue(), r.get("size").decimalValue());
                    case "update" -> b.set(id, bid, b.priceOfId.get(id), r.get("size").decimalValue());
                    case "delete" -> (b.bidOfId.get(id) ? b.bids : b.asks).remove(b.priceOfId.get(id));
                    default -> throw new AssertionError(action);
                }
            }
            if (!action.equals("partial")) {
                for (String s : symbols) {
                    if (books.containsKey(s)) {
                        deltasAfterPartial.merge(s, 1, Integer::sum);
                    }
                }
            }
        }
        assertEquals(Set.of("TRXU21"), unbooked);
        assertEquals(9, books.size());

        // ---- the pipeline
        CaptureReplay r = CaptureReplay.run(file, DEPTH);
        var c = r.counters;
        System.out.println(r.summary("bitmex") + " lateBarTrades=" + c.lateBarTrades + " bars=" + c.bars
                + " featureRows=" + c.featureRows);

        assertEquals(tradeRows, c.trades, "trades = rows of the trade inserts");
        assertEquals(17, c.trades);
        assertEquals(deadLetters, c.decodeErrors, "the TRXU21 frames with 1e-10 prices");
        assertEquals(3, c.decodeErrors);
        assertEquals(9, c.snapshots, "one partial per symbol but TRXU21's");
        assertEquals(List.of(), r.gaps, "no sequence to break, and every level id resolved");
        assertEquals(0, c.gaps);
        assertEquals(List.of(), r.crossedTops);
        assertEquals(0, c.crossed);
        assertEquals(0, c.staleDiffs, "no delta of the capture precedes its partial");
        assertEquals(0, c.checksums, "BitMEX sends no checksum");
        assertEquals(0, c.pendingDropped);
        assertEquals(deltasAfterPartial, r.syncedTops, "every delta after a partial is applied to a synced book");
        assertFalse(r.syncedTops.containsKey("TRXU21"), "TRXU21's deltas wait for a partial that never decoded");
        assertEquals(1968, r.events(EventType.BOOK_DELTA));
        assertEquals(435, r.events(EventType.BBO));

        // ---- the final top 10 of every book against the independent replay
        for (Map.Entry<String, RefBook> e : books.entrySet()) {
            BookTop top = r.lastTop.get(e.getKey());
            assertNotNull(top, e.getKey());
            String s = e.getKey();
            assertArrayEquals(prices(e.getValue().bids), top.bidPrices, s + " bid prices");
            assertArrayEquals(sizes(e.getValue().bids), top.bidSizes, s + " bid sizes");
            assertArrayEquals(prices(e.getValue().asks), top.askPrices, s + " ask prices");
            assertArrayEquals(sizes(e.getValue().asks), top.askSizes, s + " ask sizes");
        }
        BookTop xbt = r.lastTop.get("XBTUSD");
        assertEquals(DEPTH, xbt.bidPrices.length);
        assertEquals("BTC-USD-PERP", xbt.symbol);
        System.out.printf("bitmex XBTUSD final top: bid %s x %s, ask %s x %s%n", books.get("XBTUSD").bids.firstKey(),
                books.get("XBTUSD").bids.firstEntry().getValue(), books.get("XBTUSD").asks.firstKey(),
                books.get("XBTUSD").asks.firstEntry().getValue());
        assertTrue(c.featureRows > 0, "features computed");
    }

    /**
     * Through the real book protocol: an update whose level id the decoder cannot resolve breaks a
     * synced book (a gap, invalid until the next partial), rows received before a partial are
     * stale, and the next partial resyncs.
     */
    @Test
    void unresolvableLevelIdsAreGapsAndAPartialResyncs() throws Exception {
        List<io.rrralgorithms.jobs.book.BookGap> gaps = new java.util.ArrayList<>();
        List<BookTop> tops = new java.util.ArrayList<>();
        io.rrralgorithms.jobs.features.InProcessPipeline p = new io.rrralgorithms.jobs.features.InProcessPipeline(
                DEPTH, 1000, 0L, new io.rrralgorithms.jobs.features.InProcessPipeline.Listener() {
                    @Override
                    public void top(BookTop t) {
                        tops.add(t);
                    }

                    @Override
                    public void gap(io.rrralgorithms.jobs.book.BookGap g) {
                        gaps.add(g);
                    }
                });
        String sym = "XBTZ21";
        long t0 = 1_626_993_368_000_000_000L;
        // a row before any partial: buffered, then stale once the partial arrives
        feed(p, t0, "update", "{\"symbol\":\"" + sym + "\",\"id\":5,\"side\":\"Buy\",\"size\":1}");
        feed(p, t0 + 1, "partial", "{\"symbol\":\"" + sym + "\",\"id\":1,\"side\":\"Sell\",\"size\":10,\"price\":33000},"
                + "{\"symbol\":\"" + sym + "\",\"id\":2,\"side\":\"Buy\",\"size\":20,\"price\":32999.5}");
        assertEquals(1, p.counters().staleDiffs);
        feed(p, t0 + 2, "update", "{\"symbol\":\"" + sym + "\",\"id\":2,\"side\":\"Buy\",\"size\":25}");
        BookTop synced = tops.get(tops.size() - 1);
        assertTrue(synced.synced);
        assertArrayEquals(new long[] {3_299_950_000_000L}, synced.bidPrices);
        assertArrayEquals(new long[] {2_500_000_000L}, synced.bidSizes);
        assertEquals(List.of(), gaps);
        // id 7 was never inserted: the book cannot follow
        feed(p, t0 + 3, "delete", "{\"symbol\":\"" + sym + "\",\"id\":7,\"side\":\"Buy\"}");
        assertEquals(1, gaps.size());
        assertTrue(gaps.get(0).reason.contains("could not resolve"), gaps.get(0).reason);
        assertTrue(!tops.get(tops.size() - 1).synced, "invalid until the next partial");
        feed(p, t0 + 4, "insert", "{\"symbol\":\"" + sym + "\",\"id\":3,\"side\":\"Buy\",\"size\":1,\"price\":32999}");
        assertEquals(1, gaps.size(), "one gap; later rows wait for a partial");
        // a resubscription's partial resyncs; the rows buffered before it are dropped as stale
        feed(p, t0 + 5, "partial", "{\"symbol\":\"" + sym + "\",\"id\":1,\"side\":\"Sell\",\"size\":4,\"price\":33000}");
        feed(p, t0 + 6, "update", "{\"symbol\":\"" + sym + "\",\"id\":1,\"side\":\"Sell\",\"size\":6}");
        BookTop resynced = tops.get(tops.size() - 1);
        assertTrue(resynced.synced);
        assertEquals(0, resynced.bidPrices.length);
        assertArrayEquals(new long[] {600_000_000L}, resynced.askSizes);
        assertEquals(1, gaps.size());
        assertEquals(0, p.counters().decodeErrors);
    }

    private static void feed(io.rrralgorithms.jobs.features.InProcessPipeline p, long receiveNs, String action, String rows) {
        byte[] payload = ("{\"table\":\"orderBookL2\",\"action\":\"" + action + "\",\"data\":[" + rows + "]}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        p.frame(new io.rrralgorithms.connectors.model.RawFrame("bitmex",
                io.rrralgorithms.connectors.venues.Venues.forFeed("bitmex").partitionKey(payload),
                io.rrralgorithms.connectors.model.FrameKind.WS, receiveNs, payload));
    }

    private static long[] prices(TreeMap<BigDecimal, BigDecimal> side) {
        return side.keySet().stream().limit(DEPTH).mapToLong(BitmexReplayTest::mantissa).toArray();
    }

    private static long[] sizes(TreeMap<BigDecimal, BigDecimal> side) {
        return side.values().stream().limit(DEPTH).mapToLong(BitmexReplayTest::mantissa).toArray();
    }

    private static long mantissa(BigDecimal d) {
        return d.movePointRight(8).longValueExact();
    }
}
