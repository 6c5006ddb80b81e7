package io.rrralgorithms.connectors.adapters.bitfinex;

import io.rrralgorithms.connectors.adapters.InterleavedChecksum;
import io.rrralgorithms.connectors.model.Decimals;
import java.math.BigDecimal;

/**
 * Bitfinex's book checksum ({@code OB_CHECKSUM} flag 131072, frames {@code [chanId, "cs", checksum]}):
 * the CRC32, as a signed 32-bit integer, of the top 25 levels interleaved bid, ask, bid, ask…,
 * each as {@code price:amount} joined by {@code ':'}, ask amounts negative
 * ({@code "bp0:ba0:ap0:-aa0:bp1:…"}); a side with fewer levels simply contributes fewer.
 *
 * <p>The venue formats the numbers as JavaScript's {@code Number.prototype.toString} does, which is
 * what appears in its frames: the shortest decimal, and exponential notation for magnitudes below
 * 1e-6 ({@code 2e-8}, {@code 1.1e-7}; the capture has such prices). The book's exact 8-decimal
 * mantissas are printed the same way, so the instrument's decimals are not needed.
 */
final class BitfinexChecksum extends InterleavedChecksum {
    static final int DEPTH = 25;

    BitfinexChecksum() {
        super(DEPTH);
    }

    /** JavaScript's number string, whatever the instrument's decimals. */
    @Override
    protected String number(long mantissa, int scale, int decimals) {
        return jsNumber(mantissa, scale);
    }

    /** Ask amounts are negative. */
    @Override
    protected long askSize(long size) {
        return -size;
    }

    /** An exact mantissa as JavaScript prints the same number ({@code 0.0001}, {@code 1e-7}, {@code -2.5e-7}, {@code 60400}). */
    static String jsNumber(long mantissa) {
        return jsNumber(mantissa, Decimals.SCALE);
    }

    /** {@link #jsNumber(long)} of a mantissa at {@code scale}. */
    static String jsNumber(long mantissa, int scale) {
        BigDecimal d = Decimals.toBigDecimal(mantissa, scale).stripTrailingZeros();
        if (d.signum() == 0) {
            return "0";
        }
        if (d.abs().compareTo(new BigDecimal("0.000001")) >= 0) {
            return d.toPlainString();
        }
        // below 1e-6: d.ddde-N with the significant digits of the decimal
        String digits = d.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - d.scale();
        StringBuilder s = new StringBuilder();
        if (d.signum() < 0) {
            s.append('-');
        }
        s.append(digits.charAt(0));
        if (digits.length() > 1) {
            s.append('.').append(digits, 1, digits.length());
        }
        return s.append('e').append(exponent).toString();
    }
}
