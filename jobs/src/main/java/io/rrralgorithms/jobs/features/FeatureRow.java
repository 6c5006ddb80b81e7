package io.rrralgorithms.jobs.features;

import io.rrralgorithms.connectors.model.Decimals;
import java.math.BigDecimal;

/**
 * Features of one instrument for one event-time second, stamped with the second's end. Book
 * features are null when the book was not valid at that time. Sizes are exact mantissas at
 * {@link #sizeScale}.
 */
public class FeatureRow {
    public String feed;
    public String nativeSymbol;
    public String symbol;
    /** End of the second (exclusive), ms since epoch. */
    public long timeMs;
    public boolean bookValid;
    public BigDecimal mid;
    public BigDecimal spread;
    public Double microprice;
    public Double depthImbalance;
    public int depthLevels;
    /** Order-flow imbalance at the best level over the second (Cont, Kukanov, Stoikov), in base units. */
    public double ofi;
    public int bookUpdates;
    public int tradeCount1s;
    /** Fractional digits of the volume mantissas ({@code Decimals.SCALE} for almost every instrument). */
    public int sizeScale = Decimals.SCALE;
    public long volume1s;
    public long buyVolume1s;
    public long sellVolume1s;
    public Double vwap1s;
    public int tradeCount1m;
    public long volume1m;
    public long buyVolume1m;
    public long sellVolume1m;
    public Double vwap1m;
    /** sqrt(Σ r²) of 1-second log mid returns over the last minute. */
    public Double realizedVol1m;

    public FeatureRow() {}

    public String instrumentKey() {
        return feed + ':' + nativeSymbol;
    }
}
