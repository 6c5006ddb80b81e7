package io.rrralgorithms.connectors.adapters.upbit;

import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols.Parts;
import io.rrralgorithms.connectors.venues.VenueSymbols;

/**
 * Upbit market codes name the quote first, {@code QUOTE-BASE} ({@code KRW-BTC} → {@code BTC-KRW},
 * {@code BTC-ETH} → {@code ETH-BTC}), as its market list does.
 */
final class UpbitSymbols {
    static final VenueSymbols BOTH_WAYS = VenueSymbols.of(UpbitSymbols::normalize, UpbitSymbols::toNative);

    private UpbitSymbols() {}

    /** {@code KRW-BTC} → {@code BTC-KRW}. */
    static String normalize(String code) throws DecodeException {
        int dash = code.indexOf('-');
        if (dash <= 0 || dash != code.lastIndexOf('-') || dash == code.length() - 1
                || !isAssets(code.substring(0, dash)) || !isAssets(code.substring(dash + 1))) {
            throw new DecodeException("unknown symbol '" + code + "': Upbit markets are QUOTE-BASE (KRW-BTC)");
        }
        return NormalizedSymbols.spot(code.substring(dash + 1), code.substring(0, dash));
    }

    /** {@code BTC-KRW} → {@code KRW-BTC}. */
    static String toNative(String normalized) {
        Parts p = NormalizedSymbols.parts(normalized);
        if (p == null || p.kind() != Instrument.Kind.SPOT) {
            throw new IllegalArgumentException(UpbitVenue.FEED + ": '" + normalized + "' is not a spot pair like BTC-KRW");
        }
        return p.quote() + "-" + p.base();
    }

    private static boolean isAssets(String code) {
        return code.chars().allMatch(c -> c >= 'A' && c <= 'Z' || c >= '0' && c <= '9');
    }
}
