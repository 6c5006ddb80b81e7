package io.rrralgorithms.jobs.config;

import static org.apache.flink.configuration.ConfigOptions.key;

import io.rrralgorithms.connectors.adapters.FrameGuard;
import io.rrralgorithms.connectors.kafka.RawTopics;
import io.rrralgorithms.connectors.kafka.ResyncRequests;
import io.rrralgorithms.jobs.book.BookSynchronizer;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ReadableConfig;

/**
 * The market-data job's settings (sources, watermarks, books): the one place of their keys,
 * defaults and descriptions. {@code rrr run} / {@code rrr job} options, {@code -D key=value} and a
 * cluster's {@code config.yaml} all set these keys; {@link io.rrralgorithms.jobs.JobOptions} reads them.
 */
public final class JobConfigOptions {
    private JobConfigOptions() {}

    public static final ConfigOption<String> TOPIC_PREFIX = key("rrr.source.topic-prefix").stringType()
            .defaultValue(RawTopics.DEFAULT_PREFIX).withDescription("raw topics are <prefix><feed>");

    public static final ConfigOption<String> FROM = key("rrr.source.from").stringType().defaultValue("earliest")
            .withDescription("where to start reading: earliest, latest, committed (the group's offsets), "
                    + "timestamp:<ms|ISO instant>, offsets:<topic>:<partition>:<offset>[,...]");

    public static final ConfigOption<Long> WARM_UP_LOOK_BACK_MS = key("rrr.source.warm-up-look-back-ms").longType()
            .defaultValue(6 * 3_600_000L)
            .withDescription("a backfill from a start that is not the beginning (--from timestamp:, offsets:, committed) "
                    + "first rebuilds each instrument's book from its latest snapshot before the start, looked for this "
                    + "far back in the raw topics, and its features and bars from a minute before the start; it writes "
                    + "rows from the start on (a job that trades reads from the topics' beginning: its accounts are the "
                    + "sum of their history). 0: look from the beginning of the topics");

    public static final ConfigOption<String> GROUP_ID = key("rrr.source.group-id").stringType()
            .defaultValue("rrr-market-data")
            .withDescription("Kafka consumer group (offsets are committed on checkpoints)");

    public static final ConfigOption<Long> MAX_CLOCK_SKEW_MS = key("rrr.source.max-clock-skew-ms").longType()
            .defaultValue(FrameGuard.Limits.DEFAULT_MAX_CLOCK_SKEW_MS)
            .withDescription("a frame whose exchange time is further than this from its receive time is dead-lettered");

    public static final ConfigOption<Integer> MAX_FRAME_BYTES = key("rrr.source.max-frame-bytes").intType()
            .defaultValue(FrameGuard.Limits.DEFAULT_MAX_FRAME_BYTES)
            .withDescription("a WebSocket frame larger than this is dead-lettered unparsed; REST snapshots may be 4x "
                    + "larger");

    public static final ConfigOption<Long> OUT_OF_ORDERNESS_MS = key("rrr.watermark.out-of-orderness-ms").longType()
            .defaultValue(2_000L).withDescription("watermark bound on event-time disorder");

    public static final ConfigOption<Long> IDLENESS_MS = key("rrr.watermark.idleness-ms").longType()
            .defaultValue(10_000L).withDescription("a partition silent this long stops holding the watermark back");

    public static final ConfigOption<Long> LIVE_LAG_MS = key("rrr.watermark.live-lag-ms").longType()
            .defaultValue(60_000L).withDescription("live tails of an unbounded job: a partition whose frames reach the "
                    + "job within this of their receive time is live, and once it has been silent for the out-of-orderness "
                    + "bound its watermark follows the wall clock from its last frame, so the last second and minute of a "
                    + "quiet feed close that long after their end (a live partition never goes idle). A replay of older "
                    + "frames is never live. 0: off");

    public static final ConfigOption<Integer> DEPTH_LEVELS = key("rrr.book.depth-levels").intType().defaultValue(10)
            .withDescription("book levels kept in tops, samples and depth imbalance");

    public static final ConfigOption<Integer> MAX_BOOK_LEVELS = key("rrr.book.max-levels").intType()
            .defaultValue(BookSynchronizer.DEFAULT_MAX_BOOK_LEVELS)
            .withDescription("levels per side an instrument's book keeps where the venue has no window of its own "
                    + "(Kraken's subscribed depth and OKX's 400 always apply, never fewer than a checksum's depth): "
                    + "levels further from the top are pruned after every update, and come back only when an update "
                    + "or a snapshot names their price. Bounds the state per instrument. 0: every level");

    public static final ConfigOption<Integer> MAX_PENDING_DIFFS = key("rrr.book.max-pending-diffs").intType()
            .defaultValue(10_000).withDescription("diffs buffered per instrument while waiting for a snapshot");

    public static final ConfigOption<String> RESYNC_TOPIC = key("rrr.book.resync-topic").stringType().noDefaultValue()
            .withDescription("also write every book gap (sequence break, checksum mismatch) to this Kafka topic as a "
                    + "resync request {\"feed\",\"nativeSymbol\",\"reason\",\"exchangeTimeMs\",\"receiveTimeNs\"} for "
                    + "the live capture (rrr capture with resyncTopic). Unset: off (a live rrr run: " + ResyncRequests.DEFAULT_TOPIC + ")");

    /** What a frame may contain before it is dead-lettered (see {@link FrameGuard}). */
    public static FrameGuard.Limits frameLimits(ReadableConfig config) {
        int maxFrameBytes = config.get(MAX_FRAME_BYTES);
        return new FrameGuard.Limits(config.get(MAX_CLOCK_SKEW_MS), maxFrameBytes,
                (int) Math.min(Integer.MAX_VALUE, 4L * maxFrameBytes), FrameGuard.Limits.DEFAULT_MAX_NOTIONAL);
    }
}
