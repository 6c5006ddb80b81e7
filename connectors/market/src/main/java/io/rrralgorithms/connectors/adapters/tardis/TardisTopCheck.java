package io.rrralgorithms.connectors.adapters.tardis;

import io.rrralgorithms.connectors.adapters.BookChecksum;
import java.math.BigDecimal;
import java.util.List;

/**
 * The check of a {@code book_snapshot_25} row against the book its set's
 * {@code incremental_book_L2} rows build: a CRC32 over the top 25 levels of each side, each level
 * written as its exact value in shortest form ({@code 61837.63}, trailing zeros dropped), so that
 * the row's decimal strings and the local book's mantissas give the same text for the same book.
 * Carried as the check frame's {@code checksum}: a mismatch is a gap like a venue checksum's.
 */
public final class TardisTopCheck implements BookChecksum {
    private static final long serialVersionUID = 1L;
    /** The levels per side of {@code book_snapshot_25}. */
    public static final int DEPTH = 25;

    @Override
    public int depth() {
        return DEPTH;
    }

    @Override
    public long compute(long[] bidPrices, long[] bidSizes, long[] askPrices, long[] askSizes, int priceDecimals,
            int sizeDecimals, int priceScale, int sizeScale) {
        StringBuilder sb = new StringBuilder(1024);
        for (int i = 0; i < Math.min(DEPTH, bidPrices.length); i++) {
            sb.append('b').append(shortest(BigDecimal.valueOf(bidPrices[i], priceScale))).append(':')
                    .append(shortest(BigDecimal.valueOf(bidSizes[i], sizeScale))).append(';');
        }
        for (int i = 0; i < Math.min(DEPTH, askPrices.length); i++) {
            sb.append('a').append(shortest(BigDecimal.valueOf(askPrices[i], priceScale))).append(':')
                    .append(shortest(BigDecimal.valueOf(askSizes[i], sizeScale))).append(';');
        }
        return BookChecksum.crc32(sb.toString());
    }

    /** The same CRC32 of a row's levels (best first), from their decimal strings. */
    static long ofRow(List<BigDecimal[]> bids, List<BigDecimal[]> asks) {
        StringBuilder sb = new StringBuilder(1024);
        for (BigDecimal[] l : bids) {
            sb.append('b').append(shortest(l[0])).append(':').append(shortest(l[1])).append(';');
        }
        for (BigDecimal[] l : asks) {
            sb.append('a').append(shortest(l[0])).append(':').append(shortest(l[1])).append(';');
        }
        return BookChecksum.crc32(sb.toString());
    }

    private static String shortest(BigDecimal d) {
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }
}
