package io.rrralgorithms.jobs.venues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.ReferenceBook;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Bitstamp capture (diff_order_book + live_trades of 10 pairs) with its REST snapshots in the
 * replay contract: trades, the diffs at or before each snapshot's microtimestamp (stale), and a
 * TreeMap replay of each book (snapshot, then the later diffs). Microtimestamps never go back.
 */
final class BitstampReplayOracle {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BitstampReplayOracle() {}

    static RawReplay oracle(List<Path> files) throws Exception {
        RawReplay e = new RawReplay();
        Map<String, Long> snapMicros = new HashMap<>();
        Map<String, ReferenceBook> books = new HashMap<>();
        for (CaptureLines.Rest r : CaptureLines.rest(CaptureReplay.file("BITSTAMP.http.0.0"), "/order_book/")) {
            String pair = r.url().substring(r.url().lastIndexOf('/') + 1);
            JsonNode b = JSON.readTree(r.body());
            snapMicros.put(pair, Long.parseLong(b.get("microtimestamp").asText()));
            books.put(pair, new ReferenceBook());
            apply(books.get(pair), b);
            e.frames++;
            e.snapshots++;
        }
        for (String p : CaptureLines.payloads(files.get(0))) {
            e.frames++;
            JsonNode j = JSON.readTree(p);
            JsonNode d = j.get("data");
            switch (j.get("event").asText()) {
                case "trade" -> {
                    e.trades++;
                    boolean buy = d.get("type").asInt() == 0;
                    assertEquals(buy, d.get("buy_order_id").asLong() > d.get("sell_order_id").asLong(),
                            "type names the side of the later order, the taker");
                    e.count("taker buys", buy ? 1 : 0);
                }
                case "data" -> {
                    e.deltas++;
                    String pair = j.get("channel").asText().substring("diff_order_book_".length());
                    if (Long.parseLong(d.get("microtimestamp").asText()) <= snapMicros.get(pair)) {
                        e.stale++;
                        continue;
                    }
                    e.syncedTop(pair);
                    e.books.put(pair, books.get(pair)); // a snapshot without diffs reports no top
                    apply(books.get(pair), d);
                }
                default -> e.ignored++;
            }
        }
        return e;
    }

    private static void apply(ReferenceBook book, JsonNode levels) {
        for (boolean bid : new boolean[] {true, false}) {
            for (JsonNode l : levels.get(bid ? "bids" : "asks")) {
                book.set(bid, l.get(0).asText(), l.get(1).asText());
            }
        }
    }

    static void extra(RawReplay e, CaptureReplay r) {
        assertEquals(1, e.fact("taker buys"), "one taker buy, nine taker sells (ethusd)");
        assertNull(e.syncedTops.get("sgbeur"), "no diff for sgbeur during the 30 s");
        assertEquals("ETH-USD", r.lastTop.get("ethusd").symbol);
    }
}
