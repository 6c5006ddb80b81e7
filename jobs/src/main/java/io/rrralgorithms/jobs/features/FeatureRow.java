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

    // Feature spec v2 columns (V11): all from data at or before the second's end.
    /** Size imbalance of the best level only, and of the top 5 levels. */
    public Double depthImbalance1;
    public Double depthImbalance5;
    /** Σ bid sizes + Σ ask sizes over the top {@link #depthLevels} levels, base units. */
    public Double depthTotal;
    /** Book slopes: Σ sizes over the top levels / distance of the deepest of them from the mid in bps. */
    public Double bidSlope;
    public Double askSlope;
    /** ln(mid / mid 1 s earlier), ln(mid 1 s earlier / mid 2 s earlier), ln(mid / mid 5 s, 30 s earlier). */
    public Double ret1s;
    public Double retLag1s;
    public Double ret5s;
    public Double ret30s;
    /** Order-flow imbalance summed over the last 5 and 30 seconds (this one included). */
    public double ofi5s;
    public double ofi30s;
    public long volume5s;
    public long buyVolume5s;
    public long sellVolume5s;
    /** BBO events (Binance bookTicker) of the second, their order-flow imbalance, and the second's last BBO (null without one). */
    public int bboUpdates;
    public double bboOfi;
    public Double bboBid;
    public Double bboAsk;
    public Double bboBidSize;
    public Double bboAskSize;

    // Contract terms (V12): the currency amount traded, each trade's notional by its instrument's terms
    // (an inverse contract's is its value, whatever the price); volumes stay in the venue's unit (contracts).
    /** Σ trade notionals over the second and over the last minute, in {@link #notionalCurrency}. */
    public double notional1s;
    public double notional1m;
    /**
     * The currency of the notionals; null in a minute without trades, and where no contract terms are
     * known (the notionals are then Σ price × size).
     */
    public String notionalCurrency;

    public FeatureRow() {}

    public String instrumentKey() {
        return feed + ':' + nativeSymbol;
    }
}
