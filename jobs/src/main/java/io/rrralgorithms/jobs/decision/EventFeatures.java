package io.rrralgorithms.jobs.decision;

import io.rrralgorithms.connectors.model.Decimals;

/**
 * One instrument's per-event features, maintained incrementally on every book top, BBO and trade
 * (in the instrument's arrival order), for the per-event decision path:
 *
 * <ol>
 *   <li>{@code spread_bps}: (ask − bid) / mid × 10⁴ of the best level;
 *   <li>{@code microprice_imbalance}: (microprice − mid) / half spread, in [−1, 1], where microprice
 *       = (bid × askSize + ask × bidSize) / (bidSize + askSize), i.e. the best level's size imbalance;
 *   <li>{@code depth_imbalance}: (Σ bid sizes − Σ ask sizes) / (Σ bid + Σ ask) over the book's first
 *       {@code imbalanceLevels} levels, in [−1, 1];
 *   <li>{@code ofi}: order-flow imbalance of the best level (Cont, Kukanov and Stoikov 2014) summed
 *       over the flow window, base units;
 *   <li>{@code trade_flow}: (buy − sell) / (buy + sell) taker volume over the flow window, in [−1, 1]
 *       (0 without trades);
 *   <li>{@code trade_count}: trades in the flow window;
 *   <li>{@code realized_vol_bps}: √Σ r² × 10⁴ of the log returns r of the mid between consecutive
 *       best-level changes within the volatility window.
 * </ol>
 *
 * Windows are (t − W, t] in the instrument's event time, t its latest event; each window is a ring
 * of its entries with running sums, so an event costs O(1) amortized. The integer sums (OFI, trade
 * volumes) are exact mantissas; the sum of squared returns is a double, recomputed from the ring
 * whenever the ring empties and every {@link #RESUM_EVERY} removals so that rounding cannot build up.
 *
 * <p>Best level: where the venue sends a BBO stream (Binance {@code bookTicker}), the best level comes
 * from it alone (it is newer than the depth stream's top, and mixing the two would make OFI count
 * the lag between them as flow); otherwise from the book top. The depth imbalance always comes from
 * the book.
 *
 * <p>A Flink POJO (public fields, arrays) without Flink: the decision operator keeps it in keyed state.
 */
public class EventFeatures {
    public static final int SIZE = 7;
    public static final String[] NAMES = {"spread_bps", "microprice_imbalance", "depth_imbalance", "ofi",
        "trade_flow", "trade_count", "realized_vol_bps"};
    static final int RESUM_EVERY = 4096;

    public long flowWindowMs;
    public long volWindowMs;
    public int imbalanceLevels;

    /** Whether this instrument's best level comes from BBO events (one was seen). */
    public boolean bboStream;
    /** The best level last seen (0 prices: none yet). */
    public long bidPrice;
    public long bidSize;
    public long askPrice;
    public long askSize;
    public double depthImbalance;
    public boolean hasDepth;
    /** The latest event time, ms. */
    public long timeMs = Long.MIN_VALUE;

    /** OFI entries (time, mantissa) and their sum. */
    public long[] ofiTimes = new long[0];
    public long[] ofiValues = new long[0];
    public int ofiHead;
    public int ofiSize;
    public long ofiSum;

    /** Trades (time, signed size mantissa: + buy) and the buy/sell volume sums. */
    public long[] tradeTimes = new long[0];
    public long[] tradeSizes = new long[0];
    public int tradeHead;
    public int tradeSize;
    public long buyVolume;
    public long sellVolume;

    /** Squared mid log returns (time, r²) and their sum. */
    public long[] retTimes = new long[0];
    public double[] retValues = new double[0];
    public int retHead;
    public int retSize;
    public double retSum;
    public int retRemovals;

    public EventFeatures() {}

    public EventFeatures(long flowWindowMs, long volWindowMs, int imbalanceLevels) {
        if (flowWindowMs < 1 || volWindowMs < 1 || imbalanceLevels < 1) {
            throw new IllegalArgumentException("feature windows must be >= 1 ms and imbalance levels >= 1");
        }
        this.flowWindowMs = flowWindowMs;
        this.volWindowMs = volWindowMs;
        this.imbalanceLevels = imbalanceLevels;
    }

    /** A book top: its levels (best first) and time. The best level counts unless a BBO stream gives it. */
    public void onBook(long[] bidPrices, long[] bidSizes, long[] askPrices, long[] askSizes, long timeMs) {
        advance(timeMs);
        long bids = 0;
        long asks = 0;
        for (int i = 0; i < Math.min(imbalanceLevels, bidSizes.length); i++) {
            bids += bidSizes[i];
        }
        for (int i = 0; i < Math.min(imbalanceLevels, askSizes.length); i++) {
            asks += askSizes[i];
        }
        hasDepth = bids + asks > 0;
        depthImbalance = hasDepth ? (double) (bids - asks) / (double) (bids + asks) : 0.0;
        if (!bboStream && bidPrices.length > 0 && askPrices.length > 0) {
            best(bidPrices[0], bidSizes[0], askPrices[0], askSizes[0]);
        }
    }

    /** A best bid and offer of the venue's BBO stream: from now on the best level comes from these alone. */
    public void onBbo(long bid, long bidQty, long ask, long askQty, long timeMs) {
        advance(timeMs);
        bboStream = true;
        best(bid, bidQty, ask, askQty);
    }

    /** A public trade; {@code takerBuy} when the aggressor bought. */
    public void onTrade(long size, boolean takerBuy, long timeMs) {
        advance(timeMs);
        int i = push(Ring.TRADES);
        tradeTimes[i] = this.timeMs;
        tradeSizes[i] = takerBuy ? size : -size;
        if (takerBuy) {
            buyVolume += size;
        } else {
            sellVolume += size;
        }
    }

    /** Whether a best level with both sides was seen: the features are defined. */
    public boolean ready() {
        return bidPrice > 0 && askPrice > 0 && askPrice > bidPrice;
    }

    /** The feature vector (see the class comment for the order); only when {@link #ready()}. */
    public float[] vector() {
        float[] v = new float[SIZE];
        fill(v);
        return v;
    }

    /** Fills {@code v} with the features. */
    public void fill(float[] v) {
        double bid = bidPrice;
        double ask = askPrice;
        double mid = (bid + ask) / 2.0;
        double halfSpread = (ask - bid) / 2.0;
        double micro = (bid * askSize + ask * bidSize) / Math.max(1.0, (double) bidSize + askSize);
        long traded = buyVolume + sellVolume;
        v[0] = (float) ((ask - bid) / mid * 1e4);
        v[1] = (float) (bidSize + askSize == 0 ? 0.0 : (micro - mid) / halfSpread);
        v[2] = (float) depthImbalance;
        v[3] = (float) Decimals.toDouble(ofiSum);
        v[4] = (float) (traded == 0 ? 0.0 : (double) (buyVolume - sellVolume) / traded);
        v[5] = tradeSize;
        v[6] = (float) (Math.sqrt(Math.max(0.0, retSum)) * 1e4);
    }

    private void best(long bid, long bidQty, long ask, long askQty) {
        if (bidPrice > 0 && askPrice > 0) {
            // Cont, Kukanov, Stoikov: e = 1{Pb >= Pb'} qb − 1{Pb <= Pb'} qb' − 1{Pa <= Pa'} qa + 1{Pa >= Pa'} qa'
            long e = 0;
            if (bid >= bidPrice) {
                e += bidQty;
            }
            if (bid <= bidPrice) {
                e -= bidSize;
            }
            if (ask <= askPrice) {
                e -= askQty;
            }
            if (ask >= askPrice) {
                e += askSize;
            }
            if (e != 0) {
                int i = push(Ring.OFI);
                ofiTimes[i] = timeMs;
                ofiValues[i] = e;
                ofiSum += e;
            }
            if (bid != bidPrice || ask != askPrice) {
                double r = Math.log(((double) bid + ask) / ((double) bidPrice + askPrice));
                int i = push(Ring.RETURNS);
                retTimes[i] = timeMs;
                retValues[i] = r * r;
                retSum += r * r;
            }
        }
        bidPrice = bid;
        bidSize = bidQty;
        askPrice = ask;
        askSize = askQty;
    }

    /** Moves the clock to {@code t} (never back: arrival order may carry slightly older times) and expires entries. */
    private void advance(long t) {
        if (t > timeMs) {
            timeMs = t;
        }
        long flowStart = timeMs - flowWindowMs; // entries at or before this are out of (t − W, t]
        while (ofiSize > 0 && ofiTimes[ofiHead] <= flowStart) {
            ofiSum -= ofiValues[ofiHead];
            ofiHead = (ofiHead + 1) % ofiTimes.length;
            ofiSize--;
        }
        while (tradeSize > 0 && tradeTimes[tradeHead] <= flowStart) {
            long s = tradeSizes[tradeHead];
            if (s >= 0) {
                buyVolume -= s;
            } else {
                sellVolume += s;
            }
            tradeHead = (tradeHead + 1) % tradeTimes.length;
            tradeSize--;
        }
        long volStart = timeMs - volWindowMs;
        boolean removed = false;
        while (retSize > 0 && retTimes[retHead] <= volStart) {
            retSum -= retValues[retHead];
            retHead = (retHead + 1) % retTimes.length;
            retSize--;
            retRemovals++;
            removed = true;
        }
        if (removed && (retSize == 0 || retRemovals >= RESUM_EVERY)) {
            double s = 0;
            for (int k = 0; k < retSize; k++) {
                s += retValues[(retHead + k) % retValues.length];
            }
            retSum = s;
            retRemovals = 0;
        }
    }

    private enum Ring { OFI, TRADES, RETURNS }

    /** The slot of a new entry at the tail of a ring, grown (doubled, unrolled) when full. */
    private int push(Ring ring) {
        switch (ring) {
            case OFI -> {
                if (ofiSize == ofiTimes.length) {
                    int n = Math.max(16, ofiTimes.length * 2);
                    ofiTimes = unroll(ofiTimes, ofiHead, ofiSize, n);
                    ofiValues = unroll(ofiValues, ofiHead, ofiSize, n);
                    ofiHead = 0;
                }
                return (ofiHead + ofiSize++) % ofiTimes.length;
            }
            case TRADES -> {
                if (tradeSize == tradeTimes.length) {
                    int n = Math.max(16, tradeTimes.length * 2);
                    tradeTimes = unroll(tradeTimes, tradeHead, tradeSize, n);
                    tradeSizes = unroll(tradeSizes, tradeHead, tradeSize, n);
                    tradeHead = 0;
                }
                return (tradeHead + tradeSize++) % tradeTimes.length;
            }
            default -> {
                if (retSize == retTimes.length) {
                    int n = Math.max(16, retTimes.length * 2);
                    retTimes = unroll(retTimes, retHead, retSize, n);
                    double[] v = new double[n];
                    for (int k = 0; k < retSize; k++) {
                        v[k] = retValues[(retHead + k) % retValues.length];
                    }
                    retValues = v;
                    retHead = 0;
                }
                return (retHead + retSize++) % retTimes.length;
            }
        }
    }

    private static long[] unroll(long[] ring, int head, int size, int capacity) {
        long[] out = new long[capacity];
        for (int k = 0; k < size; k++) {
            out[k] = ring[(head + k) % ring.length];
        }
        return out;
    }
}
