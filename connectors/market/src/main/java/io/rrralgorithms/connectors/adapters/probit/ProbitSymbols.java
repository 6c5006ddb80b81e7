package io.rrralgorithms.connectors.adapters.probit;

import io.rrralgorithms.connectors.venues.PairSymbols;

/**
 * ProBit market ids are {@code BASE-QUOTE} ({@code XEM-USDT}), the listing's
 * {@code base_currency_id} and {@code quote_currency_id}: native and normalized are the same.
 */
final class ProbitSymbols {
    static final PairSymbols BOTH_WAYS = PairSymbols.spot(ProbitVenue.FEED, "BASE-QUOTE", "ProBit markets", "BTC-USD");

    private ProbitSymbols() {}
}
