package io.rrralgorithms.connectors.adapters.binance;

import io.rrralgorithms.connectors.adapters.DecodeException;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Native Binance symbol to the normalized scheme: {@code BTCUSDT} spot → {@code BTC-USDT},
 * USDⓈ-M perpetual → {@code BTC-USDT-PERP}, COIN-M {@code BTCUSD_PERP} → {@code BTC-USD-PERP},
 * dated {@code BTCUSD_211231} → {@code BTC-USD-211231}.
 *
 * <p>Spot symbols carry no separator, so the quote asset is found by suffix from the quote
 * assets the venue lists ({@link SpotQuotes}: binance.com and binance.us list different ones); a
 * symbol with none of them is an unknown symbol. Every COIN-M contract is quoted in USD
 * ({@code <base>USD_<PERP|yyMMdd>}), so there the quote is not guessed. The tables agree with every
 * symbol of the recorded exchangeInfo responses ({@link BinanceInstruments}; checked by
 * {@code BinanceInstrumentsTest}); building them from the metadata at run time is not done.
 */
final class BinanceSymbols {

    /**
     * A venue's spot quote assets, tried in order (a longer quote that ends with a shorter one
     * first, so that e.g. FDUSD wins over USD), and the symbols whose split the suffix cannot tell.
     */
    record SpotQuotes(List<String> quotes, Map<String, String> exceptions) implements Serializable {}

    /** binance.com: the quote assets of its exchangeInfo (2021) and later ones (FDUSD, …). */
    static final SpotQuotes BINANCE_COM = new SpotQuotes(List.of(
            "FDUSD", "USDT", "USDC", "BUSD", "TUSD", "USDP", "USDS", "BKRW", "GYEN", "DAI", "BIDR", "BVND",
            "IDRT", "UAH", "TRY", "EUR", "GBP", "AUD", "BRL", "RUB", "NGN", "ZAR", "PLN", "RON", "ARS", "JPY",
            "MXN", "COP", "CZK", "BTC", "ETH", "BNB", "XRP", "TRX", "DOGE", "DOT", "PAX", "VAI", "USD"),
            Map.of());

    /**
     * binance.us: quotes USD, USDT, BUSD, USDC, BTC and no TUSD, so {@code BATUSD} is BAT-USD (the
     * binance.com table would split it BA-TUSD). {@code BNBUSD} (BNB-USD) and {@code BNBBUSD}
     * (BNB-BUSD) cannot both be split by suffix: BNBUSD is listed as an exception.
     */
    static final SpotQuotes BINANCE_US = new SpotQuotes(List.of(
            "USDT", "USDC", "BUSD", "BTC", "ETH", "USD"),
            Map.of("BNBUSD", "BNB-USD"));

    private BinanceSymbols() {}

    /** With the binance.com spot quotes. */
    static String normalize(String nativeSymbol, BinanceMarket market) throws DecodeException {
        return normalize(nativeSymbol, market, BINANCE_COM);
    }

    static String normalize(String nativeSymbol, BinanceMarket market, SpotQuotes spot) throws DecodeException {
        String s = nativeSymbol.toUpperCase(Locale.ROOT);
        if (market == BinanceMarket.COINM_FUTURES) {
            int us = s.indexOf('_');
            if (us < 0) {
                throw new DecodeException("unknown symbol '" + nativeSymbol + "': COIN-M symbols look like BTCUSD_PERP");
            }
            String pair = s.substring(0, us);
            String contract = s.substring(us + 1);
            if (pair.length() <= 3 || !pair.endsWith("USD")) {
                throw new DecodeException("unknown symbol '" + nativeSymbol + "': COIN-M pairs are <base>USD");
            }
            return pair.substring(0, pair.length() - 3) + "-USD" + (contract.equals("PERP") ? "-PERP" : "-" + contract);
        }
        String suffix = "";
        if (market == BinanceMarket.USDM_FUTURES) {
            int us = s.indexOf('_');
            if (us >= 0) { // dated USDⓈ-M contract, e.g. BTCUSDT_240927
                suffix = "-" + s.substring(us + 1);
                s = s.substring(0, us);
            } else {
                suffix = "-PERP";
            }
        } else {
            String exception = spot.exceptions().get(s);
            if (exception != null) {
                return exception;
            }
        }
        for (String q : spot.quotes()) {
            if (s.length() > q.length() && s.endsWith(q)) {
                return s.substring(0, s.length() - q.length()) + '-' + q + suffix;
            }
        }
        throw new DecodeException("unknown symbol '" + nativeSymbol + "': no known quote asset");
    }
}
