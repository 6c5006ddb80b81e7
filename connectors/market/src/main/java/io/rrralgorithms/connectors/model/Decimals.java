package io.rrralgorithms.connectors.model;

import java.math.BigDecimal;

/**
 * Exact fixed-point decimals: every price and size in the system is a {@code long} mantissa with
 * {@link #SCALE} fractional digits. Parsing never rounds: a value with more fractional digits
 * than the scale (other than trailing zeros) or one that overflows is rejected.
 */
public final class Decimals {
    /** Number of fractional digits of every price and size mantissa. */
    public static final int SCALE = 8;

    public static final long ONE = 100_000_000L;

    private Decimals() {}

    /** Parses a plain decimal string such as {@code "61837.63000000"} into a mantissa. */
    public static long parse(CharSequence s) {
        int n = s.length();
        if (n == 0) {
            throw new NumberFormatException("empty decimal");
        }
        int i = 0;
        boolean negative = false;
        char c0 = s.charAt(0);
        if (c0 == '-' || c0 == '+') {
            negative = c0 == '-';
            i = 1;
        }
        long value = 0;
        int fractionDigits = -1; // -1: no decimal point seen yet
        boolean anyDigit = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                if (fractionDigits >= 0) {
                    throw new NumberFormatException("two decimal points in '" + s + "'");
                }
                fractionDigits = 0;
                continue;
            }
            if (c < '0' || c > '9') {
                throw new NumberFormatException("not a plain decimal: '" + s + "'");
            }
            anyDigit = true;
            int d = c - '0';
            if (fractionDigits >= 0) {
                if (fractionDigits == SCALE) {
                    if (d != 0) {
                        throw new NumberFormatException(
                                "more than " + SCALE + " fractional digits in '" + s + "'");
                    }
                    continue; // trailing zero beyond the scale: exact, ignore
                }
                fractionDigits++;
            }
            value = Math.addExact(Math.multiplyExact(value, 10L), d);
        }
        if (!anyDigit) {
            throw new NumberFormatException("no digits in '" + s + "'");
        }
        int missing = SCALE - Math.max(fractionDigits, 0);
        for (int k = 0; k < missing; k++) {
            value = Math.multiplyExact(value, 10L);
        }
        return negative ? -value : value;
    }

    public static BigDecimal toBigDecimal(long mantissa) {
        return BigDecimal.valueOf(mantissa, SCALE);
    }

    /** For features and logs only, never for book arithmetic. */
    public static double toDouble(long mantissa) {
        return mantissa / (double) ONE;
    }

    public static String toPlainString(long mantissa) {
        return toBigDecimal(mantissa).stripTrailingZeros().toPlainString();
    }
}
