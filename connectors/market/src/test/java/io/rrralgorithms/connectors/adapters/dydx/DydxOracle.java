package io.rrralgorithms.connectors.adapters.dydx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.adapters.RawCounts;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.Mantissa;
import io.rrralgorithms.connectors.testkit.ReferenceBook;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The raw-line oracle of the dYdX capture ({@code DYDX.ws.1.0}, October 2021, v3: {@code v3_orderbook}
 * with offsets and {@code v3_trades} of 10 perpetuals, about 30 s), read with Jackson and
 * {@link BigDecimal}, never with the decoder or the synchronizer:
 *
 * <ul>
 *   <li>frames per {@code type:channel} as facts; {@code connected} and the trade snapshots
 *       ({@code subscribed} to {@code v3_trades}: past trades) ignored;
 *   <li>per market, the book by the per-level offset rule (dYdX's documentation; cryptofeed's
 *       {@code _book}): the snapshot gives every price its offset, zero sizes too; an update's
 *       level whose price holds a higher offset than the update's is stale (a fact), else it is
 *       applied and takes the update's offset; an update left with no level is ignored; every other
 *       update is a delta and a synced top of the sorted-map book.
 * </ul>
 */
public final class DydxOracle {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DydxOracle() {}

    public static RawCounts count(List<Path> files) throws Exception {
        RawCounts raw = new RawCounts();
        Map<String, Map<BigDecimal, Long>> offsets = new HashMap<>();
        Map<String, ReferenceBook> books = new TreeMap<>();
        for (Path file : files) {
            for (String p : CaptureLines.payloads(file)) {
                raw.frames++;
                JsonNode j = JSON.readTree(p);
                String type = j.get("type").asText();
                String kind = type + (j.has("channel") ? ":" + j.get("channel").asText() : "");
                raw.count(kind, 1);
                if (type.equals("connected")) {
                    raw.ignored++;
                    continue;
                }
                if (!kind.equals("subscribed:v3_trades") && !Mantissa.holdableStrings(values(j.get("contents")))) {
                    raw.decodeErrors++;
                    raw.count(kind + " (no long scale holds it)", 1);
                    continue;
                }
                String market = j.get("id").asText();
                JsonNode c = j.get("contents");
                switch (kind) {
                    case "subscribed:v3_trades" -> {
                        raw.ignored++;
                        raw.count("past trades", c.get("trades").size());
                    }
                    case "channel_data:v3_trades" -> c.get("trades").forEach(t -> {
                        raw.trades++;
                        raw.count("taker " + t.get("side").asText(), 1);
                    });
                    case "subscribed:v3_orderbook" -> {
                        raw.snapshots++;
                        ReferenceBook b = new ReferenceBook();
                        Map<BigDecimal, Long> seen = new HashMap<>();
                        for (String side : List.of("bids", "asks")) {
                            for (JsonNode l : c.get(side)) {
                                BigDecimal price = new BigDecimal(l.get("price").asText());
                                seen.put(price.stripTrailingZeros(), Long.parseLong(l.get("offset").asText()));
                                if (new BigDecimal(l.get("size").asText()).signum() == 0) {
                                    raw.count("zero-size snapshot levels", 1);
                                } else {
                                    b.set(side.equals("bids"), price, new BigDecimal(l.get("size").asText()));
                                }
                            }
                        }
                        offsets.put(market, seen);
                        books.put(market, b);
                    }
                    case "channel_data:v3_orderbook" -> {
                        long offset = Long.parseLong(c.get("offset").asText());
                        Map<BigDecimal, Long> seen = offsets.get(market);
                        ReferenceBook b = books.get(market);
                        boolean applied = false;
                        for (String side : List.of("bids", "asks")) {
                            for (JsonNode l : c.get(side)) {
                                BigDecimal price = new BigDecimal(l.get(0).asText()).stripTrailingZeros();
                                if (seen.containsKey(price) && seen.get(price) > offset) {
                                    raw.count("stale levels", 1);
                                    continue;
                                }
                                seen.put(price, offset);
                                b.set(side.equals("bids"), price, new BigDecimal(l.get(1).asText()));
                                applied = true;
                            }
                        }
                        if (applied) {
                            raw.deltas++;
                            raw.syncedTop(market);
                        } else {
                            raw.ignored++;
                            raw.count("updates older than every level", 1);
                        }
                    }
                    default -> throw new AssertionError("unknown frame " + p);
                }
            }
        }
        books.forEach((m, b) -> {
            if (raw.syncedTops.containsKey(m)) {
                raw.books.put(m, b);
            }
        });
        raw.count("books", raw.books.size());
        return raw;
    }

    /** Every price and size of a frame's levels and trades, as the decoder reads them. */
    private static List<String> values(JsonNode contents) {
        List<String> out = new ArrayList<>();
        for (String side : List.of("bids", "asks")) {
            contents.path(side).forEach(l -> {
                out.add(l.isArray() ? l.get(0).asText() : l.get("price").asText());
                out.add(l.isArray() ? l.get(1).asText() : l.get("size").asText());
            });
        }
        contents.path("trades").forEach(t -> {
            out.add(t.get("price").asText());
            out.add(t.get("size").asText());
        });
        return out;
    }
}
