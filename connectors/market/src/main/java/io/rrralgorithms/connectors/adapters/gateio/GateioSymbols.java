package io.rrralgorithms.connectors.adapters.gateio;

import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;

/**
 * Gate.io names spot pairs and perpetual contracts {@code BASE_QUOTE} ({@code BTC_USDT}): spot
 * {@code BTC-USDT}, USDT-settled perpetual {@code BTC-USDT-PERP}.
 */
final class GateioSymbols {
    private GateioSymbols() {}

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
