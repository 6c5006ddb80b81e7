package io.rrralgorithms.jobs.features;

import io.rrralgorithms.connectors.model.Decimals;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.jobs.book.BookTop;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * One instrument's feature state, free of Flink (the keyed state of {@link FeatureFunction}, and
 * usable directly by the benchmark): per-second buckets still open in event time, and a ring of
 * the last 60 closed seconds for the 1-minute rolling features.
 */
public class InstrumentFeatures {
    static final int WINDOW_SECONDS = 60;

    public String feed;
    public String nativeSymbol;
    public String symbol;
    /** Previous book top in arrival order, for order-flow imbalance. */
    public BookTop prevTop;
    /** Last top of the latest closed second: the book as of a second with no update. */
    public BookTop closedTop;
    /** Seconds not closed yet (a few at most: the watermark's out-of-orderness). */
    public SecondBucket[] open = new SecondBucket[0];
    /** Ring of the last closed seconds. */
    public long[] ringSecond = new long[WINDOW_SECONDS];
    public int[] ringCount = new int[WINDOW_SECONDS];
    public long[] ringVolume = new long[WINDOW_SECONDS];
    public long[] ringBuy = new long[WINDOW_SECONDS];
    public long[] ringSell = new long[WINDOW_SECONDS];
    public double[] ringNotional = new double[WINDOW_SECONDS];
    /** Each ring second's Σ trade notionals in the currency of the contract terms ({@link #notionalCurrency}). */
    public double[] ringQuoteNotional = new double[WINDOW_SECONDS];
    /** The currency the instrument's trades' notionals are in; null until a trade with contract terms. */
    public String notionalCurrency;
    public double[] ringLogReturnSq = new double[WINDOW_SECONDS];
    /** Mid at each ring second's end (NaN: no valid book) and its order-flow imbalance. */
    public double[] ringMid = new double[WINDOW_SECONDS];
    public double[] ringOfi = new double[WINDOW_SECONDS];
    /** The previous BBO in arrival order (for the BBO's order-flow imbalance). */
    public boolean hasPrevBbo;
    public long prevBboBid;
    public long prevBboBidSize;
    public long prevBboAsk;
    public long prevBboAskSize;
    public int prevBboPriceScale;
    public int prevBboSizeScale;
    public double lastMid = Double.NaN;
    public int depthLevels;
    /**
     * Fractional digits of the volume mantissas (open buckets and ring): the finest size scale
     * of this instrument's trades so far ({@code Decimals.SCALE} for almost all).
     */
    public int sizeScale = Decimals.SCALE;

    public InstrumentFeatures() {}

    public static InstrumentFeatures create(int depthLevels) {
        InstrumentFeatures f = new InstrumentFeatures();
        f.depthLevels = depthLevels;
        Arrays.fill(f.ringSecond, Long.MIN_VALUE);
        Arrays.fill(f.ringMid, Double.NaN);
        return f;
    }

    public static long secondOf(long timeMs) {
        return Math.floorDiv(timeMs, 1000L) * 1000L;
    }

    /** Adds a book top at event time {@code timeMs}; returns the bucket's second start. */
    public long addTop(BookTop top, long timeMs) {
        identify(top.feed, top.nativeSymbol, top.symbol);
        SecondBucket b = bucket(secondOf(timeMs));
        if (prevTop != null && prevTop.hasBothSides() && top.hasBothSides()) {
            b.ofi += orderFlowImbalance(prevTop, top);
        }
        b.topUpdates++;
        b.lastTop = top;
        prevTop = top;
        return b.secondStartMs;
    }

    /**
     * Adds a best bid and offer of the venue's BBO stream at event time {@code timeMs}; returns the
     * bucket's second start. Its order-flow imbalance is against the previous BBO (not the depth
     * stream's top: the two lag each other).
     */
    public long addBbo(MarketEvent e, long timeMs) {
        identify(e.feed, e.nativeSymbol, e.symbol);
        SecondBucket b = bucket(secondOf(timeMs));
        long bid = e.bidPrices[0];
        long bidSize = e.bidSizes[0];
        long ask = e.askPrices[0];
        long askSize = e.askSizes[0];
        if (hasPrevBbo && prevBboPriceScale == e.priceScale && prevBboSizeScale == e.sizeScale) {
            long flow = (bid >= prevBboBid ? bidSize : 0) - (bid <= prevBboBid ? prevBboBidSize : 0)
                    - (ask <= prevBboAsk ? askSize : 0) + (ask >= prevBboAsk ? prevBboAskSize : 0);
            b.bboOfi += Decimals.toDouble(flow, e.sizeScale);
        }
        hasPrevBbo = true;
        prevBboBid = bid;
        prevBboBidSize = bidSize;
        prevBboAsk = ask;
        prevBboAskSize = askSize;
        prevBboPriceScale = e.priceScale;
        prevBboSizeScale = e.sizeScale;
        b.bboUpdates++;
        b.hasBbo = true;
        b.bboBid = bid;
        b.bboBidSize = bidSize;
        b.bboAsk = ask;
        b.bboAskSize = askSize;
        b.bboPriceScale = e.priceScale;
        b.bboSizeScale = e.sizeScale;
        return b.secondStartMs;
    }

    /** Adds a trade at event time {@code timeMs}; returns the bucket's second start. */
    public long addTrade(MarketEvent t, long timeMs) {
        identify(t.feed, t.nativeSymbol, t.symbol);
        SecondBucket b = bucket(secondOf(timeMs));
        long size = t.size;
        if (t.sizeScale != sizeScale) {
            if (t.sizeScale > sizeScale) {
                rescaleVolumes(t.sizeScale); // a finer lot seen for the first time: the sums follow, exactly
            } else {
                size = Decimals.rescale(size, t.sizeScale, sizeScale);
            }
        }
        b.tradeCount++;
        b.volume += size;
        if (t.takerBuy) {
            b.buyVolume += size;
        } else {
            b.sellVolume += size;
        }
        b.notional += Decimals.toDouble(t.price, t.priceScale) * Decimals.toDouble(t.size, t.sizeScale);
        b.quoteNotional += t.tradeNotional().doubleValue();
        if (t.notionalCurrency != null) {
            notionalCurrency = t.notionalCurrency;
        }
        return b.secondStartMs;
    }

    /** Rescales every volume sum (open buckets and the ring) to the finer scale {@code to}, exactly. */
    private void rescaleVolumes(int to) {
        for (SecondBucket b : open) {
            b.volume = Decimals.rescale(b.volume, sizeScale, to);
            b.buyVolume = Decimals.rescale(b.buyVolume, sizeScale, to);
            b.sellVolume = Decimals.rescale(b.sellVolume, sizeScale, to);
        }
        Decimals.rescale(ringVolume, ringVolume.length, sizeScale, to);
        Decimals.rescale(ringBuy, ringBuy.length, sizeScale, to);
        Decimals.rescale(ringSell, ringSell.length, sizeScale, to);
        sizeScale = to;
    }

    /** Closes the second starting at {@code secondStartMs} and returns its features, or null if none. */
    public FeatureRow close(long secondStartMs) {
        SecondBucket b = remove(secondStartMs);
        if (b == null) {
            return null;
        }
        BookTop top = b.lastTop != null ? b.lastTop : closedTop;
        closedTop = top;

        FeatureRow r = new FeatureRow();
        r.feed = feed;
        r.nativeSymbol = nativeSymbol;
        r.symbol = symbol;
        r.timeMs = secondStartMs + 1000L;
        r.bookUpdates = b.topUpdates;
        r.ofi = b.ofi;
        r.depthLevels = depthLevels;
        r.sizeScale = sizeScale;
        r.tradeCount1s = b.tradeCount;
        r.volume1s = b.volume;
        r.buyVolume1s = b.buyVolume;
        r.sellVolume1s = b.sellVolume;
        r.vwap1s = b.volume > 0 ? b.notional / Decimals.toDouble(b.volume, sizeScale) : null;
        r.notional1s = b.quoteNotional;

        r.bboUpdates = b.bboUpdates;
        r.bboOfi = b.bboOfi;
        // the second's own last BBO only: a BBO carried over from earlier seconds would depend on how far
        // back a run started (a backfill from a timestamp sees another "last BBO" than the full run)
        if (b.hasBbo) {
            r.bboBid = Decimals.toDouble(b.bboBid, b.bboPriceScale);
            r.bboAsk = Decimals.toDouble(b.bboAsk, b.bboPriceScale);
            r.bboBidSize = Decimals.toDouble(b.bboBidSize, b.bboSizeScale);
            r.bboAskSize = Decimals.toDouble(b.bboAskSize, b.bboSizeScale);
        }

        double logReturnSq = 0;
        double midNow = Double.NaN;
        if (top != null && top.hasBothSides()) {
            long bid = top.bidPrices[0];
            long ask = top.askPrices[0];
            r.bookValid = true;
            r.mid = Decimals.toBigDecimal(bid, top.priceScale).add(Decimals.toBigDecimal(ask, top.priceScale))
                    .divide(BigDecimal.valueOf(2));
            r.spread = Decimals.toBigDecimal(ask - bid, top.priceScale);
            double bs = Decimals.toDouble(top.bidSizes[0], top.sizeScale);
            double as = Decimals.toDouble(top.askSizes[0], top.sizeScale);
            r.microprice = (Decimals.toDouble(bid, top.priceScale) * as + Decimals.toDouble(ask, top.priceScale) * bs)
                    / (bs + as);
            r.depthImbalance = depthImbalance(top, depthLevels);
            r.depthImbalance1 = depthImbalance(top, 1);
            r.depthImbalance5 = depthImbalance(top, 5);
            double mid = r.mid.doubleValue();
            midNow = mid;
            r.depthTotal = depthTotal(top, depthLevels);
            r.bidSlope = slope(top.bidPrices, top.bidSizes, top.priceScale, top.sizeScale, depthLevels, mid);
            r.askSlope = slope(top.askPrices, top.askSizes, top.priceScale, top.sizeScale, depthLevels, mid);
            if (!Double.isNaN(lastMid)) {
                double lr = Math.log(mid / lastMid);
                logReturnSq = lr * lr;
            }
            lastMid = mid;
        } else {
            lastMid = Double.NaN; // returns across an invalid book are not observed
        }

        int slot = (int) Math.floorMod(secondStartMs / 1000L, (long) WINDOW_SECONDS);
        ringSecond[slot] = secondStartMs;
        ringCount[slot] = b.tradeCount;
        ringVolume[slot] = b.volume;
        ringBuy[slot] = b.buyVolume;
        ringSell[slot] = b.sellVolume;
        ringNotional[slot] = b.notional;
        ringQuoteNotional[slot] = b.quoteNotional;
        ringLogReturnSq[slot] = logReturnSq;
        ringMid[slot] = midNow;
        ringOfi[slot] = b.ofi;
        // Earlier mids from the ring (the book as of a second without a row is the one before it)
        double mid1 = midAsOf(secondStartMs - 1000L);
        double mid2 = midAsOf(secondStartMs - 2000L);
        r.ret1s = logReturn(midNow, mid1);
        r.retLag1s = logReturn(mid1, mid2);
        r.ret5s = logReturn(midNow, midAsOf(secondStartMs - 5000L));
        r.ret30s = logReturn(midNow, midAsOf(secondStartMs - 30_000L));

        long from = secondStartMs - (WINDOW_SECONDS - 1) * 1000L;
        double notional = 0;
        double sumSq = 0;
        for (int i = 0; i < WINDOW_SECONDS; i++) {
            if (ringSecond[i] >= from && ringSecond[i] <= secondStartMs) {
                r.tradeCount1m += ringCount[i];
                r.volume1m += ringVolume[i];
                r.buyVolume1m += ringBuy[i];
                r.sellVolume1m += ringSell[i];
                notional += ringNotional[i];
                r.notional1m += ringQuoteNotional[i];
                sumSq += ringLogReturnSq[i];
                if (ringSecond[i] > secondStartMs - 30_000L) {
                    r.ofi30s += ringOfi[i];
                }
                if (ringSecond[i] > secondStartMs - 5000L) {
                    r.ofi5s += ringOfi[i];
                    r.volume5s += ringVolume[i];
                    r.buyVolume5s += ringBuy[i];
                    r.sellVolume5s += ringSell[i];
                }
            }
        }
        r.vwap1m = r.volume1m > 0 ? notional / Decimals.toDouble(r.volume1m, sizeScale) : null;
        // the currency of the last minute's trades only: one remembered from earlier would depend on where a run
        // started (a backfill from a timestamp would differ from the full run)
        r.notionalCurrency = r.tradeCount1m > 0 ? notionalCurrency : null;
        r.realizedVol1m = r.bookValid ? Math.sqrt(sumSq) : null;
        return r;
    }

    /** The mid at the end of the latest closed second at or before {@code secondStartMs} in the ring, NaN if none. */
    private double midAsOf(long secondStartMs) {
        long best = Long.MIN_VALUE;
        double mid = Double.NaN;
        for (int i = 0; i < WINDOW_SECONDS; i++) {
            if (ringSecond[i] <= secondStartMs && ringSecond[i] > best && ringSecond[i] != Long.MIN_VALUE) {
                best = ringSecond[i];
                mid = ringMid[i];
            }
        }
        return mid;
    }

    private static Double logReturn(double now, double before) {
        return now > 0 && before > 0 ? Math.log(now / before) : null;
    }

    static Double depthTotal(BookTop top, int levels) {
        long total = 0;
        for (int i = 0; i < Math.min(levels, top.bidSizes.length); i++) {
            total += top.bidSizes[i];
        }
        for (int i = 0; i < Math.min(levels, top.askSizes.length); i++) {
            total += top.askSizes[i];
        }
        return Decimals.toDouble(total, top.sizeScale);
    }

    /** Σ sizes of a side's top levels / the deepest of them's distance from the mid in bps; null for a one-level side. */
    static Double slope(long[] prices, long[] sizes, int priceScale, int sizeScale, int levels, double mid) {
        int n = Math.min(levels, Math.min(prices.length, sizes.length));
        if (n < 2) {
            return null;
        }
        long total = 0;
        for (int i = 0; i < n; i++) {
            total += sizes[i];
        }
        double reachBps = Math.abs(Decimals.toDouble(prices[n - 1], priceScale) - mid) / mid * 1e4;
        return reachBps > 0 ? Decimals.toDouble(total, sizeScale) / reachBps : null;
    }

    static double orderFlowImbalance(BookTop prev, BookTop cur) {
        if (prev.priceScale != cur.priceScale || prev.sizeScale != cur.sizeScale) {
            return orderFlowImbalanceAcrossScales(prev, cur);
        }
        long pb = prev.bidPrices[0];
        long cb = cur.bidPrices[0];
        long pa = prev.askPrices[0];
        long ca = cur.askPrices[0];
        long e = (cb >= pb ? cur.bidSizes[0] : 0) - (cb <= pb ? prev.bidSizes[0] : 0)
                - (ca <= pa ? cur.askSizes[0] : 0) + (ca >= pa ? prev.askSizes[0] : 0);
        return Decimals.toDouble(e, cur.sizeScale);
    }

    /** {@link #orderFlowImbalance} of two tops at different scales (the book rescaled in between). */
    private static double orderFlowImbalanceAcrossScales(BookTop prev, BookTop cur) {
        int pb = Decimals.toBigDecimal(cur.bidPrices[0], cur.priceScale)
                .compareTo(Decimals.toBigDecimal(prev.bidPrices[0], prev.priceScale));
        int pa = Decimals.toBigDecimal(cur.askPrices[0], cur.priceScale)
                .compareTo(Decimals.toBigDecimal(prev.askPrices[0], prev.priceScale));
        BigDecimal e = BigDecimal.ZERO;
        if (pb >= 0) {
            e = e.add(Decimals.toBigDecimal(cur.bidSizes[0], cur.sizeScale));
        }
        if (pb <= 0) {
            e = e.subtract(Decimals.toBigDecimal(prev.bidSizes[0], prev.sizeScale));
        }
        if (pa <= 0) {
            e = e.subtract(Decimals.toBigDecimal(cur.askSizes[0], cur.sizeScale));
        }
        if (pa >= 0) {
            e = e.add(Decimals.toBigDecimal(prev.askSizes[0], prev.sizeScale));
        }
        return e.doubleValue();
    }

    static Double depthImbalance(BookTop top, int levels) {
        long bids = 0;
        long asks = 0;
        for (int i = 0; i < Math.min(levels, top.bidSizes.length); i++) {
            bids += top.bidSizes[i];
        }
        for (int i = 0; i < Math.min(levels, top.askSizes.length); i++) {
            asks += top.askSizes[i];
        }
        return bids + asks == 0 ? null : (bids - asks) / (double) (bids + asks);
    }

    private void identify(String feed, String nativeSymbol, String symbol) {
        if (this.feed == null) {
            this.feed = feed;
            this.nativeSymbol = nativeSymbol;
            this.symbol = symbol;
        }
    }

    private SecondBucket bucket(long secondStartMs) {
        for (SecondBucket b : open) {
            if (b.secondStartMs == secondStartMs) {
                return b;
            }
        }
        SecondBucket b = SecondBucket.of(secondStartMs);
        open = Arrays.copyOf(open, open.length + 1);
        open[open.length - 1] = b;
        return b;
    }

    private SecondBucket remove(long secondStartMs) {
        for (int i = 0; i < open.length; i++) {
            if (open[i].secondStartMs == secondStartMs) {
                SecondBucket b = open[i];
                SecondBucket[] rest = new SecondBucket[open.length - 1];
                System.arraycopy(open, 0, rest, 0, i);
                System.arraycopy(open, i + 1, rest, i, open.length - i - 1);
                open = rest;
                return b;
            }
        }
        return null;
    }
}
