package io.rrralgorithms.jobs.bars;

import io.rrralgorithms.connectors.model.Decimals;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One instrument's trades in one event-time minute, exact: volume and prices are mantissas at
 * {@link #sizeScale} and {@link #priceScale} (the finest of the minute's trades), in the venue's
 * units (contracts where it trades contracts). The notional is a currency amount, the exact sum of
 * each trade's notional by its contract terms ({@code MarketEvent.tradeNotional}: a BitMEX XBTUSD
 * contract is 1 USD, a COIN-M BTCUSD_PERP one 100 USD), in {@link #notionalCurrency}; VWAP is
 * Σ price × size / Σ size ({@link #priceVolume}), exact to its stated rounding. Also the window
 * accumulator.
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
    /** Σ of the trades' notionals, in {@link #notionalCurrency}. */
    public BigDecimal notional = BigDecimal.ZERO;
    /** The currency of {@link #notional}; null where the trades carried no contract terms (notional = Σ price × size). */
    public String notionalCurrency;
    /** Σ price × size: VWAP's numerator, whatever a contract is worth. */
    public BigDecimal priceVolume = BigDecimal.ZERO;
    /** Open/close by trade id, so arrival order within the minute does not matter. */
    public long firstTradeId = Long.MAX_VALUE;
    public long lastTradeId = Long.MIN_VALUE;
    public long open;
    public long close;
    public long high = Long.MIN_VALUE;
    public long low = Long.MAX_VALUE;
    /** Fractional digits of open/high/low/close and of the volumes. */
    public int priceScale = Decimals.SCALE;
    public int sizeScale = Decimals.SCALE;

    public TradeBar() {}

    public BigDecimal vwap() {
        return volume == 0 ? null
                : priceVolume.divide(Decimals.toBigDecimal(volume, sizeScale), VWAP_SCALE, RoundingMode.HALF_EVEN);
    }

    /** Rescales the prices to the finer scale {@code to}, exactly (the sentinels of an empty bar stay). */
    void rescalePrices(int to) {
        if (tradeCount > 0) {
            open = Decimals.rescale(open, priceScale, to);
            close = Decimals.rescale(close, priceScale, to);
            high = Decimals.rescale(high, priceScale, to);
            low = Decimals.rescale(low, priceScale, to);
        }
        priceScale = to;
    }

    /** Rescales the volumes to the finer scale {@code to}, exactly. */
    void rescaleSizes(int to) {
        volume = Decimals.rescale(volume, sizeScale, to);
        buyVolume = Decimals.rescale(buyVolume, sizeScale, to);
        sellVolume = Decimals.rescale(sellVolume, sizeScale, to);
        sizeScale = to;
    }
}
