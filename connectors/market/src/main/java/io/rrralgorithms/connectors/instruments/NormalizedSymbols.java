package io.rrralgorithms.connectors.instruments;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

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

    private NormalizedSymbols() {}

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
    public static String option(String base, String quote, LocalDate expiry, java.math.BigDecimal strike,
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
