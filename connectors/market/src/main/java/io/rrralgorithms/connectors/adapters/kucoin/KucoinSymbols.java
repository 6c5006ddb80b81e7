package io.rrralgorithms.connectors.adapters.kucoin;

import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import java.util.Locale;
import java.util.Map;

/**
 * KuCoin spot symbols are already {@code BASE-QUOTE} ({@code SNX-BTC}), but a few keep an asset's
 * old code after KuCoin renamed the asset: the instrument list's {@code baseCurrency} (and
 * {@code name}) carry the current code while {@code symbol}, the name used on the WebSocket and
 * in REST paths, keeps the old one ({@code BCHSV-USDT} lists {@code baseCurrency BSV}). The
 * normalized symbol uses the current code, so it is the same whichever name a frame uses; the
 * renames below are all that the recorded instrument list has ({@code KucoinFrameDecoderTest}
 * checks every listed symbol against its {@code baseCurrency}/{@code quoteCurrency}).
 */
final class KucoinSymbols {
    /** KuCoin's old asset code in {@code symbol} → the asset's current code. */
    static final Map<String, String> RENAMED = Map.of(
            "BCHSV", "BSV",
            "R", "REV",
            "WAX", "WAXP",
            "LOKI", "OXEN");

    private KucoinSymbols() {}

    static String asset(String code) {
        String c = code.toUpperCase(Locale.ROOT);
        return NormalizedSymbols.asset(RENAMED.getOrDefault(c, c));
    }

    /** {@code BCHSV-USDT} → {@code BSV-USDT}; anything not {@code BASE-QUOTE} is an unknown symbol. */
    static String normalize(String nativeSymbol) throws DecodeException {
        int dash = nativeSymbol.indexOf('-');
        if (dash <= 0 || dash == nativeSymbol.length() - 1 || nativeSymbol.indexOf('-', dash + 1) >= 0) {
            throw new DecodeException("unknown symbol '" + nativeSymbol + "': KuCoin spot symbols look like BTC-USDT");
        }
        return asset(nativeSymbol.substring(0, dash)) + '-' + asset(nativeSymbol.substring(dash + 1));
    }
}
