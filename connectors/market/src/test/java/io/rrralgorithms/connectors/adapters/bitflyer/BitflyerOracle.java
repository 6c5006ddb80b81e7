package io.rrralgorithms.connectors.adapters.bitflyer;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.adapters.RawCounts;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.ReferenceBook;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The raw-line oracle of the bitFlyer capture ({@code BITFLYER.ws.1.0}, December 2021: board
 * snapshots, boards, executions and tickers of 8 products, about 30 s), read with Jackson and
 * {@link BigDecimal} (the numbers' own text, never a double): frames per channel kind as facts;
 * trades per taker side; the books the unsequenced way: a board received before its product's
 * first snapshot is stale, every snapshot resets the book (no top), every board after it is applied
 * and a synced top.
 */
public final class BitflyerOracle {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private BitflyerOracle() {}

    public static RawCounts count(List<Path> files) throws Exception {
        RawCounts raw = new RawCounts();
        Set<String> snapshotted = new TreeSet<>();
        for (Path file : files) {
            for (String p : CaptureLines.payloads(file)) {
                raw.frames++;
                JsonNode j = JSON.readTree(p);
                String channel = j.get("params").get("channel").asText();
                JsonNode m = j.get("params").get("message");
                String kind = channel.replaceFirst("_(FX_)?[A-Z0-9]+_[A-Z0-9]+$|_[A-Z]{6}[0-9]{2}[A-Z]{3}[0-9]{4}$", "");
                String product = channel.substring(kind.length() + 1);
                raw.count(kind, 1);
                switch (kind) {
                    case "lightning_executions" -> m.forEach(t -> {
                        raw.trades++;
                        raw.count("taker " + t.get("side").asText(), 1);
                    });
                    case "lightning_ticker" -> raw.bbo++;
                    case "lightning_board_snapshot" -> {
                        raw.snapshots++;
                        snapshotted.add(product);
                        ReferenceBook b = raw.book(product);
                        b.clear();
                        set(b, m);
                    }
                    case "lightning_board" -> {
                        raw.deltas++;
                        if (!snapshotted.contains(product)) {
                            raw.stale++;
                        } else {
                            set(raw.book(product), m);
                            raw.syncedTop(product);
                        }
                    }
                    default -> throw new AssertionError("unknown channel " + channel);
                }
            }
        }
        raw.books.keySet().retainAll(raw.syncedTops.keySet());
        raw.count("books", raw.books.size());
        return raw;
    }

    private static void set(ReferenceBook book, JsonNode m) {
        m.get("bids").forEach(l -> book.set(true, l.get("price").decimalValue(), l.get("size").decimalValue()));
        m.get("asks").forEach(l -> book.set(false, l.get("price").decimalValue(), l.get("size").decimalValue()));
    }
}
