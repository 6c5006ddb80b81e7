package io.rrralgorithms.connectors.adapters.hitbtc;

import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols.Parts;
import io.rrralgorithms.connectors.venues.VenueSymbols;
import java.io.Serializable;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The symbols of one venue of the HitBTC family. Native symbols have no separator
 * ({@code ETHBTC}, {@code MTXUSD}, {@code BTCUSDT_PERP}), so the quote is the longest of the venue's
 * quote codes that ends the symbol; then the venue's asset codes are renamed to the normalized
 * ones, as the venue's own listing means them (what cryptofeed does too):
 *
 * <ul>
 *   <li>HitBTC and Bequant (API v2) call Tether {@code USD}: {@code MTXUSD} is {@code MTX-USDT};
 *       Bequant's US dollar is {@code USDB} ({@code BTCUSDB} is {@code BTC-USD}); its {@code EURB},
 *       {@code GBPB} stay as they are. A few old symbols spell the quote out ({@code XRPUSDT}, whose
 *       listing says base XRP, quote USD) and one the base ({@code USDTGUSD}): both decode by the
 *       same suffix rule, and {@link #toNative} gives them back from a short list of such symbols.
 *   <li>FMFW (API v3) lists {@code USDT} as {@code USDT}, but 16 of its symbols keep the old
 *       {@code USD} ending ({@code MATICUSD}: MATIC/USDT), listed the same way.
 *   <li>{@code _PERP} is a perpetual ({@code BTCUSDT_PERP} → {@code BTC-USDT-PERP}).
 *   <li>Bequant's {@code _BQX} pairs (zero-fee copies of its pairs for its broker's clients) would
 *       share the normalized symbol of the real pair: refused (and left out of the catalog).
 * </ul>
 *
 * The quote lists are the recorded listings' quote currencies, but for the USD stablecoins
 * {@code TUSD}, {@code BUSD} and {@code GUSD}: their endings clash with {@code USD} after a base
 * ending in T, B or G ({@code BATUSD} is BAT/USD, {@code BTCTUSD} BTC/TUSD), so the few pairs quoted
 * in them are listed per venue (a new such pair would read as {@code ...T-USDT}: add it to the list).
 * {@code VenueSymbolsRoundTripTest} checks both directions against every listed instrument.
 */
final class HitbtcSymbols implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String PERP = "_PERP";

    static final HitbtcSymbols HITBTC = new HitbtcSymbols(HitbtcVenue.HITBTC_FEED,
            List.of("BCH", "BTC", "DAI", "DDRST", "EOS", "EOSDT", "ETH", "EURS", "HIT", "IDRT", "PAX", "USD", "USDC",
                    "USDT"),
            Map.of("USD", "USDT"), Map.of("USDT", "USD"),
            Set.of("NEOTUSD", "ETHTUSD", "USDTGUSD", "BTCGUSD", "LTCTUSD", "XMRTUSD", "ZRXTUSD", "EURSTUSD", "BTCTUSD",
                    "EOSGUSD", "USDTUSD", "BCHTUSD", "BTCBUSD", "ETHGUSD", "DGBTUSD"),
            Set.of("XPRUSDT", "EMCUSDT", "DRTUSDT", "REPUSDT", "BCPTUSDT", "XRPUSDT", "SBTCUSDT", "VETUSDT", "XMCUSDT",
                    "EKOUSDT", "USDTGUSD"));

    static final HitbtcSymbols BEQUANT = new HitbtcSymbols(HitbtcVenue.BEQUANT_FEED,
            List.of("BTC", "DAI", "EOS", "EOSDT", "ETH", "EURB", "EURS", "GBPB", "PAX", "USD", "USDB", "USDC", "USDT"),
            Map.of("USD", "USDT", "USDB", "USD"), Map.of("USDT", "USD", "USD", "USDB"),
            Set.of("BTCTUSD", "EOSGUSD", "USDTUSD", "BCHTUSD", "BTCGUSD", "ETHGUSD", "ETHTUSD", "USDTGUSD"),
            Set.of("XRPUSDT", "XDCUSDT", "XYMUSDT", "USDTGUSD"));

    static final HitbtcSymbols FMFW = new HitbtcSymbols(HitbtcVenue.FMFW_FEED,
            List.of("BCH", "BTC", "DAI", "EOSDT", "ETH", "GRB", "USD", "USDC", "USDH", "USDP", "USDT"),
            Map.of("USD", "USDT"), Map.of(),
            Set.of("BTCTUSD", "BCHTUSD", "BTCBUSD"),
            Set.of("MATICUSD", "HTUSD", "TFUELUSD", "CKBUSD", "GLMUSD", "CRVUSD", "HOTUSD", "GTCUSD", "BZRXUSD", "ORNUSD",
                    "ALGOUSD", "ARPAUSD", "DCRUSD", "INJUSD", "KSMUSD", "FTMUSD"));

    private final String feed;
    /** Native quote codes, longest first. */
    private final List<String> quotes;
    /** Native asset code → normalized asset, where they differ. */
    private final Map<String, String> renamed;
    /** The pairs quoted in TUSD, BUSD or GUSD (the quote is their last four letters). */
    private final Set<String> usdCoinQuoted;
    /** Normalized asset → native code, where they differ. */
    private final Map<String, String> codes;
    /** Normalized spot symbol → native, for the symbols not spelled by the default rule. */
    private final Map<String, String> oldSpellings = new HashMap<>();

    private HitbtcSymbols(String feed, List<String> quotes, Map<String, String> renamed, Map<String, String> codes,
            Set<String> usdCoinQuoted, Set<String> oldSpellings) {
        this.feed = feed;
        this.quotes = quotes.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        this.renamed = renamed;
        this.codes = codes;
        this.usdCoinQuoted = usdCoinQuoted;
        for (String s : oldSpellings) {
            try {
                this.oldSpellings.put(normalize(s), s);
            } catch (DecodeException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
    }

    /** Both directions, for the venue's declaration. */
    VenueSymbols bothWays() {
        return VenueSymbols.of(this::normalize, this::toNative);
    }

    /** {@code MTXUSD} → {@code MTX-USDT} (v2), {@code BTCUSDB} → {@code BTC-USD}, {@code BTCUSDT_PERP} → {@code BTC-USDT-PERP}. */
    String normalize(String nativeSymbol) throws DecodeException {
        if (nativeSymbol.endsWith("_BQX")) {
            throw new DecodeException("unknown symbol '" + nativeSymbol + "': a Bequant broker (_BQX) pair");
        }
        boolean perp = nativeSymbol.endsWith(PERP);
        String pair = perp ? nativeSymbol.substring(0, nativeSymbol.length() - PERP.length()) : nativeSymbol;
        List<String> candidates = usdCoinQuoted.contains(pair) ? List.of(pair.substring(pair.length() - 4)) : quotes;
        for (String q : candidates) {
            if (pair.length() > q.length() && pair.endsWith(q)) {
                String base = pair.substring(0, pair.length() - q.length());
                if (!base.chars().allMatch(c -> c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                    break;
                }
                String spot = NormalizedSymbols.spot(asset(base), asset(q));
                return perp ? spot + "-PERP" : spot;
            }
        }
        throw new DecodeException("unknown symbol '" + nativeSymbol + "': no " + feed
                + " quote currency ends it (symbols look like ETHBTC)");
    }

    /** The normalized asset of a native code. */
    String asset(String code) {
        return NormalizedSymbols.asset(renamed.getOrDefault(code, code));
    }

    /** {@code MTX-USDT} → {@code MTXUSD} (v2), {@code XRP-USDT} → {@code XRPUSDT} (its old spelling), a perpetual with {@code _PERP}. */
    String toNative(String normalized) {
        Parts p = VenueSymbols.require(normalized, feed,
                "a pair like BTC-USDT or a perpetual like BTC-USDT-PERP", Instrument.Kind.SPOT, Instrument.Kind.PERPETUAL);
        String spot = p.base() + "-" + p.quote();
        String pair = oldSpellings.getOrDefault(spot, code(p.base()) + code(p.quote()));
        return p.kind() == Instrument.Kind.PERPETUAL ? pair + PERP : pair;
    }

    private String code(String asset) {
        return codes.getOrDefault(asset, asset);
    }
}
