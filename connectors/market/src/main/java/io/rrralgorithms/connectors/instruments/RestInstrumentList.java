package io.rrralgorithms.connectors.instruments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Instrument metadata served by a venue's public REST endpoints: the URLs to fetch, and the path
 * that tells a recorded response of them ({@code <url> -> <ts>: <body>} lines of a cryptofeed
 * {@code EXCHANGE.0} file) from the venue's other REST responses: a part every metadata URL
 * contains, or the path itself as a regex ({@link #pathMatching}). A venue whose URLs need more
 * than a path to be told apart overrides {@link #isMetadataUrl}.
 *
 * <p>The readers' kit is here too, so a venue's reader declares only its URLs, where the list is,
 * its field names and its own rules: the response's shape ({@link #tree}, {@link #arrayRoot},
 * {@link #arrayAt}), one loop over the listed entries ({@link #forEachListed}), field readers that
 * refuse a bad entry naming the feed, the field and the entry ({@link #listedText},
 * {@link #listedAsset}, {@link #listedDecimal}, {@link #listedStep}, {@link #listedNumber},
 * {@link #listedPlaces}, {@link #placesStep}, {@link #listedUnits}) and the instruments' builders
 * ({@link #spot}, {@link #perpetual}, {@link #listed}) and contract terms ({@link #sizedIn}).
 */
public abstract class RestInstrumentList implements InstrumentMetadata {
    /** A mapper for lists whose increments are strings or integers. */
    protected static final ObjectMapper JSON = new ObjectMapper();
    /** A mapper that keeps JSON decimals exact, for lists whose increments are JSON numbers. */
    protected static final ObjectMapper EXACT_JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    protected final String feed;
    private final String pathMarker;
    private final Pattern urlPattern;
    private final List<String> urls;

    /**
     * @param pathMarker a part of the path every metadata URL contains (and no other URL of the venue)
     * @param urls the URLs of the full instrument list
     */
    protected RestInstrumentList(String feed, String pathMarker, String... urls) {
        this(feed, pathMarker, null, urls);
    }

    private RestInstrumentList(String feed, String pathMarker, Pattern urlPattern, String... urls) {
        this.feed = feed;
        this.pathMarker = pathMarker;
        this.urlPattern = urlPattern;
        this.urls = List.of(urls);
    }

    /**
     * A list whose metadata URLs are those of any host whose path matches {@code pathRegex} whole,
     * with any query: {@code https?://<host><pathRegex>(?<query>)?}.
     */
    protected RestInstrumentList(Pattern pathRegex, String feed, String... urls) {
        this(feed, null, Pattern.compile("https?://[^/]+(?:" + pathRegex.pattern() + ")(\\?.*)?"), urls);
    }

    /** The path regex of {@link #RestInstrumentList(Pattern, String, String...)}. */
    protected static Pattern pathMatching(String regex) {
        return Pattern.compile(regex);
    }

    @Override
    public final List<String> urls() {
        return urls;
    }

    @Override
    public boolean isMetadataUrl(String url) {
        return urlPattern != null ? urlPattern.matcher(url).matches() : url.contains(pathMarker);
    }

    /**
     * The response's root, which must be a JSON array; else an IOException naming what it is
     * ({@code what}: "market list"), the venue's {@code message} where it sent one, and the URL.
     */
    protected JsonNode arrayRoot(ObjectMapper json, String url, String body, String what) throws IOException {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IOException(feed + " " + what + " is not JSON: " + e.getOriginalMessage() + " (" + url + ")", e);
        }
        if (root == null || !root.isArray()) {
            throw new IOException(feed + " " + what + " is not a JSON array: "
                    + (root == null ? "empty" : root.path("message").asText(root.getNodeType().toString())) + " (" + url + ")");
        }
        return root;
    }

    /** The array under {@code field} of a response's root ({@code {"code":0,"data":[...]}}); else an IOException. */
    protected JsonNode arrayAt(JsonNode root, String field, String url, String what) throws IOException {
        JsonNode list = root == null ? null : root.get(field);
        if (list == null || !list.isArray()) {
            throw new IOException(feed + " " + what + " without a '" + field + "' array: " + url);
        }
        return list;
    }

    /** The response's root, any JSON; else an IOException naming the feed, what it is and the URL. */
    protected JsonNode tree(ObjectMapper json, String url, String body, String what) throws IOException {
        try {
            JsonNode root = json.readTree(body);
            if (root == null || root.isMissingNode()) {
                throw new IOException(feed + " " + what + " is empty (" + url + ")");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new IOException(feed + " " + what + " is not JSON: " + e.getOriginalMessage() + " (" + url + ")", e);
        }
    }

    /** The array under {@code field} of the JSON response {@code body}; else an IOException. */
    protected JsonNode listAt(ObjectMapper json, String url, String body, String field, String what) throws IOException {
        return arrayAt(tree(json, url, body, what), field, url, what);
    }

    /**
     * {@code root}, where its {@code field} reads {@code ok} ({@code "code":"0"}, {@code "status":"ok"});
     * else an IOException with the venue's code and message.
     */
    protected final JsonNode okResponse(JsonNode root, String field, String ok, String url) throws IOException {
        if (!ok.equals(root.path(field).asText())) {
            String message = root.path("msg").asText(root.path("message").asText(root.path("error").asText("")));
            throw new IOException(feed + " instrument list is an error response: " + field + " "
                    + root.path(field).asText() + " " + message + " (" + url + ")");
        }
        return root;
    }

    /** Reads one listed entry into an instrument, or null to leave the entry out. */
    @FunctionalInterface
    protected interface EntryReader {
        Instrument read(JsonNode entry) throws IOException;
    }

    /** The instruments {@code reader} reads from each entry of {@code list} (an array, or an object's values). */
    protected static List<Instrument> forEachListed(JsonNode list, EntryReader reader) throws IOException {
        List<Instrument> out = new ArrayList<>();
        for (JsonNode entry : list) {
            Instrument i = reader.read(entry);
            if (i != null) {
                out.add(i);
            }
        }
        return out;
    }

    /** The non-empty string {@code field} of the listed instrument {@code entry}, else a refusal naming the feed and the entry. */
    protected final String listedText(JsonNode entry, String field) throws IOException {
        JsonNode v = entry.get(field);
        if (v == null || !v.isTextual() || v.textValue().isEmpty()) {
            throw new IOException(feed + " instrument without '" + field + "': " + entry);
        }
        return v.textValue();
    }

    /** The normalized asset named by the string {@code field} ({@link NormalizedSymbols#asset}). */
    protected final String listedAsset(JsonNode entry, String field) throws IOException {
        return NormalizedSymbols.asset(listedText(entry, field));
    }

    /**
     * The two codes the string {@code field} joins with {@code separator} ({@code BTC/USD},
     * {@code BTC / USD}), stripped; else a refusal.
     */
    protected final String[] listedPair(JsonNode entry, String field, char separator) throws IOException {
        String s = listedText(entry, field);
        int at = s.indexOf(separator);
        if (at <= 0 || at == s.length() - 1 || s.indexOf(separator, at + 1) >= 0
                || s.substring(0, at).isBlank() || s.substring(at + 1).isBlank()) {
            throw new IOException(feed + " instrument whose '" + field + "' is not two codes joined by '" + separator + "': "
                    + entry);
        }
        return new String[] {s.substring(0, at).strip(), s.substring(at + 1).strip()};
    }

    /** The decimal written as the string {@code field} ({@code "0.01"}), exactly as written. */
    protected final BigDecimal listedDecimal(JsonNode entry, String field) throws IOException {
        String s = listedText(entry, field);
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new IOException(feed + " instrument with a '" + field + "' that is not a number: '" + s + "': " + entry, e);
        }
    }

    /** A positive increment written as the string {@code field}: a tick or lot size. */
    protected final BigDecimal listedStep(JsonNode entry, String field) throws IOException {
        return positive(entry, field, listedDecimal(entry, field));
    }

    /**
     * The exact JSON number {@code field} (read with {@link #EXACT_JSON}: a decimal that went
     * through a double is refused); positive where {@code positive}.
     */
    protected final BigDecimal listedNumber(JsonNode entry, String field, boolean positive) throws IOException {
        JsonNode v = entry.get(field);
        if (v == null || !v.isNumber() || (v.isFloatingPointNumber() && !v.isBigDecimal())) {
            throw new IOException(feed + " instrument without an exact number '" + field + "': " + entry);
        }
        return positive ? positive(entry, field, v.decimalValue()) : v.decimalValue();
    }

    /** A count of decimal places, the integer {@code field} of 0 to 18. */
    protected final int listedPlaces(JsonNode entry, String field) throws IOException {
        JsonNode v = entry.get(field);
        if (v == null || !v.isInt() || v.intValue() < 0 || v.intValue() > 18) {
            throw new IOException(feed + " instrument without a decimal-places '" + field + "' of 0 to 18: " + entry);
        }
        return v.intValue();
    }

    /** The step of the precision digits {@code field}: 10^-digits ({@code 4} → {@code 0.0001}). */
    protected final BigDecimal placesStep(JsonNode entry, String field) throws IOException {
        return BigDecimal.ONE.movePointLeft(listedPlaces(entry, field));
    }

    /** {@link #placesStep}, or null where the entry has no {@code field}. */
    protected final BigDecimal placesStepOrNull(JsonNode entry, String field) throws IOException {
        return entry.has(field) ? placesStep(entry, field) : null;
    }

    /** The positive integer {@code field}: an increment in units of a fixed scale. */
    protected final long listedUnits(JsonNode entry, String field) throws IOException {
        JsonNode v = entry.get(field);
        if (v == null || !v.canConvertToLong() || !v.isIntegralNumber() || v.longValue() <= 0) {
            throw new IOException(feed + " instrument without a positive integer '" + field + "': " + entry);
        }
        return v.longValue();
    }

    private BigDecimal positive(JsonNode entry, String field, BigDecimal v) throws IOException {
        if (v.signum() <= 0) {
            throw new IOException(feed + " instrument with a non-positive '" + field + "': " + entry);
        }
        return v;
    }

    /** A spot pair sized in its base; {@code base}, {@code quote} as listed (normalized here). */
    protected final Instrument spot(String nativeSymbol, String base, String quote, BigDecimal tick, BigDecimal lot) {
        return listed(Instrument.Kind.SPOT, nativeSymbol, base, quote, null, tick, lot, null);
    }

    /** A perpetual; {@code terms} null: sized in its base (linear, multiplier 1). */
    protected final Instrument perpetual(String nativeSymbol, String base, String quote, BigDecimal tick, BigDecimal lot,
            ContractTerms terms) {
        return listed(Instrument.Kind.PERPETUAL, nativeSymbol, base, quote, null, tick, lot, terms);
    }

    /**
     * An instrument of any kind but options, its normalized symbol built from the listed base,
     * quote and expiry ({@link NormalizedSymbols#of}); {@code terms} null: linear, multiplier 1.
     */
    protected final Instrument listed(Instrument.Kind kind, String nativeSymbol, String base, String quote,
            LocalDate expiry, BigDecimal tick, BigDecimal lot, ContractTerms terms) {
        String b = NormalizedSymbols.asset(base);
        String q = NormalizedSymbols.asset(quote);
        return new Instrument(feed, nativeSymbol, NormalizedSymbols.of(kind, b, q, expiry), kind, b, q, expiry, tick, lot,
                terms);
    }

    /** An option on {@code base} quoted in {@code quote}, its normalized symbol from expiry, strike and right. */
    protected final Instrument option(String nativeSymbol, String base, String quote, LocalDate expiry, BigDecimal strike,
            boolean call, BigDecimal tick, BigDecimal lot, ContractTerms terms) {
        String b = NormalizedSymbols.asset(base);
        String q = NormalizedSymbols.asset(quote);
        return new Instrument(feed, nativeSymbol, NormalizedSymbols.option(b, q, expiry, strike, call), Instrument.Kind.OPTION,
                b, q, expiry, tick, lot, terms);
    }

    /** Trailing zeros stripped, never a negative scale ({@code "0.010000"}: 0.01; {@code 100}, not 1E+2). */
    protected static BigDecimal plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /**
     * The terms of a contract of {@code value} units of {@code unit}: of the base, linear (notional
     * in the quote); of the quote, inverse; else a refusal naming the entry.
     */
    protected final ContractTerms sizedIn(String unit, BigDecimal value, String base, String quote, JsonNode entry)
            throws IOException {
        if (unit.equals(base)) {
            return ContractTerms.linear(value, quote);
        }
        if (unit.equals(quote)) {
            return ContractTerms.inverse(value, quote);
        }
        throw new IOException(feed + " contract whose unit " + unit + " is neither its base nor its quote: " + entry);
    }
}
