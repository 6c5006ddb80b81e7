package io.rrralgorithms.connectors.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;

/**
 * An order book kept the plain way, in two sorted maps (bids best first), for the tests' independent
 * replays of the raw lines: a size of zero removes the level. The sync state (id, synced,
 * applied) is the oracles' own, driven by the rule families of {@code RawCounts}.
 */
public final class ReferenceBook {
    public final TreeMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Collections.reverseOrder());
    public final TreeMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
    /** The last update id applied, where the venue sends one. */
    public long lastUpdateId = -1;
    /** A snapshot taken and no gap since. */
    public boolean synced;
    /** An update applied since the last snapshot. */
    public boolean applied;

    public TreeMap<BigDecimal, BigDecimal> side(boolean bid) {
        return bid ? bids : asks;
    }

    public void set(boolean bid, BigDecimal price, BigDecimal size) {
        if (size.signum() == 0) {
            side(bid).remove(price);
        } else {
            side(bid).put(price, size);
        }
    }

    public void set(boolean bid, String price, String size) {
        set(bid, new BigDecimal(price), new BigDecimal(size));
    }

    /** Sets each {@code [price, size, ...]} level of {@code levels} (JSON numbers or strings) on one side. */
    public ReferenceBook set(boolean bid, JsonNode levels) {
        levels.forEach(l -> set(bid, l.get(0).asText(), l.get(1).asText()));
        return this;
    }

    /** {@link #set(boolean, JsonNode)} of both sides. */
    public ReferenceBook apply(JsonNode bids, JsonNode asks) {
        return set(true, bids).set(false, asks);
    }

    public void clear() {
        bids.clear();
        asks.clear();
    }

    /** A snapshot with update id {@code id} (re)starts the book: cleared and synced. */
    public ReferenceBook snapshot(long id) {
        clear();
        lastUpdateId = id;
        synced = true;
        applied = false;
        return this;
    }

    /** Keeps the best {@code depth} levels a side, as a venue's book window does. */
    public void truncate(int depth) {
        for (TreeMap<BigDecimal, BigDecimal> side : List.of(bids, asks)) {
            while (side.size() > depth) {
                side.pollLastEntry();
            }
        }
    }

    /** The best {@code depth} prices of a side as mantissas. */
    public long[] prices(boolean bid, int depth) {
        return side(bid).keySet().stream().limit(depth).mapToLong(Mantissa::m).toArray();
    }

    /** The sizes of the best {@code depth} levels of a side as mantissas. */
    public long[] sizes(boolean bid, int depth) {
        return side(bid).values().stream().limit(depth).mapToLong(Mantissa::m).toArray();
    }

    /** The best {@code depth} prices of a side as mantissas with {@code scale} fractional digits. */
    public long[] prices(boolean bid, int depth, int scale) {
        return side(bid).keySet().stream().limit(depth).mapToLong(p -> Mantissa.m(p, scale)).toArray();
    }

    /** The sizes of the best {@code depth} levels of a side as mantissas with {@code scale} fractional digits. */
    public long[] sizes(boolean bid, int depth, int scale) {
        return side(bid).values().stream().limit(depth).mapToLong(v -> Mantissa.m(v, scale)).toArray();
    }
}
