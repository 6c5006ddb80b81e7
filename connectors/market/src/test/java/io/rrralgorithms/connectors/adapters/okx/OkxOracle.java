package io.rrralgorithms.connectors.adapters.okx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.adapters.RawCounts;
import io.rrralgorithms.connectors.testkit.CaptureLines;
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
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WINDOW = 400;

    private OkxOracle() {}

    public static RawCounts count(List<Path> files) throws Exception {
        RawCounts raw = new RawCounts();
        Map<String, Double> tradesAckAt = new HashMap<>();
        for (CaptureLines.Received line : files.stream().flatMap(f -> CaptureLines.received(f).stream()).toList()) {
            raw.frames++;
            JsonNode j = JSON.readTree(line.payload());
            if (j.has("event")) {
                raw.ignored++;
                raw.count("event:" + j.get("event").asText(), 1);
                if (j.get("arg").get("channel").asText().equals("trades")) {
                    tradesAckAt.put(j.get("arg").get("instId").asText(), Double.parseDouble(line.seconds()));
                }
                continue;
            }
            String channel = j.get("arg").get("channel").asText();
            String inst = j.get("arg").get("instId").asText();
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
                            raw.ignored++;
                            raw.count("pre-session trades", 1);
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
                        d.get("asks").forEach(l -> b.set(false, l.get(0).asText(), l.get(1).asText()));
                        d.get("bids").forEach(l -> b.set(true, l.get(0).asText(), l.get(1).asText()));
                        b.truncate(WINDOW);
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
