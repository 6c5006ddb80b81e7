package io.rrralgorithms.connectors.adapters.bitfinex;

import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.venues.ConnectionKeyer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Keys one Bitfinex connection's frames by native symbol. Data frames are {@code [chanId, ...]}
 * and name no symbol; the connection's {@code {"event":"subscribed","channel":..,"chanId":N,
 * "symbol":"tBTCUSD",..}} ack tells which symbol a channel id carries, and comes before the
 * channel's first data frame. Channel ids are scoped to a connection, which is why this map
 * lives here, at the capture, one per connection (a capture file, a live socket), and not in the
 * decoder: the frames then reach Kafka keyed by symbol like every other venue's (one instrument's
 * frames in one partition, in order), and the decoder stays stateless, so that a job restored
 * from a savepoint mid-stream (long after the acks) still decodes every frame.
 *
 * <p>Only the channels the decoder understands are mapped: {@code book} with an aggregated
 * precision ({@code P0}…{@code P4}), {@code trades} and {@code ticker} of trading symbols.
 * Frames of any other channel (raw {@code R0} books, whose rows have the same shape as
 * aggregated ones, candles, funding) and of a channel before its ack (the capture has two
 * heartbeats so) get no key: the decoder ignores heartbeats and dead-letters anything else
 * without a key. {@code unsubscribed} forgets the channel id.
 */
final class BitfinexConnectionKeyer implements ConnectionKeyer {
    private final Map<Long, String> symbolByChannel = new HashMap<>();

    @Override
    public String key(byte[] payload) {
        int i = 0;
        while (i < payload.length && isSpace(payload[i])) {
            i++;
        }
        if (i == payload.length) {
            return null;
        }
        if (payload[i] == '[') {
            long chanId = digits(payload, i + 1);
            return chanId < 0 ? null : symbolByChannel.get(chanId);
        }
        String event = PayloadScan.valueAfter(payload, "\"event\":\"", '"');
        String symbol = PayloadScan.valueAfter(payload, "\"symbol\":\"", '"');
        long chanId = chanId(payload);
        if ("subscribed".equals(event) && chanId >= 0) {
            if (symbol != null && symbol.startsWith("t") && decodedChannel(payload)) {
                symbolByChannel.put(chanId, symbol);
            } else {
                symbolByChannel.remove(chanId);
            }
        } else if ("unsubscribed".equals(event) && chanId >= 0) {
            String was = symbolByChannel.remove(chanId);
            return was != null ? was : symbol;
        }
        return symbol;
    }

    private static boolean decodedChannel(byte[] payload) {
        String channel = PayloadScan.valueAfter(payload, "\"channel\":\"", '"');
        if ("trades".equals(channel) || "ticker".equals(channel)) {
            return true;
        }
        if (!"book".equals(channel)) {
            return false;
        }
        String prec = PayloadScan.valueAfter(payload, "\"prec\":\"", '"');
        return prec == null || (prec.length() == 2 && prec.charAt(0) == 'P');
    }

    private static long chanId(byte[] payload) {
        byte[] m = "\"chanId\":".getBytes(StandardCharsets.US_ASCII);
        int at = PayloadScan.indexOf(payload, m);
        return at < 0 ? -1 : digits(payload, at + m.length);
    }

    /** The non-negative integer starting at {@code from} (spaces skipped), or -1. */
    private static long digits(byte[] payload, int from) {
        int i = from;
        while (i < payload.length && isSpace(payload[i])) {
            i++;
        }
        long v = 0;
        int n = 0;
        while (i < payload.length && payload[i] >= '0' && payload[i] <= '9' && n < 18) {
            v = v * 10 + (payload[i] - '0');
            i++;
            n++;
        }
        return n == 0 ? -1 : v;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }
}
