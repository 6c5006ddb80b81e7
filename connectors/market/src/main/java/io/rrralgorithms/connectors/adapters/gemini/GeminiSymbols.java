package io.rrralgorithms.connectors.adapters.gemini;

import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols.Parts;
import io.rrralgorithms.connectors.venues.VenueSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Gemini symbols ({@code BTCUSD}, {@code LINKETH}, {@code 1INCHUSD}) to the normalized scheme. They
 * have no separator, so the quote is found by suffix among Gemini's quote currencies, longest
 * first ({@code BTCGUSD} is BTC-GUSD, {@code GUSDUSD} GUSD-USD), except for the symbols where that
 * split is wrong, listed explicitly: {@code PAXGUSD} is PAXG-USD (Paxos Gold), not PAX-GUSD. The
 * metadata's {@code base_currency}/{@code quote_currency} give the split, and the tests check the
 * decoder's against it for every listed symbol (which is how PAXGUSD was found).
 */
final class GeminiSymbols {
    static final List<String> QUOTES = List.of("GUSD", "USDT", "USDC", "USD", "EUR", "GBP", "SGD", "BTC", "ETH",
            "DAI", "BCH", "LTC");

    /** Symbols whose longest-quote-suffix split is wrong: symbol → {base, quote}. */
    private static final Map<String, String[]> EXCEPTIONS = Map.of("PAXGUSD", new String[] {"PAXG", "USD"});

    /** Both directions, for the venue's declaration. */
    static final VenueSymbols BOTH_WAYS = VenueSymbols.of(GeminiSymbols::normalize, GeminiSymbols::toNative);

    private GeminiSymbols() {}

    /** {@code BTC-USD} → {@code BTCUSD}. */
    static String toNative(String normalized) {
        Parts s = VenueSymbols.require(normalized, GeminiVenue.FEED, "a pair like BTC-USD", Instrument.Kind.SPOT);
        return s.base() + s.quote();
    }

    static String normalize(String nativeSymbol) throws DecodeException {
        String s = nativeSymbol.toUpperCase(Locale.ROOT);
        String[] exception = EXCEPTIONS.get(s);
        if (exception != null) {
            return NormalizedSymbols.spot(exception[0], exception[1]);
        }
        for (String q : QUOTES) {
            if (s.length() > q.length() && s.endsWith(q)) {
                return NormalizedSymbols.spot(s.substring(0, s.length() - q.length()), q);
            }
        }
        throw new DecodeException("unknown Gemini symbol '" + nativeSymbol + "': no known quote currency");
    }
}
