package io.rrralgorithms.connectors.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The replay's progress lines (not a console: one line each 5 s) on a clock the test moves. */
class ReplayProgressTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private ReplayProgress progress(long total, String pacing) {
        return new ReplayProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), total, () -> pacing,
                now::get, false);
    }

    private List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private void after(double seconds) {
        now.addAndGet((long) (seconds * 1e9));
    }

    @Test
    void noEtaFromTheFirstFramesThenOneFromTheElapsedTime() {
        ReplayProgress p = progress(1_000_000, "");
        after(5.0);
        p.update(1); // the producer's warm-up: 1 frame in 5 s would say "ETA 57 days"
        after(5.0);
        p.update(500_000);
        p.finish(1_000_000);

        List<String> l = lines();
        assertEquals(3, l.size(), String.join("\n", l));
        assertFalse(l.get(0).contains("ETA"), l.get(0));
        assertEquals("replay [###############               ]  50% 500,000 frames 50,000 frames/s ETA 10s", l.get(1));
        assertEquals("replay [##############################] 100% 1,000,000 frames 100,000 frames/s in 10.0 s", l.get(2));
    }

    @Test
    void aPacedReplaySaysWhereItIsInRecordedTime() {
        ReplayProgress p = progress(1_000, "×1 per feed");
        after(6.0);
        p.update(10, 65_000_000_000L);

        assertEquals(List.of("replay [                              ]   1% 10 frames 2 frames/s at recorded +1m 5s "
                + "paced ×1 per feed"), lines());
    }
}
