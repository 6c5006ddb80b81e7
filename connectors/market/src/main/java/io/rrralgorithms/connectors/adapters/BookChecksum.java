package io.rrralgorithms.connectors.adapters;

import java.io.Serializable;

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
     * @param bidPrices best first, at most {@link #depth()} levels (mantissas, 8 decimals)
     * @param askPrices best first
     * @param priceDecimals fractional digits of the venue's price strings for this instrument, -1 if unknown
     * @param sizeDecimals fractional digits of the venue's size strings, -1 if unknown
     * @return the checksum as the venue states it (same signedness and width)
     */
    long compute(long[] bidPrices, long[] bidSizes, long[] askPrices, long[] askSizes,
            int priceDecimals, int sizeDecimals);
}
