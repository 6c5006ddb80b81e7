package io.rrralgorithms.connectors.adapters.kucoin;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.adapters.RawCounts;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.Mantissa;
import io.rrralgorithms.connectors.testkit.ReferenceBook;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The raw-line oracle of the KuCoin capture of 2021-04-25 (10 symbols, ~30 s) with its REST level2
 * snapshots, for both venue contracts: frames per type or subject, frames no long mantissa scale
 * holds dead letters, one delta per change, and per symbol the changes above the snapshot's sequence
 * replayed in sequence order. BCHSV-USDT's REST book is a dead letter, so its diffs wait for a
 * snapshot that never decodes; CAPP-BTC, ANKR-BTC and DAPPT-BTC (1e-10 ticks) book at scale 10.
 */
public final class KucoinOracle {
    private KucoinOracle() {}

    public static RawCounts count(List<Path> files) throws Exception {
        RawCounts raw = new RawCounts();
        Map<String, TreeMap<Long, String[]>> changes = new TreeMap<>(); // sequence -> side, price, size
        Path http = files.get(0).resolveSibling("KUCOIN.http.0.0");
        raw.count("REST books", CaptureLines.rest(http, "/market/orderbook/level2?").size());
        for (CaptureLines.Rest r : raw.restBooks(http, "/market/orderbook/level2?symbol=")) {
            String sym = r.url().substring(r.url().indexOf("symbol=") + 7);
            JsonNode d = RawCounts.JSON.readTree(r.body()).get("data");
            raw.book(sym).snapshot(Long.parseLong(d.get("sequence").asText())).apply(d.get("bids"), d.get("asks"));
            changes.put(sym, new TreeMap<>());
        }
        for (RawCounts.Frame f : raw.frames(files)) {
            JsonNode j = f.json();
            String type = j.get("type").asText();
            String kind = type.equals("message") ? j.get("subject").asText() : type;
            raw.count(kind, 1);
            if (!type.equals("message") || kind.startsWith("trade.candles")) {
                raw.ignored++; // welcome, acks, candles: their numbers are not decoded
                continue;
            }
            if (raw.dead(kind, Mantissa.quotedDecimals(f.text()))) {
                continue;
            }
            JsonNode d = j.get("data");
            switch (kind) {
                case "trade.l3match" -> raw.trades++;
                case "trade.ticker" -> raw.bbo++;
                case "trade.l2update" -> {
                    String sym = d.get("symbol").asText();
                    for (String side : List.of("bids", "asks")) {
                        for (JsonNode c : d.get("changes").get(side)) {
                            raw.deltas++; // one delta per change
                            long q = Long.parseLong(c.get(2).asText());
                            if (changes.containsKey(sym) && q > raw.books.get(sym).lastUpdateId) {
                                changes.get(sym).put(q, new String[] {side, c.get(0).asText(), c.get(1).asText()});
                            } else if (changes.containsKey(sym)) {
                                raw.stale++; // at or below the snapshot's sequence
                            }
                        }
                    }
                }
                default -> throw new AssertionError(kind);
            }
        }
        changes.forEach((sym, bySequence) -> {
            ReferenceBook b = raw.book(sym);
            bySequence.forEach((sequence, change) -> {
                raw.link(b, sequence, sequence == b.lastUpdateId + 1);
                if (!change[1].equals("0")) { // price 0: a sequence-only change
                    b.set(change[0].equals("bids"), change[1], change[2]);
                }
                raw.syncedTop(sym);
            });
        });
        return raw;
    }
}
