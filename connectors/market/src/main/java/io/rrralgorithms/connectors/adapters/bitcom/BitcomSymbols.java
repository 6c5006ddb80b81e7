package io.rrralgorithms.connectors.adapters.bitcom;

import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols.Parts;
import io.rrralgorithms.connectors.venues.VenueSymbols;

/**
 * bit.com symbols: spot pairs are {@code BASE-QUOTE} ({@code BTC-USD}), the normalized form itself;
 * perpetuals {@code BASE-QUOTE-PERPETUAL} ({@code NEAR-USDT-PERPETUAL} → {@code NEAR-USDT-PERP}).
 * Every instrument of the recorded lists is its base currency, a dash and its quote currency
 * (and {@code -PERPETUAL}).
 */
final class BitcomSymbols {
    static final VenueSymbols BOTH_WAYS = VenueSymbols.of(BitcomSymbols::normalize, BitcomSymbols::toNative);
    private static final String PERPETUAL = "-PERPETUAL";

    private BitcomSymbols() {}

    static String normalize(String nativeSymbol) throws DecodeException {
        boolean perpetual = nativeSymbol.endsWith(PERPETUAL);
        String pair = perpetual ? nativeSymbol.substring(0, nativeSymbol.length() - PERPETUAL.length()) : nativeSymbol;
        Parts p = NormalizedSymbols.parts(pair);
        if (p == null || p.kind() != Instrument.Kind.SPOT || !pair.equals(p.base() + "-" + p.quote())) {
            throw new DecodeException("unknown symbol '" + nativeSymbol
                    + "': bit.com symbols are BASE-QUOTE (BTC-USD) or BASE-QUOTE-PERPETUAL");
        }
        return perpetual ? NormalizedSymbols.perpetual(p.base(), p.quote()) : NormalizedSymbols.spot(p.base(), p.quote());
    }

    static String toNative(String normalized) {
        Parts p = NormalizedSymbols.parts(normalized);
        if (p != null && p.kind() == Instrument.Kind.SPOT) {
            return p.base() + "-" + p.quote();
        }
        if (p != null && p.kind() == Instrument.Kind.PERPETUAL) {
            return p.base() + "-" + p.quote() + PERPETUAL;
        }
        throw new IllegalArgumentException("bitcom: '" + normalized + "' is neither a spot pair (BTC-USD) nor a perpetual");
    }
}
