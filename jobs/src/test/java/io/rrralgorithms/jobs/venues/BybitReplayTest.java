package io.rrralgorithms.jobs.venues;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.capture.CaptureFiles;
import io.rrralgorithms.connectors.capture.CaptureReader;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.jobs.book.BookGap;
import io.rrralgorithms.jobs.book.BookTop;
import io.rrralgorithms.jobs.features.InProcessPipeline;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The Bybit captures of 2021-04-17 ({@code BYBIT.ws.25.0}: 8 USDT perpetuals on
 * {@code realtime_public}; {@code BYBIT.ws.26.0}: BTCUSD and EOSUSD on {@code realtime}; ~30 s,
 * orderBookL2_25 and trade) through the in-process pipeline as one feed. Expectations from the raw
 * lines with Jackson: trade rows, snapshots, deltas, the per-symbol {@code cross_seq} order, and a
 * TreeMap replay of every symbol's book (snapshot, then delete / update / insert rows by price)
 * for its final 25 levels a side, which also shows the venue keeps exactly 25 levels a side.
 */
class BybitReplayTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final int TOP = 25;
    private static final List<String> FILES = List.of("BYBIT.ws.25.0", "BYBIT.ws.26.0");

    @Test
    void replaysWithIncreasingCrossSeqAndExactBooks() throws Exception {
        // ---- independent expectations
        int trades = 0, tradeFrames = 0, deltas = 0, snapshots = 0, acks = 0, seqNotIncreasing = 0, outsideWindow = 0;
        Map<String, Long> seq = new HashMap<>();
        Map<String, TreeMap<BigDecimal, BigDecimal>> refAsks = new HashMap<>();
        Map<String, TreeMap<BigDecimal, BigDecimal>> refBids = new HashMap<>();
        Map<String, Integer> deltasPerSymbol = new TreeMap<>();
        List<Path> paths = new ArrayList<>();
        for (String name : FILES) {
            Path file = CaptureReplay.file(name);
            paths.add(file);
            for (String s : CaptureReplay.receivedPayloads(file)) {
                JsonNode j = JSON.readTree(s);
                if (j.path("success").asBoolean(false)) {
                    acks++;
                    continue;
                }
                String topic = j.get("topic").asText();
                String sym = topic.substring(topic.lastIndexOf('.') + 1);
                if (topic.startsWith("trade.")) {
                    tradeFrames++;
                    trades += j.get("data").size();
                    continue;
                }
                assertTrue(topic.startsWith("orderBookL2_25."), topic);
                long cs = Long.parseLong(j.get("cross_seq").asText());
                if (j.get("type").asText().equals("snapshot")) {
                    snapshots++;
                    TreeMap<BigDecimal, BigDecimal> a = new TreeMap<>(), b = new TreeMap<>(Collections.reverseOrder());
                    JsonNode rows = j.get("data").isArray() ? j.get("data") : j.get("data").get("order_book");
                    for (JsonNode r : rows) {
                        put(r.get("side").asText().equals("Buy") ? b : a, r.get("price"), r.get("size"));
                    }
                    refAsks.put(sym, a);
                    refBids.put(sym, b);
                } else {
                    deltas++;
                    deltasPerSymbol.merge(sym, 1, Integer::sum);
                    if (cs <= seq.get(sym)) {
                        seqNotIncreasing++;
                    }
                    for (String kind : List.of("delete", "update", "insert")) {
                        for (JsonNode r : j.get("data").get(kind)) {
                            TreeMap<BigDecimal, BigDecimal> side = r.get("side").asText().equals("Buy")
                                    ? refBids.get(sym) : refAsks.get(sym);
                            if (kind.equals("delete")) {
                                assertNotNull(side.remove(new BigDecimal(r.get("price").asText())), "deleted level exists");
                            } else {
                                put(side, r.get("price"), r.get("size"));
                            }
                        }
                    }
                    if (refBids.get(sym).size() != TOP || refAsks.get(sym).size() != TOP) {
                        outsideWindow++;
                    }
                }
                seq.put(sym, cs);
            }
        }
        assertEquals(251, trades);
        assertEquals(142, tradeFrames);
        assertEquals(4268, deltas);
        assertEquals(10, snapshots);
        assertEquals(20, acks);
        assertEquals(0, seqNotIncreasing, "cross_seq strictly increases per symbol");
        assertEquals(0, outsideWindow, "after every delta each book holds exactly 25 levels a side");

        // ---- the pipeline
        CaptureReplay r = CaptureReplay.run(paths, TOP);
        System.out.println(r.summary("bybit (BYBIT.ws.25.0 + BYBIT.ws.26.0)"));
        assertEquals(0, r.counters.decodeErrors);
        assertEquals(tradeFrames + deltas + snapshots + acks, r.counters.frames);
        assertEquals(trades, r.counters.trades, "trades = trade rows (no pre-session trade snapshot on Bybit)");
        assertEquals(deltas, r.events(EventType.BOOK_DELTA));
        assertEquals(snapshots, r.counters.snapshots);
        assertEquals(0, r.events(EventType.BBO), "no instrument_info recorded");
        assertEquals(acks, r.counters.ignoredFrames, "subscription replies");
        assertEquals(0, r.counters.gaps);
        assertEquals(List.of(), r.gaps);
        assertEquals(0, r.counters.staleDiffs);
        assertEquals(0, r.counters.checksums, "Bybit v2 sends no checksum");
        assertEquals(List.of(), r.crossedTops);
        assertEquals(0, r.counters.crossed);
        assertEquals(deltas, r.counters.syncedTops);
        assertEquals(deltasPerSymbol, new TreeMap<>(r.syncedTops));
        for (String s : refAsks.keySet()) {
            BookTop top = r.lastTop.get(s);
            assertNotNull(top, s);
            assertEquals((long) seq.get(s), top.lastUpdateId, s + " last cross_seq");
            assertArrayEquals(prices(refBids.get(s)), top.bidPrices, s + " bid prices");
            assertArrayEquals(sizes(refBids.get(s)), top.bidSizes, s + " bid sizes");
            assertArrayEquals(prices(refAsks.get(s)), top.askPrices, s + " ask prices");
            assertArrayEquals(sizes(refAsks.get(s)), top.askSizes, s + " ask sizes");
        }
        assertEquals(10, refAsks.size());
        assertTrue(r.counters.featureRows > 0);
    }

    /**
     * cross_seq is not contiguous, so a lost delta cannot be seen; what the rules do catch is a
     * delta older than the book (a redelivery): it is dropped, no gap, and the book ends as in the
     * full replay.
     */
    @Test
    void aRedeliveredDeltaIsDroppedWithoutAGap() throws Exception {
        List<BookGap> gaps = new ArrayList<>();
        Map<String, BookTop> last = new HashMap<>();
        InProcessPipeline p = new InProcessPipeline(TOP, 100_000, 0L, new InProcessPipeline.Listener() {
            @Override
            public void top(BookTop t) {
                if (t.synced) {
                    last.put(t.nativeSymbol, t);
                }
            }

            @Override
            public void gap(BookGap g) {
                gaps.add(g);
            }
        });
        int btcDeltas = 0;
        RawFrame replay = null;
        try (CaptureReader r = CaptureFiles.open(CaptureReplay.file("BYBIT.ws.26.0"), null)) {
            while (r.hasNext()) {
                RawFrame f = r.next();
                String s = new String(f.payload, StandardCharsets.UTF_8);
                p.frame(f);
                if (s.startsWith("{\"topic\":\"orderBookL2_25.BTCUSD\",\"type\":\"delta\"")) {
                    btcDeltas++;
                    if (btcDeltas == 100) {
                        replay = f;
                    } else if (btcDeltas == 101) {
                        p.frame(replay); // the 100th again, after the 101st
                    }
                }
            }
        }
        p.finish();
        assertEquals(List.of(), gaps);
        assertEquals(1, p.counters().staleDiffs, "the redelivered delta is dropped as one the book holds");
        assertEquals(1, p.counters().eventsByType[EventType.BOOK_DELTA.ordinal()] - 1016, "decoded twice");
        CaptureReplay full = CaptureReplay.run(CaptureReplay.file("BYBIT.ws.26.0"), TOP);
        BookTop a = last.get("BTCUSD");
        BookTop b = full.lastTop.get("BTCUSD");
        assertEquals(b.lastUpdateId, a.lastUpdateId);
        assertArrayEquals(b.bidPrices, a.bidPrices);
        assertArrayEquals(b.bidSizes, a.bidSizes);
        assertArrayEquals(b.askPrices, a.askPrices);
        assertArrayEquals(b.askSizes, a.askSizes);
    }

    private static void put(TreeMap<BigDecimal, BigDecimal> side, JsonNode price, JsonNode size) {
        BigDecimal px = new BigDecimal(price.asText());
        BigDecimal sz = size.decimalValue();
        if (sz.signum() == 0) {
            side.remove(px);
        } else {
            side.put(px, sz);
        }
    }

    private static long[] prices(TreeMap<BigDecimal, BigDecimal> side) {
        return side.keySet().stream().limit(TOP).mapToLong(d -> d.movePointRight(8).longValueExact()).toArray();
    }

    private static long[] sizes(TreeMap<BigDecimal, BigDecimal> side) {
        return side.values().stream().limit(TOP).mapToLong(d -> d.movePointRight(8).longValueExact()).toArray();
    }
}
