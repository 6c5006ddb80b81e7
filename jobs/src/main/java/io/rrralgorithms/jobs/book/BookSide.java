package io.rrralgorithms.jobs.book;

import io.rrralgorithms.connectors.model.Decimals;
import java.util.Arrays;

/**
 * One side of an L2 book: levels as parallel primitive arrays of exact price and size mantissas,
 * sorted best first (bids descending, asks ascending). Arrays rather than a TreeMap: no boxing,
 * cache-friendly updates near the top, and a compact Flink POJO for keyed state.
 */
public class BookSide {
    public boolean bids;
    public long[] prices;
    public long[] sizes;
    public int count;

    public BookSide() {}

    public static BookSide of(boolean bids, int capacity) {
        BookSide s = new BookSide();
        s.bids = bids;
        s.prices = new long[Math.max(capacity, 16)];
        s.sizes = new long[s.prices.length];
        return s;
    }

    /** Sets a level's absolute size; size 0 removes it. */
    public void set(long price, long size) {
        int i = find(price);
        if (i >= 0) {
            if (size == 0) {
                System.arraycopy(prices, i + 1, prices, i, count - i - 1);
                System.arraycopy(sizes, i + 1, sizes, i, count - i - 1);
                count--;
            } else {
                sizes[i] = size;
            }
            return;
        }
        if (size == 0) {
            return; // removing a level we do not have: normal for diffs outside our depth
        }
        int at = -i - 1;
        if (count == prices.length) {
            int cap = prices.length * 2;
            prices = Arrays.copyOf(prices, cap);
            sizes = Arrays.copyOf(sizes, cap);
        }
        System.arraycopy(prices, at, prices, at + 1, count - at);
        System.arraycopy(sizes, at, sizes, at + 1, count - at);
        prices[at] = price;
        sizes[at] = size;
        count++;
    }

    /** Binary search in best-first order; like {@link Arrays#binarySearch}, -(insertion point) - 1 if absent. */
    int find(long price) {
        int lo = 0;
        int hi = count - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long p = prices[mid];
            if (p == price) {
                return mid;
            }
            boolean before = bids ? p > price : p < price; // p is better than price
            if (before) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -(lo + 1);
    }

    /**
     * Rescales the prices ({@code prices}) or the sizes of every level from scale {@code from}
     * to {@code to}, exactly; the order of levels is unchanged by an exact rescale.
     *
     * @throws ArithmeticException (with nothing changed) if a value overflows or is not exact at {@code to}
     */
    public void rescale(boolean prices, int from, int to) {
        Decimals.rescale(prices ? this.prices : sizes, count, from, to);
    }

    /** Keeps the best {@code n} levels. */
    public void truncate(int n) {
        if (count > n) {
            Arrays.fill(prices, n, count, 0L);
            Arrays.fill(sizes, n, count, 0L);
            count = n;
        }
    }

    /** Spare capacity kept above a pruned side: room for a few diffs' new levels before the arrays grow. */
    static final int PRUNE_SLACK = 64;

    /**
     * Keeps the best {@code n} levels and shrinks the arrays to {@code n} plus {@link #PRUNE_SLACK}:
     * the arrays are what keyed state serializes (capacity included), so a side that once grew
     * past {@code n} does not keep its peak size in every checkpoint.
     */
    public void prune(int n) {
        truncate(n);
        int capacity = Math.max(n + PRUNE_SLACK, 16);
        if (prices.length > capacity && count <= n) {
            prices = Arrays.copyOf(prices, capacity);
            sizes = Arrays.copyOf(sizes, capacity);
        }
    }

    public void clear() {
        count = 0;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    public long bestPrice() {
        return prices[0];
    }

    public long bestSize() {
        return sizes[0];
    }

    public long[] topPrices(int n) {
        return Arrays.copyOf(prices, Math.min(n, count));
    }

    public long[] topSizes(int n) {
        return Arrays.copyOf(sizes, Math.min(n, count));
    }
}
