package io.rrralgorithms.connectors.adapters.okx;

import io.rrralgorithms.connectors.adapters.BookChecksum;
import io.rrralgorithms.connectors.adapters.BookChecksum.LevelText;
import java.math.BigDecimal;

/**
 * OKX v5 order book checksum: the CRC32, as a <em>signed</em> 32-bit integer, of the string
 * {@code bid1px:bid1sz:ask1px:ask1sz:bid2px:bid2sz:ask2px:ask2sz:...} over the top 25 levels of
 * each side (best first); where one side has fewer levels, the remaining entries are the other
 * side's only ({@code ...:bid24px:bid24sz:bid25px:bid25sz} without asks).
 *
 * <p>The strings are the venue's own. In the recorded frames (2022) OKX writes every price and
 * size in its canonical shortest form ({@code "30244"}, {@code "0.08"}, {@code "5.16"}: no trailing
 * zeros, no point for integers; not one of the capture's numbers ends in a fractional zero), so
 * the decoder carries unknown decimals (-1) and the strings are rebuilt here as the shortest exact
 * plain form of the 8-decimal mantissa. Should a venue format ever use fixed decimals
 * ({@code priceDecimals}/{@code sizeDecimals} &ge; 0), they are honoured.
 */
public final class OkxChecksum implements BookChecksum {
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
        String s = BookChecksum.interleaved(DEPTH, bidPrices, bidSizes, askPrices, askSizes, level, level);
        return (int) BookChecksum.crc32(s); // OKX sends the CRC32 as a signed 32-bit integer
    }

    /** The venue's string of an 8-decimal mantissa: shortest plain form, or fixed {@code decimals}. */
    static String format(long mantissa, int decimals) {
        return format(mantissa, 8, decimals);
    }

    /** The venue's string of a mantissa at {@code scale}: shortest plain form, or fixed {@code decimals}. */
    static String format(long mantissa, int scale, int decimals) {
        BigDecimal d = BigDecimal.valueOf(mantissa, scale);
        if (decimals < 0) {
            d = d.stripTrailingZeros();
            return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
        }
        return d.scale() > decimals && d.stripTrailingZeros().scale() > decimals
                ? d.stripTrailingZeros().toPlainString() // finer than the format: keep the digits (checksum disagrees)
                : d.setScale(Math.max(decimals, Math.max(0, d.stripTrailingZeros().scale()))).toPlainString();
    }
}
