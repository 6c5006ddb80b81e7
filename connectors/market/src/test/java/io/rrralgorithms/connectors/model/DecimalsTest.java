package io.rrralgorithms.connectors.model;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalsTest {

    /** TEXT = MANTISSA at scale 8, or TEXT @SCALE = MANTISSA: exact, trailing zeros beyond the scale accepted. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "61837.63000000 = 6183763000000", "0.00000001 = 1", "1000.00 = 100000000000", "-1.5 = -150000000",
        "+1.5 = 150000000", "0 = 0", "0.00000000 = 0", "1 = 100000000", "1. = 100000000", ".5 = 50000000",
        "63943.90 = 6394390000000", "0.003 = 300000", "92233720368.54775807 = 9223372036854775807",
        "-92233720368.54775807 = -9223372036854775807",
        "0.000000010 = 1", "0.00000001000000000000 = 1", "1.123456780 = 112345678", "2.0000000000000 = 200000000",
        "0.0000000001 @10 = 1", "0.0000009121 @10 = 9121", "99999999999999 @0 = 99999999999999",
        "9999999999999999.99 @2 = 999999999999999999", "0.123456789012345 @15 = 123456789012345", "0.50 @1 = 5",
    })
    void parsesExactly(String row) {
        String[] p = row.split(" = ");
        String[] text = p[0].split(" @");
        long want = Long.parseLong(p[1]);
        assertEquals(want, text.length > 1 ? Decimals.parse(text[0], Integer.parseInt(text[1])) : Decimals.parse(text[0]));
        if (text.length == 1) {
            assertEquals(want, Decimals.parse(new StringBuilder(text[0])), "any CharSequence");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.000000001", "1.123456789", "0.00000001000000001", "-0.000000005"})
    void rejectsANinthNonZeroFractionalDigit(String s) {
        NumberFormatException e = assertThrows(NumberFormatException.class, () -> Decimals.parse(s));
        assertTrue(e.getMessage().contains("more than 8 fractional digits"), e.getMessage());
    }

    /** Never wraps around: Long.MAX_VALUE + 1, overflowing only when scaled, 1e11 * 1e8; a coarser scale may hold it. */
    @ParameterizedTest
    @ValueSource(strings = {"92233720368.54775808", "92233720369", "100000000000", "99999999999999999999999", "-92233720369.5"})
    void rejectsOverflow(String s) {
        Decimals.ScaleException e = assertThrows(Decimals.ScaleException.class, () -> Decimals.parse(s));
        assertTrue(e.getMessage().contains("does not fit a long mantissa at scale 8"), e.getMessage());
        assertTrue(e.maxScale < 8, "a coarser scale may hold it, never 8: " + e.maxScale);
    }

    /** KuCoin's 1e-10 tick; FMFW BORUSDT's asks (× 10^4 < 2^63 < × 10^5); 9,223,372,036.854775807 is a long's most at 9. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"0.0000000001, 10, 18, true", "99999999999999, 0, 4, true", "12345678901.123456789, 9, 8, false"})
    void aMisfitSaysWhichScalesHoldIt(String s, int minScale, int maxScale, boolean representable) {
        Decimals.ScaleException e = assertThrows(Decimals.ScaleException.class, () -> Decimals.parse(s));
        assertEquals(List.of(minScale, maxScale, representable), List.of(e.minScale, e.maxScale,
                e.representable()));
    }

    @Test
    void convertsAtAnyScale() {
        assertEquals(new BigDecimal("0.0000009121"), Decimals.toBigDecimal(9_121L, 10));
        assertEquals("0.0000009121", Decimals.toPlainString(9_121L, 10));
        assertEquals(9.121e-7, Decimals.toDouble(9_121L, 10), 1e-20);
    }

    @Test
    void decodeScaleIsPerThreadAndRestored() throws Exception {
        assertEquals(8, Decimals.decodeScale());
        long[] seen = new long[3];
        Decimals.atScale(10, () -> {
            seen[0] = Decimals.parse("0.0000000001");
            Thread other = new Thread(() -> seen[1] = Decimals.decodeScale());
            other.start();
            other.join();
        });
        seen[2] = Decimals.decodeScale();
        assertEquals(1L, seen[0]);
        assertEquals(8, seen[1], "another thread keeps the default scale");
        assertEquals(8, seen[2], "restored after the decode");
    }

    @Test
    void rescalesExactlyOrNotAtAll() {
        assertEquals(100L, Decimals.rescale(1L, 8, 10));
        assertEquals(1L, Decimals.rescale(100L, 10, 8));
        assertThrows(ArithmeticException.class, () -> Decimals.rescale(101L, 10, 8), "would round");
        assertThrows(ArithmeticException.class, () -> Decimals.rescale(Long.MAX_VALUE / 5, 8, 9), "would overflow");
        long[] values = {100L, 250L, Long.MAX_VALUE / 10};
        assertThrows(ArithmeticException.class, () -> Decimals.rescale(values, 3, 8, 10));
        assertArrayEquals(new long[] {100L, 250L, Long.MAX_VALUE / 10}, values, "a failed rescale changes nothing");
        Decimals.rescale(values, 2, 8, 10);
        assertEquals(List.of(10_000L, 25_000L), List.of(values[0], values[1]));
        assertEquals(8, Decimals.smallestExactScale(10, 8, new long[] {100L, 300L}));
        assertEquals(9, Decimals.smallestExactScale(10, 8, new long[] {100L, 310L}));
        assertEquals(2, Decimals.smallestExactScale(8, 0, new long[] {1_000_000L, 12_000_000L}));
    }

    /** Garbage, and where given (after "|") what its message names. */
    @ParameterizedTest
    @ValueSource(strings = {"|empty", "-|no digits", "+", ".", "-.", "abc", "1e5|not a plain decimal", "1E-8", "1,5",
        "1.2.3|two decimal points", " 1", "1 ", "--1", "0x10", "NaN", "Infinity", "1_000", "١"})
    void rejectsGarbage(String row) {
        String[] p = row.split("\\|", -1);
        String msg = assertThrows(NumberFormatException.class, () -> Decimals.parse(p[0])).getMessage();
        assertTrue(p.length == 1 || msg.contains(p[1]), msg);
    }

    @ParameterizedTest
    @ValueSource(strings = {"61837.63000000", "0.00000001", "1000.00", "-1.5", "0", "63943.90", "569.567",
        "92233720368.54775807", "-0.00000001", "0.35130000", "6195.00000000"})
    void roundTripsThroughBigDecimal(String s) {
        long m = Decimals.parse(s);
        BigDecimal expected = new BigDecimal(s);
        BigDecimal actual = Decimals.toBigDecimal(m);
        assertEquals(Decimals.SCALE, actual.scale());
        assertEquals(0, expected.compareTo(actual), s + " -> " + m + " -> " + actual);
        assertEquals(expected.setScale(Decimals.SCALE), actual); // exact, same scale
        assertEquals(expected.movePointRight(Decimals.SCALE).longValueExact(), m);
        assertEquals(m, Decimals.parse(actual.toPlainString()));
        assertEquals(m, Decimals.parse(Decimals.toPlainString(m)));
    }

    /**
     * tryParse (a parser's char buffer, no exception) against parse on every text of the tests above
     * and on random short strings of digits, points, signs and other characters at every scale: the
     * same mantissa, or NOT_PARSED exactly where parse throws.
     */
    @Test
    void tryParseAgreesWithParse() {
        List<String> texts = new ArrayList<>(List.of("61837.63000000", "0.00000001", "1000.00", "-1.5",
                "+1.5", "0", "1.", ".5", "-0", "92233720368.54775807", "-92233720368.54775807", "92233720368.54775808",
                "92233720369", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
                "0.00000001000000000000", "0.000000001", "99999999999999999999999", "00000000000000000000000000001",
                "", "-", "+", ".", "-.", "1e5", "1.2.3", " 1", "1 ", "--1", "NaN", "١", "0.0000000001", "12345678901.123456789"));
        Random random = new Random(13);
        String alphabet = "0123456789012345678900000.-+e ";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = random.nextInt(24);
            for (int k = 0; k < n; k++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            texts.add(b.toString());
        }
        for (String text : texts) {
            for (int scale = 0; scale <= Decimals.MAX_SCALE; scale++) {
                char[] buffer = ("xx" + text + "9").toCharArray(); // at an offset, with a digit after it
                long got = Decimals.tryParse(buffer, 2, text.length(), scale);
                long want;
                try {
                    want = Decimals.parse(text, scale);
                } catch (NumberFormatException e) {
                    want = Decimals.NOT_PARSED;
                }
                if (got != want) {
                    fail("'" + text + "' at scale " + scale + ": tryParse " + got + ", parse " + want);
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"61837.63000000, 61837.63", "1000.00, 1000", "0.00000001, 0.00000001", "-1.5, -1.5"})
    void plainStringStripsTrailingZeros(String s, String plain) {
        assertEquals(plain, Decimals.toPlainString(Decimals.parse(s)));
    }
}
