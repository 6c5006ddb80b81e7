package io.rrralgorithms.jobs.book;

import io.rrralgorithms.connectors.model.Decimals;

/**
 * The top N levels of a book after an update (or a sample of it), with both times. {@code synced}
 * false means the book just became invalid (levels empty).
 */
public class BookTop {
    public String feed;
    public String nativeSymbol;
    public String symbol;
    public long exchangeTimeMs;
    public long receiveTimeNs;
    public long lastUpdateId;
    public boolean synced;
    public long[] bidPrices;
    public long[] bidSizes;
    public long[] askPrices;
    public long[] askSizes;
    /** Fractional digits of the price and size mantissas ({@code Decimals.SCALE} for most instruments). */
    public int priceScale = Decimals.SCALE;
    public int sizeScale = Decimals.SCALE;
    /** For 1 s samples: the end of the second sampled (exclusive), ms; 0 for per-update tops. */
    public long sampleTimeMs;
    /** The wall-clock ingest time of the frame behind this top (MarketEvent.ingestNs), for latency only. */
    public long ingestNs;

    public BookTop() {}

    public boolean hasBothSides() {
        return synced && bidPrices.length > 0 && askPrices.length > 0;
    }

    public String instrumentKey() {
        return feed + ':' + nativeSymbol;
    }

    public BookTop copyAsSample(long sampleTimeMs) {
        BookTop t = new BookTop();
        t.feed = feed;
        t.nativeSymbol = nativeSymbol;
        t.symbol = symbol;
        t.exchangeTimeMs = exchangeTimeMs;
        t.receiveTimeNs = receiveTimeNs;
        t.lastUpdateId = lastUpdateId;
        t.synced = synced;
        t.bidPrices = bidPrices;
        t.bidSizes = bidSizes;
        t.askPrices = askPrices;
        t.askSizes = askSizes;
        t.priceScale = priceScale;
        t.sizeScale = sizeScale;
        t.sampleTimeMs = sampleTimeMs;
        t.ingestNs = ingestNs;
        return t;
    }

    @Override
    public String toString() {
        return "BookTop{" + feed + ':' + nativeSymbol + " u=" + lastUpdateId + " synced=" + synced
                + (hasBothSides() ? " bid=" + Decimals.toPlainString(bidPrices[0], priceScale) + " ask="
                        + Decimals.toPlainString(askPrices[0], priceScale) : "") + '}';
    }
}
