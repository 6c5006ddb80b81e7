package io.rrralgorithms.connectors.adapters.ascendex;

import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols.Parts;
import io.rrralgorithms.connectors.venues.VenueSymbols;

/**
 * AscendEX symbols: spot pairs {@code BASE/QUOTE} ({@code CHZ/USDT} → {@code CHZ-USDT}) and the
 * USDT-margined perpetuals {@code BASE-PERP} ({@code BTC-PERP} → {@code BTC-USDT-PERP}: every
 * contract of the recorded v2 list settles in USDT on a {@code BASE/USDT} underlying).
 */
final class AscendexSymbols {
    static final VenueSymbols BOTH_WAYS = VenueSymbols.of(AscendexSymbols::normalize, AscendexSymbols::toNative);
    private static final String PERP = "-PERP";

    private AscendexSymbols() {}

    static String normalize(String nativeSymbol) throws DecodeException {
        int slash = nativeSymbol.indexOf('/');
        if (slash > 0 && slash == nativeSymbol.lastIndexOf('/') && isAsset(nativeSymbol.substring(0, slash))
                && isAsset(nativeSymbol.substring(slash + 1))) {
            return NormalizedSymbols.spot(nativeSymbol.substring(0, slash), nativeSymbol.substring(slash + 1));
        }
        if (nativeSymbol.endsWith(PERP) && isAsset(nativeSymbol.substring(0, nativeSymbol.length() - PERP.length()))) {
            return NormalizedSymbols.perpetual(nativeSymbol.substring(0, nativeSymbol.length() - PERP.length()), "USDT");
        }
        throw new DecodeException("unknown symbol '" + nativeSymbol
                + "': AscendEX symbols are BASE/QUOTE (BTC/USDT) or BASE-PERP (BTC-PERP)");
    }

    static String toNative(String normalized) {
        Parts p = NormalizedSymbols.parts(normalized);
        if (p != null && p.kind() == Instrument.Kind.SPOT) {
            return p.base() + "/" + p.quote();
        }
        if (p != null && p.kind() == Instrument.Kind.PERPETUAL && p.quote().equals("USDT")) {
            return p.base() + PERP;
        }
        throw new IllegalArgumentException("ascendex: '" + normalized
                + "' is neither a spot pair (BTC-USDT) nor a USDT perpetual (BTC-USDT-PERP)");
    }

    private static boolean isAsset(String code) {
        return !code.isEmpty() && code.chars().allMatch(c -> c >= 'A' && c <= 'Z' || c >= '0' && c <= '9');
    }
}
