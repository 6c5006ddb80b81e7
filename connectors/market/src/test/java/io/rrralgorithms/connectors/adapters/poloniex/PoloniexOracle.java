package io.rrralgorithms.connectors.adapters.poloniex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.adapters.RawCounts;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.Mantissa;
import io.rrralgorithms.connectors.testkit.ReferenceBook;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The raw-line oracle of the Poloniex capture ({@code POLONIEX.ws.1.0}, August 2022, API v3:
 * {@code book_lv2} and {@code trades} of 11 spot pairs, about 30 s) for both venue contracts. It
 * reads every received line with Jackson and {@link BigDecimal}, never with the decoder or the
 * synchronizer:
 *
 * <ul>
 *   <li>frames per event or channel/action as facts; subscription acknowledgements ignored;
 *   <li>a frame with a price or quantity finer than 1e-8 (MDT_BTC's snapshot: prices of 1e-9) is
 *       a dead letter, a fact per kind;
 *   <li>per symbol, the book by the documented chain: a snapshot starts it at its {@code id}; an
 *       update whose {@code id} is not above the book's is stale, one whose {@code lastId} is not
 *       the book's {@code id} a gap (the book lost until a snapshot); each applied update is a
 *       synced top, replayed into a sorted map; afterwards no side may hold more than the 20
 *       levels of the window, nor fewer where it held 20 ("books outside the window").
 * </ul>
 */
public final class PoloniexOracle {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int WINDOW = 20;

    private PoloniexOracle() {}

    private static final class Book {
        final ReferenceBook levels = new ReferenceBook();
        long id;
        boolean synced;
    }

    public static RawCounts count(List<Path> files) throws Exception {
        RawCounts raw = new RawCounts();
        Map<String, Book> books = new TreeMap<>();
        for (Path file : files) {
            for (String p : CaptureLines.payloads(file)) {
                raw.frames++;
                JsonNode j = JSON.readTree(p);
                if (j.has("event")) {
                    raw.ignored++;
                    raw.count("event:" + j.get("event").asText(), 1);
                    continue;
                }
                String channel = j.get("channel").asText();
                String kind = channel + (j.has("action") ? ":" + j.get("action").asText() : "");
                raw.count(kind, 1);
                if (dead(raw, kind, j)) {
                    continue;
                }
                for (JsonNode d : j.get("data")) {
                    switch (channel) {
                        case "trades" -> {
                            raw.trades++;
                            raw.count("taker " + d.get("takerSide").asText(), 1);
                        }
                        case "book_lv2" -> book(raw, books, d, j.get("action").asText().equals("snapshot"));
                        default -> throw new AssertionError("unknown channel " + p);
                    }
                }
            }
        }
        books.forEach((s, b) -> {
            if (b.synced && raw.syncedTops.containsKey(s)) {
                b.levels.lastUpdateId = b.id;
                raw.books.put(s, b.levels);
            }
        });
        raw.count("books", raw.books.size());
        return raw;
    }

    private static void book(RawCounts raw, Map<String, Book> books, JsonNode d, boolean snapshot) {
        String symbol = d.get("symbol").asText();
        long id = d.get("id").asLong();
        if (snapshot) {
            raw.snapshots++;
            Book b = new Book();
            set(b.levels, d);
            b.id = id;
            b.synced = true;
            books.put(symbol, b);
            return;
        }
        raw.deltas++;
        Book b = books.get(symbol);
        if (b == null) {
            raw.count("unsynced updates", 1);
            return;
        }
        if (id <= b.id) {
            raw.stale++;
            return;
        }
        if (!b.synced) {
            return; // lost until the next snapshot
        }
        if (d.get("lastId").asLong() != b.id) {
            raw.gaps++;
            b.synced = false;
            return;
        }
        int bidsBefore = b.levels.bids.size();
        int asksBefore = b.levels.asks.size();
        set(b.levels, d);
        b.id = id;
        raw.syncedTop(symbol);
        if (outside(bidsBefore, b.levels.bids.size()) || outside(asksBefore, b.levels.asks.size())) {
            raw.count("books outside the window", 1);
        }
    }

    private static boolean outside(int before, int after) {
        return after > WINDOW || before == WINDOW && after < WINDOW;
    }

    private static void set(ReferenceBook book, JsonNode d) {
        d.get("bids").forEach(l -> book.set(true, l.get(0).asText(), l.get(1).asText()));
        d.get("asks").forEach(l -> book.set(false, l.get(0).asText(), l.get(1).asText()));
    }

    /** Whether a value the decoder reads (levels, trade price and quantity) is finer than 1e-8. */
    private static boolean dead(RawCounts raw, String kind, JsonNode j) {
        List<String> values = new ArrayList<>();
        for (JsonNode d : j.get("data")) {
            for (String side : List.of("bids", "asks")) {
                if (d.has(side)) {
                    d.get(side).forEach(l -> {
                        values.add(l.get(0).asText());
                        values.add(l.get(1).asText());
                    });
                }
            }
            if (d.has("price")) {
                values.add(d.get("price").asText());
                values.add(d.get("quantity").asText());
            }
        }
        if (Mantissa.holdableStrings(values)) {
            return false;
        }
        raw.decodeErrors++;
        raw.count(kind + " (no long scale holds it)", 1);
        return true;
    }
}
