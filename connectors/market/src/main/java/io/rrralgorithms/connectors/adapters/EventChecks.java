package io.rrralgorithms.connectors.adapters;

import io.rrralgorithms.connectors.model.MarketEvent;

/**
 * The checks decoders make on the events they build, with the venue's own dead-letter reason
 * ({@link FrameGuard} checks every event again, after the decoder, with its own).
 */
public final class EventChecks {
    private EventChecks() {}

    /**
     * Sets a delta's update id range {@code first..last} ({@code U}/{@code u}); a range that runs
     * backwards is the dead letter "{@code what} with U first > u last".
     */
    public static void requireRange(MarketEvent ev, long first, long last, String what) throws DecodeException {
        if (first > last) {
            throw new DecodeException(what + " with U " + first + " > u " + last);
        }
        ev.firstUpdateId = first;
        ev.lastUpdateId = last;
    }

    /**
     * A book event's own sequence number {@code seq} (the field {@code field}), which must be
     * positive: its last update id, and a delta's first too (one number per message).
     */
    public static void requireSequence(MarketEvent ev, long seq, String field, boolean snapshot) throws DecodeException {
        if (seq <= 0) {
            throw new DecodeException("field '" + field + "' must be positive, got " + seq);
        }
        ev.lastUpdateId = seq;
        if (!snapshot) {
            ev.firstUpdateId = seq;
        }
    }

    /**
     * A book level with a positive price and a size that is not negative, nor zero in a snapshot;
     * else the dead letter "field '{@code where}' has a non-positive {@code price} or a negative
     * {@code size}" (or "a non-positive {@code size} in a snapshot"), in the venue's words.
     */
    public static void requireLevel(String where, long price, long size, boolean snapshot, String priceName,
            String sizeName) throws DecodeException {
        if (price <= 0 || size < 0 || snapshot && size == 0) {
            throw new DecodeException("field '" + where + "' has a non-positive " + priceName + " or "
                    + (snapshot ? "a non-positive " + sizeName + " in a snapshot" : "a negative " + sizeName));
        }
    }

    /** A trade with a positive price and size, else the dead letter {@code reason}; returns the trade. */
    public static MarketEvent requirePositiveTrade(MarketEvent ev, String reason) throws DecodeException {
        if (ev.price <= 0 || ev.size <= 0) {
            throw new DecodeException(reason);
        }
        return ev;
    }

    /**
     * {@link #requirePositiveTrade} for a trade of a list: the reason "field '{@code where}' has a
     * non-positive price or {@code size}", built only when it is one.
     */
    public static MarketEvent requirePositiveTrade(MarketEvent ev, String where, String size) throws DecodeException {
        if (ev.price <= 0 || ev.size <= 0) {
            throw new DecodeException("field '" + where + "' has a non-positive price or " + size);
        }
        return ev;
    }
}
