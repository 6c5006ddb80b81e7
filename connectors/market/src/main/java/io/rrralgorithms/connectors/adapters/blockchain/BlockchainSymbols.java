package io.rrralgorithms.connectors.adapters.blockchain;

import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols.Parts;
import io.rrralgorithms.connectors.venues.VenueSymbols;

/**
 * Blockchain.com Exchange symbols are {@code BASE-QUOTE} ({@code ALGO-BTC}), the listing's
 * {@code base_currency} and {@code counter_currency}: native and normalized are the same.
 */
final class BlockchainSymbols {
    static final VenueSymbols BOTH_WAYS = VenueSymbols.of(BlockchainSymbols::normalize, BlockchainSymbols::toNative);

    private BlockchainSymbols() {}

    static String normalize(String symbol) throws DecodeException {
        int dash = symbol.indexOf('-');
        if (dash <= 0 || dash != symbol.lastIndexOf('-') || dash == symbol.length() - 1
                || !isAssets(symbol.substring(0, dash)) || !isAssets(symbol.substring(dash + 1))) {
            throw new DecodeException("unknown symbol '" + symbol + "': Blockchain.com symbols are BASE-QUOTE (BTC-USD)");
        }
        return NormalizedSymbols.spot(symbol.substring(0, dash), symbol.substring(dash + 1));
    }

    static String toNative(String normalized) {
        Parts p = NormalizedSymbols.parts(normalized);
        if (p == null || p.kind() != Instrument.Kind.SPOT) {
            throw new IllegalArgumentException(BlockchainVenue.FEED + ": '" + normalized + "' is not a spot pair like BTC-USD");
        }
        return p.base() + "-" + p.quote();
    }

    private static boolean isAssets(String code) {
        return code.chars().allMatch(c -> c >= 'A' && c <= 'Z' || c >= '0' && c <= '9');
    }
}
