package io.rrralgorithms.connectors.adapters.upbit;

import io.rrralgorithms.connectors.venues.PairSymbols;

/**
 * Upbit market codes name the quote first, {@code QUOTE-BASE} ({@code KRW-BTC} → {@code BTC-KRW},
 * {@code BTC-ETH} → {@code ETH-BTC}), as its market list does.
 */
final class UpbitSymbols {
    static final PairSymbols BOTH_WAYS = PairSymbols.spot(UpbitVenue.FEED, "QUOTE-BASE", "Upbit markets", "BTC-KRW");

    private UpbitSymbols() {}
}
