package io.rrralgorithms.connectors.adapters.binance;

import io.rrralgorithms.connectors.adapters.DecodeException;
import java.util.List;
import java.util.Locale;

/**
 * Native Binance symbol to the normalized scheme: {@code BTCUSDT} spot → {@code BTC-USDT},
 * USDⓈ-M perpetual → {@code BTC-USDT-PERP}, COIN-M {@code BTCUSD_PERP} → {@code BTC-USD-PERP},
 * dated {@code BTCUSD_211231} → {@code BTC-USD-211231}.
 *
 * <p>Spot symbols carry no separator, so the quote asset is found by suffix from the quote
 * assets Binance lists; a symbol with none of them is an unknown symbol. (Building this table
 * from exchangeInfo metadata is listed as not done in the README.)
 */
final class BinanceSymbols {
    // Longest first so that e.g. FDUSD wins over USD.
    private static final List<String> QUOTES = List.of(
            "FDUSD", "USDT", "USDC", "BUSD", "TUSD", "USDP", "DAI", "BIDR", "BVND", "IDRT", "UAH", "TRY",
            "EUR", "GBP", "AUD", "BRL", "RUB", "NGN", "ZAR", "PLN", "RON", "ARS", "JPY", "MXN", "COP",
            "CZK", "BTC", "ETH", "BNB", "XRP", "TRX", "DOGE", "DOT", "PAX", "VAI", "USD");

    private BinanceSymbols() {}

    static String normalize(String nativeSymbol, BinanceMarket market) throws DecodeException {
        String s = nativeSymbol.toUpperCase(Locale.ROOT);
        String suffix = "";
        if (market == BinanceMarket.COINM_FUTURES) {
            int us = s.indexOf('_');
            if (us < 0) {
                throw new DecodeException("unknown symbol '" + nativeSymbol + "': COIN-M symbols look like BTCUSD_PERP");
            }
            String contract = s.substring(us + 1);
            suffix = contract.equals("PERP") ? "-PERP" : "-" + contract;
            s = s.substring(0, us);
        } else if (market == BinanceMarket.USDM_FUTURES) {
            int us = s.indexOf('_');
            if (us >= 0) { // dated USDⓈ-M contract, e.g. BTCUSDT_240927
                suffix = "-" + s.substring(us + 1);
                s = s.substring(0, us);
            } else {
                suffix = "-PERP";
            }
        }
        for (String q : QUOTES) {
            if (s.length() > q.length() && s.endsWith(q)) {
                return s.substring(0, s.length() - q.length()) + '-' + q + suffix;
            }
        }
        throw new DecodeException("unknown symbol '" + nativeSymbol + "': no known quote asset");
    }
}
