package io.rrralgorithms.connectors.testkit;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * A book of its levels' texts as the venue printed them (price → {price text, size text}; bids best
 * first), for the checksum that Bitfinex and Bitget compute over those texts.
 */
public class TextBook {
    public final TreeMap<BigDecimal, String[]> bids = new TreeMap<>(Collections.reverseOrder());
    public final TreeMap<BigDecimal, String[]> asks = new TreeMap<>();

    /** Sets a level as printed, or removes it. */
    public void set(boolean bid, String price, String size, boolean remove) {
        BigDecimal p = new BigDecimal(price);
        if (remove) {
            (bid ? bids : asks).remove(p);
        } else {
            (bid ? bids : asks).put(p, new String[] {price, size});
        }
    }

    /** The CRC32, as a signed int, of {@code bid1px:bid1sz:ask1px:ask1sz:...} over the best {@code depth} levels a side. */
    public int crc32(int depth) {
        List<String[]> b = new ArrayList<>(bids.values());
        List<String[]> a = new ArrayList<>(asks.values());
        StringJoiner s = new StringJoiner(":");
        for (int i = 0; i < depth; i++) {
            if (i < b.size()) {
                s.add(b.get(i)[0]).add(b.get(i)[1]);
            }
            if (i < a.size()) {
                s.add(a.get(i)[0]).add(a.get(i)[1]);
            }
        }
        CRC32 crc = new CRC32();
        crc.update(s.toString().getBytes(StandardCharsets.US_ASCII));
        return (int) crc.getValue();
    }
}
