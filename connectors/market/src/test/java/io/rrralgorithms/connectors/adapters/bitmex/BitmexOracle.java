package io.rrralgorithms.connectors.adapters.bitmex;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.adapters.RawCounts;
import io.rrralgorithms.connectors.testkit.Mantissa;
import io.rrralgorithms.connectors.testkit.ReferenceBook;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The raw-line oracle of the BitMEX capture ({@code orderBookL2} without sequence numbers, quote and
 * trade tables of 10 perpetuals and futures, July 2021) for both venue contracts: frames per
 * {@code table:action}, one event per symbol of a book frame, every book replayed id → price
 * independently of the decoder; a frame no long mantissa scale holds is a dead letter (TRXU21's
 * 1e-10 ticks fit at scale 10), its book then never syncs ("unbooked").
 */
public final class BitmexOracle {
    private BitmexOracle() {}

    public static RawCounts count(List<Path> files) throws Exception {
        RawCounts raw = new RawCounts();
        Map<Long, BigDecimal> priceOfId = new HashMap<>(); // ids are unique across the capture's books
        Map<Long, Boolean> bidOfId = new HashMap<>();
        Set<String> unbooked = new LinkedHashSet<>();
        Set<String> symbols = new TreeSet<>();
        for (JsonNode j : raw.json(files)) {
            String table = j.path("table").asText();
            String action = j.path("action").asText();
            raw.count(j.has("table") ? table + ":" + action : j.has("info") ? "info" : j.has("success") ? "success" : "?", 1);
            j.path("data").forEach(r -> symbols.add(r.get("symbol").asText()));
            if (!table.equals("orderBookL2") && !table.equals("quote") && !(table.equals("trade") && action.equals("insert"))) {
                raw.ignored++; // info, subscribe replies, the trade partials (of before the session)
                continue;
            }
            if (!Mantissa.holdable(RawCounts.decimals(j.get("data"), "price", "size", "bidPrice", "askPrice", "bidSize",
                    "askSize"))) {
                raw.decodeErrors++;
                if (table.equals("orderBookL2") && action.equals("partial")) {
                    unbooked.add(j.get("data").get(0).get("symbol").asText());
                }
                continue;
            }
            switch (table) {
                case "trade" -> raw.trades += j.get("data").size();
                case "quote" -> raw.bbo += j.get("data").size();
                default -> book(raw, j, action, priceOfId, bidOfId);
            }
        }
        raw.count("unbooked " + String.join(",", unbooked), 1);
        raw.count("symbols", symbols.size());
        return raw;
    }

    private static void book(RawCounts raw, JsonNode j, String action, Map<Long, BigDecimal> priceOfId,
            Map<Long, Boolean> bidOfId) {
        Set<String> symbols = new LinkedHashSet<>();
        for (JsonNode r : j.get("data")) {
            String s = r.get("symbol").asText();
            if (action.equals("partial") && symbols.add(s) && !raw.books.containsKey(s)) {
                raw.snapshots++;
                raw.book(s);
            }
            symbols.add(s);
            ReferenceBook b = raw.books.get(s);
            if (b == null) {
                continue; // no partial (yet, or not representable)
            }
            long id = r.get("id").asLong();
            boolean bid = r.get("side").asText().equals("Buy");
            switch (action) {
                case "partial", "insert" -> {
                    priceOfId.put(id, r.get("price").decimalValue());
                    bidOfId.put(id, bid);
                    b.side(bid).put(r.get("price").decimalValue(), r.get("size").decimalValue());
                }
                case "update" -> b.side(bid).put(priceOfId.get(id), r.get("size").decimalValue());
                case "delete" -> b.side(bidOfId.get(id)).remove(priceOfId.get(id));
                default -> throw new AssertionError(action);
            }
        }
        if (!action.equals("partial")) {
            raw.deltas += symbols.size(); // one event per symbol of the frame
            symbols.stream().filter(raw.books::containsKey).forEach(raw::syncedTop);
        }
    }
}
