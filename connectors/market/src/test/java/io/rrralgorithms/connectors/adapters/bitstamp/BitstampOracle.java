package io.rrralgorithms.connectors.adapters.bitstamp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.adapters.RawCounts;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.ReferenceBook;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw-line oracle of the Bitstamp capture (diff_order_book + live_trades of 10 pairs) with the
 * REST books of the joined {@code .http} file, for both venue contracts: trades, the diffs at or
 * before each snapshot's microtimestamp (stale), and a TreeMap replay of each book (snapshot, then
 * the later diffs). Microtimestamps never go back.
 */
public final class BitstampOracle {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BitstampOracle() {}

    public static RawCounts count(List<Path> files) throws Exception {
        RawCounts raw = new RawCounts();
        Map<String, Long> snapMicros = new HashMap<>();
        Map<String, ReferenceBook> books = new HashMap<>();
        for (CaptureLines.Rest r : CaptureLines.rest(files.get(0).resolveSibling("BITSTAMP.http.0.0"), "/api/v2/order_book/")) {
            String pair = r.url().substring(r.url().lastIndexOf('/') + 1);
            JsonNode b = JSON.readTree(r.body());
            snapMicros.put(pair, Long.parseLong(b.get("microtimestamp").asText()));
            books.put(pair, new ReferenceBook());
            apply(books.get(pair), b);
            raw.frames++;
            raw.snapshots++;
        }
        for (String p : CaptureLines.payloads(files.get(0))) {
            raw.frames++;
            JsonNode j = JSON.readTree(p);
            JsonNode d = j.get("data");
            String ch = j.get("channel").asText();
            String channel = ch.substring(0, ch.lastIndexOf('_'));
            String pair = ch.substring(ch.lastIndexOf('_') + 1);
            // diffs (not order_book_ snapshots), trades; no heartbeat or request_reconnect
            switch (j.get("event").asText() + ":" + channel) {
                case "bts:subscription_succeeded:diff_order_book", "bts:subscription_succeeded:live_trades" -> {
                    raw.ignored++;
                    raw.count("subscribed:" + channel, 1);
                }
                case "trade:live_trades" -> {
                    raw.trades++;
                    boolean buy = d.get("type").asInt() == 0;
                    assertEquals(buy, d.get("buy_order_id").asLong() > d.get("sell_order_id").asLong(),
                            "type names the side of the later order, the taker");
                    raw.count("taker buys", buy ? 1 : 0);
                }
                case "data:diff_order_book" -> {
                    raw.deltas++;
                    if (Long.parseLong(d.get("microtimestamp").asText()) <= snapMicros.get(pair)) {
                        raw.stale++;
                        continue;
                    }
                    raw.syncedTop(pair);
                    raw.books.put(pair, books.get(pair)); // a snapshot without diffs reports no top
                    apply(books.get(pair), d);
                }
                default -> throw new AssertionError(p);
            }
        }
        return raw;
    }

    private static void apply(ReferenceBook book, JsonNode levels) {
        for (boolean bid : new boolean[] {true, false}) {
            for (JsonNode l : levels.get(bid ? "bids" : "asks")) {
                book.set(bid, l.get(0).asText(), l.get(1).asText());
            }
        }
    }
}
