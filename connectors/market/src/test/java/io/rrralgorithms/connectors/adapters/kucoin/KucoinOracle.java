package io.rrralgorithms.connectors.adapters.kucoin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.adapters.RawCounts;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.Mantissa;
import io.rrralgorithms.connectors.testkit.ReferenceBook;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The raw-line oracle of the KuCoin capture of 2021-04-25 (10 symbols, ~30 s; level2, match, ticker,
 * candles) with its REST level2 snapshots, for both venue contracts: frames per type or subject, the
 * frames whose numbers are finer than the 8-decimal scale (dead letters, a fact per kind), one delta
 * per change, and per symbol the changes above the snapshot's sequence, replayed in sequence order
 * into TreeMaps.
 *
 * <p>What the data has: four of the nine snapshots cannot be held exactly (CAPP-BTC, ANKR-BTC and
 * DAPPT-BTC have ticks of 1e-10; BCHSV-USDT's book holds one ask of size 0.00019434546), so
 * those books never sync (their diffs wait for a snapshot that never decodes): no gap, no top.
 * The five others (SNX-BTC, FET-BTC, NRG-BTC, COV-BTC, EQZ-BTC) sync and chain without a break.
 * KuCoin sends no checksum.
 */
public final class KucoinOracle {
    private static final ObjectMapper JSON = new ObjectMapper();

    private KucoinOracle() {}

    public static RawCounts count(List<Path> files) throws Exception {
        RawCounts raw = new RawCounts();
        Map<String, Long> snapshotSequence = new TreeMap<>();
        Map<String, TreeMap<Long, String[]>> changes = new TreeMap<>(); // sequence -> side, price, size
        Path http = files.get(0).resolveSibling("KUCOIN.http.0.0");
        raw.count("REST books", CaptureLines.rest(http, "/market/orderbook/level2?").size());
        for (CaptureLines.Rest r : raw.restBooks(http, "/market/orderbook/level2?symbol=")) {
            String sym = r.url().substring(r.url().indexOf("symbol=") + 7);
            JsonNode d = JSON.readTree(r.body()).get("data");
            snapshotSequence.put(sym, Long.parseLong(d.get("sequence").asText()));
            changes.put(sym, new TreeMap<>());
            ReferenceBook b = raw.book(sym);
            d.get("bids").forEach(l -> b.set(true, l.get(0).asText(), l.get(1).asText()));
            d.get("asks").forEach(l -> b.set(false, l.get(0).asText(), l.get(1).asText()));
        }
        for (String s : CaptureLines.payloads(files.get(0))) {
            raw.frames++;
            JsonNode j = JSON.readTree(s);
            String type = j.get("type").asText();
            String kind = type.equals("message") ? j.get("subject").asText() : type;
            raw.count(kind, 1);
            if (!type.equals("message") || kind.startsWith("trade.candles")) {
                raw.ignored++; // welcome, acks, candles: their numbers are not decoded
                continue;
            }
            if (!Mantissa.holdable(s)) {
                raw.decodeErrors++;
                raw.count(kind + " (no long scale holds it)", 1);
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
                            if (changes.containsKey(sym) && q > snapshotSequence.get(sym)) {
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
        for (Map.Entry<String, TreeMap<Long, String[]>> c : changes.entrySet()) {
            String sym = c.getKey();
            ReferenceBook b = raw.book(sym);
            long expect = snapshotSequence.get(sym) + 1;
            for (Map.Entry<Long, String[]> change : c.getValue().entrySet()) {
                raw.gaps += change.getKey() == expect ? 0 : 1;
                expect = change.getKey() + 1;
                if (!change.getValue()[1].equals("0")) { // price 0: a sequence-only change
                    b.set(change.getValue()[0].equals("bids"), change.getValue()[1], change.getValue()[2]);
                }
                raw.syncedTop(sym);
            }
            b.lastUpdateId = c.getValue().lastKey();
        }
        return raw;
    }
}
