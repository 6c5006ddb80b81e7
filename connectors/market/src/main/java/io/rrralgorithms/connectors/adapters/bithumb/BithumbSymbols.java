package io.rrralgorithms.connectors.adapters.bithumb;

import io.rrralgorithms.connectors.venues.PairSymbols;

/** Bithumb symbols, {@code BASE_QUOTE} ({@code GOM2_KRW} → {@code GOM2-KRW}); quotes are KRW and BTC. */
final class BithumbSymbols {
    static final PairSymbols BOTH_WAYS = PairSymbols.spot(BithumbVenue.FEED, "BASE_QUOTE", "Bithumb symbols", "BTC-KRW");

    private BithumbSymbols() {}
}
