package io.rrralgorithms.connectors.model;

import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Exact fixed-point decimals: every price and size is a {@code long} mantissa with a number of
 * fractional digits, its <em>scale</em>. Almost every instrument fits the default {@link #SCALE}
 * of 8; an instrument whose venue sends finer numbers (1e-10 ticks, 15-decimal sizes) or values
 * too large for 8 decimals in a long (asks at 99999999999999) gets its own scale, carried by each
 * event ({@code MarketEvent.priceScale/sizeScale}) and by the book. Parsing never rounds: a value
 * that does not fit the scale it is parsed at throws a {@link ScaleException} saying which scales
 * would hold it, and the frame is decoded again at one that does ({@code FrameGuard}).
 *
 * <p>Decoders parse with {@link #parse(CharSequence)} at the <em>decode scale</em>: {@link #SCALE},
 * unless {@link #atScale} runs a decode at another one on this thread. The common case costs one
 * atomic read per value, no thread-local lookup.
 */
public final class Decimals {
    /** The default number of fractional digits of price and size mantissas. */
    public static final int SCALE = 8;
    /** The finest scale: a long holds 18 decimal digits in full. */
    public static final int MAX_SCALE = 18;

    public static final long ONE = 100_000_000L;

    private static final long[] POW10 = new long[MAX_SCALE + 1];

    static {
        POW10[0] = 1L;
        for (int i = 1; i <= MAX_SCALE; i++) {
            POW10[i] = POW10[i - 1] * 10L;
        }
    }

    /** Threads now decoding at a scale other than {@link #SCALE}: while 0 no thread-local is read. */
    private static final AtomicInteger FINE_DECODES = new AtomicInteger();
    private static final ThreadLocal<int[]> DECODE_SCALE = ThreadLocal.withInitial(() -> new int[] {SCALE});

    private Decimals() {}

    /**
     * A value that does not fit the scale it was parsed at: more significant fractional digits, or
     * a mantissa too large for a long. {@link #minScale}..{@link #maxScale} are the scales that
     * would hold it exactly (empty, {@code minScale > maxScale}, when none does).
     */
    public static final class ScaleException extends NumberFormatException {
        private static final long serialVersionUID = 1L;
        public final int minScale;
        public final int maxScale;

        ScaleException(String message, int minScale, int maxScale) {
            super(message);
            this.minScale = minScale;
            this.maxScale = maxScale;
        }

        /** A misfit whose value scales {@code minScale}..{@code maxScale} would hold. */
        public static ScaleException needs(String message, int minScale, int maxScale) {
            return new ScaleException(message, minScale, maxScale);
        }

        /** Whether some scale holds the value (it is then a finer or coarser scale, not an overflow). */
        public boolean representable() {
            return minScale <= maxScale;
        }

        static ScaleException of(BigDecimal exact, int scale, CharSequence text) {
            BigDecimal d = exact.stripTrailingZeros();
            int min = Math.max(d.scale(), 0);
            int max = min - 1;
            long integerDigits = (long) d.precision() - d.scale();
            for (int s = min; s <= MAX_SCALE && integerDigits + s <= 19 && fits(d, s); s++) {
                max = s;
            }
            String why = d.scale() > scale
                    ? "more than " + scale + " fractional digits in '" + text + "'"
                    : "'" + text + "' does not fit a long mantissa at scale " + scale;
            return new ScaleException(why, min, max);
        }

        private static boolean fits(BigDecimal d, int s) {
            try {
                d.movePointRight(s).longValueExact();
                return true;
            } catch (ArithmeticException e) {
                return false;
            }
        }
    }

    /** The scale decoders parse at on this thread now. */
    public static int decodeScale() {
        return FINE_DECODES.get() == 0 ? SCALE : DECODE_SCALE.get()[0];
    }

    /** Runs {@code decode} with {@link #decodeScale()} = {@code scale} on this thread. */
    public static <E extends Exception> void atScale(int scale, ThrowingRunnable<E> decode) throws E {
        if (scale == SCALE && FINE_DECODES.get() == 0) {
            decode.run();
            return;
        }
        checkScale(scale);
        int[] slot = DECODE_SCALE.get();
        int previous = slot[0];
        slot[0] = scale;
        FINE_DECODES.incrementAndGet();
        try {
            decode.run();
        } finally {
            FINE_DECODES.decrementAndGet();
            slot[0] = previous;
        }
    }

    /** A decode step that may throw. */
    @FunctionalInterface
    public interface ThrowingRunnable<E extends Exception> {
        void run() throws E;
    }

    /** Parses a plain decimal string such as {@code "61837.63000000"} into a mantissa at the decode scale. */
    public static long parse(CharSequence s) {
        return parse(s, decodeScale());
    }

    /**
     * Parses a plain decimal string into a mantissa with {@code scale} fractional digits.
     *
     * @throws ScaleException if the value has more significant fractional digits or overflows
     * @throws NumberFormatException if it is not a plain decimal
     */
    public static long parse(CharSequence s, int scale) {
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
        boolean tooFine = false;
        boolean overflow = false;
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
                if (fractionDigits == scale) {
                    tooFine |= d != 0; // trailing zeros beyond the scale are exact: ignored
                    continue;
                }
                fractionDigits++;
            }
            if (value > (Long.MAX_VALUE - d) / 10) {
                overflow = true;
                continue;
            }
            value = value * 10 + d;
        }
        if (!anyDigit) {
            throw new NumberFormatException("no digits in '" + s + "'");
        }
        int missing = scale - Math.max(fractionDigits, 0);
        if (!tooFine && !overflow) {
            if (missing > 0) {
                if (value > Long.MAX_VALUE / POW10[missing]) {
                    overflow = true;
                } else {
                    value *= POW10[missing];
                }
            }
            if (!overflow) {
                return negative ? -value : value;
            }
        }
        throw ScaleException.of(new BigDecimal(s.toString()), scale, s);
    }

    /**
     * What {@link #tryParse} returns where {@link #parse(CharSequence, int)} throws; never a mantissa
     * (parsed values are at most {@code Long.MAX_VALUE} in magnitude).
     */
    public static final long NOT_PARSED = Long.MIN_VALUE;

    /** The largest value that one more digit cannot overflow: (MAX - 9) / 10. */
    private static final long MAX_BEFORE_DIGIT = (Long.MAX_VALUE - 9) / 10;

    /**
     * {@link #parse(CharSequence, int)} of {@code length} characters of {@code chars} from
     * {@code offset}, for a decoder that reads a JSON parser's character buffer: the same mantissa
     * where {@code parse} returns one, {@link #NOT_PARSED} where it throws (no exception, no
     * {@code CharSequence}; ask {@code parse} for the reason). Same grammar: an optional sign,
     * digits with at most one point, at least one digit, zeros beyond the scale ignored.
     */
    public static long tryParse(char[] chars, int offset, int length, int scale) {
        int i = offset;
        int end = offset + length;
        boolean negative = false;
        if (i < end && (chars[i] == '-' || chars[i] == '+')) {
            negative = chars[i] == '-';
            i++;
        }
        long value = 0;
        int digits = 0;
        int d;
        // the integer part
        while (i < end && (d = chars[i] - '0') >= 0 && d <= 9) {
            if (value > MAX_BEFORE_DIGIT && value > (Long.MAX_VALUE - d) / 10) {
                return NOT_PARSED;
            }
            value = value * 10 + d;
            digits++;
            i++;
        }
        int fraction = 0;
        if (i < end && chars[i] == '.') {
            i++;
            // the fraction up to the scale, then only zeros
            while (i < end && (d = chars[i] - '0') >= 0 && d <= 9) {
                if (fraction < scale) {
                    if (value > MAX_BEFORE_DIGIT && value > (Long.MAX_VALUE - d) / 10) {
                        return NOT_PARSED;
                    }
                    value = value * 10 + d;
                    fraction++;
                } else if (d != 0) {
                    return NOT_PARSED; // finer than the scale
                }
                digits++;
                i++;
            }
        }
        if (i != end || digits == 0) {
            return NOT_PARSED; // another character, a second point, or no digit
        }
        int missing = scale - fraction;
        if (missing > 0) {
            if (value > Long.MAX_VALUE / POW10[missing]) {
                return NOT_PARSED;
            }
            value *= POW10[missing];
        }
        return negative ? -value : value;
    }

    /** An exact decimal as a mantissa at the decode scale. */
    public static long of(BigDecimal d) {
        return of(d, decodeScale());
    }

    /** An exact decimal as a mantissa with {@code scale} fractional digits; throws if it does not fit. */
    public static long of(BigDecimal d, int scale) {
        try {
            if ((long) d.precision() - d.scale() <= 19) { // else far too large: never materialize 1e999999
                return d.setScale(scale).unscaledValue().longValueExact();
            }
        } catch (ArithmeticException e) {
            // below
        }
        throw ScaleException.of(d, scale, (long) d.precision() - d.scale() > 40 ? d.toString() : d.toPlainString());
    }

    /** An integer (a count of units or contracts) as a mantissa at the decode scale. */
    public static long ofUnits(long units) {
        return scaled(units, 0, decodeScale());
    }

    /** A scaled integer ({@code 329915000} at scale 4 is 32991.5) as a mantissa at the decode scale. */
    public static long ofScaled(long unscaled, int unscaledScale) {
        return scaled(unscaled, unscaledScale, decodeScale());
    }

    private static long scaled(long unscaled, int from, int to) {
        try {
            return rescale(unscaled, from, to);
        } catch (ArithmeticException e) {
            throw ScaleException.of(BigDecimal.valueOf(unscaled, from), to, BigDecimal.valueOf(unscaled, from)
                    .toPlainString());
        }
    }

    /** 10^{@code n}, 0 &le; n &le; {@link #MAX_SCALE}. */
    public static long pow10(int n) {
        return POW10[n];
    }

    /**
     * {@code mantissa} at scale {@code from} as a mantissa at scale {@code to}, exactly.
     *
     * @throws ArithmeticException if the value overflows at {@code to}, or has digits {@code to} cannot hold
     */
    public static long rescale(long mantissa, int from, int to) {
        if (to == from) {
            return mantissa;
        }
        if (to > from) {
            return Math.multiplyExact(mantissa, POW10[checkScale(to - from)]);
        }
        long div = POW10[checkScale(from - to)];
        if (mantissa % div != 0) {
            throw new ArithmeticException(toPlainString(mantissa, from) + " has more than " + to
                    + " fractional digits");
        }
        return mantissa / div;
    }

    /** Whether {@code mantissa} at scale {@code from} is exact at the smaller scale {@code to}. */
    public static boolean exactAt(long mantissa, int from, int to) {
        return to >= from || mantissa % POW10[from - to] == 0;
    }

    /**
     * Rescales {@code values} in place from {@code from} to {@code to}, exactly; on failure nothing
     * is changed.
     *
     * @throws ArithmeticException if a value overflows or is not exact at {@code to}
     */
    public static void rescale(long[] values, int length, int from, int to) {
        if (to == from) {
            return;
        }
        for (int i = 0; i < length; i++) {
            if (to > from) {
                long p = POW10[checkScale(to - from)];
                if (Math.abs(values[i]) > Long.MAX_VALUE / p) {
                    throw new ArithmeticException(toPlainString(values[i], from)
                            + " does not fit a long mantissa at scale " + to);
                }
            } else if (!exactAt(values[i], from, to)) {
                throw new ArithmeticException(toPlainString(values[i], from) + " has more than " + to
                        + " fractional digits");
            }
        }
        for (int i = 0; i < length; i++) {
            values[i] = rescale(values[i], from, to);
        }
    }

    /**
     * The smallest scale in [{@code floor}, {@code scale}] at which every value of the arrays is
     * exact (values at {@code scale}).
     */
    public static int smallestExactScale(int scale, int floor, long[]... arrays) {
        int best = scale;
        while (best > floor) {
            long div = POW10[scale - best + 1];
            for (long[] a : arrays) {
                if (a == null) {
                    continue;
                }
                for (long v : a) {
                    if (v % div != 0) {
                        return best;
                    }
                }
            }
            best--;
        }
        return best;
    }

    private static int checkScale(int scale) {
        if (scale < 0 || scale > MAX_SCALE) {
            throw new IllegalArgumentException("scale " + scale + " outside 0.." + MAX_SCALE);
        }
        return scale;
    }

    public static BigDecimal toBigDecimal(long mantissa) {
        return BigDecimal.valueOf(mantissa, SCALE);
    }

    public static BigDecimal toBigDecimal(long mantissa, int scale) {
        return BigDecimal.valueOf(mantissa, scale);
    }

    /** For features and logs only, never for book arithmetic. */
    public static double toDouble(long mantissa) {
        return mantissa / (double) ONE;
    }

    /** For features and logs only, never for book arithmetic. */
    public static double toDouble(long mantissa, int scale) {
        return scale == SCALE ? mantissa / (double) ONE : mantissa / (double) POW10[scale];
    }

    public static String toPlainString(long mantissa) {
        return toBigDecimal(mantissa).stripTrailingZeros().toPlainString();
    }

    public static String toPlainString(long mantissa, int scale) {
        return toBigDecimal(mantissa, scale).stripTrailingZeros().toPlainString();
    }
}
