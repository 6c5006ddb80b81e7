package io.rrralgorithms.connectors.adapters.gemini;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * The raw-line oracle of the Gemini capture (market data v2 {@code l2} of 10 symbols) for both venue
 * contracts: the first {@code l2_updates} of a symbol is its book (its trades are of before the
 * session: "past trades"), the trade messages, and a TreeMap replay of every book. No sequence
 * numbers in v2: nothing to break.
 */
public final class GeminiOracle {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GeminiOracle() {}

    public static RawCounts count(List<Path> files) throws Exception {
        RawCounts raw = new RawCounts();
        Map<String, ReferenceBook> books = new HashMap<>();
        for (String p : CaptureLines.payloads(files.get(0))) {
            raw.frames++;
            JsonNode j = JSON.readTree(p);
            switch (j.get("type").asText()) {
                case "heartbeat" -> raw.ignored++;
                case "trade" -> raw.trades++;
                case "l2_updates" -> {
                    String s = j.get("symbol").asText();
                    ReferenceBook b = books.get(s);
                    boolean first = b == null;
                    assertEquals(first, j.has("trades"), "only the first carries trades");
                    assertTrue(!j.has("socket_sequence") && !j.has("sequence"), "v2 frames carry no sequence number");
                    if (first) {
                        raw.snapshots++;
                        raw.count("past trades", j.get("trades").size());
                        b = new ReferenceBook();
                        books.put(s, b);
                    } else {
                        raw.deltas++;
                        raw.syncedTop(s);
                        raw.books.put(s, b); // a book without updates reports no top
                    }
                    for (JsonNode c : j.get("changes")) {
                        b.set(c.get(0).asText().equals("buy"), c.get(1).asText(), c.get(2).asText());
                    }
                }
                default -> throw new AssertionError(p);
            }
        }
        raw.count("books", books.size());
        return raw;
    }
}
