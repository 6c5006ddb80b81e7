package io.rrralgorithms.connectors.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextSanitizerTest {
    @Test
    void nulBecomesAVisibleEscape() {
        assertEquals("BTC\\u0000USDT", TextSanitizer.sanitize("BTC\u0000USDT"));
        assertEquals("\\u0000\\u0000", TextSanitizer.sanitize("\0\0"));
    }

    @Test
    void loneSurrogatesBecomeTheReplacementCharacter() {
        assertEquals("a\uFFFDb", TextSanitizer.sanitize("a\uD800b"));   // lone high
        assertEquals("a\uFFFDb", TextSanitizer.sanitize("a\uDC00b"));   // lone low
        assertEquals("\uFFFD", TextSanitizer.sanitize("\uD83D"));       // high at the end
        assertEquals("\uFFFD\uFFFD", TextSanitizer.sanitize("\uDE00\uD83D")); // reversed pair
        String sanitized = TextSanitizer.sanitize("x\uDC00\uD800y");
        // encodable as UTF-8 both ways: nothing lost on the way to the server
        assertEquals(sanitized, new String(sanitized.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }

    @Test
    void cleanTextIsReturnedAsItIs() {
        String clean = "BTC-USDT ✓ \uD83D\uDE00 ordinary text";
        assertSame(clean, TextSanitizer.sanitize(clean));
        assertSame(clean, TextSanitizer.sanitize(clean, clean.length()));
        assertNull(TextSanitizer.sanitize(null));
    }

    @Test
    void overlongValuesAreCutAtTheLimitWithoutSplittingAPairOrAnEscape() {
        assertEquals("abcd", TextSanitizer.sanitize("abcdefgh", 4));
        assertEquals("ab", TextSanitizer.sanitize("ab\uD83D\uDE00", 3)); // the pair does not fit
        assertEquals("ab\uD83D\uDE00", TextSanitizer.sanitize("ab\uD83D\uDE00c", 4));
        assertEquals("a", TextSanitizer.sanitize("a\0b", 5));           // the 6-char escape does not fit
        assertEquals("a\\u0000", TextSanitizer.sanitize("a\0b", 7));
    }
}
