package io.rrralgorithms.jobs.bars;

import io.rrralgorithms.connectors.model.Decimals;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One instrument's trades in one event-time minute, exact: volume and prices are mantissas
 * (1e-8), the notional Σ price × size is an exact BigDecimal, so VWAP is exact to its stated
 * rounding. Also the window accumulator.
 */
public class TradeBar {
    /** Digits of the VWAP quotient, rounded half-even. */
    public static final int VWAP_SCALE = 12;

    public String feed;
    public String nativeSymbol;
    public String symbol;
    public long windowStartMs;
    public long tradeCount;
    public long volume;
    public long buyVolume;
    public long sellVolume;
    public BigDecimal notional = BigDecimal.ZERO;
    /** Open/close by trade id, so arrival order within the minute does not matter. */
    public long firstTradeId = Long.MAX_VALUE;
    public long lastTradeId = Long.MIN_VALUE;
    public long open;
    public long close;
    public long high = Long.MIN_VALUE;
    public long low = Long.MAX_VALUE;

    public TradeBar() {}

    public BigDecimal vwap() {
        return volume == 0 ? null : notional.divide(Decimals.toBigDecimal(volume), VWAP_SCALE, RoundingMode.HALF_EVEN);
    }
}
