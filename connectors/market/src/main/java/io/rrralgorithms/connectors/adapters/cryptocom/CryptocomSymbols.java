package io.rrralgorithms.connectors.adapters.cryptocom;

import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols.Parts;
import io.rrralgorithms.connectors.venues.VenueSymbols;

/**
 * Crypto.com Exchange names spot pairs {@code BASE_QUOTE} ({@code BTC_USDT}, the listing's
 * {@code base_currency} and {@code quote_currency}): normalized {@code BTC-USDT}.
 */
final class CryptocomSymbols {
    static final VenueSymbols BOTH_WAYS = VenueSymbols.of(CryptocomSymbols::normalize, CryptocomSymbols::toNative);

    private CryptocomSymbols() {}

    static String normalize(String instrument) throws DecodeException {
        int us = instrument.indexOf('_');
        if (us <= 0 || us != instrument.lastIndexOf('_') || us == instrument.length() - 1
                || !isAssets(instrument.substring(0, us)) || !isAssets(instrument.substring(us + 1))) {
            throw new DecodeException("unknown symbol '" + instrument + "': Crypto.com instruments are BASE_QUOTE (BTC_USDT)");
        }
        return NormalizedSymbols.spot(instrument.substring(0, us), instrument.substring(us + 1));
    }

    static String toNative(String normalized) {
        Parts p = NormalizedSymbols.parts(normalized);
        if (p == null || p.kind() != Instrument.Kind.SPOT) {
            throw new IllegalArgumentException(CryptocomVenue.FEED + ": '" + normalized + "' is not a spot pair like BTC-USDT");
        }
        return p.base() + "_" + p.quote();
    }

    private static boolean isAssets(String code) {
        return code.chars().allMatch(c -> c >= 'A' && c <= 'Z' || c >= '0' && c <= '9');
    }
}
