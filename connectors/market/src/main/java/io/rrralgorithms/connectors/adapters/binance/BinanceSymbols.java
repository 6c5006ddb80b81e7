package io.rrralgorithms.connectors.adapters.binance;

import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols.Parts;
import io.rrralgorithms.connectors.venues.VenueSymbols;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

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
 *
 * <p>Back to native ({@link #toNative}): {@code BTC-USDT} → {@code BTCUSDT}; futures
 * {@code BTC-USDT-PERP} → {@code BTCUSDT}, dated {@code BTC-USDT-240927} → {@code BTCUSDT_240927};
 * COIN-M {@code BTC-USD-PERP} → {@code BTCUSD_PERP}.
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

    /**
     * Binance TR: binance.com's exchangeInfo as of April 2023, which still lists the four UST
     * (TerraUSD) pairs ({@code BNBUST}); UST ends no other quote, so it goes last.
     */
    static final SpotQuotes BINANCE_TR = new SpotQuotes(Stream.concat(BINANCE_COM.quotes().stream(), Stream.of("UST"))
            .toList(), Map.of());

    private BinanceSymbols() {}

    /** Both directions for one feed's market and spot quotes. */
    static VenueSymbols of(String feed, BinanceMarket market, SpotQuotes spot) {
        return VenueSymbols.of(s -> normalize(s, market, spot), s -> toNative(s, market, feed));
    }

    /**
     * The native symbol of a normalized one on this market; {@link IllegalArgumentException}
     * naming {@code feed} and the expected form where it cannot be one (a perpetual on spot …).
     */
    static String toNative(String normalized, BinanceMarket market, String feed) {
        Parts s = NormalizedSymbols.parts(normalized);
        if (market == BinanceMarket.SPOT) {
            if (s == null || s.kind() != Instrument.Kind.SPOT) {
                throw new IllegalArgumentException(feed + ": '" + normalized + "' is not a spot symbol like BTC-USDT");
            }
            return s.base() + s.quote();
        }
        boolean coinm = market == BinanceMarket.COINM_FUTURES;
        boolean perpetual = s != null && s.kind() == Instrument.Kind.PERPETUAL;
        if (s == null || !(perpetual || s.kind() == Instrument.Kind.FUTURE) || (coinm && !s.quote().equals("USD"))) {
            throw new IllegalArgumentException(feed + ": '" + normalized + (coinm
                    ? "' is not a COIN-M symbol like BTC-USD-PERP (perpetual) or BTC-USD-240927 (dated)"
                    : "' is not a futures symbol like BTC-USDT-PERP (perpetual) or BTC-USDT-240927 (dated)"));
        }
        if (coinm) {
            return s.base() + s.quote() + "_" + (perpetual ? "PERP" : s.expiry());
        }
        return s.base() + s.quote() + (perpetual ? "" : "_" + s.expiry());
    }

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
