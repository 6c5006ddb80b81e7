package io.rrralgorithms.jobs.venues;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.ReferenceBook;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Gemini capture (market data v2 {@code l2} of 10 symbols) in the replay contract: the trade
 * messages (not the trades inside the first book message of each symbol, which are of before the
 * session), and a TreeMap replay of every book. No sequence numbers in v2: nothing to break.
 */
final class GeminiReplayOracle {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GeminiReplayOracle() {}

    static RawReplay oracle(List<Path> files) throws Exception {
        RawReplay e = new RawReplay();
        Map<String, ReferenceBook> books = new HashMap<>();
        for (String p : CaptureLines.payloads(files.get(0))) {
            e.frames++;
            JsonNode j = JSON.readTree(p);
            switch (j.get("type").asText()) {
                case "trade" -> e.trades++;
                case "heartbeat" -> e.ignored++;
                case "l2_updates" -> {
                    String s = j.get("symbol").asText();
                    ReferenceBook b = books.get(s);
                    if (b == null) {
                        e.snapshots++;
                        e.count("past trades", j.get("trades").size());
                        b = new ReferenceBook();
                        books.put(s, b);
                    } else {
                        e.deltas++;
                        e.syncedTop(s);
                        e.books.put(s, b); // a book without updates reports no top
                    }
                    for (JsonNode c : j.get("changes")) {
                        b.set(c.get(0).asText().equals("buy"), c.get(1).asText(), c.get(2).asText());
                    }
                }
                default -> throw new AssertionError(p);
            }
        }
        e.count("books", books.size());
        return e;
    }

    static void extra(RawReplay e, CaptureReplay r) {
        assertEquals(10, e.fact("books"));
        assertEquals(500, e.fact("past trades"), "50 past trades in each book message");
        assertEquals("FIL-USD", r.lastTop.get("FILUSD").symbol);
    }
}
