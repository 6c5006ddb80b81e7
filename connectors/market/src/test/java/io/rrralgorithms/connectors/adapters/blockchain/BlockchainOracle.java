package io.rrralgorithms.connectors.adapters.blockchain;

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
 * The raw-line oracle of the Blockchain.com Exchange capture ({@code BLOCKCHAIN.ws.1.0}, July 2021:
 * {@code l2} and {@code trades} of 10 pairs, about 10 s; no trade), read with Jackson and
 * {@link BigDecimal}, never with the decoder or the synchronizer: frames per channel:event as
 * facts, subscription replies ignored; the connection's {@code seqnum} checked to rise by one per
 * message ("seqnum breaks"); per symbol the snapshot starts the sorted-map book at its
 * {@code seqnum}, an update at or below the book's {@code seqnum} is stale, any other applied and
 * a synced top.
 */
public final class BlockchainOracle {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private BlockchainOracle() {}

    public static RawCounts count(List<Path> files) throws Exception {
        RawCounts raw = new RawCounts();
        long previous = -1;
        for (Path file : files) {
            for (String p : CaptureLines.payloads(file)) {
                raw.frames++;
                JsonNode j = JSON.readTree(p);
                String kind = j.get("channel").asText() + ":" + j.get("event").asText();
                raw.count(kind, 1);
                long seq = j.get("seqnum").asLong();
                if (previous >= 0 && seq != previous + 1) {
                    raw.count("seqnum breaks", 1);
                }
                previous = seq;
                if (j.get("event").asText().equals("subscribed")) {
                    raw.ignored++;
                    continue;
                }
                List<BigDecimal> values = new ArrayList<>();
                for (String side : List.of("bids", "asks")) {
                    j.path(side).forEach(l -> {
                        values.add(l.get("px").decimalValue());
                        values.add(l.get("qty").decimalValue());
                    });
                }
                if (!Mantissa.holdable(values)) {
                    raw.decodeErrors++;
                    raw.count(kind + " (no long scale holds it)", 1);
                    continue;
                }
                switch (kind) {
                    case "trades:updated" -> raw.trades++;
                    case "l2:snapshot" -> {
                        raw.snapshots++;
                        ReferenceBook b = new ReferenceBook();
                        set(b, j);
                        b.lastUpdateId = seq;
                        raw.books.put(j.get("symbol").asText(), b);
                    }
                    case "l2:updated" -> {
                        raw.deltas++;
                        ReferenceBook b = raw.books.get(j.get("symbol").asText());
                        if (b == null) {
                            raw.count("updates before a snapshot", 1);
                        } else if (seq <= b.lastUpdateId) {
                            raw.stale++;
                        } else {
                            set(b, j);
                            b.lastUpdateId = seq;
                            raw.syncedTop(j.get("symbol").asText());
                        }
                    }
                    default -> throw new AssertionError("unknown frame " + p);
                }
            }
        }
        raw.books.keySet().retainAll(raw.syncedTops.keySet());
        raw.count("books", raw.books.size());
        return raw;
    }

    private static void set(ReferenceBook b, JsonNode j) {
        j.get("bids").forEach(l -> b.set(true, l.get("px").decimalValue(), l.get("qty").decimalValue()));
        j.get("asks").forEach(l -> b.set(false, l.get("px").decimalValue(), l.get("qty").decimalValue()));
    }
}
