package io.rrralgorithms.connectors.adapters.okcoin;

import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols.Parts;
import io.rrralgorithms.connectors.venues.VenueSymbols;
import java.util.regex.Pattern;

/**
 * OKCoin {@code instId}s → normalized symbols. OKCoin lists spot pairs only (the recorded
 * {@code /api/v5/public/instruments?instType=SPOT}: BTC-USD, ETH-USD, USDC-USDT, USDT-USD), written
 * as OKX writes them, {@code BASE-QUOTE}: the id is the normalized symbol. OKX's derivative forms
 * ({@code BTC-USD-SWAP}, {@code BTC-USD-220527}) are refused: OKCoin lists none.
 */
final class OkcoinSymbols {
    /** An asset code as OKCoin writes it. */
    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{1,20}");

    /** Both directions, for the venue's declaration. */
    static final VenueSymbols BOTH_WAYS = VenueSymbols.of(OkcoinSymbols::normalize, OkcoinSymbols::toNative);

    private OkcoinSymbols() {}

    /** {@code BTC-USD} → {@code BTC-USD}; anything but a {@code BASE-QUOTE} pair: IllegalArgumentException. */
    static String normalize(String instId) {
        String[] p = instId.split("-", -1);
        if (p.length != 2 || !CODE.matcher(p[0]).matches() || !CODE.matcher(p[1]).matches()) {
            throw new IllegalArgumentException("unknown symbol '" + instId
                    + "': OKCoin instIds are spot pairs like BTC-USD (it lists no swaps or futures)");
        }
        return NormalizedSymbols.spot(p[0], p[1]);
    }

    /** {@code BTC-USD} → {@code BTC-USD}; a perpetual, future or option is refused. */
    static String toNative(String normalized) {
        Parts s = VenueSymbols.require(normalized, OkcoinVenue.FEED,
                "a spot pair like BTC-USD (OKCoin lists spot pairs only)", Instrument.Kind.SPOT);
        return s.base() + "-" + s.quote();
    }
}
