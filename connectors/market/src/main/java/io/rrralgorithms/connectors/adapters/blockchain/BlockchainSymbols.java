package io.rrralgorithms.connectors.adapters.blockchain;

import io.rrralgorithms.connectors.venues.PairSymbols;

/**
 * Blockchain.com Exchange symbols are {@code BASE-QUOTE} ({@code ALGO-BTC}), the listing's
 * {@code base_currency} and {@code counter_currency}: native and normalized are the same.
 */
final class BlockchainSymbols {
    static final PairSymbols BOTH_WAYS = PairSymbols.spot(BlockchainVenue.FEED, "BASE-QUOTE", "Blockchain.com symbols",
            "BTC-USD");

    private BlockchainSymbols() {}
}
