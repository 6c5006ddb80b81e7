package io.rrralgorithms.connectors.live;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter: the n-th retry (n from 0) waits a uniformly random time
 * in {@code [0, min(max, base * 2^n)]} ("full jitter": reconnecting clients spread out instead of
 * hitting the venue in waves).
 */
public final class Backoff {
    private final long baseMs;
    private final long maxMs;
    private final DoubleSupplier random;

    /** @param random uniform in [0, 1) */
    public Backoff(Duration base, Duration max, DoubleSupplier random) {
        if (base.isNegative() || base.isZero()) {
            throw new IllegalArgumentException("backoff base must be > 0, got " + base);
        }
        if (max.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff max (" + max + ") must be >= base (" + base + ")");
        }
        this.baseMs = base.toMillis();
        this.maxMs = max.toMillis();
        this.random = random;
    }

    public Backoff(Duration base, Duration max) {
        this(base, max, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** The upper bound of the n-th retry's wait: {@code min(max, base * 2^n)}. */
    public long capMs(int attempt) {
        if (attempt < 0) {
            throw new IllegalArgumentException("attempt must be >= 0");
        }
        if (attempt >= 62 || baseMs > (maxMs >> Math.min(attempt, 62))) {
            return maxMs; // base * 2^n would pass max (or overflow)
        }
        return Math.min(maxMs, baseMs << attempt);
    }

    /** The wait before the n-th retry (n from 0), in ms. */
    public long delayMs(int attempt) {
        long cap = capMs(attempt);
        double r = random.getAsDouble();
        return Math.min(cap, (long) Math.floor(r * (cap + 1)));
    }

    public long baseMs() {
        return baseMs;
    }

    public long maxMs() {
        return maxMs;
    }
}
