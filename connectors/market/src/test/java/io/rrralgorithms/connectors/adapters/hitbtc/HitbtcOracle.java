package io.rrralgorithms.connectors.adapters.hitbtc;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.adapters.FrameGuard;
import io.rrralgorithms.connectors.adapters.RawCounts;
import io.rrralgorithms.connectors.testkit.ReferenceBook;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The raw-line oracle of the HitBTC family's captures (HitBTC and Bequant: API v2, July 2021; FMFW:
 * API v3, October 2021; 10 pairs each, ~30 s) for both venue contracts: frames per method (v2) or
 * channel/kind (v3) as facts; replies, candles and the trades sent on subscription ("past trades")
 * ignored; frames with a price or size no long mantissa scale holds dead letters; per symbol the
 * documented book ({@link RawCounts#chained}: a snapshot (re)starts it at its {@code sequence}, each
 * update must be sequence + 1); updates of a symbol without a snapshot: "unsynced updates".
 */
public final class HitbtcOracle {
    private HitbtcOracle() {}

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
        for (RawCounts.Frame f : raw.frames(files)) {
            JsonNode j = f.json();
            if (j.has("method")) {
                v2(raw, j);
            } else if (j.has("ch")) {
                if (guard && olderThanClockSkew(j, f.receiveMs())) {
                    raw.decodeErrors++;
                    raw.count(j.get("ch").asText() + " (beyond the frame guard's clock-skew limit)", 1);
                    continue;
                }
                v3(raw, j);
            } else if (j.has("result")) {
                raw.ignore("result");
            } else {
                throw new AssertionError("unknown frame " + f.text());
            }
        }
        raw.keepSyncedBooks();
        return raw;
    }

    private static void v2(RawCounts raw, JsonNode j) {
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
                if (!raw.dead(method, RawCounts.decimals(p.get("data"), "price", "quantity"))) {
                    raw.trades += p.get("data").size();
                    p.get("data").forEach(t -> raw.count("taker " + t.get("side").asText(), 1));
                }
            }
            case "ticker" -> {
                List<BigDecimal> values = RawCounts.decimals(p, "bid", "ask");
                if (values.isEmpty()) {
                    raw.ignored++;
                } else if (!raw.dead(method, values)) {
                    raw.bbo++;
                }
            }
            case "snapshotOrderbook", "updateOrderbook" -> book(raw, method, p.get("symbol").asText(),
                    p.get("sequence").asLong(), method.equals("snapshotOrderbook"), p.get("bid"), p.get("ask"));
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

    private static void v3(RawCounts raw, JsonNode j) {
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
                if (!raw.dead(ch, RawCounts.decimals(d, "p", "q"))) {
                    raw.trades += d.size();
                    d.forEach(t -> raw.count("taker " + t.get("s").asText(), 1));
                }
            }
            case "ticker/1s" -> raw.bbo += raw.dead(ch, RawCounts.decimals(d, "a", "A", "b", "B")) ? 0 : 1;
            case "orderbook/full" -> book(raw, ch + ":" + kind, e.getKey(), d.get("s").asLong(), kind.equals("snapshot"),
                    d.get("b"), d.get("a"));
            default -> throw new AssertionError("unknown channel " + ch);
        }
    }

    /** A level's price and size: v2's {@code {"price":..,"size":..}} objects, v3's {@code [price, size]} arrays. */
    private static List<String[]> levels(JsonNode side) {
        List<String[]> out = new ArrayList<>();
        side.forEach(l -> out.add(l.isArray() ? new String[] {l.get(0).asText(), l.get(1).asText()}
                : new String[] {l.get("price").asText(), l.get("size").asText()}));
        return out;
    }

    private static void book(RawCounts raw, String kind, String symbol, long sequence, boolean snapshot, JsonNode bidNodes,
            JsonNode askNodes) {
        List<String[]> bids = levels(bidNodes);
        List<String[]> asks = levels(askNodes);
        List<BigDecimal> values = new ArrayList<>();
        for (List<String[]> side : List.of(bids, asks)) {
            side.forEach(l -> values.addAll(List.of(new BigDecimal(l[0]), new BigDecimal(l[1]))));
        }
        if (raw.dead(kind, values)) {
            return;
        }
        ReferenceBook b = raw.books.get(symbol);
        if (snapshot) {
            raw.snapshots++;
            if (b != null && b.synced && b.lastUpdateId == sequence) {
                raw.count("repeated snapshots", 1);
            }
            b = raw.book(symbol).snapshot(sequence);
        } else {
            raw.deltas++;
            if (b == null) {
                raw.count("unsynced updates", 1);
                return;
            }
            if (!raw.chained(b, sequence, sequence == b.lastUpdateId + 1)) {
                return;
            }
            raw.syncedTop(symbol);
        }
        for (String[] l : bids) {
            b.set(true, l[0], l[1]);
        }
        for (String[] l : asks) {
            b.set(false, l[0], l[1]);
        }
    }
}
