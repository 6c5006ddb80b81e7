package io.rrralgorithms.connectors.live;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * At most {@code permits} acquisitions in any rolling window of {@code windowNanos}: a caller
 * that would exceed it waits. Thread-safe; waiting is interruptible.
 */
public final class SlidingWindowLimiter {
    private final int permits;
    private final long windowNanos;
    private final ArrayDeque<Long> granted = new ArrayDeque<>();
    private final LongSupplier clock;

    public SlidingWindowLimiter(int permits, Duration window) {
        this(permits, window, System::nanoTime);
    }

    SlidingWindowLimiter(int permits, Duration window, LongSupplier clock) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be >= 1");
        }
        this.permits = permits;
        this.windowNanos = window.toNanos();
        this.clock = clock;
    }

    /** Waits until one more acquisition keeps the window within its permits, and takes it. */
    public void acquire() throws InterruptedException {
        while (true) {
            long waitNanos;
            synchronized (this) {
                long now = clock.getAsLong();
                while (!granted.isEmpty() && now - granted.peekFirst() >= windowNanos) {
                    granted.pollFirst();
                }
                if (granted.size() < permits) {
                    granted.addLast(now);
                    return;
                }
                waitNanos = granted.peekFirst() + windowNanos - now;
            }
            TimeUnit.NANOSECONDS.sleep(Math.max(waitNanos, 100_000L));
        }
    }
}
