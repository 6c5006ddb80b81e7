package io.rrralgorithms.jobs.venues;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.ReferenceBook;
import io.rrralgorithms.jobs.book.BookGap;
import java.nio.file.Path;
import java.util.List;

/**
 * The Kraken Futures capture of 2021-07-22 (10 inverse contracts, ~30 s; book, trade, ticker_lite)
 * in the replay contract: the trade frames (trade_snapshot, of before the session, ignored), the
 * per-product seq chain (a break would be a gap), and a TreeMap replay of every product's book.
 */
final class KrakenFuturesReplayOracle {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private KrakenFuturesReplayOracle() {}

    static RawReplay oracle(List<Path> files) throws Exception {
        RawReplay e = new RawReplay();
        for (String s : CaptureLines.payloads(files.get(0))) {
            e.frames++;
            JsonNode j = JSON.readTree(s);
            if (j.has("event")) {
                e.ignored++; // info, subscribed (whose "feed" names the subscribed feed)
                continue;
            }
            String p = j.path("product_id").asText();
            switch (j.path("feed").asText()) {
                case "trade" -> e.trades++;
                case "trade_snapshot" -> {
                    e.ignored++;
                    e.count("trade snapshots", 1);
                }
                case "ticker_lite" -> e.bbo++;
                case "book_snapshot" -> {
                    e.snapshots++;
                    ReferenceBook b = e.book(p);
                    b.lastUpdateId = j.get("seq").asLong();
                    j.get("asks").forEach(l -> b.set(false, l.get("price").decimalValue(), l.get("qty").decimalValue()));
                    j.get("bids").forEach(l -> b.set(true, l.get("price").decimalValue(), l.get("qty").decimalValue()));
                }
                case "book" -> {
                    e.deltas++;
                    e.syncedTop(p);
                    ReferenceBook b = e.book(p);
                    long seq = j.get("seq").asLong();
                    e.gaps += seq == b.lastUpdateId + 1 ? 0 : 1;
                    b.lastUpdateId = seq;
                    b.set(j.get("side").asText().equals("buy"), j.get("price").decimalValue(), j.get("qty").decimalValue());
                }
                default -> throw new AssertionError(s);
            }
        }
        return e;
    }

    /** The 100th PI_ETHUSD book frame lost: the seq chain names it. */
    static final ReplayCase.Drop DROP = new ReplayCase.Drop("PI_ETHUSD",
            s -> s.startsWith("{\"feed\":\"book\",\"product_id\":\"PI_ETHUSD\""), 100, (String dropped, BookGap g) -> {
                long seq = JSON.readTree(dropped).get("seq").asLong();
                assertEquals(seq - 1, g.lastUpdateId);
                assertEquals(seq + 1, g.updateId);
                assertEquals("sequence break: expected seq " + seq, g.reason);
            });

    static void extra(RawReplay e, CaptureReplay r) {
        assertEquals(10, e.fact("trade snapshots"));
        assertEquals(10, e.books.size());
    }
}
