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
