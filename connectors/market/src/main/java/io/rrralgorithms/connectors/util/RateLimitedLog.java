package io.rrralgorithms.connectors.util;

import org.slf4j.Logger;

/**
 * A WARN line on a per-record path at most once per interval, with how many were held back since
 * the last one: a feed of bad frames must not write a line per frame (3,451 lines for one wrong
 * {@code --feed}). Log4j's BurstFilter would drop lines silently and for the whole logger; this
 * counts what it suppresses, per call site. Not thread-safe: one per operator instance.
 */
public final class RateLimitedLog {
    private final Logger log;
    private final long intervalNs;
    private long nextNs = Long.MIN_VALUE;
    private long suppressed;

    public RateLimitedLog(Logger log, long intervalMs) {
        this.log = log;
        this.intervalNs = intervalMs * 1_000_000L;
    }

    /**
     * Logs {@code format} with {@code args} if the interval has passed since the last line (the first
     * call always logs).
     *
     * @return whether this call wrote a line
     */
    public boolean warn(String format, Object... args) {
        long now = System.nanoTime();
        if (nextNs != Long.MIN_VALUE && now - nextNs < 0) {
            suppressed++;
            return false;
        }
        nextNs = now + intervalNs;
        if (suppressed > 0) {
            log.warn(format + " (and {} more like it since the last such line)", append(args, suppressed));
            suppressed = 0;
        } else {
            log.warn(format, args);
        }
        return true;
    }

    /** At the end: one line with how many {@code what} were held back since the last line, if any. */
    public void flush(String what) {
        if (suppressed > 0) {
            log.warn("{} more {} since the last such line", suppressed, what);
            suppressed = 0;
        }
    }

    private static Object[] append(Object[] args, Object last) {
        Object[] out = new Object[args.length + 1];
        System.arraycopy(args, 0, out, 0, args.length);
        out[args.length] = last;
        return out;
    }
}
