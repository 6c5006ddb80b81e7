package io.rrralgorithms.connectors.adapters.poloniex;

import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols.Parts;
import io.rrralgorithms.connectors.venues.VenueSymbols;

/**
 * Poloniex spot symbols, {@code BASE_QUOTE} ({@code BTC_USDT} → {@code BTC-USDT}): every symbol of
 * the recorded listing is its {@code baseCurrencyName}, an underscore and its
 * {@code quoteCurrencyName}, with no renamed asset.
 */
final class PoloniexSymbols {
    static final VenueSymbols BOTH_WAYS = VenueSymbols.of(PoloniexSymbols::normalize, PoloniexSymbols::toNative);

    private PoloniexSymbols() {}

    /** {@code BTC_USDT} → {@code BTC-USDT}. */
    static String normalize(String nativeSymbol) throws DecodeException {
        int at = nativeSymbol.indexOf('_');
        if (at <= 0 || at != nativeSymbol.lastIndexOf('_') || at == nativeSymbol.length() - 1
                || !isAssets(nativeSymbol.substring(0, at)) || !isAssets(nativeSymbol.substring(at + 1))) {
            throw new DecodeException("unknown symbol '" + nativeSymbol + "': Poloniex symbols are BASE_QUOTE (BTC_USDT)");
        }
        return NormalizedSymbols.spot(nativeSymbol.substring(0, at), nativeSymbol.substring(at + 1));
    }

    /** {@code BTC-USDT} → {@code BTC_USDT}. */
    static String toNative(String normalized) {
        Parts p = NormalizedSymbols.parts(normalized);
        if (p == null || p.kind() != Instrument.Kind.SPOT) {
            throw new IllegalArgumentException("poloniex: '" + normalized + "' is not a spot pair like BTC-USDT");
        }
        return p.base() + "_" + p.quote();
    }

    private static boolean isAssets(String code) {
        return code.chars().allMatch(c -> c >= 'A' && c <= 'Z' || c >= '0' && c <= '9');
    }
}
