package io.rrralgorithms.connectors.instruments;

import io.rrralgorithms.connectors.model.Decimals;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One tradable instrument of a venue, from the venue's instrument metadata: its native symbol,
 * the normalized symbol ({@link NormalizedSymbols}), and the tick and lot sizes that fix the exact
 * decimal scales of its prices and sizes, and the contract terms that turn a price and a size into a
 * currency amount ({@link #notional}).
 *
 * @param expiry the delivery date of a dated future, else null
 * @param tickSize price increment; null where the venue's metadata gives none
 * @param lotSize size increment (contracts for contract-sized derivatives); null where none
 * @param terms what one unit of size is worth; spot and base-sized contracts: linear, multiplier 1
 */
public record Instrument(String feed, String nativeSymbol, String symbol, Kind kind, String base, String quote,
        LocalDate expiry, BigDecimal tickSize, BigDecimal lotSize, ContractTerms terms) implements Serializable {

    public enum Kind { SPOT, PERPETUAL, FUTURE, OPTION }

    public Instrument {
        if (terms == null) {
            terms = ContractTerms.spot(quote == null ? "" : quote);
        }
    }

    /** An instrument whose sizes are in its base currency: linear, multiplier 1, notional in {@code quote}. */
    public Instrument(String feed, String nativeSymbol, String symbol, Kind kind, String base, String quote,
            LocalDate expiry, BigDecimal tickSize, BigDecimal lotSize) {
        this(feed, nativeSymbol, symbol, kind, base, quote, expiry, tickSize, lotSize, null);
    }

    /** This instrument with other contract terms. */
    public Instrument withTerms(ContractTerms t) {
        return new Instrument(feed, nativeSymbol, symbol, kind, base, quote, expiry, tickSize, lotSize, t);
    }

    /** The currency amount of {@code size} at {@code price}, exact, in {@link #notionalCurrency()}. */
    public BigDecimal notional(BigDecimal price, BigDecimal size) {
        return terms.notional(price, size);
    }

    /** The currency {@link #notional} is in: the quote currency, or a quanto's settlement currency. */
    public String notionalCurrency() {
        return terms.currency();
    }

    /** Fractional digits of the tick size (-1 when unknown): the venue's price formatting. */
    public int priceDecimals() {
        return decimalsOf(tickSize);
    }

    /** Fractional digits of the lot size (-1 when unknown). */
    public int sizeDecimals() {
        return decimalsOf(lotSize);
    }

    /**
     * Whether every price and size of this instrument is exact at the default
     * {@link Decimals#SCALE}-digit scale (tick and lot no finer than 1e-8); the others' events carry
     * their own, finer scale ({@code MarketEvent.priceScale/sizeScale}).
     */
    public boolean fitsScale() {
        return priceDecimals() <= Decimals.SCALE && sizeDecimals() <= Decimals.SCALE;
    }

    private static int decimalsOf(BigDecimal step) {
        return step == null ? -1 : Math.max(0, step.stripTrailingZeros().scale());
    }
}
