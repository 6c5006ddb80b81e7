package io.rrralgorithms.connectors.adapters.hitbtc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.adapters.FrameGuard;
import io.rrralgorithms.connectors.adapters.RawCounts;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.Mantissa;
import io.rrralgorithms.connectors.testkit.ReferenceBook;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The raw-line oracle of the HitBTC family's captures (HitBTC and Bequant: API v2, July 2021; FMFW:
 * API v3, October 2021; 10 pairs each, books, trades, tickers and candles, about 30 s) for both
 * venue contracts. It reads every received line with Jackson and {@link BigDecimal}, never with
 * the decoder or the synchronizer, and counts:
 *
 * <ul>
 *   <li>frames per method (v2) or channel/kind (v3) as facts; replies, candles and the trades sent
 *       on subscription ("past trades") ignored;
 *   <li>the frames with a price or size (of what a decoder reads: levels, trade price and
 *       quantity, ticker bid/ask and sizes) that the 8-decimal mantissa cannot hold (finer than
 *       1e-8, or above 9.2e10: FMFW's BORUSDT book asks 99999999999999): dead letters, a fact per kind;
 *   <li>per symbol, the books by the documented procedure: a snapshot (re)starts the book as its
 *       levels say, with its {@code sequence}; an update at or below the book's sequence is stale
 *       (repeated), the next must be sequence + 1 (else a gap, the book lost until the next
 *       snapshot); each applied update is a synced top, replayed into a sorted map;
 *   <li>updates of a symbol whose snapshot is a dead letter are never applied ("unsynced updates").
 * </ul>
 */
public final class HitbtcOracle {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HitbtcOracle() {}

    /** The book of one symbol as the raw lines give it. */
    private static final class Book {
        final ReferenceBook levels;
        long sequence;
        boolean synced;

        Book(ReferenceBook levels) {
            this.levels = levels;
        }
    }

    public static RawCounts count(List<Path> files) throws Exception {
        return count(files, false);
    }

    /**
     * What the pipeline gives: as {@link #count}, but a v3 book or ticker whose time is further
     * than the frame guard's clock-skew limit from its receive time is a dead letter (FMFW's
     * TRVBCH snapshot, 400 s old).
     */
    public static RawCounts replay(List<Path> files) throws Exception {
        return count(files, true);
    }

    private static RawCounts count(List<Path> files, boolean guard) throws Exception {
        RawCounts raw = new RawCounts();
        Map<String, Book> books = new TreeMap<>();
        for (Path file : files) {
            for (CaptureLines.Received r : CaptureLines.received(file)) {
                String p = r.payload();
                raw.frames++;
                JsonNode j = JSON.readTree(p);
                if (j.has("method")) {
                    v2(raw, books, j);
                } else if (j.has("ch")) {
                    if (guard && olderThanClockSkew(j, new BigDecimal(r.seconds()).movePointRight(3).longValue())) {
                        raw.decodeErrors++;
                        raw.count(j.get("ch").asText() + " (beyond the frame guard's clock-skew limit)", 1);
                        continue;
                    }
                    v3(raw, books, j);
                } else if (j.has("result")) {
                    raw.ignored++;
                    raw.count("result", 1);
                } else {
                    throw new AssertionError("unknown frame " + p);
                }
            }
        }
        books.forEach((s, b) -> {
            if (b.synced && raw.syncedTops.containsKey(s)) {
                b.levels.lastUpdateId = b.sequence;
                raw.books.put(s, b.levels);
            }
        });
        raw.count("books", raw.books.size());
        return raw;
    }

    private static void v2(RawCounts raw, Map<String, Book> books, JsonNode j) {
        String method = j.get("method").asText();
        JsonNode p = j.get("params");
        raw.count(method, 1);
        switch (method) {
            case "snapshotCandles", "updateCandles" -> raw.ignored++;
            case "snapshotTrades" -> {
                raw.ignored++;
                raw.count("past trades", p.get("data").size());
            }
            case "updateTrades" -> {
                List<String> values = new ArrayList<>();
                p.get("data").forEach(t -> {
                    values.add(t.get("price").asText());
                    values.add(t.get("quantity").asText());
                });
                if (dead(raw, method, values)) {
                    return;
                }
                raw.trades += p.get("data").size();
                p.get("data").forEach(t -> raw.count("taker " + t.get("side").asText(), 1));
            }
            case "ticker" -> {
                List<String> values = new ArrayList<>();
                for (String f : List.of("bid", "ask")) {
                    if (!p.get(f).isNull()) {
                        values.add(p.get(f).asText());
                    }
                }
                if (values.isEmpty()) {
                    raw.ignored++;
                } else if (!dead(raw, method, values)) {
                    raw.bbo++;
                }
            }
            case "snapshotOrderbook", "updateOrderbook" -> {
                List<String[]> bids = new ArrayList<>();
                List<String[]> asks = new ArrayList<>();
                p.get("bid").forEach(l -> bids.add(new String[] {l.get("price").asText(), l.get("size").asText()}));
                p.get("ask").forEach(l -> asks.add(new String[] {l.get("price").asText(), l.get("size").asText()}));
                book(raw, books, method, p.get("symbol").asText(), p.get("sequence").asLong(),
                        method.equals("snapshotOrderbook"), bids, asks);
            }
            default -> throw new AssertionError("unknown method " + method);
        }
    }

    /** Whether a v3 book or ticker's time is further than the frame guard's default skew limit from {@code receiveMs}. */
    private static boolean olderThanClockSkew(JsonNode j, long receiveMs) {
        for (String kind : List.of("snapshot", "update", "data")) {
            for (JsonNode d : j.path(kind)) {
                if (d.isObject() && d.has("t") && Math.abs(receiveMs - d.get("t").asLong())
                        > FrameGuard.Limits.DEFAULT_MAX_CLOCK_SKEW_MS) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void v3(RawCounts raw, Map<String, Book> books, JsonNode j) {
        String ch = j.get("ch").asText();
        String kind = j.has("snapshot") ? "snapshot" : j.has("update") ? "update" : "data";
        raw.count(ch + ":" + kind, 1);
        if (ch.startsWith("candles/") || ch.equals("trades") && kind.equals("snapshot")) {
            raw.ignored++;
            return;
        }
        JsonNode bySymbol = j.get(kind);
        if (bySymbol.size() != 1) {
            throw new AssertionError("the captures have one symbol a frame: " + j);
        }
        Map.Entry<String, JsonNode> e = bySymbol.fields().next();
        JsonNode d = e.getValue();
        switch (ch) {
            case "trades" -> {
                List<String> values = new ArrayList<>();
                d.forEach(t -> {
                    values.add(t.get("p").asText());
                    values.add(t.get("q").asText());
                });
                if (!dead(raw, ch, values)) {
                    raw.trades += d.size();
                    d.forEach(t -> raw.count("taker " + t.get("s").asText(), 1));
                }
            }
            case "ticker/1s" -> {
                List<String> values = new ArrayList<>();
                for (String f : List.of("a", "A", "b", "B")) {
                    if (d.hasNonNull(f) && !d.get(f).asText().isEmpty()) {
                        values.add(d.get(f).asText());
                    }
                }
                if (!dead(raw, ch, values)) {
                    raw.bbo++;
                }
            }
            case "orderbook/full" -> {
                List<String[]> bids = new ArrayList<>();
                List<String[]> asks = new ArrayList<>();
                d.get("b").forEach(l -> bids.add(new String[] {l.get(0).asText(), l.get(1).asText()}));
                d.get("a").forEach(l -> asks.add(new String[] {l.get(0).asText(), l.get(1).asText()}));
                book(raw, books, ch + ":" + kind, e.getKey(), d.get("s").asLong(), kind.equals("snapshot"), bids, asks);
            }
            default -> throw new AssertionError("unknown channel " + ch);
        }
    }

    private static void book(RawCounts raw, Map<String, Book> books, String kind, String symbol, long sequence,
            boolean snapshot, List<String[]> bids, List<String[]> asks) {
        List<String> values = new ArrayList<>();
        for (List<String[]> side : List.of(bids, asks)) {
            side.forEach(l -> {
                values.add(l[0]);
                values.add(l[1]);
            });
        }
        if (dead(raw, kind, values)) {
            return;
        }
        if (snapshot) {
            raw.snapshots++;
            Book b = books.computeIfAbsent(symbol, s -> new Book(new ReferenceBook()));
            if (b.synced && b.sequence == sequence) {
                raw.count("repeated snapshots", 1);
            }
            b.levels.clear();
            bids.forEach(l -> b.levels.set(true, l[0], l[1]));
            asks.forEach(l -> b.levels.set(false, l[0], l[1]));
            b.sequence = sequence;
            b.synced = true;
            return;
        }
        raw.deltas++;
        Book b = books.get(symbol);
        if (b == null) {
            raw.count("unsynced updates", 1);
            return;
        }
        if (sequence <= b.sequence) {
            raw.stale++;
            return;
        }
        if (!b.synced) {
            return; // lost until the next snapshot
        }
        if (sequence != b.sequence + 1) {
            raw.gaps++;
            b.synced = false;
            return;
        }
        b.sequence = sequence;
        bids.forEach(l -> b.levels.set(true, l[0], l[1]));
        asks.forEach(l -> b.levels.set(false, l[0], l[1]));
        raw.syncedTop(symbol);
    }

    /**
     * Whether a value does not fit the model's 8-decimal mantissa (finer than 1e-8, or too large for a
     * long at that scale): the frame is a dead letter, counted under its kind and why.
     */
    private static boolean dead(RawCounts raw, String kind, List<String> values) {
        if (Mantissa.holdableStrings(values)) {
            return false;
        }
        raw.decodeErrors++;
        raw.count(kind + " (no long scale holds it)", 1);
        return true;
    }
}
