package io.rrralgorithms.connectors.adapters;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.model.Decimals;

/** Typed field access on decoded JSON with dead-letter reasons that name the field. */
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
        if (payload == null || payload.length == 0) {
            throw new DecodeException("empty frame");
        }
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new DecodeException("malformed JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new DecodeException("unreadable frame: " + e.getMessage());
        }
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
            throw new DecodeException("field '" + what + "' is not an exact decimal: " + e.getMessage());
        }
    }

    /** Levels {@code [["price","size"], ...]} into two mantissa arrays. */
    public static long[][] requireLevels(JsonNode parent, String field) throws DecodeException {
        JsonNode n = parent.get(field);
        if (n == null || !n.isArray()) {
            throw new DecodeException(describe(field, "an array of [price, size] levels", n));
        }
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

    private static String describe(String field, String expected, JsonNode actual) {
        return actual == null
                ? "missing field '" + field + "' (expected " + expected + ")"
                : "field '" + field + "' must be " + expected + ", got " + actual.getNodeType();
    }
}
