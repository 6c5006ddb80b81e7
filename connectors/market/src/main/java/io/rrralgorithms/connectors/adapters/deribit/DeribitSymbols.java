package io.rrralgorithms.connectors.adapters.deribit;

import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols.Parts;
import io.rrralgorithms.connectors.venues.VenueSymbols;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deribit instrument names to the normalized scheme, from the name alone:
 *
 * <ul>
 *   <li>{@code BTC-PERPETUAL} → {@code BTC-USD-PERP} (inverse, USD contracts); the linear
 *       {@code SOL_USDC-PERPETUAL} → {@code SOL-USDC-PERP};
 *   <li>{@code BTC-24SEP21} → {@code BTC-USD-210924} (day of month without leading zero:
 *       {@code BTC-3JUN22});
 *   <li>options {@code BTC-24SEP21-8000-P} → {@code BTC-USD-210924-8000-P}
 *       ({@link NormalizedSymbols#option}): the quote is the currency of the strike (USD, or the
 *       {@code _QUOTE} of a linear option); a decimal strike is written with {@code d}
 *       ({@code XRP_USDC-30JUN23-0d625-C} → strike 0.625). The option's premium (its prices)
 *       is in the base currency for the inverse options (BTC, ETH).
 * </ul>
 *
 * Combos, spreads and spot pairs are unknown symbols.
 */
final class DeribitSymbols {
    private static final Pattern NAME = Pattern.compile(
            "([A-Z0-9]+)(?:_([A-Z0-9]+))?-(?:(PERPETUAL)|([0-9]{1,2})([A-Z]{3})([0-9]{2})(?:-([0-9]+(?:d[0-9]+)?)-([CP]))?)");
    private static final List<String> MONTHS = List.of(
            "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");

    /** Both directions, for the venue's declaration. */
    static final VenueSymbols BOTH_WAYS = VenueSymbols.of(DeribitSymbols::normalize, DeribitSymbols::toNative);

    private DeribitSymbols() {}

    /**
     * {@code BTC-USD-PERP} → {@code BTC-PERPETUAL}, {@code SOL-USDC-PERP} → {@code SOL_USDC-PERPETUAL},
     * {@code BTC-USD-220603} → {@code BTC-3JUN22}, {@code XRP-USDC-230630-0.625-C} →
     * {@code XRP_USDC-30JUN23-0d625-C}.
     */
    static String toNative(String normalized) {
        Parts s = NormalizedSymbols.parts(normalized);
        LocalDate expiry = s == null || s.expiry() == null ? null : s.expiryDate();
        if (s == null || s.kind() == Instrument.Kind.SPOT || (s.expiry() != null && expiry == null)) {
            throw new IllegalArgumentException(DeribitVenue.FEED + ": '" + normalized
                    + "' is not a perpetual, future or option like BTC-USD-PERP, BTC-USD-210924 or BTC-USD-210924-8000-C");
        }
        String root = s.quote().equals("USD") ? s.base() : s.base() + "_" + s.quote();
        if (s.kind() == Instrument.Kind.PERPETUAL) {
            return root + "-PERPETUAL";
        }
        String dated = root + "-" + expiry.getDayOfMonth() + MONTHS.get(expiry.getMonthValue() - 1)
                + String.format(Locale.ROOT, "%02d", expiry.getYear() % 100);
        return s.kind() == Instrument.Kind.FUTURE ? dated
                : dated + "-" + s.strike().replace('.', 'd') + (s.call() ? "-C" : "-P");
    }

    static String normalize(String name) throws DecodeException {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            throw new DecodeException("unknown symbol '" + name
                    + "': not a Deribit perpetual, future or option (BTC-PERPETUAL, BTC-24SEP21, BTC-24SEP21-8000-C)");
        }
        String base = m.group(1);
        String quote = m.group(2) != null ? m.group(2) : "USD";
        if (m.group(3) != null) {
            return NormalizedSymbols.perpetual(base, quote);
        }
        int month = MONTHS.indexOf(m.group(5)) + 1;
        LocalDate expiry;
        try {
            expiry = LocalDate.of(2000 + Integer.parseInt(m.group(6)), month, Integer.parseInt(m.group(4)));
        } catch (DateTimeException e) {
            throw new DecodeException("unknown symbol '" + name + "': bad expiry date");
        }
        if (m.group(7) == null) {
            return NormalizedSymbols.future(base, quote, expiry);
        }
        return NormalizedSymbols.option(base, quote, expiry, new BigDecimal(m.group(7).replace('d', '.')),
                m.group(8).equals("C"));
    }
}
