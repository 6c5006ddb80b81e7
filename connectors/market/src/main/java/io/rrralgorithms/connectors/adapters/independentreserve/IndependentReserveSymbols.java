package io.rrralgorithms.connectors.adapters.independentreserve;

import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols.Parts;
import io.rrralgorithms.connectors.venues.VenueSymbols;
import java.util.Locale;

/**
 * Independent Reserve pairs, lower-case {@code base-quote} as its channels and trades name them
 * ({@code dot-nzd} → {@code DOT-NZD}); the venue calls bitcoin {@code Xbt} ({@code xbt-aud} →
 * {@code BTC-AUD}, cryptofeed's rename). Its currency lists ({@code GetValidPrimaryCurrencyCodes},
 * {@code GetValidSecondaryCurrencyCodes}) name assets, not pairs: no instrument catalog.
 */
final class IndependentReserveSymbols {
    static final VenueSymbols BOTH_WAYS = VenueSymbols.of(IndependentReserveSymbols::normalize,
            IndependentReserveSymbols::toNative);

    private IndependentReserveSymbols() {}

    /** {@code dot-nzd} → {@code DOT-NZD}; {@code xbt} is {@code BTC}. */
    static String normalize(String pair) throws DecodeException {
        int dash = pair.indexOf('-');
        if (dash <= 0 || dash != pair.lastIndexOf('-') || dash == pair.length() - 1
                || !isAssets(pair.substring(0, dash)) || !isAssets(pair.substring(dash + 1))) {
            throw new DecodeException("unknown symbol '" + pair + "': Independent Reserve pairs are base-quote (dot-nzd)");
        }
        return NormalizedSymbols.spot(asset(pair.substring(0, dash)), asset(pair.substring(dash + 1)));
    }

    /** {@code BTC-AUD} → {@code xbt-aud}. */
    static String toNative(String normalized) {
        Parts p = NormalizedSymbols.parts(normalized);
        if (p == null || p.kind() != Instrument.Kind.SPOT) {
            throw new IllegalArgumentException(IndependentReserveVenue.FEED + ": '" + normalized
                    + "' is not a spot pair like BTC-AUD");
        }
        return nativeAsset(p.base()) + "-" + nativeAsset(p.quote());
    }

    /** The venue's currency code ({@code Dot}, {@code xbt}) as a normalized asset. */
    static String asset(String code) {
        String upper = code.toUpperCase(Locale.ROOT);
        return upper.equals("XBT") ? "BTC" : upper;
    }

    private static String nativeAsset(String asset) {
        return asset.equals("BTC") ? "xbt" : asset.toLowerCase(Locale.ROOT);
    }

    private static boolean isAssets(String code) {
        return code.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= '0' && c <= '9');
    }
}
