package io.rrralgorithms.connectors.adapters.bybit;

import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.MonthCodes;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols.Parts;
import io.rrralgorithms.connectors.venues.VenueSymbols;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bybit native symbols to the normalized scheme, from the symbol alone (the decoder has no
 * instrument list at hand): {@code BTCUSD} → {@code BTC-USD-PERP} (inverse perpetual),
 * {@code BTCUSDT} → {@code BTC-USDT-PERP} (USDT perpetual), {@code BTCUSDM21} →
 * {@code BTC-USD-210625} (inverse quarterly future: month code and 2-digit year; the day is Bybit's
 * expiry rule, the last Friday of the month, which the tests check against the {@code alias}
 * ({@code BTCUSD0625}) of every dated contract of the recorded {@code /v2/public/symbols}).
 */
final class BybitSymbols {
    private static final Pattern DATED = Pattern.compile("([A-Z0-9]+)USD([FGHJKMNQUVXZ])([0-9]{2})");
    private static final Pattern PERP = Pattern.compile("([A-Z0-9]+?)(USDT|USD)");

    /** Both directions, for the venue's declaration. */
    static final VenueSymbols BOTH_WAYS = VenueSymbols.of(BybitSymbols::normalize, BybitSymbols::toNative);

    private BybitSymbols() {}

    /**
     * {@code BTC-USD-PERP} → {@code BTCUSD}, {@code BTC-USDT-PERP} → {@code BTCUSDT},
     * {@code BTC-USD-210625} → {@code BTCUSDM21} (a date that is not Bybit's expiry of its month is refused).
     */
    static String toNative(String normalized) {
        Parts s = NormalizedSymbols.parts(normalized);
        boolean perpetual = s != null && s.kind() == Instrument.Kind.PERPETUAL
                && (s.quote().equals("USDT") || s.quote().equals("USD"));
        LocalDate expiry = s != null && s.kind() == Instrument.Kind.FUTURE && s.quote().equals("USD") ? s.expiryDate() : null;
        String monthCode = expiry == null ? null : MonthCodes.codeOf(expiry);
        if (!perpetual && monthCode == null) {
            throw new IllegalArgumentException(BybitVenue.FEED + ": '" + normalized + "' is not a perpetual like"
                    + " BTC-USDT-PERP or BTC-USD-PERP or an inverse future expiring on the last Friday of a month");
        }
        return s.base() + s.quote() + (perpetual ? "" : monthCode);
    }

    static String normalize(String nativeSymbol) throws DecodeException {
        Matcher dated = DATED.matcher(nativeSymbol);
        if (dated.matches()) {
            return NormalizedSymbols.future(dated.group(1), "USD",
                    expiry(dated.group(2).charAt(0), Integer.parseInt(dated.group(3))));
        }
        Matcher perp = PERP.matcher(nativeSymbol);
        if (perp.matches() && !perp.group(1).isEmpty()) {
            return NormalizedSymbols.perpetual(perp.group(1), perp.group(2));
        }
        throw new DecodeException("unknown symbol '" + nativeSymbol
                + "': not a Bybit perpetual (BASE+USD/USDT) or inverse future (BASE+USD+month code+yy)");
    }

    /** The last Friday of the month of the code ({@code M} = June) in 20yy. */
    static LocalDate expiry(char monthCode, int yy) {
        return MonthCodes.lastFriday(monthCode, yy);
    }
}
