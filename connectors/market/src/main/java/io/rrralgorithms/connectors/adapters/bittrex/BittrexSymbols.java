package io.rrralgorithms.connectors.adapters.bittrex;

import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols.Parts;
import io.rrralgorithms.connectors.venues.VenueSymbols;

/**
 * Bittrex markets are {@code BASE-QUOTE} ({@code BTC-EUR}), the normalized spot form itself: every
 * market of the recorded v3 list is its {@code baseCurrencySymbol}, a dash and its
 * {@code quoteCurrencySymbol}.
 */
final class BittrexSymbols {
    static final VenueSymbols BOTH_WAYS = VenueSymbols.of(BittrexSymbols::normalize, BittrexSymbols::toNative);

    private BittrexSymbols() {}

    static String normalize(String nativeSymbol) throws DecodeException {
        Parts p = NormalizedSymbols.parts(nativeSymbol);
        if (p == null || p.kind() != Instrument.Kind.SPOT || !nativeSymbol.equals(p.base() + "-" + p.quote())) {
            throw new DecodeException("unknown symbol '" + nativeSymbol + "': Bittrex markets are BASE-QUOTE (BTC-EUR)");
        }
        return NormalizedSymbols.spot(p.base(), p.quote());
    }

    static String toNative(String normalized) {
        Parts p = VenueSymbols.require(normalized, "bittrex", "a spot pair like BTC-EUR", Instrument.Kind.SPOT);
        return p.base() + "-" + p.quote();
    }
}
