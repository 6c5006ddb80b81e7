package io.rrralgorithms.connectors.adapters.okx;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.adapters.RawCounts;
import io.rrralgorithms.connectors.testkit.ReferenceBook;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw-line oracle of OKX's v5 protocol for both venue contracts, on the OKX capture of
 * 2022-05-13 ({@code OKX.ws.1.0}: books, trades and tickers of BTC-USDT, UNI-USD-SWAP and
 * BTC-USD-220527, ~10 s) and the OKCoin capture of 2023-05-27 ({@code OKCOIN.ws.1.0}: books, trades,
 * tickers and candles of four spot pairs, ~25 s): frames per channel and action, the trade pushed
 * on subscribe (of before the acknowledgement: ignored), candles ignored, the book levels, and a
 * TreeMap replay of each book in its 400-level window.
 */
public final class OkxOracle {
    private static final int WINDOW = 400;

    private OkxOracle() {}

    public static RawCounts count(List<Path> files) throws Exception {
        RawCounts raw = new RawCounts();
        Map<String, Double> tradesAckAt = new HashMap<>();
        for (RawCounts.Frame f : raw.frames(files)) {
            JsonNode j = f.json();
            String channel = j.get("arg").get("channel").asText();
            String inst = j.get("arg").path("instId").asText();
            if (j.has("event")) {
                raw.ignore("event:" + j.get("event").asText());
                if (channel.equals("trades")) {
                    tradesAckAt.put(inst, Double.parseDouble(f.seconds()));
                }
                continue;
            }
            raw.count(channel + (j.has("action") ? ":" + j.get("action").asText() : ""), 1);
            if (channel.startsWith("candle")) {
                raw.ignored++;
                continue;
            }
            for (JsonNode d : j.get("data")) {
                switch (channel) {
                    case "tickers" -> raw.bbo++;
                    case "trades" -> {
                        if (d.get("ts").asLong() < tradesAckAt.get(inst) * 1000) {
                            raw.ignore("pre-session trades");
                        } else {
                            raw.trades++;
                        }
                    }
                    case "books" -> {
                        ReferenceBook b = raw.book(inst);
                        if (j.get("action").asText().equals("snapshot")) {
                            raw.snapshots++;
                            b.clear();
                        } else {
                            raw.deltas++;
                            raw.syncedTop(inst);
                        }
                        raw.count("book levels", d.get("asks").size() + d.get("bids").size());
                        b.set(false, d.get("asks")).set(true, d.get("bids")).truncate(WINDOW);
                        raw.checksums += d.has("checksum") ? 1 : 0;
                    }
                    default -> throw new AssertionError("unexpected channel " + channel);
                }
            }
        }
        raw.books.keySet().retainAll(raw.syncedTops.keySet()); // a book without an update has no top to compare
        return raw;
    }
}
