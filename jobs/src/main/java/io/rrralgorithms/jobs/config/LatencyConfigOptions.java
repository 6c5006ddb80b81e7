package io.rrralgorithms.jobs.config;

import static org.apache.flink.configuration.ConfigOptions.key;

import org.apache.flink.configuration.ConfigOption;

/**
 * The job's low-latency settings: how long records may wait between tasks and how often
 * watermarks move. {@link io.rrralgorithms.jobs.MarketDataJob} applies them to the environment;
 * the sinks' flush interval is {@code --jdbc-batch-interval-ms}.
 *
 * <p>Object reuse is safe in this job: Flink deserializes every network input into a new object
 * (its {@code AbstractStreamTaskNetworkInput} never reuses), so the books and windows that keep
 * events in heap state always hold their own; reuse only drops the defensive copy between chained
 * operators, none of which keeps or changes its input except the JDBC sinks, which copy buffered
 * rows themselves when reuse is on ({@code QuarantiningJdbcSink}).
 */
public final class LatencyConfigOptions {
    private LatencyConfigOptions() {}

    public static final ConfigOption<Long> BUFFER_TIMEOUT_MS = key("rrr.latency.buffer-timeout-ms").longType()
            .defaultValue(1L)
            .withDescription("a partly filled network buffer is sent to the next task after at most this long "
                    + "(Flink's execution.buffer-timeout.interval, whose own default is 100 ms); 0 = after every "
                    + "record: the lowest latency, the most CPU");

    public static final ConfigOption<Long> WATERMARK_INTERVAL_MS = key("rrr.latency.watermark-interval-ms").longType()
            .defaultValue(50L)
            .withDescription("how often the sources emit watermarks (Flink's pipeline.auto-watermark-interval, "
                    + "default 200 ms): the event-time aggregates close this much sooner");

    public static final ConfigOption<Boolean> OBJECT_REUSE = key("rrr.latency.object-reuse").booleanType()
            .defaultValue(true)
            .withDescription("chained operators hand records on without copying them (Flink's pipeline.object-reuse, "
                    + "default off): the source chain copied every event once per output by reflection");
}
