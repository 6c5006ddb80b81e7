package io.rrralgorithms.connectors.adapters.okx;

import io.rrralgorithms.connectors.adapters.InterleavedChecksum;

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
public final class OkxChecksum extends InterleavedChecksum {

    public OkxChecksum() {
        super(25);
    }

    /** The venue's string of an 8-decimal mantissa: shortest plain form, or fixed {@code decimals}. */
    static String format(long mantissa, int decimals) {
        return plainNumber(mantissa, 8, decimals);
    }
}
