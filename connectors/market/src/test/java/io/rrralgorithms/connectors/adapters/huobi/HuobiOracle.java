package io.rrralgorithms.connectors.adapters.huobi;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.adapters.FrameGuard;
import io.rrralgorithms.connectors.adapters.RawCounts;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.ReferenceBook;
import java.nio.file.Path;
import java.util.List;

/**
 * The raw-line oracle of Huobi's captures (spot {@code HUOBI.ws.44.0}, April 2021; swaps
 * {@code HUOBI_SWAP.ws.1.0} coin-margined and {@code .ws.2.0} USDT-margined, February 2022; books
 * and trades, ~30 s) for both venue contracts, on each line's text ({@link CaptureLines#text}: the
 * recorded gzip bytes read back): frames per kind as facts, pings and replies ignored, frames no long
 * mantissa scale holds dead letters; every {@code depth.step0} is the whole book at its version
 * (spot's {@code version}, the swaps' {@code mrid}): one not newer than the last taken is a repeat
 * ("repeated books"), every other one a synced top.
 */
public final class HuobiOracle {
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
        for (Path file : files) {
            boolean swap = file.getFileName().toString().startsWith("HUOBI_SWAP");
            for (RawCounts.Frame f : raw.frames(List.of(file))) {
                JsonNode j = f.json();
                if (j.has("ping") || j.has("status")) {
                    raw.ignore(j.has("ping") ? "ping" : "status:" + j.get("status").asText());
                    continue;
                }
                String[] ch = j.get("ch").asText().split("\\.", 3);
                String symbol = ch[1];
                String channel = ch[2];
                raw.count(channel, 1);
                JsonNode tick = j.get("tick");
                switch (channel) {
                    case "depth.step0" -> {
                        if (raw.dead(channel, RawCounts.levels(tick.get("bids"), tick.get("asks")))) {
                            continue;
                        }
                        raw.snapshots++;
                        long version = tick.get(swap ? "mrid" : "version").asLong();
                        ReferenceBook b = raw.book(symbol);
                        if (b.lastUpdateId >= 0 && version <= b.lastUpdateId) {
                            raw.count("repeated books", 1);
                        } else {
                            b.snapshot(version).apply(tick.get("bids"), tick.get("asks"));
                            raw.syncedTop(symbol);
                        }
                    }
                    case "trade.detail" -> {
                        boolean late = false;
                        for (JsonNode t : tick.get("data")) {
                            late |= guard && t.get("ts").asLong() < f.receiveMs() - FrameGuard.Limits.DEFAULT_MAX_CLOCK_SKEW_MS;
                        }
                        if (late) {
                            raw.decodeErrors++;
                            raw.count(channel + " (older than the frame guard's clock-skew limit)", 1);
                        } else if (!raw.dead(channel, RawCounts.decimals(tick.get("data"), "price", "amount"))) {
                            raw.trades += tick.get("data").size();
                            tick.get("data").forEach(t -> raw.count("taker " + t.get("direction").asText(), 1));
                        }
                    }
                    default -> throw new AssertionError("a channel the captures do not hold: " + channel);
                }
            }
        }
        raw.keepSyncedBooks();
        return raw;
    }
}
