package io.rrralgorithms.connectors.adapters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.model.Decimals;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The JSON entry point of every decoder: a frame's payload parsed with the dead-letter reasons of an
 * empty, malformed or unreadable frame ({@link #parseObject}, {@link #parseTree}; with exact
 * decimals for venues that send numbers: {@link JsonNumbers}), and typed field access whose
 * dead-letter reasons name the field.
 */
public final class JsonFields {
    private static final ObjectMapper JSON = strictMapper();

    private JsonFields() {}

    /**
     * The mapper every frame is parsed with: a key sent twice is an error, not "last value wins"
     * ({@code "p":"61799.59","p":"1.00000000"} would otherwise set a bar's low to 1).
     */
    public static ObjectMapper strictMapper() {
        // checked where the tree is built (the map's put returns the earlier value): no name set
        // per object as the parser's STRICT_DUPLICATE_DETECTION keeps, same refusal
        return new ObjectMapper().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    }

    /** A frame's payload as a JSON object, or the dead-letter reason why it is not one. */
    public static JsonNode parseObject(byte[] payload) throws DecodeException {
        return requireObjectRoot(parseTree(payload));
    }

    /**
     * A frame's payload as a JSON tree of any shape (an array-framed venue checks the shape
     * itself), or the dead-letter reason why it cannot be read; null or a missing node when the
     * payload holds only whitespace.
     */
    public static JsonNode parseTree(byte[] payload) throws DecodeException {
        return readTree(JSON, payload);
    }

    /** The one place a payload is parsed, with {@code mapper} (strict, or exact for numbers). */
    static JsonNode readTree(ObjectMapper mapper, byte[] payload) throws DecodeException {
        if (payload == null || payload.length == 0) {
            throw new DecodeException("empty frame");
        }
        try {
            return mapper.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new DecodeException("malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new DecodeException("unreadable frame: " + e.getMessage());
        }
    }

    static JsonNode requireObjectRoot(JsonNode root) throws DecodeException {
        if (root == null || !root.isObject()) {
            throw new DecodeException("frame is not a JSON object");
        }
        return root;
    }

    public static JsonNode requireObject(JsonNode parent, String field) throws DecodeException {
        JsonNode n = parent.get(field);
        if (n == null || !n.isObject()) {
            throw new DecodeException(describe(field, "an object", n));
        }
        return n;
    }

    /** The element {@code i} of the array {@code field}, which must be an object. */
    public static JsonNode requireObjectAt(JsonNode array, String field, int i) throws DecodeException {
        JsonNode n = array.get(i);
        if (!n.isObject()) {
            throw new DecodeException("field '" + field + "[" + i + "]' must be an object, got " + n.getNodeType());
        }
        return n;
    }

    /** The array {@code field}; {@code expected} names its elements in the reason, e.g. "an array of trades". */
    public static JsonNode requireArray(JsonNode parent, String field, String expected) throws DecodeException {
        JsonNode n = parent.get(field);
        if (n == null || !n.isArray()) {
            throw new DecodeException(describe(field, expected, n));
        }
        return n;
    }

    /**
     * Refuses a reply carrying an {@code "error":{"code","message"}} member (absent or null: none) as
     * the dead letter "venue error message: code C MESSAGE" (JSON-RPC style venues: Phemex, Gate.io v3).
     */
    public static void refuseErrorMember(JsonNode root) throws DecodeException {
        JsonNode error = root.get("error");
        if (error != null && !error.isNull()) {
            throw new DecodeException("venue error message: code " + error.path("code").asText() + " "
                    + error.path("message").asText());
        }
    }

    public static long requireLong(JsonNode parent, String field) throws DecodeException {
        JsonNode n = parent.get(field);
        if (n == null || !n.isIntegralNumber() || !n.canConvertToLong()) {
            throw new DecodeException(describe(field, "an integer", n));
        }
        return n.longValue();
    }

    /**
     * An exchange time in ms since the epoch: a venue that sends the field never sends 0 or a
     * negative time there, and 0 would read as "no exchange time" downstream.
     */
    public static long requireEpochMs(JsonNode parent, String field) throws DecodeException {
        long t = requireLong(parent, field);
        if (t <= 0) {
            throw new DecodeException("field '" + field + "' must be a positive epoch time in ms, got " + t);
        }
        return t;
    }

    /** An exchange time sent in µs since the epoch (positive, as {@link #requireEpochMs}), in ms. */
    public static long requireEpochUsAsMs(JsonNode parent, String field) throws DecodeException {
        long us = requireLong(parent, field);
        if (us <= 0) {
            throw new DecodeException("field '" + field + "' must be a positive epoch time in µs, got " + us);
        }
        return us / 1_000L;
    }

    /** An ISO-8601 instant string ({@code "2021-04-17T16:49:02.355Z"}) in ms since the epoch. */
    public static long requireIsoTimeMs(JsonNode parent, String field) throws DecodeException {
        String t = requireText(parent, field);
        try {
            return Instant.parse(t).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new DecodeException("field '" + field + "' is not an ISO-8601 instant: '" + t + "'");
        }
    }

    public static long optionalLong(JsonNode parent, String field, long absent) throws DecodeException {
        JsonNode n = parent.get(field);
        return n == null || n.isNull() ? absent : requireLong(parent, field);
    }

    public static String requireText(JsonNode parent, String field) throws DecodeException {
        JsonNode n = parent.get(field);
        if (n == null || !n.isTextual()) {
            throw new DecodeException(describe(field, "a string", n));
        }
        return n.textValue();
    }

    public static boolean requireBoolean(JsonNode parent, String field) throws DecodeException {
        JsonNode n = parent.get(field);
        if (n == null || !n.isBoolean()) {
            throw new DecodeException(describe(field, "a boolean", n));
        }
        return n.booleanValue();
    }

    /**
     * A side sent as one of two words, e.g. {@code "buy"}/{@code "sell"}: true for {@code buy}.
     *
     * @param where the element holding the field ({@code "data[3]"}), named in the reason; null at the top
     */
    public static boolean requireSide(JsonNode parent, String field, String where, String buy, String sell)
            throws DecodeException {
        return side(requireText(parent, field), field, where, buy, sell);
    }

    /** {@link #requireSide} of a value already read. */
    public static boolean side(String value, String field, String where, String buy, String sell)
            throws DecodeException {
        if (value.equals(buy)) {
            return true;
        }
        if (value.equals(sell)) {
            return false;
        }
        throw new DecodeException("field '" + (where == null ? field : where + "." + field) + "' must be " + buy
                + " or " + sell + ", got '" + value + "'");
    }

    /** A decimal sent as a JSON string, as Binance does, parsed exactly. */
    public static long requireDecimal(JsonNode parent, String field) throws DecodeException {
        return decimal(parent.get(field), field);
    }

    public static long decimal(JsonNode n, String what) throws DecodeException {
        if (n == null || !n.isTextual()) {
            throw new DecodeException(describe(what, "a decimal string", n));
        }
        try {
            return Decimals.parse(n.textValue());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new DecodeException("field '" + what + "' is not an exact decimal: " + e.getMessage(), e);
        }
    }

    /** Levels {@code [["price","size"], ...]} into two mantissa arrays. */
    public static long[][] requireLevels(JsonNode parent, String field) throws DecodeException {
        JsonNode n = requireArray(parent, field, "an array of [price, size] levels");
        long[] prices = new long[n.size()];
        long[] sizes = new long[n.size()];
        for (int i = 0; i < prices.length; i++) {
            JsonNode level = n.get(i);
            if (!level.isArray() || level.size() < 2) {
                throw new DecodeException("field '" + field + "[" + i + "]' must be a [price, size] array, got "
                        + level.getNodeType());
            }
            prices[i] = decimal(level.get(0), field + "[" + i + "].price");
            sizes[i] = decimal(level.get(1), field + "[" + i + "].size");
            if (prices[i] <= 0 || sizes[i] < 0) {
                throw new DecodeException("field '" + field + "[" + i + "]' has a non-positive price or negative size");
            }
        }
        return new long[][] {prices, sizes};
    }

    /**
     * An array of exactly {@code size} elements, else the dead letter "field '{@code where}' must
     * be a {@code form} array, got …" ({@code form}: {@code "[price, size]"}).
     */
    public static JsonNode requireTuple(JsonNode n, String where, int size, String form) throws DecodeException {
        if (!n.isArray() || n.size() != size) {
            throw new DecodeException("field '" + where + "' must be a " + form + " array, got "
                    + (n.isArray() ? "an array of " + n.size() : n.getNodeType().toString()));
        }
        return n;
    }

    /** Reads one element of a level array, in a venue's own form, into slot {@code i}. */
    @FunctionalInterface
    public interface LevelReader {
        void read(JsonNode level, String where, long[] prices, long[] sizes, int i) throws DecodeException;
    }

    /**
     * The elements of the level array {@code levels} (the field {@code field}) into two mantissa
     * arrays, each read by {@code reader} with its place {@code field[i]} for the reasons.
     */
    public static long[][] levels(JsonNode levels, String field, LevelReader reader) throws DecodeException {
        long[] prices = new long[levels.size()];
        long[] sizes = new long[levels.size()];
        for (int i = 0; i < prices.length; i++) {
            reader.read(levels.get(i), field + "[" + i + "]", prices, sizes, i);
        }
        return new long[][] {prices, sizes};
    }

    static String describe(String field, String expected, JsonNode actual) {
        return actual == null
                ? "missing field '" + field + "' (expected " + expected + ")"
                : "field '" + field + "' must be " + expected + ", got " + actual.getNodeType();
    }
}
