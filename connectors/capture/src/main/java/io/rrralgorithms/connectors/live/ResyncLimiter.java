package io.rrralgorithms.connectors.live;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * At most one resync per key (feed:symbol) per interval, coalescing bursts: the first request
 * runs at once; a request within the interval schedules one resync at the end of the interval;
 * every further request until that one has run is folded into it. A storm of gaps on one symbol
 * therefore costs the venue one request per interval, and the last gap of a burst is still
 * answered (never dropped for good).
 */
public final class ResyncLimiter {
    /** What to do with a request. */
    public record Decision(boolean coalesced, long delayNanos) {
        static final Decision COALESCED = new Decision(true, -1);
    }

    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final Map<String, long[]> state = new HashMap<>(); // {next allowed nanoTime, pending 0/1}

    public ResyncLimiter(Duration interval) {
        this(interval, System::nanoTime);
    }

    ResyncLimiter(Duration interval, LongSupplier nanoClock) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("negative resync interval");
        }
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
    }

    /**
     * A request for {@code key}: {@link Decision#coalesced()} when a resync is already scheduled
     * (nothing to do), else run after {@link Decision#delayNanos()} (0: now) and call
     * {@link #fired(String)} when it runs.
     */
    public synchronized Decision request(String key) {
        long now = nanoClock.getAsLong();
        long[] s = state.computeIfAbsent(key, k -> new long[] {Long.MIN_VALUE, 0});
        if (s[1] != 0) {
            return Decision.COALESCED;
        }
        s[1] = 1;
        if (s[0] == Long.MIN_VALUE || now - s[0] >= 0) {
            s[0] = now + intervalNanos;
            return new Decision(false, 0);
        }
        long delay = s[0] - now;
        s[0] += intervalNanos;
        return new Decision(false, delay);
    }

    /** The scheduled resync of {@code key} is running: later requests schedule a new one. */
    public synchronized void fired(String key) {
        long[] s = state.get(key);
        if (s != null) {
            s[1] = 0;
        }
    }
}
