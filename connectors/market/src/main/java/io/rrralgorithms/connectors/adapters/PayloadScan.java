package io.rrralgorithms.connectors.adapters;

import java.nio.charset.StandardCharsets;

/**
 * A byte scan for one short string value in a raw JSON frame, without parsing it: the replay and
 * capture hot path only needs the symbol to choose the Kafka key.
 */
public final class PayloadScan {
    private PayloadScan() {}

    /**
     * The characters after the first occurrence of {@code marker} up to {@code end} (at most 64),
     * or null when the marker is absent, the value is empty, or a quote or backslash comes first.
     */
    public static String valueAfter(byte[] payload, String marker, char end) {
        byte[] m = marker.getBytes(StandardCharsets.US_ASCII);
        int i = indexOf(payload, m);
        if (i < 0) {
            return null;
        }
        int start = i + m.length;
        for (int j = start; j < payload.length && j - start < 64; j++) {
            if (payload[j] == end) {
                return j > start ? new String(payload, start, j - start, StandardCharsets.US_ASCII) : null;
            }
            if (payload[j] == '"' || payload[j] == '\\') {
                return null;
            }
        }
        return null;
    }

    /** Where {@code marker} first occurs in {@code payload}, or -1. */
    public static int indexOf(byte[] payload, byte[] marker) {
        return indexOf(payload, marker, 0);
    }

    /** Where {@code marker} first occurs in {@code payload} at or after {@code from}, or -1. */
    public static int indexOf(byte[] payload, byte[] marker, int from) {
        outer:
        for (int i = from; i + marker.length <= payload.length; i++) {
            for (int k = 0; k < marker.length; k++) {
                if (payload[i + k] != marker[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * The part after the last {@code separator} of the string value of {@code field}
     * ({@code "topic":"trade.BTCUSD"} with {@code '.'} → {@code BTCUSD}); null when the field is
     * absent or its value has no non-empty part after a separator.
     */
    public static String lastPartOf(byte[] payload, String field, char separator) {
        String value = valueAfter(payload, "\"" + field + "\":\"", '"');
        if (value == null) {
            return null;
        }
        int at = value.lastIndexOf(separator);
        return at < 0 || at == value.length() - 1 ? null : value.substring(at + 1);
    }
}
