package io.rrralgorithms.connectors.adapters.bybit;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.adapters.RawCounts;
import io.rrralgorithms.connectors.testkit.ReferenceBook;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The raw-line oracle of the Bybit captures of 2021-04-17 ({@code BYBIT.ws.25.0}: 8 USDT perpetuals
 * on {@code realtime_public}; {@code BYBIT.ws.26.0}: BTCUSD and EOSUSD on {@code realtime}; ~30 s,
 * orderBookL2_25 and trade) for both venue contracts: trade rows, snapshots, deltas, every frame's
 * key (the topic's symbol; none for a subscription reply), the per-symbol {@code cross_seq} order,
 * and a TreeMap replay of every symbol's book (snapshot, then delete / update / insert rows by
 * price), which also shows the venue keeps exactly 25 levels a side.
 */
public final class BybitOracle {
    private static final int WINDOW = 25;

    private BybitOracle() {}

    public static RawCounts count(List<Path> files) throws Exception {
        RawCounts raw = new RawCounts();
        raw.keys = new ArrayList<>();
        for (JsonNode j : raw.json(files)) {
            if (j.path("success").asBoolean(false)) {
                raw.ignored++; // subscription replies
                raw.keys.add(null);
                continue;
            }
            String topic = j.get("topic").asText();
            String sym = topic.substring(topic.lastIndexOf('.') + 1);
            raw.keys.add(sym);
            if (topic.startsWith("trade.")) {
                raw.count("trade frames", 1);
                raw.trades += j.get("data").size();
                continue;
            }
            assertTrue(topic.startsWith("orderBookL2_25."), topic);
            ReferenceBook b = raw.book(sym);
            long crossSeq = Long.parseLong(j.get("cross_seq").asText());
            if (j.get("type").asText().equals("snapshot")) {
                raw.snapshots++;
                JsonNode rows = j.get("data").isArray() ? j.get("data") : j.get("data").get("order_book");
                rows.forEach(r -> b.set(r.get("side").asText().equals("Buy"), price(r), r.get("size").decimalValue()));
            } else {
                assertTrue(j.get("type").asText().equals("delta"), j.toString());
                raw.deltas++;
                raw.syncedTop(sym);
                raw.count("cross_seq not increasing", crossSeq <= b.lastUpdateId ? 1 : 0);
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
                raw.count("books outside the 25-level window", b.bids.size() != WINDOW || b.asks.size() != WINDOW ? 1 : 0);
            }
            b.lastUpdateId = crossSeq;
        }
        return raw;
    }

    private static BigDecimal price(JsonNode row) {
        return new BigDecimal(row.get("price").asText());
    }
}
