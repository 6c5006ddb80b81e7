package io.rrralgorithms.connectors.adapters.independentreserve;

import io.rrralgorithms.connectors.venues.PairSymbols;

/**
 * Independent Reserve pairs, lower-case {@code base-quote} as its channels and trades name them
 * ({@code dot-nzd} → {@code DOT-NZD}); the venue calls bitcoin {@code Xbt} ({@code xbt-aud} →
 * {@code BTC-AUD}, cryptofeed's rename). Its currency lists ({@code GetValidPrimaryCurrencyCodes},
 * {@code GetValidSecondaryCurrencyCodes}) name assets, not pairs: no instrument catalog.
 */
final class IndependentReserveSymbols {
    static final PairSymbols BOTH_WAYS = PairSymbols.spot(IndependentReserveVenue.FEED, "base-quote",
            "Independent Reserve pairs", "DOT-NZD").renaming("XBT", "BTC");

    private IndependentReserveSymbols() {}

    /** The venue's currency code ({@code Dot}, {@code xbt}) as a normalized asset. */
    static String asset(String code) {
        return BOTH_WAYS.asset(code);
    }
}
