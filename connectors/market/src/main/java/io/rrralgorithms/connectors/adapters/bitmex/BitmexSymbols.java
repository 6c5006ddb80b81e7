package io.rrralgorithms.connectors.adapters.bitmex;

import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.MonthCodes;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols.Parts;
import io.rrralgorithms.connectors.venues.VenueSymbols;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BitMEX native symbols to the normalized scheme, from the symbol alone (the decoder has no
 * instrument list at hand):
 *
 * <ul>
 *   <li>perpetual swaps are {@code ROOT+QUOTE}: {@code XBTUSD} → {@code BTC-USD-PERP} (inverse),
 *       {@code ETHUSD} → {@code ETH-USD-PERP} (quanto), {@code LINKUSDT} → {@code LINK-USDT-PERP},
 *       {@code XBTEUR} → {@code BTC-EUR-PERP};
 *   <li>dated futures end in a month code and a 2-digit year ({@code U21} = September 2021); the
 *       root either names its quote ({@code ETHUSDU21} → {@code ETH-USD-210924}, {@code XBTEURU21})
 *       or not, and then the quote is USD for XBT ({@code XBTU21} → {@code BTC-USD-210924}) and XBT
 *       for every other root ({@code XRPU21} → {@code XRP-BTC-210924}): BitMEX's convention,
 *       the metadata's {@code quoteCurrency}. The day is BitMEX's expiry rule, the last Friday of
 *       the month (12:00 UTC); the tests check both against the {@code expiry} and
 *       {@code quoteCurrency} of every instrument of the recorded {@code instrument/active}.
 * </ul>
 *
 * Anything else (indices such as {@code .BXBT}, options, spot pairs, up/down contracts) is an
 * unknown symbol.
 */
final class BitmexSymbols {
    /** Quote currencies a BitMEX root can end with, longest first. */
    private static final List<String> QUOTES = List.of("USDT", "USDC", "USD", "EUR", "XBT");
    private static final Pattern DATED = Pattern.compile("([A-Z0-9]+)([FGHJKMNQUVXZ])([0-9]{2})");
    private static final Pattern ROOT = Pattern.compile("[A-Z0-9]+");

    /** Both directions, for the venue's declaration. */
    static final VenueSymbols BOTH_WAYS = VenueSymbols.of(BitmexSymbols::normalize, BitmexSymbols::toNative);

    private BitmexSymbols() {}

    /**
     * {@code BTC-USD-PERP} → {@code XBTUSD}; {@code BTC-USD-210924} → {@code XBTU21},
     * {@code ETH-USD-210924} → {@code ETHUSDU21}, {@code XRP-BTC-210924} → {@code XRPU21} (the
     * root names its quote unless it is the root's usual one); a date that is not BitMEX's expiry
     * of its month is refused.
     */
    static String toNative(String normalized) {
        Parts s = VenueSymbols.require(normalized, BitmexVenue.FEED,
                "a perpetual like BTC-USD-PERP or a dated future like BTC-USD-210924", Instrument.Kind.PERPETUAL,
                Instrument.Kind.FUTURE);
        String base = s.base().equals("BTC") ? "XBT" : s.base();
        String quote = s.quote().equals("BTC") ? "XBT" : s.quote();
        if (s.kind() == Instrument.Kind.PERPETUAL) {
            return base + quote;
        }
        LocalDate expiry = s.expiryDate();
        String monthCode = expiry == null ? null : MonthCodes.codeOf(expiry);
        if (monthCode == null) {
            throw new IllegalArgumentException(BitmexVenue.FEED + ": '" + normalized
                    + "' does not expire on BitMEX's expiry day (the last Friday of the month)");
        }
        String usualQuote = base.equals("XBT") ? "USD" : "XBT";
        return base + (quote.equals(usualQuote) ? "" : quote) + monthCode;
    }


    static String normalize(String nativeSymbol) throws DecodeException {
        Matcher dated = DATED.matcher(nativeSymbol);
        if (dated.matches()) {
            String root = dated.group(1);
            String[] pair = split(root);
            String base;
            String quote;
            if (pair != null) {
                base = pair[0];
                quote = pair[1];
            } else {
                base = root;
                quote = root.equals("XBT") ? "USD" : "XBT";
            }
            return NormalizedSymbols.future(base, quote,
                    expiry(dated.group(2).charAt(0), Integer.parseInt(dated.group(3))));
        }
        if (ROOT.matcher(nativeSymbol).matches()) {
            String[] pair = split(nativeSymbol);
            if (pair != null) {
                return NormalizedSymbols.perpetual(pair[0], pair[1]);
            }
        }
        throw new DecodeException("unknown symbol '" + nativeSymbol
                + "': not a BitMEX perpetual (ROOT+QUOTE) or dated future (ROOT+month code+yy)");
    }

    /** {@code [base, quote]} of a root ending with a known quote currency, or null. */
    private static String[] split(String root) {
        for (String q : QUOTES) {
            if (root.length() > q.length() && root.endsWith(q)) {
                return new String[] {root.substring(0, root.length() - q.length()), q};
            }
        }
        return null;
    }

    /** The last Friday of the month of the code ({@code U} = September) in 20yy. */
    static LocalDate expiry(char monthCode, int yy) {
        return MonthCodes.lastFriday(monthCode, yy);
    }
}
