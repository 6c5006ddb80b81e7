package io.rrralgorithms.jobs.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.model.MarketEvent;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.util.clock.ManualClock;
import org.junit.jupiter.api.Test;

/** The live tails of {@link GuardedWatermarks#live}, on a manual clock (no test waits). */
class GuardedWatermarksTest {
    static final long BOUND = 2_000L;
    static final long IDLE = 10_000L;
    static final long LAG = 60_000L;

    /** What the generator last emitted. */
    static final class Output implements WatermarkOutput {
        long watermark = Long.MIN_VALUE;
        boolean idle;

        @Override
        public void emitWatermark(Watermark w) {
            watermark = w.getTimestamp();
            idle = false;
        }

        @Override
        public void markIdle() {
            idle = true;
        }

        @Override
        public void markActive() {
            idle = false;
        }
    }

    static MarketEvent trade(long exchangeMs, long receiveMs) {
        MarketEvent e = MarketEvent.trade("binance-spot", "BTCUSDT", "BTC-USDT", receiveMs * 1_000_000L);
        e.exchangeTimeMs = exchangeMs;
        return e;
    }

    static ManualClock clockAt(long ms) {
        return new ManualClock(TimeUnit.MILLISECONDS.toNanos(ms));
    }

    @Test
    void aQuietLiveSplitFollowsTheWallClockFromItsLastFrame() {
        long t = 1_700_000_000_000L;
        ManualClock clock = clockAt(t);
        GuardedWatermarks w = GuardedWatermarks.live(BOUND, IDLE, LAG, clock);
        Output out = new Output();
        w.onEvent(trade(t - 50, t - 20), 0, out);
        w.onPeriodicEmit(out);
        assertEquals(t - 50 - BOUND - 1, out.watermark, "frames flowing: the bound as for a bounded run");

        clock.advanceTime(BOUND - 1, TimeUnit.MILLISECONDS);
        w.onPeriodicEmit(out);
        assertEquals(t - 50 - BOUND - 1, out.watermark, "silent for less than the bound: no change");

        clock.advanceTime(61_000L, TimeUnit.MILLISECONDS);
        w.onPeriodicEmit(out);
        long quiet = BOUND - 1 + 61_000L;
        assertEquals(t - 50 + quiet - BOUND - 1, out.watermark, "silent: last frame's time + silence - bound");
        assertFalse(out.idle, "a live split follows the clock, it never goes idle");

        // the next frame: the watermark does not go back to its own bound
        long before = out.watermark;
        w.onEvent(trade(t - 50 + quiet - 10, t + quiet - 5), 0, out);
        w.onPeriodicEmit(out);
        assertEquals(before, out.watermark);
    }

    /** The rule: a second closes once processing time has passed its end by the bound. */
    @Test
    void theLastSecondClosesTheBoundAfterItsEnd() {
        long secondStart = 1_700_000_000_000L;
        long last = secondStart + 300; // the last frame, in second [secondStart, secondStart + 1000)
        ManualClock clock = clockAt(last + 40);
        GuardedWatermarks w = GuardedWatermarks.live(BOUND, IDLE, LAG, clock);
        Output out = new Output();
        w.onEvent(trade(last, last + 10), 0, out);
        long arrival = last + 40;
        // the feature timer of the second fires at a watermark of secondStart + 999
        long closesAt = arrival + (secondStart + 1000 - last) + BOUND;
        clock.advanceTime(closesAt - arrival - 1, TimeUnit.MILLISECONDS);
        w.onPeriodicEmit(out);
        assertTrue(out.watermark < secondStart + 999, "closed early: " + out.watermark);
        clock.advanceTime(1, TimeUnit.MILLISECONDS);
        w.onPeriodicEmit(out);
        assertEquals(secondStart + 999, out.watermark);
    }

    @Test
    void aReplayOfOlderFramesNeverFollowsTheClockAndGoesIdle() {
        long recorded = 1_723_161_255_000L;
        ManualClock clock = clockAt(recorded + 86_400_000L * 100); // replayed 100 days later
        GuardedWatermarks w = GuardedWatermarks.live(BOUND, IDLE, LAG, clock);
        Output out = new Output();
        w.onEvent(trade(recorded, recorded - 5), 0, out);
        clock.advanceTime(IDLE - 1, TimeUnit.MILLISECONDS);
        w.onPeriodicEmit(out);
        assertEquals(recorded - BOUND - 1, out.watermark);
        assertFalse(out.idle);
        clock.advanceTime(1, TimeUnit.MILLISECONDS);
        w.onPeriodicEmit(out);
        assertTrue(out.idle, "silent for the idleness: idle, as Flink's idleness would mark it");
        assertEquals(recorded - BOUND - 1, out.watermark);
    }

    @Test
    void liveLagZeroTurnsTheLiveTailsOff() {
        long t = 1_700_000_000_000L;
        ManualClock clock = clockAt(t);
        GuardedWatermarks w = GuardedWatermarks.live(BOUND, IDLE, 0L, clock);
        Output out = new Output();
        w.onEvent(trade(t - 50, t - 20), 0, out);
        clock.advanceTime(5_000L, TimeUnit.MILLISECONDS);
        w.onPeriodicEmit(out);
        assertEquals(t - 50 - BOUND - 1, out.watermark);
    }

    @Test
    void aSplitWithoutFramesGoesIdleAfterTheIdleness() {
        ManualClock clock = clockAt(1_700_000_000_000L);
        GuardedWatermarks w = GuardedWatermarks.live(BOUND, IDLE, LAG, clock);
        Output out = new Output();
        w.onPeriodicEmit(out);
        assertFalse(out.idle);
        clock.advanceTime(IDLE, TimeUnit.MILLISECONDS);
        w.onPeriodicEmit(out);
        assertTrue(out.idle);
    }

    @Test
    void deadLettersDoNotMakeASplitLiveNorMoveItsWatermark() {
        long t = 1_700_000_000_000L;
        ManualClock clock = clockAt(t);
        GuardedWatermarks w = GuardedWatermarks.live(BOUND, IDLE, LAG, clock);
        Output out = new Output();
        w.onEvent(MarketEvent.decodeError("binance-spot", "BTCUSDT", t * 1_000_000L, "bad", new byte[0]), 0, out);
        clock.advanceTime(BOUND + 5_000L, TimeUnit.MILLISECONDS);
        w.onPeriodicEmit(out);
        assertTrue(out.watermark < 0, "a dead letter moved the watermark: " + out.watermark);
    }
}
