package io.rrralgorithms.connectors.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Exponential backoff with full jitter: the caps, the bounds of every draw, and the spread. */
class BackoffTest {

    @Test
    void capDoublesFromBaseUpToMax() {
        Backoff b = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), () -> 0.5);
        List<Long> caps = IntStream.range(0, 9).mapToObj(b::capMs).toList();
        assertEquals(List.of(500L, 1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L, 30000L), caps);
        assertEquals(30000L, b.capMs(63)); // no overflow however many retries
        assertEquals(30000L, b.capMs(1000));
    }

    @Test
    void everyDelayIsWithinZeroAndTheCap() {
        for (double r : new double[] {0.0, 1e-12, 0.5, 0.999999999999}) {
            Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofMillis(5000), () -> r);
            for (int n = 0; n < 70; n++) {
                long d = b.delayMs(n);
                assertTrue(d >= 0 && d <= b.capMs(n), "attempt " + n + " r=" + r + ": " + d);
            }
        }
        Backoff low = new Backoff(Duration.ofMillis(100), Duration.ofMillis(5000), () -> 0.0);
        assertEquals(0L, low.delayMs(5)); // full jitter reaches 0 ...
        Backoff high = new Backoff(Duration.ofMillis(100), Duration.ofMillis(5000), () -> 0.999999999999);
        assertEquals(3200L, high.delayMs(5)); // ... and the cap
        assertEquals(5000L, high.delayMs(6));
    }

    @Test
    void delaysSpreadOverTheWholeRange() {
        Random r = new Random(42);
        Backoff b = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10), r::nextDouble);
        long min = Long.MAX_VALUE;
        long max = 0;
        double sum = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            long d = b.delayMs(4); // cap 3200
            min = Math.min(min, d);
            max = Math.max(max, d);
            sum += d;
        }
        assertTrue(min < 50, "min " + min);
        assertTrue(max > 3150 && max <= 3200, "max " + max);
        assertEquals(1600.0, sum / n, 40.0); // uniform: mean = cap / 2
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class,
                () -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(2)).delayMs(-1));
    }
}
