package io.rrralgorithms.connectors.venues;

import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols.Parts;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The symbols of a venue whose native symbol is two asset codes around one separator, declared
 * rather than written: its form ({@code "BASE-QUOTE"}, {@code "BASE_QUOTE"}, {@code "QUOTE-BASE"},
 * lower-case {@code "base-quote"}: the separator, the order and the case in one word), what its
 * instruments are (spot pairs, or perpetuals for a venue that lists only those), and the venue's
 * asset renames. A native code is letters and digits in the form's case; anything else is an
 * unknown symbol, with a reason that names the form.
 *
 * <pre>{@code
 * static final PairSymbols BOTH_WAYS = PairSymbols.spot(FEED, "QUOTE-BASE", "Upbit markets", "BTC-KRW");
 * }</pre>
 */
public final class PairSymbols implements VenueSymbols {
    private final String feed;
    private final String form;
    private final String what;
    private final String example;
    private final char separator;
    private final boolean quoteFirst;
    private final boolean lowerCase;
    private final Instrument.Kind kind;
    private final Map<String, String> assets;
    private final Map<String, String> codes;

    private PairSymbols(String feed, String form, String what, String example, Instrument.Kind kind,
            Map<String, String> renames) {
        this.feed = feed;
        this.form = form;
        this.what = what;
        this.example = example;
        this.kind = kind;
        this.lowerCase = form.equals(form.toLowerCase(Locale.ROOT));
        String upper = form.toUpperCase(Locale.ROOT);
        this.quoteFirst = upper.startsWith("QUOTE");
        this.separator = upper.charAt(quoteFirst ? "QUOTE".length() : "BASE".length());
        if (!upper.equals(quoteFirst ? "QUOTE" + separator + "BASE" : "BASE" + separator + "QUOTE")) {
            throw new IllegalArgumentException("a pair form is BASE?QUOTE or QUOTE?BASE, got '" + form + "'");
        }
        this.assets = Map.copyOf(renames);
        Map<String, String> back = new HashMap<>();
        renames.forEach((code, asset) -> back.put(asset, code));
        this.codes = Map.copyOf(back);
    }

    /**
     * Spot pairs written {@code form}.
     *
     * @param what the venue's name for its symbols, for the refusals ({@code "Upbit markets"})
     * @param example a normalized symbol of the venue, for the refusals ({@code "BTC-KRW"})
     */
    public static PairSymbols spot(String feed, String form, String what, String example) {
        return new PairSymbols(feed, form, what, example, Instrument.Kind.SPOT, Map.of());
    }

    /** Perpetuals written {@code form}, for a venue that lists nothing else ({@code BTC-USD} → {@code BTC-USD-PERP}). */
    public static PairSymbols perpetuals(String feed, String form, String what, String example) {
        return new PairSymbols(feed, form, what, example, Instrument.Kind.PERPETUAL, Map.of());
    }

    /** The same symbols with the venue's own code of an asset ({@code xbt} for {@code BTC}), in upper case. */
    public PairSymbols renaming(String venueCode, String asset) {
        Map<String, String> renames = new HashMap<>(assets);
        renames.put(venueCode, asset);
        return new PairSymbols(feed, form, what, example, kind, renames);
    }

    /** The decoder's direction: the normalized symbol, or the dead-letter reason naming the form. */
    public String decode(String nativeSymbol) throws DecodeException {
        int at = nativeSymbol.indexOf(separator);
        if (at <= 0 || at != nativeSymbol.lastIndexOf(separator) || at == nativeSymbol.length() - 1
                || !isCode(nativeSymbol.substring(0, at)) || !isCode(nativeSymbol.substring(at + 1))) {
            throw new DecodeException("unknown symbol '" + nativeSymbol + "': " + what + " are " + form + " ("
                    + toNative(example) + ")");
        }
        String first = asset(nativeSymbol.substring(0, at));
        String second = asset(nativeSymbol.substring(at + 1));
        String base = quoteFirst ? second : first;
        String quote = quoteFirst ? first : second;
        return kind == Instrument.Kind.PERPETUAL ? NormalizedSymbols.perpetual(base, quote)
                : NormalizedSymbols.spot(base, quote);
    }

    /** The venue's code ({@code Dot}, {@code xbt}) as a normalized asset. */
    public String asset(String code) {
        String upper = code.toUpperCase(Locale.ROOT);
        return assets.getOrDefault(upper, upper);
    }

    @Override
    public String normalize(String nativeSymbol) {
        try {
            return decode(nativeSymbol);
        } catch (DecodeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    public String toNative(String normalized) {
        Parts p = VenueSymbols.require(normalized, feed,
                (kind == Instrument.Kind.PERPETUAL ? "a perpetual like " : "a spot pair like ") + example, kind);
        String base = code(p.base());
        String quote = code(p.quote());
        return quoteFirst ? quote + separator + base : base + separator + quote;
    }

    private String code(String asset) {
        String code = codes.getOrDefault(asset, asset);
        return lowerCase ? code.toLowerCase(Locale.ROOT) : code;
    }

    private boolean isCode(String code) {
        char from = lowerCase ? 'a' : 'A';
        char to = lowerCase ? 'z' : 'Z';
        return code.chars().allMatch(c -> c >= from && c <= to || c >= '0' && c <= '9');
    }
}
