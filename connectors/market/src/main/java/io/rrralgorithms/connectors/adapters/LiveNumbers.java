package io.rrralgorithms.connectors.adapters;

import java.nio.charset.StandardCharsets;

/** Update ids found in a frame or REST body by a byte scan, for the live specs' snapshot logic. */
public final class LiveNumbers {
    private LiveNumbers() {}

    /**
     * The integer after the first {@code "field":} of {@code body}, written as a number or a string,
     * with or without a space after the colon ({@code "sequence":"1613277183892"},
     * {@code "microtimestamp": "1641343695572693"}, {@code "id":123}); -1 where there is none.
     */
    public static long after(byte[] body, String field) {
        byte[] m = ("\"" + field + "\":").getBytes(StandardCharsets.US_ASCII);
        int at = PayloadScan.indexOf(body, m);
        if (at < 0) {
            return -1;
        }
        int j = at + m.length;
        while (j < body.length && (body[j] == ' ' || body[j] == '"')) {
            j++;
        }
        long v = 0;
        int digits = 0;
        while (j < body.length && body[j] >= '0' && body[j] <= '9' && digits < 19) {
            v = v * 10 + (body[j++] - '0');
            digits++;
        }
        return digits == 0 ? -1 : v;
    }
}
