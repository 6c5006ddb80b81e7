package io.rrralgorithms.connectors.adapters.krakenfutures;

import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Kraken Futures product ids to the normalized scheme. A product id is
 * {@code <prefix>_<BASE><QUOTE>[_<yyMMdd>]}: {@code PI_} perpetual inverse ({@code PI_XBTUSD} →
 * {@code BTC-USD-PERP}), {@code PF_} perpetual linear multi-collateral ("flexible") and {@code PV_}
 * perpetual vanilla (linear) likewise {@code -PERP}; {@code FI_}/{@code FF_}/{@code FV_} the dated
 * counterparts ({@code FI_XBTUSD_210924} → {@code BTC-USD-210924}). Index symbols ({@code IN_},
 * {@code RR_}) are not tradable products.
 */
final class KrakenFuturesSymbols {
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyMMdd", Locale.ROOT);
    /** Quote currencies, longest first so that USDT wins over USD. */
    private static final List<String> QUOTES = List.of("USDT", "USDC", "USD", "EUR", "GBP", "XBT", "BTC", "ETH");

    /** A parsed product id. */
    record Parsed(String nativeSymbol, String symbol, Instrument.Kind kind, String base, String quote, LocalDate expiry) {}

    private KrakenFuturesSymbols() {}

    /** @return the parsed product, or null when {@code productId} is not a perpetual or dated future */
    static Parsed parse(String productId) {
        String id = productId.toUpperCase(Locale.ROOT);
        String[] parts = id.split("_", -1);
        if (parts.length < 2 || parts.length > 3 || parts[0].length() != 2) {
            return null;
        }
        char type = parts[0].charAt(0);
        char margin = parts[0].charAt(1);
        if ((type != 'P' && type != 'F') || (margin != 'I' && margin != 'F' && margin != 'V')) {
            return null;
        }
        boolean perpetual = type == 'P';
        if (perpetual != (parts.length == 2)) {
            return null; // a perpetual has no date, a dated future must have one
        }
        String pair = parts[1];
        String quote = null;
        for (String q : QUOTES) {
            if (pair.length() > q.length() && pair.endsWith(q)) {
                quote = q;
                break;
            }
        }
        if (quote == null) {
            return null;
        }
        String base = pair.substring(0, pair.length() - quote.length());
        LocalDate expiry = null;
        if (!perpetual) {
            try {
                expiry = LocalDate.parse(parts[2], EXPIRY);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        Instrument.Kind kind = perpetual ? Instrument.Kind.PERPETUAL : Instrument.Kind.FUTURE;
        return new Parsed(id, NormalizedSymbols.of(kind, base, quote, expiry), kind, NormalizedSymbols.asset(base),
                NormalizedSymbols.asset(quote), expiry);
    }
}
