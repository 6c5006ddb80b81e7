package io.rrralgorithms.connectors.adapters;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** JSON numbers to exact mantissas: from the number's text, never through a double. */
class JsonNumbersTest {
    private static JsonNode parse(String json) throws DecodeException {
        return JsonNumbers.parseObject(json.getBytes(StandardCharsets.UTF_8));
    }

    /** JSON = MANTISSA (scale 8; trailing zeros are exact), or = !REASON: refused (inexact, too large, not a number). */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0.0005 = 50000", "32190.5 = 3219050000000", "100 = 10000000000", "1e-8 = 1", "2.60 = 260000000",
        "0.1 = 10000000", "9999999999.99999999 = 999999999999999999", "1E+3 = 100000000000", "0.30000000000000000 = 30000000",
        "0.30000000000000004 = !more than 8 fractional digits", "1e-9 = !", "100000000000 = !does not fit a long mantissa at scale 8",
        "\"1.5\" = !must be a number, got STRING", "null = !", "1e999999 = !does not fit a long mantissa at scale 8"})
    void numbersAreExactFromTheirText(String row) throws Exception {
        String[] p = row.split(" = ");
        JsonNode j = parse("{\"x\":" + p[0] + "}");
        if (p[1].startsWith("!")) {
            String msg = assertThrows(DecodeException.class, () -> JsonNumbers.requireNumber(j, "x")).getMessage();
            assertTrue(msg.contains(p[1].substring(1)), msg);
        } else {
            assertEquals(Long.parseLong(p[1]), JsonNumbers.requireNumber(j, "x"));
        }
    }

    @Test
    void missingFieldsDoublesAndNonObjectsAreRefused() throws Exception {
        assertTrue(assertThrows(DecodeException.class, () -> JsonNumbers.requireNumber(parse("{}"), "missing")).getMessage()
                .contains("missing field 'missing'"));
        // a tree read with doubles is refused rather than trusted
        assertThrows(DecodeException.class, () -> JsonNumbers.number(DoubleNode.valueOf(0.1), "x"));
        assertEquals("frame is not a JSON object", assertThrows(DecodeException.class, () -> parse("[0.1]")).getMessage());
    }
}
