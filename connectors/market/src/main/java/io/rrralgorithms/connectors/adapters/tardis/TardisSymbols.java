package io.rrralgorithms.connectors.adapters.tardis;

import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.venues.Venue;
import io.rrralgorithms.connectors.venues.VenueSymbols;
import io.rrralgorithms.connectors.venues.Venues;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code tardis} feed's symbols: the native symbol (the Kafka key) is
 * {@code <tardis exchange id>:<symbol>} ({@code binance-futures:BTCUSDT}), so that one feed holds
 * the instruments of every exchange apart; it normalizes by the symbols of the venue that exchange
 * is ({@link #VENUE_OF_EXCHANGE}: tardis's exchange ids, the ones whose symbols tardis writes as the
 * venue does, upper case). The other direction is refused: the feed is replay-only, and a
 * normalized symbol does not say its exchange.
 */
public final class TardisSymbols {
    /** tardis.dev exchange id → our feed whose symbols it uses. */
    public static final Map<String, String> VENUE_OF_EXCHANGE = venues();

    public static final VenueSymbols BOTH_WAYS = VenueSymbols.of(TardisSymbols::normalize, TardisSymbols::toNative);

    private TardisSymbols() {}

    private static Map<String, String> venues() {
        Map<String, String> m = new TreeMap<>();
        m.put("binance", "binance-spot");
        m.put("binance-us", "binance-us");
        m.put("binance-futures", "binance-usdm");
        m.put("binance-delivery", "binance-coinm");
        m.put("coinbase", "coinbase");
        m.put("kraken", "kraken");
        m.put("bitmex", "bitmex");
        m.put("deribit", "deribit");
        m.put("bitstamp", "bitstamp");
        m.put("gemini", "gemini");
        m.put("kucoin", "kucoin");
        m.put("gate-io", "gateio");
        m.put("okex", "okx");
        m.put("okex-swap", "okx");
        m.put("okex-futures", "okx");
        m.put("okex-options", "okx");
        m.put("huobi", "huobi");
        m.put("huobi-dm-swap", "huobi-swap");
        m.put("huobi-dm-linear-swap", "huobi-swap");
        m.put("poloniex", "poloniex");
        m.put("phemex", "phemex");
        return Map.copyOf(m);
    }

    /** The native symbol of a frame: {@code exchange:symbol}. */
    public static String nativeSymbol(String exchange, String symbol) {
        return exchange + ":" + symbol;
    }

    /**
     * {@code binance-futures:BTCUSDT} → {@code BTC-USDT-PERP}: the symbol normalized by its
     * exchange's venue (as written, then lower case: tardis upper-cases Huobi's and Bitstamp's).
     */
    public static String normalize(String nativeSymbol) throws DecodeException {
        int colon = nativeSymbol.indexOf(':');
        if (colon <= 0 || colon == nativeSymbol.length() - 1) {
            throw new DecodeException("unknown symbol '" + nativeSymbol + "' (expected <tardis exchange>:<symbol>)");
        }
        String exchange = nativeSymbol.substring(0, colon);
        String symbol = nativeSymbol.substring(colon + 1);
        String feed = VENUE_OF_EXCHANGE.get(exchange);
        if (feed == null || !Venues.isSupported(feed)) {
            throw new DecodeException("tardis exchange '" + exchange + "' has no venue whose symbols it uses (known: "
                    + String.join(", ", VENUE_OF_EXCHANGE.keySet()) + ")");
        }
        Venue venue = Venues.forFeed(feed);
        try {
            return venue.symbols().normalize(symbol);
        } catch (IllegalArgumentException asWritten) {
            try {
                return venue.symbols().normalize(symbol.toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException lowerCase) {
                throw new DecodeException("unknown symbol '" + symbol + "' of " + exchange + " (" + feed + "): "
                        + asWritten.getMessage());
            }
        }
    }

    static String toNative(String normalizedSymbol) {
        throw new IllegalArgumentException("the tardis feed is replay-only: no native symbol for '" + normalizedSymbol
                + "' (its exchange is not in a normalized symbol)");
    }
}
