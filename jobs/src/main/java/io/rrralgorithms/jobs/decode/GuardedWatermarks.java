package io.rrralgorithms.jobs.decode;

import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * Bounded-out-of-orderness watermarks per source split that one bad element cannot move: a dead
 * letter never counts, and an event counts at most {@link #MAX_LEAD_MS} past its own receive time.
 * The receive time is stamped by our capture at arrival, so however wrong a venue's clock is, a
 * partition's watermark stays within that lead of the wall clock of its frames (an exchange clock
 * further ahead only delays the watermark, it never makes later frames late). The frame guard
 * already dead-letters times beyond {@code --max-clock-skew-ms}; this bounds what gets through.
 */
public final class GuardedWatermarks implements WatermarkGenerator<MarketEvent> {
    /** The captures lead their receive time by 1.5 s at most (Binance USDⓈ-M). */
    public static final long MAX_LEAD_MS = 5_000L;

    private final long outOfOrdernessMs;
    private long maxTimestamp;

    public GuardedWatermarks(long outOfOrdernessMs) {
        this.outOfOrdernessMs = outOfOrdernessMs;
        this.maxTimestamp = Long.MIN_VALUE + outOfOrdernessMs + 1;
    }

    /** The time {@code ev} may advance a watermark to; {@link Long#MIN_VALUE} when it must not. */
    public static long watermarkTime(MarketEvent ev) {
        if (ev.type == EventType.DECODE_ERROR) {
            return Long.MIN_VALUE;
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
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        output.emitWatermark(new Watermark(maxTimestamp - outOfOrdernessMs - 1));
    }
}
