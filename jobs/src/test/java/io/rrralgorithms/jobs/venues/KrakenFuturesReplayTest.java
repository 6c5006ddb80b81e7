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
 * The Kraken Futures capture of 2021-07-22 (10 inverse contracts, ~30 s; book, trade,
 * ticker_lite) through the in-process pipeline. Expectations from the raw lines with Jackson: the
 * trade frames (trade_snapshot excluded), the per-product seq chain, and a TreeMap replay of every
 * product's book for its final top 10. A copy of the stream with one book frame removed must
 * show exactly one gap.
 */
class KrakenFuturesReplayTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final int TOP = 10;

    @Test
    void replaysWithContinuousSequencesAndExactBooks() throws Exception {
        Path file = CaptureReplay.file("KRAKEN_FUTURES.ws.1.0");

        // ---- independent expectations
        int trades = 0, tradeSnapshots = 0, deltas = 0, snapshots = 0, seqBreaks = 0, tickers = 0;
        Map<String, Long> seq = new HashMap<>();
        Map<String, TreeMap<BigDecimal, BigDecimal>> refAsks = new HashMap<>();
        Map<String, TreeMap<BigDecimal, BigDecimal>> refBids = new HashMap<>();
        Map<String, Integer> deltasPerProduct = new TreeMap<>();
        for (String s : CaptureReplay.receivedPayloads(file)) {
            JsonNode j = JSON.readTree(s);
            if (j.has("event")) {
                continue; // info, subscribed (whose "feed" names the subscribed feed)
            }
            String p = j.path("product_id").asText();
            switch (j.path("feed").asText()) {
                case "trade" -> trades++;
                case "trade_snapshot" -> tradeSnapshots++;
                case "ticker_lite" -> tickers++;
                case "book_snapshot" -> {
                    snapshots++;
                    seq.put(p, j.get("seq").asLong());
                    TreeMap<BigDecimal, BigDecimal> a = new TreeMap<>(), b = new TreeMap<>(Collections.reverseOrder());
                    j.get("asks").forEach(l -> put(a, l.get("price"), l.get("qty")));
                    j.get("bids").forEach(l -> put(b, l.get("price"), l.get("qty")));
                    refAsks.put(p, a);
                    refBids.put(p, b);
                }
                case "book" -> {
                    deltas++;
                    deltasPerProduct.merge(p, 1, Integer::sum);
                    long q = j.get("seq").asLong();
                    if (q != seq.get(p) + 1) {
                        seqBreaks++;
                    }
                    seq.put(p, q);
                    put(j.get("side").asText().equals("buy") ? refBids.get(p) : refAsks.get(p), j.get("price"), j.get("qty"));
                }
                default -> { }
            }
        }
        assertEquals(3, trades);
        assertEquals(10, tradeSnapshots);
        assertEquals(7014, deltas);
        assertEquals(10, snapshots);
        assertEquals(107, tickers);
        assertEquals(0, seqBreaks, "the recorded seq chains are unbroken");

        // ---- the pipeline
        CaptureReplay r = CaptureReplay.run(file, TOP);
        System.out.println(r.summary("kraken-futures (KRAKEN_FUTURES.ws.1.0)"));
        assertEquals(0, r.counters.decodeErrors);
        assertEquals(7175, r.counters.frames);
        assertEquals(trades, r.counters.trades, "trades = trade frames; trade_snapshot (pre-session) not counted");
        assertEquals(deltas, r.events(EventType.BOOK_DELTA));
        assertEquals(snapshots, r.counters.snapshots);
        assertEquals(tickers, r.events(EventType.BBO));
        assertEquals(1 + 30 + tradeSnapshots, r.counters.ignoredFrames, "info, subscribed, trade_snapshot");
        assertEquals(seqBreaks, r.counters.gaps);
        assertEquals(List.of(), r.gaps);
        assertEquals(0, r.counters.staleDiffs);
        assertEquals(0, r.counters.checksums, "Kraken Futures sends no checksum");
        assertEquals(List.of(), r.crossedTops);
        assertEquals(0, r.counters.crossed);
        assertEquals(deltas, r.counters.syncedTops);
        assertEquals(deltasPerProduct, new TreeMap<>(r.syncedTops));
        for (String p : refAsks.keySet()) {
            BookTop top = r.lastTop.get(p);
            assertNotNull(top, p);
            assertEquals((long) seq.get(p), top.lastUpdateId, p + " last seq");
            assertArrayEquals(prices(refBids.get(p)), top.bidPrices, p + " bid prices");
            assertArrayEquals(sizes(refBids.get(p)), top.bidSizes, p + " bid sizes");
            assertArrayEquals(prices(refAsks.get(p)), top.askPrices, p + " ask prices");
            assertArrayEquals(sizes(refAsks.get(p)), top.askSizes, p + " ask sizes");
        }
        assertEquals(10, refAsks.size());
        assertTrue(r.counters.featureRows > 0);
    }

    @Test
    void aMissingBookFrameIsExactlyOneGap() throws Exception {
        List<BookGap> gaps = new ArrayList<>();
        InProcessPipeline p = new InProcessPipeline(TOP, 100_000, 0L, new InProcessPipeline.Listener() {
            @Override
            public void top(BookTop t) {}

            @Override
            public void gap(BookGap g) {
                gaps.add(g);
            }
        });
        int pethBook = 0;
        long droppedSeq = -1;
        try (CaptureReader r = CaptureFiles.open(CaptureReplay.file("KRAKEN_FUTURES.ws.1.0"), null)) {
            while (r.hasNext()) {
                RawFrame f = r.next();
                String s = new String(f.payload, StandardCharsets.UTF_8);
                if (s.startsWith("{\"feed\":\"book\",\"product_id\":\"PI_ETHUSD\"") && ++pethBook == 100) {
                    droppedSeq = JSON.readTree(s).get("seq").asLong();
                    continue; // lost
                }
                p.frame(f);
            }
        }
        p.finish();
        assertEquals(1, gaps.size(), gaps.toString());
        BookGap g = gaps.get(0);
        assertEquals("PI_ETHUSD", g.nativeSymbol);
        assertEquals(droppedSeq - 1, g.lastUpdateId);
        assertEquals(droppedSeq + 1, g.updateId);
        assertEquals("sequence break: expected seq " + droppedSeq, g.reason);
        assertEquals(1, p.counters().gaps);
    }

    private static void put(TreeMap<BigDecimal, BigDecimal> side, JsonNode price, JsonNode qty) {
        BigDecimal px = price.decimalValue();
        BigDecimal sz = qty.decimalValue();
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
