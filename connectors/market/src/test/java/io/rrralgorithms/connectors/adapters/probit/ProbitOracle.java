package io.rrralgorithms.connectors.adapters.probit;

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

/**
 * The raw-line oracle of the ProBit capture ({@code PROBIT.ws.66.0}, April 2021: {@code marketdata}
 * of 10 markets, about 30 s), read with Jackson and {@link BigDecimal}, never with the decoder or
 * the synchronizer: a {@code reset} message is the book's snapshot (its trades past ones, a fact),
 * any other message's levels a delta of the sorted-map book and a synced top, its trades live ones.
 */
public final class ProbitOracle {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProbitOracle() {}

    public static RawCounts count(List<Path> files) throws Exception {
        RawCounts raw = new RawCounts();
        for (Path file : files) {
            for (String p : CaptureLines.payloads(file)) {
                raw.frames++;
                JsonNode j = JSON.readTree(p);
                boolean reset = j.path("reset").asBoolean(false);
                raw.count(reset ? "resets" : "changes", 1);
                List<String> values = new ArrayList<>();
                j.get("order_books").forEach(l -> {
                    values.add(l.get("price").asText());
                    values.add(l.get("quantity").asText());
                });
                if (!reset) {
                    j.get("recent_trades").forEach(t -> {
                        values.add(t.get("price").asText());
                        values.add(t.get("quantity").asText());
                    });
                }
                if (!Mantissa.holdableStrings(values)) {
                    raw.decodeErrors++;
                    raw.count("marketdata (no long scale holds it)", 1);
                    continue;
                }
                String market = j.get("market_id").asText();
                if (reset) {
                    raw.snapshots++;
                    raw.count("past trades", j.get("recent_trades").size());
                    raw.books.put(market, new ReferenceBook());
                } else if (!j.get("order_books").isEmpty()) {
                    raw.deltas++;
                    raw.syncedTop(market);
                }
                ReferenceBook b = raw.book(market);
                j.get("order_books").forEach(l -> b.set(l.get("side").asText().equals("buy"), l.get("price").asText(),
                        l.get("quantity").asText()));
                if (!reset) {
                    j.get("recent_trades").forEach(t -> {
                        raw.trades++;
                        raw.count("taker " + t.get("side").asText(), 1);
                    });
                }
                if (!reset && j.get("order_books").isEmpty() && j.get("recent_trades").isEmpty()) {
                    raw.ignored++; // nothing changed
                }
            }
        }
        raw.books.keySet().retainAll(raw.syncedTops.keySet());
        raw.count("books", raw.books.size());
        return raw;
    }
}
