package io.rrralgorithms.connectors.adapters.deribit;

import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
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

    private DeribitSymbols() {}

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
