package io.rrralgorithms.jobs.venues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.ReferenceBook;
import io.rrralgorithms.jobs.book.BookTop;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Deribit capture (book.raw with change_id / prev_change_id chains, tickers, trades of 10
 * options) in the replay contract: the trades, the change-id chains (each checked independently:
 * a break would be a gap), and a TreeMap replay of every book.
 */
final class DeribitReplayOracle {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private DeribitReplayOracle() {}

    static RawReplay oracle(List<Path> files) throws Exception {
        RawReplay e = new RawReplay();
        Map<String, Long> lastChange = new HashMap<>();
        Map<String, ReferenceBook> books = new HashMap<>();
        for (String payload : CaptureLines.payloads(files.get(0))) {
            e.frames++;
            JsonNode j = JSON.readTree(payload);
            String channel = j.path("params").path("channel").asText("");
            JsonNode d = j.path("params").path("data");
            if (channel.startsWith("trades.")) {
                e.trades += d.size();
            } else if (channel.startsWith("ticker.")) {
                e.bbo++;
            }
            if (!channel.startsWith("book.")) {
                e.ignored += channel.isEmpty() ? 1 : 0;
                continue;
            }
            String name = d.get("instrument_name").asText();
            if (d.get("type").asText().equals("snapshot")) {
                e.snapshots++;
                books.put(name, new ReferenceBook());
            } else {
                e.deltas++;
                e.syncedTop(name);
                e.books.put(name, books.get(name)); // a book without changes reports no top after its snapshot
                if (d.get("prev_change_id").asLong() != lastChange.get(name)) {
                    e.gaps++; // every change's prev_change_id must be the previous change_id
                }
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
        e.count("books", books.size());
        return e;
    }

    static void extra(RawReplay e, CaptureReplay r) {
        assertEquals(10, e.fact("books"));
        BookTop top = r.lastTop.get("BTC-31DEC21-34000-P");
        assertEquals("BTC-USD-211231-34000-P", top.symbol);
        assertTrue(top.bidPrices.length > 0 && top.askPrices.length > 0);
    }
}
