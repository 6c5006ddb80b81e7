package io.rrralgorithms.jobs.venues;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.adapters.RawCounts;
import io.rrralgorithms.connectors.capture.CaptureFiles;
import io.rrralgorithms.connectors.capture.CaptureReader;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.ReferenceBook;
import io.rrralgorithms.jobs.book.BookGap;
import io.rrralgorithms.jobs.book.BookTop;
import io.rrralgorithms.jobs.features.InProcessPipeline;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Bybit captures of 2021-04-17 ({@code BYBIT.ws.25.0}: 8 USDT perpetuals on
 * {@code realtime_public}; {@code BYBIT.ws.26.0}: BTCUSD and EOSUSD on {@code realtime}; ~30 s,
 * orderBookL2_25 and trade) as one feed in the replay contract: trade rows, snapshots, deltas, the
 * per-symbol {@code cross_seq} order, and a TreeMap replay of every symbol's book (snapshot, then
 * delete / update / insert rows by price), which also shows the venue keeps exactly 25 levels a side.
 */
class BybitReplayTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    static final int TOP = 25;

    static RawCounts oracle(List<Path> files) throws Exception {
        RawCounts e = new RawCounts();
        for (Path file : files) {
            for (String s : CaptureLines.payloads(file)) {
                e.frames++;
                JsonNode j = JSON.readTree(s);
                if (j.path("success").asBoolean(false)) {
                    e.ignored++;
                    continue;
                }
                String topic = j.get("topic").asText();
                String sym = topic.substring(topic.lastIndexOf('.') + 1);
                if (topic.startsWith("trade.")) {
                    e.count("trade frames", 1);
                    e.trades += j.get("data").size();
                    continue;
                }
                assertTrue(topic.startsWith("orderBookL2_25."), topic);
                ReferenceBook b = e.book(sym);
                long crossSeq = Long.parseLong(j.get("cross_seq").asText());
                if (j.get("type").asText().equals("snapshot")) {
                    e.snapshots++;
                    JsonNode rows = j.get("data").isArray() ? j.get("data") : j.get("data").get("order_book");
                    rows.forEach(r -> b.set(r.get("side").asText().equals("Buy"), price(r), r.get("size").decimalValue()));
                } else {
                    e.deltas++;
                    e.syncedTop(sym);
                    e.count("cross_seq not increasing", crossSeq <= b.lastUpdateId ? 1 : 0);
                    for (String kind : List.of("delete", "update", "insert")) {
                        for (JsonNode r : j.get("data").get(kind)) {
                            boolean bid = r.get("side").asText().equals("Buy");
                            if (kind.equals("delete")) {
                                assertNotNull(b.side(bid).remove(price(r)), "deleted level exists");
                            } else {
                                b.set(bid, price(r), r.get("size").decimalValue());
                            }
                        }
                    }
                    e.count("books outside the 25-level window", b.bids.size() != TOP || b.asks.size() != TOP ? 1 : 0);
                }
                b.lastUpdateId = crossSeq;
            }
        }
        return e;
    }

    private static BigDecimal price(JsonNode row) {
        return new BigDecimal(row.get("price").asText());
    }

    static void extra(RawCounts e, CaptureReplay r) {
        assertEquals(142, e.fact("trade frames"));
        assertEquals(0, e.fact("cross_seq not increasing"), "cross_seq strictly increases per symbol");
        assertEquals(0, e.fact("books outside the 25-level window"), "after every delta each book holds exactly 25 levels a side");
        assertEquals(10, e.books.size());
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
}
