package io.rrralgorithms.connectors.adapters.phemex;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.adapters.RawCounts;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.ReferenceBook;
import io.rrralgorithms.connectors.testkit.SharedData;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw-line oracle of the Phemex capture (July 2021: books and trades of 5 USD perpetuals and 5
 * spot pairs in {@code PHEMEX.ws.1.0}, their candles in {@code PHEMEX.ws.2.0}, ~30 s) for both venue
 * contracts, at the scales of the recorded product list {@code PHEMEX.0} (a contract's
 * {@code priceScale} and whole contracts; spot prices at the documented 8, quantities at the base
 * currency's {@code valueScale}). Per symbol, Phemex's procedure: a snapshot (re)starts the book, one
 * at or below its sequence is a re-sent copy (a fact, and whether it equals the book); an update at
 * or below the snapshot's sequence before any is applied is stale, one below the book's a gap; after
 * each, a side must hold the message's {@code depth} levels ("books outside the window").
 */
public final class PhemexOracle {
    private PhemexOracle() {}

    /** Price and quantity scales of one product, as the recorded listing gives them. */
    private record Scales(int price, int size) {}

    public static RawCounts count(List<Path> files) throws Exception {
        Map<String, Scales> scales = listedScales();
        RawCounts raw = new RawCounts();
        for (JsonNode j : raw.json(files)) {
            if (j.has("result")) {
                raw.ignore("reply");
            } else if (j.has("kline")) {
                raw.ignore("kline:" + j.get("type").asText());
            } else if (j.has("trades")) {
                String type = j.get("type").asText();
                raw.count("trades:" + type, 1);
                if (type.equals("snapshot")) {
                    raw.ignored++;
                    raw.count("past trades", j.get("trades").size());
                } else {
                    raw.trades += j.get("trades").size();
                    j.get("trades").forEach(t -> raw.count("taker " + t.get(1).asText(), 1));
                }
            } else if (j.has("book")) {
                book(raw, j, scales.get(j.get("symbol").asText()));
            } else {
                throw new AssertionError("unknown frame " + j);
            }
        }
        raw.keepSyncedBooks();
        return raw;
    }

    private static void book(RawCounts raw, JsonNode j, Scales scale) {
        String symbol = j.get("symbol").asText();
        String type = j.get("type").asText();
        long sequence = j.get("sequence").asLong();
        raw.count("book:" + type, 1);
        ReferenceBook b = raw.book(symbol);
        if (type.equals("snapshot")) {
            raw.snapshots++;
            if (b.synced && sequence <= b.lastUpdateId) {
                raw.count("re-sent snapshots", 1);
                ReferenceBook snap = levels(new ReferenceBook(), j, scale);
                if (!snap.bids.equals(b.bids) || !snap.asks.equals(b.asks)) {
                    raw.count("re-sent snapshots unlike the book", 1);
                }
            } else {
                levels(b.snapshot(sequence), j, scale);
            }
            return;
        }
        raw.deltas++;
        if (!b.synced) {
            raw.count("unsynced updates", 1);
        } else if (!b.applied && sequence <= b.lastUpdateId) {
            raw.stale++;
        } else if (sequence < b.lastUpdateId) {
            raw.gaps++;
            b.synced = false;
        } else {
            levels(b, j, scale).lastUpdateId = sequence;
            b.applied = true;
            raw.syncedTop(symbol);
            int depth = j.get("depth").asInt();
            if (b.bids.size() != depth || b.asks.size() != depth) {
                raw.count("books outside the window", 1);
            }
        }
    }

    private static ReferenceBook levels(ReferenceBook book, JsonNode j, Scales scale) {
        for (String side : List.of("bids", "asks")) {
            for (JsonNode l : j.get("book").get(side)) {
                book.set(side.equals("bids"), BigDecimal.valueOf(l.get(0).longValue(), scale.price()),
                        BigDecimal.valueOf(l.get(1).longValue(), scale.size()));
            }
        }
        return book;
    }

    /** Every product's scales from the recorded list {@code PHEMEX.0}. */
    private static Map<String, Scales> listedScales() throws Exception {
        String body = CaptureLines.rest(SharedData.cryptofeed("PHEMEX.0"), "/cfg/v2/products").get(0).body();
        JsonNode data = RawCounts.JSON.readTree(body).get("data");
        Map<String, Integer> valueScale = new HashMap<>();
        data.get("currencies").forEach(c -> valueScale.put(c.get("currency").asText(), c.get("valueScale").asInt()));
        Map<String, Scales> out = new HashMap<>();
        for (JsonNode p : data.get("products")) {
            boolean spot = p.get("type").asText().equals("Spot");
            out.put(p.get("symbol").asText(), spot ? new Scales(8, valueScale.get(p.get("baseCurrency").asText()))
                    : new Scales(p.get("priceScale").asInt(), 0));
        }
        return out;
    }
}
