package io.rrralgorithms.connectors.adapters.gemini;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.adapters.RawCounts;
import io.rrralgorithms.connectors.testkit.ReferenceBook;
import java.nio.file.Path;
import java.util.List;

/**
 * The raw-line oracle of the Gemini capture (market data v2 {@code l2} of 10 symbols) for both venue
 * contracts: the first {@code l2_updates} of a symbol is its book (its trades are of before the
 * session: "past trades"), the trade messages, and a TreeMap replay of every book. No sequence
 * numbers in v2: nothing to break.
 */
public final class GeminiOracle {
    private GeminiOracle() {}

    public static RawCounts count(List<Path> files) throws Exception {
        RawCounts raw = new RawCounts();
        for (JsonNode j : raw.json(files)) {
            switch (j.get("type").asText()) {
                case "heartbeat" -> raw.ignored++;
                case "trade" -> raw.trades++;
                case "l2_updates" -> {
                    String s = j.get("symbol").asText();
                    boolean first = !raw.books.containsKey(s);
                    ReferenceBook b = raw.book(s);
                    assertEquals(first, j.has("trades"), "only the first carries trades");
                    assertTrue(!j.has("socket_sequence") && !j.has("sequence"), "v2 frames carry no sequence number");
                    if (first) {
                        raw.snapshots++;
                        raw.count("past trades", j.get("trades").size());
                    } else {
                        raw.deltas++;
                        raw.syncedTop(s);
                    }
                    j.get("changes").forEach(c -> b.set(c.get(0).asText().equals("buy"), c.get(1).asText(), c.get(2).asText()));
                }
                default -> throw new AssertionError(j.toString());
            }
        }
        raw.count("books", raw.books.size());
        raw.books.keySet().retainAll(raw.syncedTops.keySet()); // a book without updates reports no top
        return raw;
    }
}
