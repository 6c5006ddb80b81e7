package io.rrralgorithms.connectors.adapters.poloniex;

import io.rrralgorithms.connectors.venues.PairSymbols;

/**
 * Poloniex spot symbols, {@code BASE_QUOTE} ({@code BTC_USDT} → {@code BTC-USDT}): every symbol of
 * the recorded listing is its {@code baseCurrencyName}, an underscore and its
 * {@code quoteCurrencyName}, with no renamed asset.
 */
final class PoloniexSymbols {
    static final PairSymbols BOTH_WAYS = PairSymbols.spot(PoloniexVenue.FEED, "BASE_QUOTE", "Poloniex symbols", "BTC-USDT");

    private PoloniexSymbols() {}

    /** {@code BTC-USDT} → {@code BTC_USDT}. */
    static String toNative(String normalized) {
        return BOTH_WAYS.toNative(normalized);
    }
}
