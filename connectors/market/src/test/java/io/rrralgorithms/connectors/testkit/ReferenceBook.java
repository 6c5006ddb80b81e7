package io.rrralgorithms.connectors.testkit;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;

/**
 * An order book kept the plain way, in two sorted maps (bids best first), for the tests' independent
 * replays of the raw lines: a size of zero removes the level.
 */
public final class ReferenceBook {
    public final TreeMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Collections.reverseOrder());
    public final TreeMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
    /** The last update id applied, where the venue sends one. */
    public long lastUpdateId = -1;

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

    public void clear() {
        bids.clear();
        asks.clear();
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
