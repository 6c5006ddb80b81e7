package io.rrralgorithms.connectors.instruments;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * What one unit of an instrument's size is worth: the contract's kind, its multiplier and the
 * currency its notional is in. Sizes of the events are the venue's (contracts where the venue
 * trades contracts); {@link #notional} turns a price and a size into a currency amount, exactly.
 *
 * <ul>
 *   <li>{@link Kind#LINEAR}: notional = price × size × multiplier, in {@link #currency} (the quote
 *       currency; spot and base-sized contracts: multiplier 1; a contract of 0.001 BTC: 0.001);
 *   <li>{@link Kind#INVERSE}: each contract is worth {@code multiplier} units of the quote currency
 *       (BitMEX XBTUSD 1 USD, Binance COIN-M BTCUSD_PERP 100 USD): notional = size × multiplier,
 *       whatever the price; the contract settles in the base currency (its PnL is in the base
 *       currency, see {@code docs/trading.md});
 *   <li>{@link Kind#QUANTO}: notional = price × size × multiplier in the settlement currency
 *       {@link #currency}, which is neither base nor quote (BitMEX ETHUSD: 100 XBt = 0.000001 BTC
 *       per USD of price per contract, in BTC).
 * </ul>
 *
 * @param multiplier the value of one size unit (see the kinds); positive
 * @param currency the currency {@link #notional} is in (normalized asset name, {@code USD},
 *     {@code BTC})
 */
public record ContractTerms(Kind kind, BigDecimal multiplier, String currency) implements Serializable {

    public enum Kind { LINEAR, INVERSE, QUANTO }

    public ContractTerms {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(currency, "currency");
        if (multiplier == null || multiplier.signum() <= 0) {
            throw new IllegalArgumentException("contract multiplier must be > 0, got " + multiplier);
        }
        multiplier = plain(multiplier);
    }

    /** Sizes in the base currency, notional = price × size in {@code quote}: spot, USDⓈ-M. */
    public static ContractTerms spot(String quote) {
        return new ContractTerms(Kind.LINEAR, BigDecimal.ONE, quote);
    }

    public static ContractTerms linear(BigDecimal multiplier, String quote) {
        return new ContractTerms(Kind.LINEAR, multiplier, quote);
    }

    public static ContractTerms inverse(BigDecimal quotePerContract, String quote) {
        return new ContractTerms(Kind.INVERSE, quotePerContract, quote);
    }

    public static ContractTerms quanto(BigDecimal multiplier, String settlement) {
        return new ContractTerms(Kind.QUANTO, multiplier, settlement);
    }

    /** The currency amount of {@code size} at {@code price}, in {@link #currency}; exact. */
    public BigDecimal notional(BigDecimal price, BigDecimal size) {
        return switch (kind) {
            case LINEAR, QUANTO -> price.multiply(size).multiply(multiplier);
            case INVERSE -> size.multiply(multiplier);
        };
    }

    /** Whether the terms are the default ones, multiplier 1 linear (the notional is price × size). */
    public boolean isUnitLinear() {
        return kind == Kind.LINEAR && multiplier.compareTo(BigDecimal.ONE) == 0;
    }

    /** E.g. {@code inverse 100 USD}, {@code linear 0.001 USDT}. */
    public String describe() {
        return kind.name().toLowerCase(Locale.ROOT) + ' ' + multiplier.toPlainString() + ' ' + currency;
    }

    /** Trailing zeros stripped, never a negative scale ({@code 100}, not {@code 1E+2}). */
    private static BigDecimal plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
