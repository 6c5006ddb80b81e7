package io.rrralgorithms.connectors.adapters.dydx;

import io.rrralgorithms.connectors.venues.PairSymbols;

/**
 * dYdX v3 markets, {@code BASE-QUOTE} ({@code BTC-USD}), every one a perpetual: {@code BTC-USD} →
 * {@code BTC-USD-PERP} (the listing's {@code baseAsset}, {@code quoteAsset}, type {@code PERPETUAL}).
 */
final class DydxSymbols {
    static final PairSymbols BOTH_WAYS = PairSymbols.perpetuals(DydxVenue.FEED, "BASE-QUOTE", "dYdX markets",
            "BTC-USD-PERP");

    private DydxSymbols() {}
}
