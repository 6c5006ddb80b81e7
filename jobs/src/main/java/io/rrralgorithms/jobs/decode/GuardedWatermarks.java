package io.rrralgorithms.jobs.decode;

import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.util.clock.Clock;

/**
 * Bounded-out-of-orderness watermarks per source split that one bad element cannot move: a dead
 * letter never counts, and an event counts at most {@link #MAX_LEAD_MS} past its own receive time.
 * The receive time is stamped by our capture at arrival, so however wrong a venue's clock is, a
 * partition's watermark stays within that lead of the wall clock of its frames (an exchange clock
 * further ahead only delays the watermark, it never makes later frames late). The frame guard
 * already dead-letters times beyond {@code --max-clock-skew-ms}; this bounds what gets through.
 *
 * <p><b>Live tails</b> ({@link #live}, unbounded sources only). Without them the watermark of a
 * feed that goes quiet waits for its next frame, and the last second and minute of every live
 * table stay open. A split is <em>live</em> while its frames reach the job within
 * {@code liveLagMs} of their receive time (a replay of older frames never is). Once a live split
 * has been silent for the out-of-orderness bound, its watermark follows the wall clock from its
 * last frame: {@code lastEventTime + (now - lastArrival) - bound}. So a second or a minute closes
 * once processing time has passed its end (as seen from the last frame) by the bound, just as the
 * next frame of a live feed would have closed it, and the rows are those a bounded run gives: the
 * watermark only closes what the frames opened. A live split never goes idle (it follows the clock
 * instead); a split that is not live goes idle after {@code idlenessMs} of silence, as
 * {@link org.apache.flink.api.common.eventtime.WatermarksWithIdleness} would make it.
 *
 * <p>Why the watermark and not a processing-time timer per key in the windowed stages: every stage
 * after the features orders by the watermark too (scoring's batches, trading's ordered merge of
 * books, trades and scores), so closing a second in the feature operator by a timer would still
 * leave its scores and orders waiting for the next frame, and a timer that closes a bucket while
 * the watermark lags would make a frame late in one stage and on time in the next.
 */
public final class GuardedWatermarks implements WatermarkGenerator<MarketEvent> {
    /** The captures lead their receive time by 1.5 s at most (Binance USDⓈ-M). */
    public static final long MAX_LEAD_MS = 5_000L;

    private final long outOfOrdernessMs;
    /** Null: watermarks from the frames only (bounded sources). */
    private final Clock clock;
    private final long idlenessMs;
    private final long liveLagMs;
    private long maxTimestamp;
    private long lastArrivalMs;
    private boolean live;
    /** Watermarks never go back, not even when a frame ends a stretch of following the clock. */
    private long emitted = Long.MIN_VALUE;

    public GuardedWatermarks(long outOfOrdernessMs) {
        this(outOfOrdernessMs, null, 0L, 0L);
    }

    private GuardedWatermarks(long outOfOrdernessMs, Clock clock, long idlenessMs, long liveLagMs) {
        this.outOfOrdernessMs = outOfOrdernessMs;
        this.clock = clock;
        this.idlenessMs = idlenessMs;
        this.liveLagMs = liveLagMs;
        this.maxTimestamp = Long.MIN_VALUE + outOfOrdernessMs + 1;
        this.lastArrivalMs = clock == null ? 0L : clock.absoluteTimeMillis();
    }

    /**
     * Watermarks of an unbounded source: live tails (see the class comment), and idleness for the
     * splits that are not live.
     *
     * @param idlenessMs a split that is not live and silent this long is idle; 0: never
     * @param liveLagMs a split whose last frame arrived within this of its receive time is live; 0: never
     */
    public static GuardedWatermarks live(long outOfOrdernessMs, long idlenessMs, long liveLagMs, Clock clock) {
        return new GuardedWatermarks(outOfOrdernessMs, clock, idlenessMs, liveLagMs);
    }

    /** The time {@code ev} may advance a watermark to; {@link Long#MIN_VALUE} when it must not. */
    public static long watermarkTime(MarketEvent ev) {
        if (ev.type == EventType.DECODE_ERROR || ev.type == EventType.INSTRUMENT) {
            return Long.MIN_VALUE; // no market time: an instrument frame takes its first frame's receive time
        }
        long t = ev.eventTimeMs();
        return ev.receiveTimeNs > 0 ? Math.min(t, ev.receiveTimeNs / 1_000_000L + MAX_LEAD_MS) : t;
    }

    @Override
    public void onEvent(MarketEvent ev, long eventTimestamp, WatermarkOutput output) {
        long t = watermarkTime(ev);
        if (t > maxTimestamp) {
            maxTimestamp = t;
        }
        if (clock != null) {
            long now = clock.absoluteTimeMillis();
            lastArrivalMs = now; // any frame, a dead letter too, shows the split is not idle
            if (t != Long.MIN_VALUE) {
                live = liveLagMs > 0 && ev.receiveTimeNs > 0 && now - ev.receiveTimeNs / 1_000_000L <= liveLagMs;
            }
        }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        long watermark = maxTimestamp - outOfOrdernessMs - 1;
        if (clock != null) {
            long quiet = clock.absoluteTimeMillis() - lastArrivalMs;
            if (live && quiet >= outOfOrdernessMs) {
                watermark = Math.max(watermark, maxTimestamp + quiet - outOfOrdernessMs - 1);
            } else if (!live && idlenessMs > 0 && quiet >= idlenessMs) {
                output.markIdle();
                return;
            }
        }
        emitted = Math.max(emitted, watermark);
        output.emitWatermark(new Watermark(emitted));
    }
}
