package io.rrralgorithms.connectors.adapters.phemex;

import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols.Parts;
import io.rrralgorithms.connectors.venues.VenueSymbols;
import java.util.List;

/**
 * Phemex symbols. Spot pairs carry a lower-case {@code s} prefix and no separator
 * ({@code sBTCUSDT} → {@code BTC-USDT}; the quote is one of the listing's spot quotes, only
 * {@code USDT} in the recorded listing); contracts are the USD perpetuals {@code <BASE>USD}
 * ({@code BTCUSD}, inverse, and the quanto {@code XMRUSD}, … → {@code BTC-USD-PERP}). The listing's
 * {@code displaySymbol} ({@code "BTC / USDT"}) is the catalog's base and quote;
 * {@code VenueSymbolsRoundTripTest} checks both directions against every listed product.
 */
final class PhemexSymbols {
    static final VenueSymbols BOTH_WAYS = VenueSymbols.of(PhemexSymbols::normalize, PhemexSymbols::toNative);

    private static final String SPOT_PREFIX = "s";
    private static final String CONTRACT_QUOTE = "USD";
    /** The spot quote currencies of the recorded listing. */
    private static final List<String> SPOT_QUOTES = List.of("USDT");

    private PhemexSymbols() {}

    /** {@code sBTCUSDT} → {@code BTC-USDT}; {@code XMRUSD} → {@code XMR-USD-PERP}. */
    static String normalize(String nativeSymbol) throws DecodeException {
        if (nativeSymbol.startsWith(SPOT_PREFIX)) {
            String pair = nativeSymbol.substring(SPOT_PREFIX.length());
            for (String q : SPOT_QUOTES) {
                if (pair.endsWith(q) && isAsset(pair.substring(0, pair.length() - q.length()))) {
                    return NormalizedSymbols.spot(pair.substring(0, pair.length() - q.length()), q);
                }
            }
            throw new DecodeException("unknown symbol '" + nativeSymbol + "': a spot pair is s<BASE><QUOTE> with quote "
                    + SPOT_QUOTES);
        }
        if (nativeSymbol.endsWith(CONTRACT_QUOTE)
                && isAsset(nativeSymbol.substring(0, nativeSymbol.length() - CONTRACT_QUOTE.length()))) {
            return NormalizedSymbols.perpetual(nativeSymbol.substring(0, nativeSymbol.length() - CONTRACT_QUOTE.length()),
                    CONTRACT_QUOTE);
        }
        throw new DecodeException("unknown symbol '" + nativeSymbol
                + "': neither a spot pair (sBTCUSDT) nor a USD perpetual (BTCUSD)");
    }

    /** {@code BTC-USDT} → {@code sBTCUSDT}; {@code BTC-USD-PERP} → {@code BTCUSD}. */
    static String toNative(String normalized) {
        Parts p = NormalizedSymbols.parts(normalized);
        if (p != null && p.kind() == Instrument.Kind.SPOT && SPOT_QUOTES.contains(p.quote())) {
            return SPOT_PREFIX + p.base() + p.quote();
        }
        if (p != null && p.kind() == Instrument.Kind.PERPETUAL && p.quote().equals(CONTRACT_QUOTE)) {
            return p.base() + CONTRACT_QUOTE;
        }
        throw new IllegalArgumentException("phemex: '" + normalized + "' is neither a spot pair quoted in "
                + SPOT_QUOTES + " (BTC-USDT) nor a USD perpetual (BTC-USD-PERP)");
    }

    private static boolean isAsset(String code) {
        return !code.isEmpty() && code.chars().allMatch(c -> c >= 'A' && c <= 'Z' || c >= '0' && c <= '9');
    }
}
