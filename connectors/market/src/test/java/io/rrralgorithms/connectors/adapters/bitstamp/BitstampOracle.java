package io.rrralgorithms.connectors.adapters.bitstamp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.adapters.RawCounts;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import java.nio.file.Path;
import java.util.List;

/**
 * The raw-line oracle of the Bitstamp capture (diff_order_book + live_trades of 10 pairs) with the
 * REST books of the joined {@code .http} file, for both venue contracts: trades, the diffs at or
 * before each snapshot's microtimestamp (stale), and a TreeMap replay of each book (snapshot, then
 * the later diffs; its id the snapshot's microtimestamp). Microtimestamps never go back.
 */
public final class BitstampOracle {
    private BitstampOracle() {}

    public static RawCounts count(List<Path> files) throws Exception {
        RawCounts raw = new RawCounts();
        for (CaptureLines.Rest r : CaptureLines.rest(files.get(0).resolveSibling("BITSTAMP.http.0.0"), "/api/v2/order_book/")) {
            JsonNode b = RawCounts.JSON.readTree(r.body());
            raw.book(r.url().substring(r.url().lastIndexOf('/') + 1)).snapshot(Long.parseLong(b.get("microtimestamp").asText()))
                    .apply(b.get("bids"), b.get("asks"));
            raw.frames++;
            raw.snapshots++;
        }
        for (JsonNode j : raw.json(files)) {
            JsonNode d = j.get("data");
            String ch = j.get("channel").asText();
            String channel = ch.substring(0, ch.lastIndexOf('_'));
            String pair = ch.substring(ch.lastIndexOf('_') + 1);
            // diffs (not order_book_ snapshots), trades; no heartbeat or request_reconnect
            switch (j.get("event").asText() + ":" + channel) {
                case "bts:subscription_succeeded:diff_order_book", "bts:subscription_succeeded:live_trades" ->
                        raw.ignore("subscribed:" + channel);
                case "trade:live_trades" -> {
                    raw.trades++;
                    boolean buy = d.get("type").asInt() == 0;
                    assertEquals(buy, d.get("buy_order_id").asLong() > d.get("sell_order_id").asLong(),
                            "type names the side of the later order, the taker");
                    raw.count("taker buys", buy ? 1 : 0);
                }
                case "data:diff_order_book" -> {
                    raw.deltas++;
                    if (Long.parseLong(d.get("microtimestamp").asText()) <= raw.books.get(pair).lastUpdateId) {
                        raw.stale++;
                    } else {
                        raw.syncedTop(pair);
                        raw.books.get(pair).apply(d.get("bids"), d.get("asks"));
                    }
                }
                default -> throw new AssertionError(j.toString());
            }
        }
        raw.books.keySet().retainAll(raw.syncedTops.keySet()); // a snapshot without diffs reports no top
        raw.books.values().forEach(b -> b.lastUpdateId = -1); // a microtimestamp, not the top's update id
        return raw;
    }
}
