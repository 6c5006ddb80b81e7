package io.rrralgorithms.connectors.adapters.poloniex;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.adapters.RawCounts;
import io.rrralgorithms.connectors.testkit.ReferenceBook;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

/**
 * The raw-line oracle of the Poloniex capture ({@code POLONIEX.ws.1.0}, August 2022, API v3:
 * {@code book_lv2} and {@code trades} of 11 spot pairs, ~30 s) for both venue contracts: frames per
 * event or channel/action as facts, acknowledgements ignored, frames no long mantissa scale holds
 * dead letters; per symbol the documented chain ({@link RawCounts#chained}: {@code lastId} must be
 * the book's {@code id}); afterwards no side may hold more than the 20 levels of the window, nor
 * fewer where it held 20 ("books outside the window").
 */
public final class PoloniexOracle {
    static final int WINDOW = 20;

    private PoloniexOracle() {}

    public static RawCounts count(List<Path> files) throws Exception {
        RawCounts raw = new RawCounts();
        for (JsonNode j : raw.json(files)) {
            if (j.has("event")) {
                raw.ignore("event:" + j.get("event").asText());
                continue;
            }
            String channel = j.get("channel").asText();
            String kind = channel + (j.has("action") ? ":" + j.get("action").asText() : "");
            raw.count(kind, 1);
            List<BigDecimal> values = RawCounts.decimals(j.get("data"), "price", "quantity");
            j.get("data").forEach(d -> values.addAll(RawCounts.levels(d.path("bids"), d.path("asks"))));
            if (raw.dead(kind, values)) {
                continue;
            }
            for (JsonNode d : j.get("data")) {
                switch (channel) {
                    case "trades" -> {
                        raw.trades++;
                        raw.count("taker " + d.get("takerSide").asText(), 1);
                    }
                    case "book_lv2" -> book(raw, d, j.get("action").asText().equals("snapshot"));
                    default -> throw new AssertionError("unknown channel " + j);
                }
            }
        }
        raw.keepSyncedBooks();
        return raw;
    }

    private static void book(RawCounts raw, JsonNode d, boolean snapshot) {
        String symbol = d.get("symbol").asText();
        long id = d.get("id").asLong();
        if (snapshot) {
            raw.snapshots++;
            raw.book(symbol).snapshot(id).apply(d.get("bids"), d.get("asks"));
            return;
        }
        raw.deltas++;
        ReferenceBook b = raw.books.get(symbol);
        if (b == null) {
            raw.count("unsynced updates", 1);
        } else if (raw.chained(b, id, d.get("lastId").asLong() == b.lastUpdateId)) {
            int bidsBefore = b.bids.size();
            int asksBefore = b.asks.size();
            b.apply(d.get("bids"), d.get("asks"));
            raw.syncedTop(symbol);
            if (outside(bidsBefore, b.bids.size()) || outside(asksBefore, b.asks.size())) {
                raw.count("books outside the window", 1);
            }
        }
    }

    private static boolean outside(int before, int after) {
        return after > WINDOW || before == WINDOW && after < WINDOW;
    }
}
