package io.rrralgorithms.connectors.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalsTest {

    @Test
    void parsesExactly() {
        assertEquals(6_183_763_000_000L, Decimals.parse("61837.63000000"));
        assertEquals(1L, Decimals.parse("0.00000001"));
        assertEquals(100_000_000_000L, Decimals.parse("1000.00"));
        assertEquals(-150_000_000L, Decimals.parse("-1.5"));
        assertEquals(150_000_000L, Decimals.parse("+1.5"));
        assertEquals(0L, Decimals.parse("0"));
        assertEquals(0L, Decimals.parse("0.00000000"));
        assertEquals(Decimals.ONE, Decimals.parse("1"));
        assertEquals(Decimals.ONE, Decimals.parse("1."));
        assertEquals(50_000_000L, Decimals.parse(".5"));
        assertEquals(6_394_390_000_000L, Decimals.parse("63943.90")); // futures price, 2 digits
        assertEquals(300_000L, Decimals.parse("0.003")); // futures size, 3 digits
        assertEquals(Long.MAX_VALUE, Decimals.parse("92233720368.54775807"));
        assertEquals(-Long.MAX_VALUE, Decimals.parse("-92233720368.54775807"));
        assertEquals(Decimals.parse("61837.63"), Decimals.parse(new StringBuilder("61837.63000000")));
    }

    @Test
    void acceptsTrailingZerosBeyondTheScale() {
        assertEquals(1L, Decimals.parse("0.000000010"));
        assertEquals(1L, Decimals.parse("0.00000001000000000000"));
        assertEquals(112_345_678L, Decimals.parse("1.123456780"));
        assertEquals(200_000_000L, Decimals.parse("2.0000000000000"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.000000001", "1.123456789", "0.00000001000000001", "-0.000000005"})
    void rejectsANinthNonZeroFractionalDigit(String s) {
        NumberFormatException e = assertThrows(NumberFormatException.class, () -> Decimals.parse(s));
        assertTrue(e.getMessage().contains("more than 8 fractional digits"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "92233720368.54775808", // Long.MAX_VALUE + 1 mantissa
        "92233720369", // overflows only when scaled
        "100000000000", // 1e11 * 1e8 > Long.MAX_VALUE
        "99999999999999999999999",
        "-92233720369.5"
    })
    void rejectsOverflow(String s) {
        // never wraps around: the mantissa would not fit a long
        Decimals.ScaleException e = assertThrows(Decimals.ScaleException.class, () -> Decimals.parse(s));
        assertTrue(e.getMessage().contains("does not fit a long mantissa at scale 8"), e.getMessage());
        assertTrue(e.maxScale < 8, "a coarser scale may hold it, never 8: " + e.maxScale);
    }

    @Test
    void aMisfitSaysWhichScalesHoldIt() {
        Decimals.ScaleException fine = assertThrows(Decimals.ScaleException.class,
                () -> Decimals.parse("0.0000000001")); // KuCoin's 1e-10 tick
        assertEquals(10, fine.minScale);
        assertEquals(18, fine.maxScale);
        assertTrue(fine.representable());
        Decimals.ScaleException large = assertThrows(Decimals.ScaleException.class,
                () -> Decimals.parse("99999999999999")); // FMFW BORUSDT's asks
        assertEquals(0, large.minScale);
        assertEquals(4, large.maxScale, "99999999999999 × 10^4 < 2^63 < 99999999999999 × 10^5");
        Decimals.ScaleException none = assertThrows(Decimals.ScaleException.class,
                () -> Decimals.parse("12345678901.123456789"));
        assertEquals(9, none.minScale);
        assertEquals(8, none.maxScale, "9,223,372,036.854775807 is the most a long holds at 9 decimals");
        assertTrue(!none.representable());
    }

    @Test
    void parsesAtAnyScale() {
        assertEquals(1L, Decimals.parse("0.0000000001", 10));
        assertEquals(9_121L, Decimals.parse("0.0000009121", 10));
        assertEquals(99_999_999_999_999L, Decimals.parse("99999999999999", 0));
        assertEquals(999_999_999_999_999_999L, Decimals.parse("9999999999999999.99", 2));
        assertEquals(123_456_789_012_345L, Decimals.parse("0.123456789012345", 15));
        assertEquals(5L, Decimals.parse("0.50", 1));
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
        assertEquals(Long.MAX_VALUE / 10, values[2], "a failed rescale changes nothing");
        assertEquals(100L, values[0]);
        Decimals.rescale(values, 2, 8, 10);
        assertEquals(10_000L, values[0]);
        assertEquals(25_000L, values[1]);
        assertEquals(8, Decimals.smallestExactScale(10, 8, new long[] {100L, 300L}));
        assertEquals(9, Decimals.smallestExactScale(10, 8, new long[] {100L, 310L}));
        assertEquals(2, Decimals.smallestExactScale(8, 0, new long[] {1_000_000L, 12_000_000L}));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "+", ".", "-.", "abc", "1e5", "1E-8", "1,5", "1.2.3", " 1", "1 ", "--1",
        "0x10", "NaN", "Infinity", "1_000", "١"})
    void rejectsGarbage(String s) {
        assertThrows(NumberFormatException.class, () -> Decimals.parse(s));
    }

    @Test
    void garbageMessagesNameTheProblem() {
        assertTrue(assertThrows(NumberFormatException.class, () -> Decimals.parse("")).getMessage().contains("empty"));
        assertTrue(assertThrows(NumberFormatException.class, () -> Decimals.parse("1.2.3")).getMessage()
                .contains("two decimal points"));
        assertTrue(assertThrows(NumberFormatException.class, () -> Decimals.parse("1e5")).getMessage()
                .contains("not a plain decimal"));
        assertTrue(assertThrows(NumberFormatException.class, () -> Decimals.parse("-")).getMessage()
                .contains("no digits"));
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

    @Test
    void plainStringStripsTrailingZeros() {
        assertEquals("61837.63", Decimals.toPlainString(Decimals.parse("61837.63000000")));
        assertEquals("1000", Decimals.toPlainString(Decimals.parse("1000.00")));
        assertEquals("0.00000001", Decimals.toPlainString(1L));
        assertEquals("-1.5", Decimals.toPlainString(-150_000_000L));
    }
}
