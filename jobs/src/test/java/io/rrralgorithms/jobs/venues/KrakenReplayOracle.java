package io.rrralgorithms.jobs.venues;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.ReferenceBook;
import java.nio.file.Path;
import java.util.List;

/**
 * The Kraken spot captures of 2021-04-17 (10 pairs, ~30 s; one capture per channel) in the replay
 * contract: the book capture ({@code book-1000} window, CRC32 checksum on every update), the trade
 * capture (two frames carry two trades each) and the ticker capture (BBO). Array frames are data;
 * heartbeat, systemStatus and subscriptionStatus are ignored.
 */
final class KrakenReplayOracle {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WINDOW = 1000;

    private KrakenReplayOracle() {}

    static RawReplay oracle(List<Path> files) throws Exception {
        RawReplay e = new RawReplay();
        for (String s : CaptureLines.payloads(files.get(0))) {
            e.frames++;
            JsonNode j = JSON.readTree(s);
            if (!j.isArray()) {
                e.ignored++;
                continue;
            }
            String channel = j.get(j.size() - 2).asText();
            String pair = j.get(j.size() - 1).asText();
            switch (channel) {
                case "trade" -> {
                    e.count("trade frames", 1);
                    e.trades += j.get(1).size();
                }
                case "ticker" -> e.bbo++;
                case "book-1000" -> book(e, j, pair);
                default -> throw new AssertionError(s);
            }
        }
        return e;
    }

    private static void book(RawReplay e, JsonNode j, String pair) {
        ReferenceBook b = e.book(pair);
        JsonNode first = j.get(1);
        if (first.has("as")) {
            e.snapshots++;
            first.get("as").forEach(l -> b.set(false, l.get(0).asText(), l.get(1).asText()));
            first.get("bs").forEach(l -> b.set(true, l.get(0).asText(), l.get(1).asText()));
            return;
        }
        e.deltas++;
        e.syncedTop(pair);
        for (int k = 1; k < j.size() - 2; k++) {
            JsonNode o = j.get(k);
            o.path("a").forEach(l -> b.set(false, l.get(0).asText(), l.get(1).asText()));
            o.path("b").forEach(l -> b.set(true, l.get(0).asText(), l.get(1).asText()));
            e.checksums += o.has("c") ? 1 : 0;
        }
        b.truncate(WINDOW);
    }

    static void bookExtra(RawReplay e, CaptureReplay r) {
        assertEquals(e.deltas, e.checksums, "every update carries a checksum");
        assertEquals(10, e.books.size());
    }

    static void tradeExtra(RawReplay e, CaptureReplay r) {
        assertEquals(8, e.fact("trade frames"), "two frames carry two trades each");
    }
}
