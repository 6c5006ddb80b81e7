package io.rrralgorithms.connectors.adapters.kraken;

import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.venues.VenueSymbols;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Kraken spot WebSocket v1 pair names ({@code XBT/USD}) and normalized symbols ({@code BTC-USD}):
 * Kraken's v1 names call BTC {@code XBT} and DOGE {@code XDG} ({@link NormalizedSymbols#asset}
 * maps them back).
 */
final class KrakenSymbols {
    private static final Map<String, String> KRAKEN_CODES = Map.of("BTC", "XBT", "DOGE", "XDG");
    private static final Pattern ASSET = Pattern.compile("[A-Z0-9][A-Z0-9.]{0,19}");

    /** Both directions, for the venue's declaration. */
    static final VenueSymbols BOTH_WAYS = VenueSymbols.of(KrakenSymbols::normalize, KrakenSymbols::toNative);

    private KrakenSymbols() {}

    /** {@code XBT/USD} → {@code BTC-USD}. */
    static String normalize(String pair) throws DecodeException {
        int slash = pair.indexOf('/');
        if (slash <= 0 || slash == pair.length() - 1 || pair.indexOf('/', slash + 1) >= 0) {
            throw new DecodeException("unknown symbol '" + pair + "': Kraken pairs look like XBT/USD");
        }
        return NormalizedSymbols.spot(pair.substring(0, slash), pair.substring(slash + 1));
    }

    /**
     * {@code BTC-USD} → {@code XBT/USD}, {@code DOGE-EUR} → {@code XDG/EUR}; anything but a spot pair
     * is refused. Kraken's staked assets keep their dot ({@code ETH2.S-ETH} → {@code ETH2.S/ETH}).
     */
    static String toNative(String normalized) {
        String[] p = normalized.trim().toUpperCase(Locale.ROOT).split("-", -1);
        if (p.length != 2 || !ASSET.matcher(p[0]).matches() || !ASSET.matcher(p[1]).matches()) {
            throw new IllegalArgumentException(KrakenVenue.FEED + ": '" + normalized + "' is not a spot pair like BTC-USD");
        }
        return KRAKEN_CODES.getOrDefault(p[0], p[0]) + "/" + KRAKEN_CODES.getOrDefault(p[1], p[1]);
    }
}
