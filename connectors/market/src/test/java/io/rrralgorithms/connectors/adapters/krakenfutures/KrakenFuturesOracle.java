package io.rrralgorithms.connectors.adapters.krakenfutures;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.adapters.RawCounts;
import io.rrralgorithms.connectors.testkit.ReferenceBook;
import java.nio.file.Path;
import java.util.List;

/**
 * The raw-line oracle of the Kraken Futures capture of 2021-07-22 (10 inverse contracts, ~30 s;
 * book, trade, ticker_lite) for both venue contracts: trades = trade frames (trade_snapshot, of
 * before the session, ignored), the per-product seq chain (a break would be a gap), and a TreeMap
 * replay of every product's book.
 */
public final class KrakenFuturesOracle {
    private KrakenFuturesOracle() {}

    public static RawCounts count(List<Path> files) throws Exception {
        RawCounts raw = new RawCounts();
        for (JsonNode j : raw.json(files)) {
            // an event's "feed" names the subscribed feed: the event decides
            String kind = j.has("event") ? "event:" + j.get("event").asText() : j.get("feed").asText();
            String p = j.path("product_id").asText();
            switch (kind) {
                case "event:info", "event:subscribed", "trade_snapshot" -> raw.ignore(kind);
                case "trade" -> raw.trades++;
                case "ticker_lite" -> raw.bbo++;
                case "book_snapshot" -> {
                    raw.snapshots++;
                    ReferenceBook b = raw.book(p);
                    b.lastUpdateId = j.get("seq").asLong();
                    j.get("asks").forEach(l -> b.set(false, l.get("price").decimalValue(), l.get("qty").decimalValue()));
                    j.get("bids").forEach(l -> b.set(true, l.get("price").decimalValue(), l.get("qty").decimalValue()));
                }
                case "book" -> {
                    raw.deltas++;
                    raw.syncedTop(p);
                    ReferenceBook b = raw.book(p);
                    raw.link(b, j.get("seq").asLong(), j.get("seq").asLong() == b.lastUpdateId + 1);
                    b.set(j.get("side").asText().equals("buy"), j.get("price").decimalValue(), j.get("qty").decimalValue());
                }
                default -> throw new AssertionError(j.toString());
            }
        }
        return raw;
    }
}
