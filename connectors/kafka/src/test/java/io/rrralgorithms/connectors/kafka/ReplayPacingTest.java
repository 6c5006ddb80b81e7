package io.rrralgorithms.connectors.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReplayPacingTest {
    private static final long S = 1_000_000_000L;
    private static final long WEEKS = 21L * 86_400 * S;

    @Test
    void perFeedClocksStartTogetherAndKeepTheirOwnPauses() {
        ReplayPacing p = new ReplayPacing(10, ReplayPacing.Mode.PER_FEED, Duration.ofSeconds(60));
        assertEquals(0, p.clockNs("spot", WEEKS));
        assertEquals(0, p.clockNs("usdm", 0));
        assertEquals(2 * S, p.clockNs("spot", WEEKS + 2 * S));
        assertEquals(5 * S, p.clockNs("usdm", 5 * S));
        assertEquals(S / 2, p.dueAfterNs(5 * S)); // ten times faster
        assertEquals(0, p.skippedPauses());
        assertEquals("×10 per feed", p.describe());
    }

    @Test
    void alignedKeepsTheDistanceBetweenFeedsButCutsAGapBetweenRecordings() {
        ReplayPacing p = new ReplayPacing(2, ReplayPacing.Mode.ALIGNED, Duration.ofSeconds(60));
        assertEquals(0, p.clockNs("usdm", 0));
        assertEquals(30 * S, p.clockNs("spot", 30 * S)); // under the bound: kept
        assertEquals(30 * S, p.clockNs("spot", WEEKS)); // three weeks later: not slept through
        assertEquals(31 * S, p.clockNs("usdm", WEEKS + S));
        assertEquals(1, p.skippedPauses());
        assertEquals("×2 aligned, 1 pause > 60s cut (20d 23h)", p.describe());
    }

    @Test
    void aPauseWithinAFeedOverTheBoundIsCutAndAClockNeverGoesBack() {
        ReplayPacing p = new ReplayPacing(1.5, ReplayPacing.Mode.PER_FEED, Duration.ofSeconds(60));
        p.clockNs("a", 100 * S);
        assertEquals(60 * S, p.clockNs("a", 160 * S)); // exactly the bound: kept
        assertEquals(60 * S, p.clockNs("a", 400 * S)); // 240 s of silence: a new recording
        assertEquals(60 * S, p.clockNs("a", 399 * S)); // receive time stepped back: no negative pause
        assertEquals(61 * S, p.clockNs("a", 401 * S));
        assertEquals("×1.5 per feed, 1 pause > 60s cut (4m 0s)", p.describe());
    }

    @Test
    void notPacedSaysNothingAndBadSettingsAreRefused() {
        assertEquals("", new ReplayPacing(0, ReplayPacing.Mode.PER_FEED, Duration.ofSeconds(60)).describe());
        assertEquals(ReplayPacing.Mode.ALIGNED, ReplayPacing.Mode.parse("Aligned"));
        assertThrows(IllegalArgumentException.class, () -> ReplayPacing.Mode.parse("together"));
        assertThrows(IllegalArgumentException.class,
                () -> new ReplayPacing(-1, ReplayPacing.Mode.PER_FEED, Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> new ReplayPacing(1, ReplayPacing.Mode.PER_FEED, Duration.ofSeconds(-1)));
    }
}
