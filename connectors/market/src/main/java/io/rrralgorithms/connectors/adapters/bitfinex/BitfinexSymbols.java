package io.rrralgorithms.connectors.adapters.bitfinex;

import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols.Parts;
import io.rrralgorithms.connectors.venues.VenueSymbols;
import java.util.Map;

/**
 * Bitfinex symbols to the normalized scheme. A trading symbol is {@code t} + pair: six letters
 * split 3 + 3 ({@code tBTCUSD} → {@code BTC-USD}) or, where a code is longer, with a colon
 * ({@code tTESTBTC:TESTUSD} → {@code TESTBTC-TESTUSD}). Perpetual derivatives are
 * {@code tBTCF0:USTF0} → {@code BTC-USDT-PERP} (the {@code F0} suffix marks the derivative
 * currency). Funding symbols ({@code fUSD}) are not instruments of this feed.
 *
 * <p>Bitfinex's own currency codes are kept, with one alias: {@code UST} is Bitfinex's code of
 * Tether USDt, so it becomes {@code USDT} (it must not become a global alias: elsewhere UST is
 * TerraUSD). Other short codes are kept as they are ({@code IOT}, {@code MNA}, {@code DSH}), and
 * in particular {@code DOG} is <em>not</em> DOGE: the capture prices {@code tDOGUSD} near
 * 278,200 USD in April 2021, i.e. one million DOGE, while the dated derivative uses {@code DOGEF0}.
 * Without the venue's {@code pub:map:currency:sym} (not recorded) no further mapping is certain.
 * {@link #toNative} reverses it ({@code USDT} is written {@code UST} again).
 */
final class BitfinexSymbols {
    private static final Map<String, String> ALIASES = Map.of("UST", "USDT");
    private static final Map<String, String> CODES = Map.of("USDT", "UST");

    /** Both directions, for the venue's declaration. */
    static final VenueSymbols BOTH_WAYS = VenueSymbols.of(BitfinexSymbols::normalize, BitfinexSymbols::toNative);

    private BitfinexSymbols() {}

    /**
     * {@code BTC-USD} → {@code tBTCUSD}, {@code TESTBTC-TESTUSD} → {@code tTESTBTC:TESTUSD},
     * {@code BTC-USDT-PERP} → {@code tBTCF0:USTF0}.
     */
    static String toNative(String normalized) {
        Parts s = VenueSymbols.require(normalized, BitfinexVenue.FEED,
                "a pair like BTC-USD or a perpetual like BTC-USDT-PERP", Instrument.Kind.SPOT, Instrument.Kind.PERPETUAL);
        String base = CODES.getOrDefault(s.base(), s.base());
        String quote = CODES.getOrDefault(s.quote(), s.quote());
        if (s.kind() == Instrument.Kind.PERPETUAL) {
            return "t" + base + "F0:" + quote + "F0";
        }
        return base.length() == 3 && quote.length() == 3 ? "t" + base + quote : "t" + base + ":" + quote;
    }

    /** The {@code [kind, base, quote]} of a pair as listed in {@code pub:list:pair:*} ({@code BTCUSD}, {@code BTCF0:USTF0}). */
    static String[] split(String pair) throws DecodeException {
        String base;
        String quote;
        int colon = pair.indexOf(':');
        if (colon >= 0) {
            base = pair.substring(0, colon);
            quote = pair.substring(colon + 1);
        } else if (pair.length() == 6) {
            base = pair.substring(0, 3);
            quote = pair.substring(3);
        } else {
            throw new DecodeException("unknown Bitfinex pair '" + pair + "': neither six letters nor BASE:QUOTE");
        }
        Instrument.Kind kind = Instrument.Kind.SPOT;
        if (base.endsWith("F0") && quote.endsWith("F0") && base.length() > 2 && quote.length() > 2) {
            kind = Instrument.Kind.PERPETUAL;
            base = base.substring(0, base.length() - 2);
            quote = quote.substring(0, quote.length() - 2);
        }
        if (base.isEmpty() || quote.isEmpty() || !base.chars().allMatch(BitfinexSymbols::codeChar)
                || !quote.chars().allMatch(BitfinexSymbols::codeChar)) {
            throw new DecodeException("unknown Bitfinex pair '" + pair + "'");
        }
        return new String[] {kind.name(), asset(base), asset(quote)};
    }

    static String asset(String code) {
        return NormalizedSymbols.asset(ALIASES.getOrDefault(code, code));
    }

    /** The normalized symbol of a trading symbol ({@code tBTCUSD}). */
    static String normalize(String nativeSymbol) throws DecodeException {
        if (nativeSymbol == null || nativeSymbol.length() < 2) {
            throw new DecodeException("missing or empty Bitfinex symbol");
        }
        char prefix = nativeSymbol.charAt(0);
        if (prefix == 'f') {
            throw new DecodeException("funding symbol '" + nativeSymbol + "': funding channels are not decoded");
        }
        if (prefix != 't') {
            throw new DecodeException("unknown Bitfinex symbol '" + nativeSymbol + "' (expected tPAIR)");
        }
        String[] s = split(nativeSymbol.substring(1));
        Instrument.Kind kind = Instrument.Kind.valueOf(s[0]);
        return NormalizedSymbols.of(kind, s[1], s[2], null);
    }

    private static boolean codeChar(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
