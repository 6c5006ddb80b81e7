package io.rrralgorithms.connectors.adapters.bithumb;

import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols.Parts;
import io.rrralgorithms.connectors.venues.VenueSymbols;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Bithumb symbols, {@code BASE_QUOTE} ({@code GOM2_KRW} → {@code GOM2-KRW}); quotes are KRW and BTC. */
final class BithumbSymbols {
    static final VenueSymbols BOTH_WAYS = VenueSymbols.of(BithumbSymbols::normalize, BithumbSymbols::toNative);
    private static final Pattern SYMBOL = Pattern.compile("([A-Z0-9]+)_([A-Z0-9]+)");

    private BithumbSymbols() {}

    static String normalize(String nativeSymbol) throws DecodeException {
        Matcher m = SYMBOL.matcher(nativeSymbol);
        if (!m.matches()) {
            throw new DecodeException("unknown symbol '" + nativeSymbol + "': Bithumb symbols are BASE_QUOTE (BTC_KRW)");
        }
        return NormalizedSymbols.spot(m.group(1), m.group(2));
    }

    static String toNative(String normalized) {
        Parts p = NormalizedSymbols.parts(normalized);
        if (p == null || p.kind() != Instrument.Kind.SPOT) {
            throw new IllegalArgumentException("bithumb: '" + normalized + "' is not a spot pair like BTC-KRW");
        }
        return p.base() + "_" + p.quote();
    }
}
