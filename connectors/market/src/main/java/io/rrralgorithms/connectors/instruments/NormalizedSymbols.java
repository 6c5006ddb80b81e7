package io.rrralgorithms.connectors.instruments;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one symbol scheme of every venue: {@code BASE-QUOTE} for spot ({@code BTC-USDT}),
 * {@code BASE-QUOTE-PERP} for perpetual swaps ({@code BTC-USDT-PERP}, inverse {@code BTC-USD-PERP}),
 * {@code BASE-QUOTE-YYMMDD} for dated futures ({@code BTC-USD-211231}). Assets are upper case with
 * the venues' aliases of the same asset mapped to one code ({@code XBT} → {@code BTC}).
 */
public final class NormalizedSymbols {
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyMMdd", Locale.ROOT);

    /** Venue aliases of one asset. */
    private static final Map<String, String> ASSET_ALIASES = Map.of(
            "XBT", "BTC",
            "XXBT", "BTC",
            "XDG", "DOGE",
            "XXDG", "DOGE");

    private static final Pattern ASSET = Pattern.compile("[A-Z0-9]{1,20}");
    private static final Pattern YYMMDD = Pattern.compile("[0-9]{6}");
    private static final Pattern STRIKE = Pattern.compile("[0-9]+(?:\\.[0-9]+)?");

    /**
     * A normalized symbol taken apart, for a venue's way back to its native symbol.
     *
     * @param expiry {@code yyMMdd} of a dated future or option (six digits, not checked as a date), else null
     * @param strike an option's strike as written ({@code 8000}, {@code 0.625}), else null
     * @param call whether an option is a call
     */
    public record Parts(Instrument.Kind kind, String base, String quote, String expiry, String strike, boolean call) {

        /** The expiry as a date, or null where the six digits are not one. */
        public LocalDate expiryDate() {
            try {
                return LocalDate.parse(expiry, EXPIRY);
            } catch (DateTimeException e) {
                return null;
            }
        }
    }

    private NormalizedSymbols() {}

    /**
     * The parts of a normalized symbol in any case, surrounding blanks ignored ({@code btc-usdt-perp}
     * is BTC, USDT, perpetual), or null where it is not one: assets of 1 to 20 letters and digits,
     * a perpetual's {@code PERP}, a future's {@code yyMMdd}, an option's {@code yyMMdd-STRIKE-C|P}.
     */
    public static Parts parts(String symbol) {
        String[] p = symbol.trim().toUpperCase(Locale.ROOT).split("-", -1);
        if (p.length < 2 || !ASSET.matcher(p[0]).matches() || !ASSET.matcher(p[1]).matches()) {
            return null;
        }
        if (p.length == 2) {
            return new Parts(Instrument.Kind.SPOT, p[0], p[1], null, null, false);
        }
        if (p.length == 3 && p[2].equals("PERP")) {
            return new Parts(Instrument.Kind.PERPETUAL, p[0], p[1], null, null, false);
        }
        if (p.length == 3 && YYMMDD.matcher(p[2]).matches()) {
            return new Parts(Instrument.Kind.FUTURE, p[0], p[1], p[2], null, false);
        }
        if (p.length == 5 && YYMMDD.matcher(p[2]).matches() && STRIKE.matcher(p[3]).matches()
                && (p[4].equals("C") || p[4].equals("P"))) {
            return new Parts(Instrument.Kind.OPTION, p[0], p[1], p[2], p[3], p[4].equals("C"));
        }
        return null;
    }

    public static String asset(String code) {
        String c = code.toUpperCase(Locale.ROOT);
        return ASSET_ALIASES.getOrDefault(c, c);
    }

    public static String spot(String base, String quote) {
        return asset(base) + '-' + asset(quote);
    }

    public static String perpetual(String base, String quote) {
        return spot(base, quote) + "-PERP";
    }

    public static String future(String base, String quote, LocalDate expiry) {
        return spot(base, quote) + '-' + EXPIRY.format(expiry);
    }

    /**
     * An option: {@code BASE-QUOTE-YYMMDD-STRIKE-C|P} ({@code BTC-USD-210924-8000-P}), the quote
     * being the currency of the strike; the strike in plain decimal without trailing zeros.
     */
    public static String option(String base, String quote, LocalDate expiry, BigDecimal strike,
            boolean call) {
        return future(base, quote, expiry) + '-' + strike.stripTrailingZeros().toPlainString() + (call ? "-C" : "-P");
    }

    public static String of(Instrument.Kind kind, String base, String quote, LocalDate expiry) {
        return switch (kind) {
            case SPOT -> spot(base, quote);
            case PERPETUAL -> perpetual(base, quote);
            case FUTURE, OPTION -> future(base, quote, expiry);
        };
    }
}
