package io.rrralgorithms.connectors.adapters.huobi;

import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols.Parts;
import io.rrralgorithms.connectors.venues.VenueSymbols;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Huobi's symbols, both directions, per feed:
 *
 * <ul>
 *   <li>spot ({@code huobi}): lower case without a separator ({@code btcusdt}, {@code fil3susdt}),
 *       so the quote is the longest of the listing's quote currencies that ends the symbol
 *       ({@code yfihusd} is YFI/HUSD, not YFIH/USD: {@code husd} is the longer quote); a pair quoted
 *       in a currency not in {@link #SPOT_QUOTES} is an unknown symbol (add the quote);
 *   <li>swaps ({@code huobi-swap}): the contract code {@code BASE-QUOTE} of a perpetual, coin-margined
 *       {@code BTC-USD} ({@code swap-ws}) and USDT-margined {@code BTC-USDT} ({@code linear-swap-ws}),
 *       normalized {@code BTC-USD-PERP}, {@code BTC-USDT-PERP}.
 * </ul>
 *
 * Huobi renames no asset. {@code VenueSymbolsRoundTripTest} checks both directions against every
 * listed instrument of the recorded listings.
 */
final class HuobiSymbols {
    /** The quote currencies of the recorded spot listing ({@code /v1/common/symbols}), longest first. */
    static final List<String> SPOT_QUOTES = List.of("usdt", "husd", "btc", "eth", "trx", "ht").stream()
            .sorted(Comparator.comparingInt(String::length).reversed()).toList();

    static final VenueSymbols SPOT = VenueSymbols.of(HuobiSymbols::normalizeSpot, HuobiSymbols::spotToNative);
    static final VenueSymbols SWAP = VenueSymbols.of(HuobiSymbols::normalizeSwap, HuobiSymbols::swapToNative);

    private HuobiSymbols() {}

    /** {@code btcusdt} → {@code BTC-USDT}, {@code yfihusd} → {@code YFI-HUSD}. */
    static String normalizeSpot(String nativeSymbol) throws DecodeException {
        if (!nativeSymbol.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
            throw new DecodeException("unknown symbol '" + nativeSymbol + "': huobi symbols are lower-case letters and digits"
                    + " (btcusdt)");
        }
        for (String q : SPOT_QUOTES) {
            if (nativeSymbol.length() > q.length() && nativeSymbol.endsWith(q)) {
                return NormalizedSymbols.spot(NormalizedSymbols.asset(nativeSymbol.substring(0, nativeSymbol.length()
                        - q.length()).toUpperCase(Locale.ROOT)), NormalizedSymbols.asset(q.toUpperCase(Locale.ROOT)));
            }
        }
        throw new DecodeException("unknown symbol '" + nativeSymbol + "': no huobi quote currency " + SPOT_QUOTES
                + " ends it");
    }

    /** {@code BTC-USDT} → {@code btcusdt}. */
    static String spotToNative(String normalized) {
        Parts p = VenueSymbols.require(normalized, "huobi", "a spot pair like BTC-USDT", Instrument.Kind.SPOT);
        return (p.base() + p.quote()).toLowerCase(Locale.ROOT);
    }

    /** {@code BTC-USD} → {@code BTC-USD-PERP}, {@code GRT-USDT} → {@code GRT-USDT-PERP}. */
    static String normalizeSwap(String contractCode) throws DecodeException {
        int dash = contractCode.indexOf('-');
        if (dash <= 0 || dash != contractCode.lastIndexOf('-') || dash == contractCode.length() - 1
                || !contractCode.chars().allMatch(c -> c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-')) {
            throw new DecodeException("unknown symbol '" + contractCode + "': huobi-swap contract codes look like"
                    + " BTC-USD or BTC-USDT");
        }
        return NormalizedSymbols.perpetual(NormalizedSymbols.asset(contractCode.substring(0, dash)),
                NormalizedSymbols.asset(contractCode.substring(dash + 1)));
    }

    /** {@code BTC-USD-PERP} → {@code BTC-USD}. */
    static String swapToNative(String normalized) {
        Parts p = VenueSymbols.require(normalized, "huobi-swap",
                "a perpetual like BTC-USD-PERP or BTC-USDT-PERP", Instrument.Kind.PERPETUAL);
        return p.base() + "-" + p.quote();
    }
}
