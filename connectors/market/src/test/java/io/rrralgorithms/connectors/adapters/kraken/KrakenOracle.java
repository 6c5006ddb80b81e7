package io.rrralgorithms.connectors.adapters.kraken;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.adapters.RawCounts;
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
    private KrakenOracle() {}

    public static RawCounts count(List<Path> files) throws Exception {
        RawCounts raw = new RawCounts();
        for (JsonNode j : raw.json(files)) {
            if (j.isObject()) {
                raw.ignore(j.get("event").asText());
                continue;
            }
            String channel = j.get(j.size() - 2).asText();
            String pair = j.get(j.size() - 1).asText();
            if (channel.equals("trade")) {
                raw.count("trade frames", 1);
                raw.trades += j.get(1).size();
            } else if (channel.equals("ticker")) {
                raw.bbo++;
            } else if (!channel.startsWith("book-")) {
                throw new AssertionError(j.toString());
            } else if (j.get(1).has("as")) {
                raw.snapshots++;
                raw.book(pair).set(false, j.get(1).get("as")).set(true, j.get(1).get("bs"));
            } else {
                raw.deltas++;
                raw.syncedTop(pair);
                assertTrue(j.get(j.size() - 3).has("c"), "every update carries c: " + j);
                for (int k = 1; k < j.size() - 2; k++) {
                    raw.book(pair).set(false, j.get(k).path("a")).set(true, j.get(k).path("b"));
                    raw.checksums += j.get(k).has("c") ? 1 : 0;
                }
                raw.book(pair).truncate(Integer.parseInt(channel.substring("book-".length())));
            }
        }
        return raw;
    }
}
