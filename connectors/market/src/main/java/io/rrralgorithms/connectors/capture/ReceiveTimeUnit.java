package io.rrralgorithms.connectors.capture;

/**
 * The unit of a capture's receive times, told from their magnitude: hftbacktest writes
 * nanoseconds, but its 2023 {@code .dat.gz}-era files hold microseconds, which read as
 * nanoseconds would put the data in January 1970.
 */
public enum ReceiveTimeUnit {
    NANOS("ns", 1L),
    MICROS("µs", 1_000L),
    MILLIS("ms", 1_000_000L);

    /** 2000-01-01 and 2100-01-01 in epoch seconds: the receive times a capture can plausibly hold. */
    private static final long FIRST_SECOND = 946_684_800L;
    private static final long LAST_SECOND = 4_102_444_800L;

    private final String symbol;
    private final long nanosPerUnit;

    ReceiveTimeUnit(String symbol, long nanosPerUnit) {
        this.symbol = symbol;
        this.nanosPerUnit = nanosPerUnit;
    }

    /** The unit in which {@code time} is a date of 2000..2100, or null where it is in none. */
    public static ReceiveTimeUnit of(long time) {
        for (ReceiveTimeUnit u : values()) {
            long perSecond = 1_000_000_000L / u.nanosPerUnit;
            if (time >= FIRST_SECOND * perSecond && time < LAST_SECOND * perSecond) {
                return u;
            }
        }
        return null;
    }

    public long toNanos(long time) {
        return time * nanosPerUnit;
    }

    public String symbol() {
        return symbol;
    }
}
