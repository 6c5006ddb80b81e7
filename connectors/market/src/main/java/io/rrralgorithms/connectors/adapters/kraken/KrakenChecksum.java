package io.rrralgorithms.connectors.adapters.kraken;

import io.rrralgorithms.connectors.adapters.BookChecksum;
import io.rrralgorithms.connectors.model.Decimals;

/**
 * Kraken (spot, WebSocket v1) book checksum: the unsigned CRC32 of one ASCII string made of the
 * top 10 asks (best first), then the top 10 bids (best first), each level as its price string
 * then its volume string, each with the decimal point removed and leading zeros stripped
 * ({@code "0.05005"} → {@code "5005"}, {@code "0.00000500"} → {@code "500"}).
 *
 * <p>The strings are the ones Kraken writes in the book frames, whose number of fractional digits
 * is fixed per pair but is <em>not</em> always the pair's {@code pair_decimals} of AssetPairs (in
 * the 2021 capture XBT/CHF has {@code pair_decimals} 1 but book prices such as
 * {@code "56218.30000"}; ADA/XBT has 8 but {@code "0.000022900"}). The decoder therefore passes the
 * digits it saw in the frame ({@code MarketEvent.priceDecimals/sizeDecimals}), and the strings are
 * rebuilt exactly from the 8-decimal mantissas: {@code mantissa × 10^(decimals − 8)} written as an
 * integer is precisely "the string without its point and leading zeros".
 */
public final class KrakenChecksum implements BookChecksum {
    public static final int DEPTH = 10;

    @Override
    public int depth() {
        return DEPTH;
    }

    @Override
    public long compute(long[] bidPrices, long[] bidSizes, long[] askPrices, long[] askSizes,
            int priceDecimals, int sizeDecimals, int priceScale, int sizeScale) {
        StringBuilder s = new StringBuilder(40 * DEPTH);
        int na = Math.min(DEPTH, askPrices.length);
        for (int i = 0; i < na; i++) {
            append(s, askPrices[i], priceScale, priceDecimals);
            append(s, askSizes[i], sizeScale, sizeDecimals);
        }
        int nb = Math.min(DEPTH, bidPrices.length);
        for (int i = 0; i < nb; i++) {
            append(s, bidPrices[i], priceScale, priceDecimals);
            append(s, bidSizes[i], sizeScale, sizeDecimals);
        }
        return BookChecksum.crc32(s.toString()); // unsigned 32-bit, as Kraken sends it
    }

    /**
     * The venue's string of {@code mantissa} with {@code decimals} fractional digits, without its
     * point and leading zeros. With unknown decimals (-1) the shortest exact form is used; a value
     * with more significant digits than {@code decimals} keeps them (the checksum will then
     * disagree, which is the right outcome for a book that does not match the venue's format).
     */
    static void append(StringBuilder s, long mantissa, int decimals) {
        append(s, mantissa, Decimals.SCALE, decimals);
    }

    /** {@link #append(StringBuilder, long, int)} of a mantissa at {@code scale}. */
    static void append(StringBuilder s, long mantissa, int scale, int decimals) {
        if (mantissa == 0) {
            return; // "0.000" stripped of its point and leading zeros is empty
        }
        if (decimals < 0) {
            decimals = shortestDecimals(mantissa, scale);
        }
        if (decimals >= scale) {
            s.append(mantissa);
            for (int k = scale; k < decimals; k++) {
                s.append('0');
            }
            return;
        }
        long div = Decimals.pow10(scale - decimals);
        if (mantissa % div == 0) {
            s.append(mantissa / div);
        } else {
            append(s, mantissa, scale, shortestDecimals(mantissa, scale));
        }
    }

    private static int shortestDecimals(long mantissa, int scale) {
        int d = scale;
        while (d > 0 && mantissa % 10 == 0) {
            mantissa /= 10;
            d--;
        }
        return d;
    }
}
