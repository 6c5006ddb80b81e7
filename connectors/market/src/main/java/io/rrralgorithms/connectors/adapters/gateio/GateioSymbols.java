package io.rrralgorithms.connectors.adapters.gateio;

import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols.Parts;
import io.rrralgorithms.connectors.venues.VenueSymbols;

/**
 * Gate.io names spot pairs and perpetual contracts {@code BASE_QUOTE} ({@code BTC_USDT}): spot
 * {@code BTC-USDT}, USDT-settled perpetual {@code BTC-USDT-PERP}.
 */
final class GateioSymbols {
    /** Spot pairs both ways, for the {@code gateio} declaration. */
    static final VenueSymbols SPOT = VenueSymbols.of(GateioSymbols::spot, s -> toNative(s, Instrument.Kind.SPOT));
    /** Perpetual contracts both ways, for the {@code gateio-futures} declaration. */
    static final VenueSymbols PERPETUALS =
            VenueSymbols.of(GateioSymbols::perpetual, s -> toNative(s, Instrument.Kind.PERPETUAL));

    private GateioSymbols() {}

    /** {@code BTC-USDT} (spot) or {@code BTC-USDT-PERP} (futures) → {@code BTC_USDT}. */
    static String toNative(String normalized, Instrument.Kind kind) {
        Parts s = VenueSymbols.require(normalized, "Gate.io",
                kind == Instrument.Kind.SPOT ? "a spot pair like BTC-USDT" : "a perpetual like BTC-USDT-PERP", kind);
        return s.base() + "_" + s.quote();
    }

    static String spot(String nativeSymbol) throws DecodeException {
        String[] bq = split(nativeSymbol);
        return NormalizedSymbols.spot(bq[0], bq[1]);
    }

    static String perpetual(String nativeSymbol) throws DecodeException {
        String[] bq = split(nativeSymbol);
        return NormalizedSymbols.perpetual(bq[0], bq[1]);
    }

    static String[] split(String nativeSymbol) throws DecodeException {
        int us = nativeSymbol.indexOf('_');
        if (us <= 0 || us == nativeSymbol.length() - 1 || nativeSymbol.indexOf('_', us + 1) >= 0) {
            throw new DecodeException("unknown symbol '" + nativeSymbol + "': Gate.io symbols look like BTC_USDT");
        }
        return new String[] {nativeSymbol.substring(0, us), nativeSymbol.substring(us + 1)};
    }
}
