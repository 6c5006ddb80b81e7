package io.rrralgorithms.connectors.adapters.bitstamp;

import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols.Parts;
import io.rrralgorithms.connectors.venues.VenueSymbols;
import java.util.List;
import java.util.Locale;

/**
 * Bitstamp's {@code url_symbol} ({@code ethusd}, {@code usdteur}, {@code galaeur}) to the normalized
 * scheme. The symbol has no separator, so the quote is found by suffix among the quotes Bitstamp
 * lists (those of {@code trading-pairs-info}, longest first); the metadata's {@code name}
 * ({@code ETH/USD}) gives the same split, which the tests check for every listed pair.
 */
final class BitstampSymbols {
    static final List<String> QUOTES = List.of("USDT", "USDC", "PAX", "USD", "EUR", "GBP", "BTC", "ETH");

    /** Both directions, for the venue's declaration. */
    static final VenueSymbols BOTH_WAYS = VenueSymbols.of(BitstampSymbols::normalize, BitstampSymbols::toNative);

    private BitstampSymbols() {}

    /** {@code ETH-USD} → {@code ethusd}. */
    static String toNative(String normalized) {
        Parts s = VenueSymbols.require(normalized, BitstampVenue.FEED, "a pair like ETH-USD", Instrument.Kind.SPOT);
        return (s.base() + s.quote()).toLowerCase(Locale.ROOT);
    }

    static String normalize(String nativeSymbol) throws DecodeException {
        String s = nativeSymbol.toUpperCase(Locale.ROOT);
        for (String q : QUOTES) {
            if (s.length() > q.length() && s.endsWith(q)) {
                return NormalizedSymbols.spot(s.substring(0, s.length() - q.length()), q);
            }
        }
        throw new DecodeException("unknown Bitstamp pair '" + nativeSymbol + "': no known quote currency");
    }
}
