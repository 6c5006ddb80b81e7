package io.rrralgorithms.connectors.adapters.kraken;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.adapters.RawCounts;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.ReferenceBook;
import java.nio.file.Path;
import java.util.List;

/**
 * The raw-line oracle of the Kraken spot captures of 2021-04-17 (10 pairs, ~30 s; one capture per
 * channel) for both venue contracts: the book capture ({@code book-<depth>} window, CRC32 checksum on
 * every update), the trade capture (several trades per trade frame) and the ticker capture (BBO).
 * Array frames are data; the objects (heartbeat, systemStatus, subscriptionStatus) are ignored and
 * counted by event name.
 */
public final class KrakenOracle {
    private static final ObjectMapper JSON = new ObjectMapper();

    private KrakenOracle() {}

    public static RawCounts count(List<Path> files) throws Exception {
        RawCounts raw = new RawCounts();
        for (String s : CaptureLines.payloads(files.get(0))) {
            raw.frames++;
            JsonNode j = JSON.readTree(s);
            if (j.isObject()) {
                raw.ignored++;
                raw.count(j.get("event").asText(), 1);
                continue;
            }
            String channel = j.get(j.size() - 2).asText();
            String pair = j.get(j.size() - 1).asText();
            if (channel.equals("trade")) {
                raw.count("trade frames", 1);
                raw.trades += j.get(1).size();
            } else if (channel.equals("ticker")) {
                raw.bbo++;
            } else if (channel.startsWith("book-")) {
                book(raw, j, pair, Integer.parseInt(channel.substring("book-".length())), s);
            } else {
                throw new AssertionError(s);
            }
        }
        return raw;
    }

    private static void book(RawCounts raw, JsonNode j, String pair, int window, String s) {
        ReferenceBook b = raw.book(pair);
        JsonNode first = j.get(1);
        if (first.has("as")) {
            raw.snapshots++;
            first.get("as").forEach(l -> b.set(false, l.get(0).asText(), l.get(1).asText()));
            first.get("bs").forEach(l -> b.set(true, l.get(0).asText(), l.get(1).asText()));
            return;
        }
        raw.deltas++;
        raw.syncedTop(pair);
        assertTrue(j.get(j.size() - 3).has("c"), "every update carries c: " + s);
        for (int k = 1; k < j.size() - 2; k++) {
            JsonNode o = j.get(k);
            o.path("a").forEach(l -> b.set(false, l.get(0).asText(), l.get(1).asText()));
            o.path("b").forEach(l -> b.set(true, l.get(0).asText(), l.get(1).asText()));
            raw.checksums += o.has("c") ? 1 : 0;
        }
        b.truncate(window);
    }
}
