package io.rrralgorithms.connectors.adapters.deribit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.adapters.RawCounts;
import io.rrralgorithms.connectors.testkit.ReferenceBook;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw-line oracle of the Deribit capture (book.raw with change_id / prev_change_id chains,
 * tickers, trades of 10 options) for both venue contracts: the frames per channel (no trade happened
 * on the 10 options in the 30 s recorded), the change-id chains (each checked independently: a break
 * would be a gap), and a TreeMap replay of every book.
 */
public final class DeribitOracle {
    private DeribitOracle() {}

    public static RawCounts count(List<Path> files) throws Exception {
        RawCounts raw = new RawCounts();
        Map<String, Long> lastChange = new HashMap<>();
        Map<String, ReferenceBook> books = new HashMap<>();
        for (JsonNode j : raw.json(files)) {
            if (!j.has("method")) {
                assertTrue(j.has("result"), j.toString());
                raw.ignored++; // the subscription reply
                continue;
            }
            String channel = j.get("params").get("channel").asText();
            JsonNode d = j.get("params").get("data");
            switch (channel.substring(0, channel.indexOf('.')) + (d.has("type") ? ":" + d.get("type").asText() : "")) {
                case "book:snapshot", "book:change" -> {
                    String name = d.get("instrument_name").asText();
                    if (d.get("type").asText().equals("snapshot")) {
                        raw.snapshots++;
                        books.put(name, new ReferenceBook());
                    } else {
                        raw.deltas++;
                        raw.syncedTop(name);
                        raw.books.put(name, books.get(name)); // a book without changes reports no top after its snapshot
                        raw.gaps += d.get("prev_change_id").asLong() == lastChange.get(name) ? 0 : 1;
                    }
                    lastChange.put(name, d.get("change_id").asLong());
                    for (boolean bid : new boolean[] {true, false}) {
                        for (JsonNode l : d.get(bid ? "bids" : "asks")) {
                            if (l.get(0).asText().equals("delete")) {
                                books.get(name).side(bid).remove(l.get(1).decimalValue());
                            } else {
                                books.get(name).set(bid, l.get(1).decimalValue(), l.get(2).decimalValue());
                            }
                        }
                    }
                }
                case "ticker" -> {
                    raw.bbo++;
                    if (d.hasNonNull("mark_price") || d.hasNonNull("index_price") || d.hasNonNull("open_interest")
                            || d.hasNonNull("funding_8h")) {
                        raw.count("derivatives", 1);
                    }
                }
                case "trades" -> raw.trades += d.size();
                default -> throw new AssertionError(j.toString());
            }
        }
        raw.count("books", books.size());
        return raw;
    }
}
