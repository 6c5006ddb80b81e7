package io.rrralgorithms.connectors.adapters;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.model.Decimals;
import java.math.BigDecimal;

/**
 * For venues that send prices and sizes as JSON <em>numbers</em> ({@code "price":0.0005}) rather
 * than strings (BitMEX, Bybit, Deribit, Bitfinex, Kraken Futures): a parse that keeps every
 * non-integral number as the exact {@link BigDecimal} of its text
 * ({@link DeserializationFeature#USE_BIG_DECIMAL_FOR_FLOATS}), never a {@code double}, and a
 * conversion of such a node to an exact {@link Decimals} mantissa that refuses to round. The
 * dead-letter reasons are those of {@link JsonFields}.
 */
public final class JsonNumbers {
    private static final ObjectMapper EXACT = JsonFields.strictMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private JsonNumbers() {}

    /** {@link JsonFields#parseObject} with exact decimals for non-integral numbers. */
    public static JsonNode parseObject(byte[] payload) throws DecodeException {
        return JsonFields.requireObjectRoot(parseTree(payload));
    }

    /** {@link JsonFields#parseTree} with exact decimals for non-integral numbers. */
    public static JsonNode parseTree(byte[] payload) throws DecodeException {
        return JsonFields.readTree(EXACT, payload);
    }

    /** A JSON number (of a tree read by {@link #parseObject}) as an exact mantissa. */
    public static long requireNumber(JsonNode parent, String field) throws DecodeException {
        return number(parent.get(field), field);
    }

    /**
     * The exact mantissa of a JSON number node. Integral nodes and the {@link BigDecimal} nodes of
     * {@link #parseObject} are exact; a {@code double} node (a tree read without exact decimals) is
     * refused; a value that does not fit the decode scale throws with a {@link Decimals.ScaleException}
     * as its cause (the frame guard then decodes the frame again at a scale that holds it).
     */
    public static long number(JsonNode n, String what) throws DecodeException {
        if (n == null || !n.isNumber()) {
            throw new DecodeException(n == null
                    ? "missing field '" + what + "' (expected a number)"
                    : "field '" + what + "' must be a number, got " + n.getNodeType());
        }
        if (n.isFloatingPointNumber() && !n.isBigDecimal()) {
            throw new DecodeException("field '" + what + "' was read as a binary floating-point number");
        }
        try {
            return n.isIntegralNumber() && n.canConvertToLong() ? Decimals.ofUnits(n.longValue())
                    : Decimals.of(n.decimalValue());
        } catch (Decimals.ScaleException e) {
            throw new DecodeException("field '" + what + "' is not an exact decimal: " + e.getMessage(), e);
        }
    }
}
