package io.rrralgorithms.connectors.adapters.kucoin;

import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols.Parts;
import io.rrralgorithms.connectors.venues.VenueSymbols;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * KuCoin spot symbols are already {@code BASE-QUOTE} ({@code SNX-BTC}), but a few keep an asset's
 * old code after KuCoin renamed the asset: the instrument list's {@code baseCurrency} (and
 * {@code name}) carry the current code while {@code symbol}, the name used on the WebSocket and
 * in REST paths, keeps the old one ({@code BCHSV-USDT} lists {@code baseCurrency BSV}). The
 * normalized symbol uses the current code, so it is the same whichever name a frame uses; the
 * renames below are all that the recorded instrument list has ({@code VenueSymbolsRoundTripTest}
 * checks every listed symbol against its {@code baseCurrency}/{@code quoteCurrency}).
 */
final class KucoinSymbols {
    /** KuCoin's old asset code in {@code symbol} → the asset's current code. */
    static final Map<String, String> RENAMED = Map.of(
            "BCHSV", "BSV",
            "R", "REV",
            "WAX", "WAXP",
            "LOKI", "OXEN");

    /** The old code KuCoin's {@code symbol} keeps for a renamed asset's current code. */
    private static final Map<String, String> OLD_CODES = inverse(RENAMED);

    /** Both directions, for the venue's declaration. */
    static final VenueSymbols BOTH_WAYS = VenueSymbols.of(KucoinSymbols::normalize, KucoinSymbols::toNative);

    private KucoinSymbols() {}

    /** {@code BSV-USDT} → {@code BCHSV-USDT} (the renamed asset's old code), {@code SNX-BTC} as it is. */
    static String toNative(String normalized) {
        Parts s = VenueSymbols.require(normalized, KucoinVenue.FEED, "a pair like BTC-USDT", Instrument.Kind.SPOT);
        return OLD_CODES.getOrDefault(s.base(), s.base()) + "-" + OLD_CODES.getOrDefault(s.quote(), s.quote());
    }

    private static Map<String, String> inverse(Map<String, String> renames) {
        Map<String, String> out = new HashMap<>();
        renames.forEach((old, current) -> out.put(current, old));
        return Map.copyOf(out);
    }

    static String asset(String code) {
        String c = code.toUpperCase(Locale.ROOT);
        return NormalizedSymbols.asset(RENAMED.getOrDefault(c, c));
    }

    /** {@code BCHSV-USDT} → {@code BSV-USDT}; anything not {@code BASE-QUOTE} is an unknown symbol. */
    static String normalize(String nativeSymbol) throws DecodeException {
        int dash = nativeSymbol.indexOf('-');
        if (dash <= 0 || dash == nativeSymbol.length() - 1 || nativeSymbol.indexOf('-', dash + 1) >= 0) {
            throw new DecodeException("unknown symbol '" + nativeSymbol + "': KuCoin spot symbols look like BTC-USDT");
        }
        return asset(nativeSymbol.substring(0, dash)) + '-' + asset(nativeSymbol.substring(dash + 1));
    }
}
