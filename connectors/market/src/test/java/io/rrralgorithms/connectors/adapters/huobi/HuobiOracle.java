package io.rrralgorithms.connectors.adapters.huobi;

import com.fasterxml.jackson.databind.DeserializationFeature;
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
 * The raw-line oracle of Huobi's captures (spot {@code HUOBI.ws.44.0}, April 2021; swaps
 * {@code HUOBI_SWAP.ws.1.0} coin-margined and {@code .ws.2.0} USDT-margined, February 2022; 5 or
 * 10 instruments each, books and trades, about 30 s) for both venue contracts. It reads every
 * received line's text ({@link CaptureLines#text}: the recorded bytes literal read back and
 * gunzipped) with Jackson and {@link BigDecimal}, never with the decoder or the synchronizer, and
 * counts:
 *
 * <ul>
 *   <li>frames per kind as facts ({@code ping}, {@code status:ok}, {@code depth.step0},
 *       {@code trade.detail}); pings and replies ignored;
 *   <li>the frames with a price or size (levels; trade price and amount) that the 8-decimal
 *       mantissa cannot hold (finer than 1e-8, or 1e10 and above): dead letters, a fact per kind;
 *       for the pipeline ({@link #replay}) also the trades older than the frame guard's clock-skew
 *       limit;
 *   <li>per symbol, the book as Huobi documents {@code depth.step0}: every message the whole book,
 *       its version spot's {@code version}, the swaps' {@code mrid}; a book not newer than the
 *       last one taken is a repeat ("repeated books"), every other one a synced top, the book
 *       replaced by its levels in a sorted map.
 * </ul>
 */
public final class HuobiOracle {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private HuobiOracle() {}

    /** What the decoder gives. */
    public static RawCounts count(List<Path> files) throws Exception {
        return count(files, false);
    }

    /**
     * What the pipeline gives: as {@link #count}, but a trade message whose trade is older than the
     * frame guard's clock-skew limit before its receive time (the last trade Huobi repeats on
     * subscribing, 39 min old for an illiquid swap) is a dead letter.
     */
    public static RawCounts replay(List<Path> files) throws Exception {
        return count(files, true);
    }

    private static RawCounts count(List<Path> files, boolean guard) throws Exception {
        RawCounts raw = new RawCounts();
        Map<String, ReferenceBook> books = new TreeMap<>();
        for (Path file : files) {
            boolean swap = file.getFileName().toString().startsWith("HUOBI_SWAP");
            for (CaptureLines.Received r : CaptureLines.received(file)) {
                raw.frames++;
                long receiveMs = new BigDecimal(r.seconds()).movePointRight(3).longValue();
                JsonNode j = JSON.readTree(CaptureLines.text(r.payload()));
                if (j.has("ping") || j.has("status")) {
                    raw.ignored++;
                    raw.count(j.has("ping") ? "ping" : "status:" + j.get("status").asText(), 1);
                    continue;
                }
                String[] ch = j.get("ch").asText().split("\\.", 3);
                String symbol = ch[1];
                String channel = ch[2];
                raw.count(channel, 1);
                JsonNode tick = j.get("tick");
                switch (channel) {
                    case "depth.step0" -> book(raw, books, symbol, tick.get(swap ? "mrid" : "version").asLong(), tick);
                    case "trade.detail" -> {
                        List<BigDecimal> values = new ArrayList<>();
                        tick.get("data").forEach(t -> {
                            values.add(t.get("price").decimalValue());
                            values.add(t.get("amount").decimalValue());
                        });
                        boolean late = false;
                        for (JsonNode t : tick.get("data")) {
                            late |= guard && t.get("ts").asLong() < receiveMs - FrameGuard.Limits.DEFAULT_MAX_CLOCK_SKEW_MS;
                        }
                        if (late) {
                            raw.decodeErrors++;
                            raw.count(channel + " (older than the frame guard's clock-skew limit)", 1);
                        } else if (!dead(raw, channel, values)) {
                            raw.trades += tick.get("data").size();
                            tick.get("data").forEach(t -> raw.count("taker " + t.get("direction").asText(), 1));
                        }
                    }
                    default -> throw new AssertionError("a channel the captures do not hold: " + channel);
                }
            }
        }
        books.forEach((s, b) -> {
            if (raw.syncedTops.containsKey(s)) {
                raw.books.put(s, b);
            }
        });
        raw.count("books", raw.books.size());
        return raw;
    }

    private static void book(RawCounts raw, Map<String, ReferenceBook> books, String symbol, long version, JsonNode tick) {
        List<BigDecimal> values = new ArrayList<>();
        for (String side : List.of("bids", "asks")) {
            tick.get(side).forEach(l -> {
                values.add(l.get(0).decimalValue());
                values.add(l.get(1).decimalValue());
            });
        }
        if (dead(raw, "depth.step0", values)) {
            return;
        }
        raw.snapshots++;
        ReferenceBook b = books.computeIfAbsent(symbol, s -> new ReferenceBook());
        if (b.lastUpdateId >= 0 && version <= b.lastUpdateId) {
            raw.count("repeated books", 1);
            return;
        }
        b.clear();
        tick.get("bids").forEach(l -> b.set(true, l.get(0).decimalValue(), l.get(1).decimalValue()));
        tick.get("asks").forEach(l -> b.set(false, l.get(0).decimalValue(), l.get(1).decimalValue()));
        b.lastUpdateId = version;
        raw.syncedTop(symbol);
    }

    /** Whether a value does not fit the model's 8-decimal mantissa: the frame is a dead letter, counted under its kind. */
    private static boolean dead(RawCounts raw, String kind, List<BigDecimal> values) {
        if (Mantissa.holdable(values)) {
            return false;
        }
        raw.decodeErrors++;
        raw.count(kind + " (no long scale holds it)", 1);
        return true;
    }
}
