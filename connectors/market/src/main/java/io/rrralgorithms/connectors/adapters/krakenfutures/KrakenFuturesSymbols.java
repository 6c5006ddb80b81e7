package io.rrralgorithms.connectors.adapters.krakenfutures;

import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols.Parts;
import io.rrralgorithms.connectors.venues.VenueSymbols;
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

    /** Both directions, for the venue's declaration. */
    static final VenueSymbols BOTH_WAYS = VenueSymbols.of(KrakenFuturesSymbols::normalize, KrakenFuturesSymbols::toNative);

    private KrakenFuturesSymbols() {}

    /** The normalized symbol of a product id, or an unknown-symbol reason. */
    static String normalize(String productId) throws DecodeException {
        return parseKnown(productId).symbol();
    }

    /** {@link #parse}, with the unknown-symbol reason where the product id is not one. */
    static Parsed parseKnown(String productId) throws DecodeException {
        Parsed p = parse(productId);
        if (p == null) {
            throw new DecodeException("unknown symbol '" + productId + "': Kraken Futures products look like PI_XBTUSD"
                    + " or FI_XBTUSD_210924");
        }
        return p;
    }

    /**
     * The <em>inverse</em> product of a normalized symbol: {@code BTC-USD-PERP} → {@code PI_XBTUSD},
     * {@code BTC-USD-210924} → {@code FI_XBTUSD_210924}. The normalized scheme does not tell inverse
     * from linear contracts ({@code PF_XBTUSD} is {@code BTC-USD-PERP} too); the inverse ones are
     * all the recorded instrument list holds, so a linear product must be named by its product id.
     */
    static String toNative(String normalized) {
        Parts s = VenueSymbols.require(normalized, KrakenFuturesVenue.FEED,
                "a perpetual like BTC-USD-PERP or a dated future like BTC-USD-210924", Instrument.Kind.PERPETUAL,
                Instrument.Kind.FUTURE);
        String pair = (s.base().equals("BTC") ? "XBT" : s.base()) + (s.quote().equals("BTC") ? "XBT" : s.quote());
        return s.kind() == Instrument.Kind.PERPETUAL ? "PI_" + pair : "FI_" + pair + "_" + s.expiry();
    }

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
