package io.rrralgorithms.connectors.adapters;

import io.rrralgorithms.connectors.model.Decimals;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;
import java.util.zip.CRC32;

/**
 * A venue's checksum over the top of its book (Kraken: CRC32 of the top 10; OKX and Bitfinex:
 * CRC32 of the top 25), computed from the local book's exact levels and compared with the value
 * the venue sent. Venues checksum their own decimal strings, so the instrument's formatting
 * (fractional digits of prices and sizes as the venue writes them) is passed along.
 */
public interface BookChecksum extends Serializable {

    /** Levels per side the checksum covers; the book passes at most this many. */
    int depth();

    /**
     * @param bidPrices best first, at most {@link #depth()} levels (mantissas at {@code priceScale})
     * @param askPrices best first
     * @param priceDecimals fractional digits of the venue's price strings for this instrument, -1 if unknown
     * @param sizeDecimals fractional digits of the venue's size strings, -1 if unknown
     * @param priceScale fractional digits of the price mantissas (the book's scale, not the venue's format)
     * @param sizeScale fractional digits of the size mantissas
     * @return the checksum as the venue states it (same signedness and width)
     */
    long compute(long[] bidPrices, long[] bidSizes, long[] askPrices, long[] askSizes,
            int priceDecimals, int sizeDecimals, int priceScale, int sizeScale);

    /** {@link #compute} of mantissas at the default scale. */
    default long compute(long[] bidPrices, long[] bidSizes, long[] askPrices, long[] askSizes,
            int priceDecimals, int sizeDecimals) {
        return compute(bidPrices, bidSizes, askPrices, askSizes, priceDecimals, sizeDecimals, Decimals.SCALE,
                Decimals.SCALE);
    }

    /** One level as the venue writes it into its checksum string ({@code price:size}). */
    @FunctionalInterface
    interface LevelText {
        String of(long price, long size);
    }

    /**
     * The top {@code depth} levels interleaved bid, ask, bid, ask… joined by {@code ':'} (OKX,
     * Bitfinex); a side with fewer levels simply contributes fewer.
     */
    static String interleaved(int depth, long[] bidPrices, long[] bidSizes, long[] askPrices, long[] askSizes,
            LevelText bid, LevelText ask) {
        StringJoiner s = new StringJoiner(":");
        for (int i = 0; i < depth; i++) {
            if (i < bidPrices.length) {
                s.add(bid.of(bidPrices[i], bidSizes[i]));
            }
            if (i < askPrices.length) {
                s.add(ask.of(askPrices[i], askSizes[i]));
            }
        }
        return s.toString();
    }

    /** The unsigned CRC32 of an ASCII string. */
    static long crc32(String ascii) {
        CRC32 crc = new CRC32();
        crc.update(ascii.getBytes(StandardCharsets.US_ASCII));
        return crc.getValue();
    }
}
