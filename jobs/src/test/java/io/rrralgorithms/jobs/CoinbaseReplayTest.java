package io.rrralgorithms.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.capture.CaptureFiles;
import io.rrralgorithms.connectors.capture.CaptureReader;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.jobs.book.BookGap;
import io.rrralgorithms.jobs.book.BookTop;
import io.rrralgorithms.jobs.features.InProcessPipeline;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Coinbase capture (level2 without sequence numbers) through the in-process pipeline:
 * decode → {@code BookSynchronizer} → features. Expectations come from the raw lines, parsed
 * here independently of the decoder.
 */
class CoinbaseReplayTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RECEIVED = Pattern.compile("^([0-9]+(?:\\.[0-9]+)?): (.*)$");
    private static final int DEPTH = 10;
    private static final String PRODUCT = "BAND-BTC";

    @Test
    void replaysThroughDecodeBookAndFeatures() throws Exception {
        Path file = SharedData.market("cryptofeed/COINBASE.ws.28.0");
        assertTrue(Files.isRegularFile(file), "missing " + file);

        // ---- independent expectations from the raw lines
        int matchFrames = 0, l2updates = 0;
        Set<String> snapshotted = new HashSet<>();
        Map<String, Integer> updatesAfterSnapshot = new HashMap<>();
        TreeMap<BigDecimal, BigDecimal> refBids = new TreeMap<>(Collections.reverseOrder());
        TreeMap<BigDecimal, BigDecimal> refAsks = new TreeMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            Matcher m = RECEIVED.matcher(line);
            if (!m.matches()) {
                continue;
            }
            JsonNode j = JSON.readTree(m.group(2));
            String type = j.get("type").asText();
            String product = j.path("product_id").asText();
            switch (type) {
                case "match" -> matchFrames++; // the trade frames (last_match is a pre-session trade: ignored)
                case "snapshot" -> {
                    snapshotted.add(product);
                    if (product.equals(PRODUCT)) {
                        refBids.clear();
                        refAsks.clear();
                        for (JsonNode l : j.get("bids")) {
                            put(refBids, l.get(0).asText(), l.get(1).asText());
                        }
                        for (JsonNode l : j.get("asks")) {
                            put(refAsks, l.get(0).asText(), l.get(1).asText());
                        }
                    }
                }
                case "l2update" -> {
                    l2updates++;
                    assertTrue(snapshotted.contains(product), "l2update of " + product + " before its snapshot");
                    updatesAfterSnapshot.merge(product, 1, Integer::sum);
                    if (product.equals(PRODUCT)) {
                        for (JsonNode c : j.get("changes")) {
                            put(c.get(0).asText().equals("buy") ? refBids : refAsks, c.get(1).asText(), c.get(2).asText());
                        }
                    }
                }
                default -> { }
            }
        }
        assertEquals(10, snapshotted.size());
        assertTrue(updatesAfterSnapshot.getOrDefault(PRODUCT, 0) > 100);

        // ---- the pipeline
        Map<String, BookTop> lastTop = new HashMap<>();
        Map<String, Integer> syncedTops = new HashMap<>();
        List<String> problems = new ArrayList<>();
        List<BookGap> gaps = new ArrayList<>();
        InProcessPipeline p = new InProcessPipeline(DEPTH, 100_000, 0L, new InProcessPipeline.Listener() {
            @Override
            public void top(BookTop t) {
                if (!t.synced) {
                    problems.add("unsynced top " + t.nativeSymbol);
                    return;
                }
                syncedTops.merge(t.nativeSymbol, 1, Integer::sum);
                if (t.bidPrices.length > 0 && t.askPrices.length > 0 && t.bidPrices[0] >= t.askPrices[0]) {
                    problems.add("crossed top " + t.nativeSymbol + " bid " + t.bidPrices[0] + " >= ask " + t.askPrices[0]);
                }
                lastTop.put(t.nativeSymbol, t);
            }

            @Override
            public void gap(BookGap g) {
                gaps.add(g);
            }
        });
        try (CaptureReader r = CaptureFiles.open(file, null)) {
            assertEquals("coinbase", r.feed());
            while (r.hasNext()) {
                p.frame(r.next());
            }
        }
        p.finish();
        InProcessPipeline.Counters c = p.counters();

        assertEquals(0, c.decodeErrors, "decode errors");
        assertEquals(matchFrames, c.trades, "trades = match frames of the file");
        assertEquals(matchFrames, c.eventsByType[EventType.TRADE.ordinal()]);
        assertEquals(List.of(), gaps, "gaps");
        assertEquals(0, c.gaps);
        assertEquals(List.of(), problems.subList(0, Math.min(10, problems.size())), "unsynced or crossed tops");
        assertEquals(0, c.crossed, "crossed books");
        assertEquals(0, c.staleDiffs, "no diff dropped: level2 has no sequence");
        assertEquals(0, c.pendingDropped);
        assertEquals(10, c.snapshots);
        assertEquals(l2updates, c.syncedTops, "every l2update applied to a synced book yields a synced top");
        assertEquals(updatesAfterSnapshot, syncedTops, "every book synced after its snapshot");

        // ---- the final top-10 of one instrument against the TreeMap replay
        BookTop top = lastTop.get(PRODUCT);
        assertNotNull(top);
        assertArrayEquals(prices(refBids), top.bidPrices, "bid prices");
        assertArrayEquals(sizes(refBids), top.bidSizes, "bid sizes");
        assertArrayEquals(prices(refAsks), top.askPrices, "ask prices");
        assertArrayEquals(sizes(refAsks), top.askSizes, "ask sizes");
        System.out.printf("coinbase replay: frames=%d trades=%d deltas=%d snapshots=%d syncedTops=%d gaps=%d"
                + " crossed=%d bars=%d featureRows=%d; %s top bid %s ask %s%n", c.frames, c.trades,
                c.eventsByType[EventType.BOOK_DELTA.ordinal()], c.snapshots, c.syncedTops, c.gaps, c.crossed, c.bars,
                c.featureRows, PRODUCT, refBids.firstKey(), refAsks.firstKey());
        assertTrue(c.featureRows > 0, "features computed");
    }

    private static void put(TreeMap<BigDecimal, BigDecimal> side, String price, String size) {
        BigDecimal px = new BigDecimal(price);
        BigDecimal sz = new BigDecimal(size);
        if (sz.signum() == 0) {
            side.remove(px);
        } else {
            side.put(px, sz);
        }
    }

    private static long[] prices(TreeMap<BigDecimal, BigDecimal> side) {
        return side.keySet().stream().limit(DEPTH).mapToLong(CoinbaseReplayTest::mantissa).toArray();
    }

    private static long[] sizes(TreeMap<BigDecimal, BigDecimal> side) {
        return side.values().stream().limit(DEPTH).mapToLong(CoinbaseReplayTest::mantissa).toArray();
    }

    private static long mantissa(BigDecimal d) {
        return d.movePointRight(8).longValueExact();
    }
}
