package io.rrralgorithms.connectors.adapters.bithumb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.adapters.RawCounts;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import java.nio.file.Path;
import java.util.List;

/**
 * The raw-line oracle of the Bithumb capture ({@code BITHUMB.ws.1.0}, June 2021: {@code transaction}
 * of 10 pairs, 6 received lines), read with Jackson: status replies ignored, trades per taker side
 * ({@code buySellGb} 2 a buy execution). No book is recorded, so none is replayed.
 */
public final class BithumbOracle {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BithumbOracle() {}

    public static RawCounts count(List<Path> files) throws Exception {
        RawCounts raw = new RawCounts();
        for (Path file : files) {
            for (String p : CaptureLines.payloads(file)) {
                raw.frames++;
                JsonNode j = JSON.readTree(p);
                if (j.has("status")) {
                    raw.ignored++;
                    raw.count("status " + j.get("status").asText(), 1);
                    continue;
                }
                raw.count(j.get("type").asText(), 1);
                j.get("content").get("list").forEach(t -> {
                    raw.trades++;
                    raw.count(t.get("buySellGb").asText().equals("2") ? "taker buy" : "taker sell", 1);
                });
            }
        }
        return raw;
    }
}
