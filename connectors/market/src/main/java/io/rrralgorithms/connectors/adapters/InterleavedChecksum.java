package io.rrralgorithms.connectors.adapters;

import java.math.BigDecimal;

/**
 * The checksum family of OKX, Bitget and Bitfinex: the CRC32, as a signed 32-bit integer (as
 * these venues send it), of the top {@code depth} levels interleaved bid, ask, bid, ask…, each
 * level {@code price:size}, joined by {@code ':'} (a side with fewer levels contributes fewer). A
 * venue says only how it writes a number where that is not {@link #plainNumber}, and how it
 * writes an ask's size where that is not the size (Bitfinex: negative).
 */
public abstract class InterleavedChecksum implements BookChecksum {
    private final int depth;

    protected InterleavedChecksum(int depth) {
        this.depth = depth;
    }

    @Override
    public final int depth() {
        return depth;
    }

    @Override
    public final long compute(long[] bidPrices, long[] bidSizes, long[] askPrices, long[] askSizes,
            int priceDecimals, int sizeDecimals, int priceScale, int sizeScale) {
        LevelText bid = (price, size) -> number(price, priceScale, priceDecimals) + ':'
                + number(size, sizeScale, sizeDecimals);
        LevelText ask = (price, size) -> number(price, priceScale, priceDecimals) + ':'
                + number(askSize(size), sizeScale, sizeDecimals);
        return (int) BookChecksum.crc32(BookChecksum.interleaved(depth, bidPrices, bidSizes, askPrices, askSizes,
                bid, ask));
    }

    /**
     * The venue's string of a mantissa at {@code scale}, given the fractional digits the venue
     * writes for this instrument ({@code -1} where unknown): by default {@link #plainNumber}.
     */
    protected String number(long mantissa, int scale, int decimals) {
        return plainNumber(mantissa, scale, decimals);
    }

    /** The size an ask is written with: its size. */
    protected long askSize(long size) {
        return size;
    }

    /**
     * A mantissa at {@code scale} with {@code decimals} fixed fractional digits; with unknown
     * decimals (-1), or a value finer than them (the checksum then disagrees, as it should for a
     * book that does not match the venue's format), its shortest exact plain form ({@code "30244"},
     * {@code "0.08"}: no trailing zeros, no point for an integer).
     */
    public static String plainNumber(long mantissa, int scale, int decimals) {
        BigDecimal exact = BigDecimal.valueOf(mantissa, scale).stripTrailingZeros();
        if (exact.scale() < 0) {
            exact = exact.setScale(0);
        }
        return decimals < 0 || exact.scale() > decimals ? exact.toPlainString() : exact.setScale(decimals).toPlainString();
    }
}
