package io.rrralgorithms.connectors.adapters.bitget;

import io.rrralgorithms.connectors.adapters.BookChecksum;
import io.rrralgorithms.connectors.adapters.BookChecksum.LevelText;
import java.math.BigDecimal;

/**
 * Bitget (API v1) order book checksum, as OKX's: the CRC32, as a <em>signed</em> 32-bit integer, of
 * {@code bid1px:bid1sz:ask1px:ask1sz:bid2px:...} over the top 25 levels of each side (best first;
 * a shorter side contributes fewer entries).
 *
 * <p>Unlike OKX, Bitget writes fixed decimals per instrument and side ({@code "2.4400"},
 * {@code "0.00003530"}, sizes {@code "195.6669"}, {@code "145214"}); the strings hashed are those.
 * The decoder passes the fractional digits of the frame's prices and of its non-zero sizes
 * ({@code MarketEvent.priceDecimals/sizeDecimals}; a removal is written {@code "0"}), and the
 * strings are rebuilt exactly from the 8-decimal mantissas with those digits. Checked on the
 * recorded session: all 637 checksums of the 10 books equal this computation over the frames' own
 * strings.
 */
public final class BitgetChecksum implements BookChecksum {
    public static final int DEPTH = 25;

    @Override
    public int depth() {
        return DEPTH;
    }

    @Override
    public long compute(long[] bidPrices, long[] bidSizes, long[] askPrices, long[] askSizes,
            int priceDecimals, int sizeDecimals, int priceScale, int sizeScale) {
        LevelText level = (price, size) -> format(price, priceScale, priceDecimals) + ':'
                + format(size, sizeScale, sizeDecimals);
        return (int) BookChecksum.crc32(BookChecksum.interleaved(DEPTH, bidPrices, bidSizes, askPrices, askSizes,
                level, level)); // Bitget sends the CRC32 as a signed 32-bit integer
    }

    /**
     * The venue's string of an 8-decimal mantissa with {@code decimals} fractional digits; with
     * unknown decimals (-1), or a value finer than them (the checksum then disagrees, as it
     * should for a book that does not match the venue's format), the shortest exact form.
     */
    static String format(long mantissa, int decimals) {
        return format(mantissa, 8, decimals);
    }

    /** {@link #format(long, int)} of a mantissa at {@code scale}. */
    static String format(long mantissa, int scale, int decimals) {
        BigDecimal exact = BigDecimal.valueOf(mantissa, scale).stripTrailingZeros();
        if (exact.scale() < 0) {
            exact = exact.setScale(0);
        }
        return decimals < 0 || exact.scale() > decimals ? exact.toPlainString() : exact.setScale(decimals).toPlainString();
    }
}
