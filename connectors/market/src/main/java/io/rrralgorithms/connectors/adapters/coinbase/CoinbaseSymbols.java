package io.rrralgorithms.connectors.adapters.coinbase;

import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols.Parts;
import io.rrralgorithms.connectors.venues.VenueSymbols;

/**
 * Coinbase product ids are already {@code BASE-QUOTE} ({@code BTC-USD}): the native and the
 * normalized symbol are the same (the decoder takes the {@code product_id} as it is).
 */
final class CoinbaseSymbols {

    /** Both directions, for the venue's declaration. */
    static final VenueSymbols BOTH_WAYS = VenueSymbols.of(productId -> productId, CoinbaseSymbols::toNative);

    private CoinbaseSymbols() {}

    /** {@code btc-usd} → {@code BTC-USD}; anything but a spot pair is refused. */
    static String toNative(String normalized) {
        Parts s = VenueSymbols.require(normalized, CoinbaseVenue.FEED, "a product like BTC-USD", Instrument.Kind.SPOT);
        return s.base() + "-" + s.quote();
    }
}
