package io.rrralgorithms.connectors.adapters.dydx;

import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols.Parts;
import io.rrralgorithms.connectors.venues.VenueSymbols;

/**
 * dYdX v3 markets, {@code BASE-QUOTE} ({@code BTC-USD}), every one a perpetual: {@code BTC-USD} →
 * {@code BTC-USD-PERP} (the listing's {@code baseAsset}, {@code quoteAsset}, type {@code PERPETUAL}).
 */
final class DydxSymbols {
    static final VenueSymbols BOTH_WAYS = VenueSymbols.of(DydxSymbols::normalize, DydxSymbols::toNative);

    private DydxSymbols() {}

    /** {@code BTC-USD} → {@code BTC-USD-PERP}. */
    static String normalize(String market) throws DecodeException {
        int dash = market.indexOf('-');
        if (dash <= 0 || dash != market.lastIndexOf('-') || dash == market.length() - 1
                || !isAssets(market.substring(0, dash)) || !isAssets(market.substring(dash + 1))) {
            throw new DecodeException("unknown symbol '" + market + "': dYdX markets are BASE-QUOTE (BTC-USD)");
        }
        return NormalizedSymbols.perpetual(market.substring(0, dash), market.substring(dash + 1));
    }

    /** {@code BTC-USD-PERP} → {@code BTC-USD}. */
    static String toNative(String normalized) {
        Parts p = NormalizedSymbols.parts(normalized);
        if (p == null || p.kind() != Instrument.Kind.PERPETUAL) {
            throw new IllegalArgumentException(DydxVenue.FEED + ": '" + normalized + "' is not a perpetual like BTC-USD-PERP");
        }
        return p.base() + "-" + p.quote();
    }

    private static boolean isAssets(String code) {
        return code.chars().allMatch(c -> c >= 'A' && c <= 'Z' || c >= '0' && c <= '9');
    }
}
