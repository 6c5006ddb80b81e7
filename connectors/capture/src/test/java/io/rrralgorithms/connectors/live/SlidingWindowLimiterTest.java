package io.rrralgorithms.connectors.live;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** At most N acquisitions in any rolling window (the venue's messages-per-second limit). */
class SlidingWindowLimiterTest {

    @Test
    void neverMoreThanThePermitsInAnyWindow() throws Exception {
        SlidingWindowLimiter l = new SlidingWindowLimiter(5, Duration.ofMillis(200));
        List<Long> t = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < 16; i++) {
            l.acquire();
            t.add(System.nanoTime());
        }
        long took = System.nanoTime() - start;
        assertTrue(took >= 3 * 200_000_000L - 5_000_000L, "16 permits at 5 per 200 ms take >= 600 ms: " + took / 1e6);
        for (int i = 5; i < t.size(); i++) {
            assertTrue(t.get(i) - t.get(i - 5) >= 200_000_000L - 1_000_000L,
                    "6 acquisitions within one window at " + i);
        }
    }
}
