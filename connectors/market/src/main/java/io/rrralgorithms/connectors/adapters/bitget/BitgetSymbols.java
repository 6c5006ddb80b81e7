package io.rrralgorithms.connectors.adapters.bitget;

import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols.Parts;
import io.rrralgorithms.connectors.venues.VenueSymbols;
import java.util.List;
import java.util.Locale;

/**
 * Bitget's API v1 symbols. The WebSocket names an instrument by {@code instType} and {@code instId}
 * ({@code sp}/{@code EOSUSDT} spot, {@code mc}/{@code DASHUSDT} perpetual): a spot pair and the
 * USDT-margined perpetual of the same coins share the {@code instId}. The native symbol is
 * therefore the REST API's own product id, which tells them apart (and is the recorded listing's
 * {@code symbol}):
 *
 * <ul>
 *   <li>{@code sp} {@code EOSUSDT} → {@code EOSUSDT_SPBL} → {@code EOS-USDT}; the quote is the
 *       longest of {@link #SPOT_QUOTES} ending the pair (the listing quotes in USDT, BTC and ETH;
 *       USDC is listed since);
 *   <li>{@code mc} {@code DASHUSDT} → {@code DASHUSDT_UMCBL} (USDT-margined) →
 *       {@code DASH-USDT-PERP};
 *   <li>{@code mc} {@code BTCUSD} → {@code BTCUSD_DMCBL} (coin-margined, quoted in USD) →
 *       {@code BTC-USD-PERP}.
 * </ul>
 */
final class BitgetSymbols {
    static final String SPOT = "_SPBL";
    static final String USDT_PERPETUAL = "_UMCBL";
    static final String USD_PERPETUAL = "_DMCBL";
    /** Spot quote codes, longest first. */
    static final List<String> SPOT_QUOTES = List.of("USDT", "USDC", "BTC", "ETH");

    /** Both directions, for the venue's declaration. */
    static final VenueSymbols BOTH_WAYS = VenueSymbols.of(BitgetSymbols::normalize, BitgetSymbols::toNative);

    private BitgetSymbols() {}

    /**
     * The native symbol of a WebSocket {@code arg}: {@code sp} + {@code EOSUSDT} →
     * {@code EOSUSDT_SPBL}; {@code mc} + {@code DASHUSDT} → {@code DASHUSDT_UMCBL}, {@code mc} +
     * {@code BTCUSD} → {@code BTCUSD_DMCBL}; null for any other instType or a perpetual in neither quote.
     */
    static String ofArg(String instType, String instId) {
        if (instId.isEmpty() || instId.indexOf('_') >= 0) {
            return null;
        }
        switch (instType.toLowerCase(Locale.ROOT)) {
            case "sp":
                return instId + SPOT;
            case "mc":
                return instId.endsWith("USDT") ? instId + USDT_PERPETUAL
                        : instId.endsWith("USD") ? instId + USD_PERPETUAL : null;
            default:
                return null;
        }
    }

    /** The WebSocket {@code instId} of a native symbol ({@code EOSUSDT_SPBL} → {@code EOSUSDT}). */
    static String instId(String nativeSymbol) {
        return nativeSymbol.substring(0, nativeSymbol.lastIndexOf('_'));
    }

    /** {@code EOSUSDT_SPBL} → {@code EOS-USDT}, {@code DASHUSDT_UMCBL} → {@code DASH-USDT-PERP}, {@code BTCUSD_DMCBL} → {@code BTC-USD-PERP}. */
    static String normalize(String nativeSymbol) throws DecodeException {
        if (nativeSymbol.endsWith(SPOT)) {
            String pair = nativeSymbol.substring(0, nativeSymbol.length() - SPOT.length());
            for (String q : SPOT_QUOTES) {
                if (pair.length() > q.length() && pair.endsWith(q) && code(pair.substring(0, pair.length() - q.length()))) {
                    return NormalizedSymbols.spot(pair.substring(0, pair.length() - q.length()), q);
                }
            }
        } else if (nativeSymbol.endsWith(USDT_PERPETUAL)) {
            String base = base(nativeSymbol, USDT_PERPETUAL, "USDT");
            if (base != null) {
                return NormalizedSymbols.perpetual(base, "USDT");
            }
        } else if (nativeSymbol.endsWith(USD_PERPETUAL)) {
            String base = base(nativeSymbol, USD_PERPETUAL, "USD");
            if (base != null) {
                return NormalizedSymbols.perpetual(base, "USD");
            }
        }
        throw new DecodeException("unknown symbol '" + nativeSymbol + "': Bitget v1 symbols look like EOSUSDT_SPBL"
                + " (spot in " + String.join(", ", SPOT_QUOTES) + "), DASHUSDT_UMCBL or BTCUSD_DMCBL");
    }

    /** The base of {@code BASE<quote><suffix>}, or null. */
    private static String base(String nativeSymbol, String suffix, String quote) {
        String pair = nativeSymbol.substring(0, nativeSymbol.length() - suffix.length());
        String base = pair.length() > quote.length() && pair.endsWith(quote) ? pair.substring(0, pair.length() - quote.length())
                : null;
        return base != null && code(base) ? base : null;
    }

    private static boolean code(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c >= 'A' && c <= 'Z' || c >= '0' && c <= '9');
    }

    /** {@code EOS-USDT} → {@code EOSUSDT_SPBL}, {@code DASH-USDT-PERP} → {@code DASHUSDT_UMCBL}, {@code BTC-USD-PERP} → {@code BTCUSD_DMCBL}. */
    static String toNative(String normalized) {
        Parts p = NormalizedSymbols.parts(normalized);
        if (p != null && p.kind() == Instrument.Kind.SPOT && SPOT_QUOTES.contains(p.quote())) {
            return p.base() + p.quote() + SPOT;
        }
        if (p != null && p.kind() == Instrument.Kind.PERPETUAL && p.quote().equals("USDT")) {
            return p.base() + "USDT" + USDT_PERPETUAL;
        }
        if (p != null && p.kind() == Instrument.Kind.PERPETUAL && p.quote().equals("USD")) {
            return p.base() + "USD" + USD_PERPETUAL;
        }
        throw new IllegalArgumentException(BitgetVenue.FEED + ": '" + normalized + "' is not a pair like EOS-USDT (quoted in "
                + String.join(", ", SPOT_QUOTES) + ") or a perpetual like DASH-USDT-PERP or BTC-USD-PERP");
    }
}
