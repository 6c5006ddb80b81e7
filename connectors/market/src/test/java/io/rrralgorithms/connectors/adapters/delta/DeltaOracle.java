package io.rrralgorithms.connectors.adapters.delta;

import com.fasterxml.jackson.databind.DeserializationFeature;
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
 * The raw-line oracle of the Delta Exchange capture ({@code DELTA.ws.1.0}, November 2021:
 * {@code l2_orderbook}, {@code all_trades} and {@code candlestick_1m} of 10 USDT options, about
 * 30 s; no trade), read with Jackson and {@link BigDecimal}, never with the decoder or the
 * synchronizer: frames per type as facts; subscriptions and candles ignored; each
 * {@code l2_orderbook} is the whole book, a synced top where its {@code last_sequence_no} is above
 * the book's last (else a "repeated book"), and the last one per symbol is the reference book.
 */
public final class DeltaOracle {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private DeltaOracle() {}

    public static RawCounts count(List<Path> files) throws Exception {
        RawCounts raw = new RawCounts();
        for (Path file : files) {
            for (String p : CaptureLines.payloads(file)) {
                raw.frames++;
                JsonNode j = JSON.readTree(p);
                String type = j.get("type").asText();
                raw.count(type, 1);
                switch (type) {
                    case "subscriptions", "candlestick_1m", "all_trades_snapshot" -> raw.ignored++;
                    case "all_trades" -> {
                        raw.trades++;
                        raw.count("buyer " + j.get("buyer_role").asText(), 1);
                    }
                    case "l2_orderbook" -> book(raw, j);
                    default -> throw new AssertionError("unknown type " + p);
                }
            }
        }
        raw.count("books", raw.books.size());
        return raw;
    }

    private static void book(RawCounts raw, JsonNode j) {
        List<BigDecimal> values = new ArrayList<>();
        for (String side : List.of("buy", "sell")) {
            j.get(side).forEach(l -> {
                values.add(new BigDecimal(l.get("limit_price").asText()));
                values.add(l.get("size").decimalValue());
            });
        }
        if (!Mantissa.holdable(values)) {
            raw.decodeErrors++;
            raw.count("l2_orderbook (no long scale holds it)", 1);
            return;
        }
        raw.snapshots++;
        String symbol = j.get("symbol").asText();
        long seq = j.get("last_sequence_no").asLong();
        ReferenceBook held = raw.books.get(symbol);
        if (held != null && seq <= held.lastUpdateId) {
            raw.count("repeated books", 1);
            return;
        }
        ReferenceBook b = new ReferenceBook();
        j.get("buy").forEach(l -> b.set(true, new BigDecimal(l.get("limit_price").asText()), l.get("size").decimalValue()));
        j.get("sell").forEach(l -> b.set(false, new BigDecimal(l.get("limit_price").asText()), l.get("size").decimalValue()));
        b.lastUpdateId = seq;
        raw.books.put(symbol, b);
        raw.syncedTop(symbol);
    }
}
