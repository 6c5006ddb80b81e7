package io.rrralgorithms.connectors.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** JSON numbers to exact mantissas: from the number's text, never through a double. */
class JsonNumbersTest {
    private static JsonNode parse(String json) throws DecodeException {
        return JsonNumbers.parseObject(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void numbersAreExactFromTheirText() throws Exception {
        JsonNode j = parse("{\"a\":0.0005,\"b\":32190.5,\"c\":100,\"d\":1e-8,\"e\":2.60,\"f\":0.1,\"g\":9999999999.99999999,"
                + "\"h\":1E+3,\"i\":0.30000000000000000}");
        assertEquals(50_000L, JsonNumbers.requireNumber(j, "a"));
        assertEquals(3_219_050_000_000L, JsonNumbers.requireNumber(j, "b"));
        assertEquals(10_000_000_000L, JsonNumbers.requireNumber(j, "c"));
        assertEquals(1L, JsonNumbers.requireNumber(j, "d"));
        assertEquals(260_000_000L, JsonNumbers.requireNumber(j, "e"));
        assertEquals(10_000_000L, JsonNumbers.requireNumber(j, "f"));
        assertEquals(999_999_999_999_999_999L, JsonNumbers.requireNumber(j, "g"));
        assertEquals(100_000_000_000L, JsonNumbers.requireNumber(j, "h"));
        assertEquals(30_000_000L, JsonNumbers.requireNumber(j, "i"), "trailing zeros are exact");
    }

    @Test
    void inexactTooLargeOrNonNumbersAreRefused() throws Exception {
        JsonNode j = parse("{\"a\":0.30000000000000004,\"b\":1e-9,\"c\":100000000000,\"d\":\"1.5\",\"e\":null,\"f\":1e999999}");
        assertTrue(assertThrows(DecodeException.class, () -> JsonNumbers.requireNumber(j, "a")).getMessage()
                .contains("more than 8 fractional digits"));
        assertThrows(DecodeException.class, () -> JsonNumbers.requireNumber(j, "b"));
        assertTrue(assertThrows(DecodeException.class, () -> JsonNumbers.requireNumber(j, "c")).getMessage()
                .contains("does not fit a long mantissa at scale 8"));
        assertTrue(assertThrows(DecodeException.class, () -> JsonNumbers.requireNumber(j, "d")).getMessage()
                .contains("must be a number, got STRING"));
        assertThrows(DecodeException.class, () -> JsonNumbers.requireNumber(j, "e"));
        assertTrue(assertThrows(DecodeException.class, () -> JsonNumbers.requireNumber(j, "missing")).getMessage()
                .contains("missing field 'missing'"));
        assertTrue(assertThrows(DecodeException.class, () -> JsonNumbers.requireNumber(j, "f")).getMessage()
                .contains("does not fit a long mantissa at scale 8"));
        // a tree read with doubles is refused rather than trusted
        assertThrows(DecodeException.class, () -> JsonNumbers.number(DoubleNode.valueOf(0.1), "x"));
        assertEquals("frame is not a JSON object",
                assertThrows(DecodeException.class, () -> parse("[0.1]")).getMessage());
    }
}
