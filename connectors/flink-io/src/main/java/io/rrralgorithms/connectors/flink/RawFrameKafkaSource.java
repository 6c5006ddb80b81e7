package io.rrralgorithms.connectors.flink;

import io.rrralgorithms.connectors.adapters.FrameGuard;
import io.rrralgorithms.connectors.kafka.KafkaClientProperties;
import io.rrralgorithms.connectors.kafka.RawTopics;
import io.rrralgorithms.connectors.model.MarketEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;

/**
 * Builds the {@link KafkaSource} over the raw topics of the given feeds, decoding at the source.
 * Start from the earliest offsets, from a timestamp, or from given offsets; bounded (stop at the
 * offsets that are latest when the job starts: a backfill) or unbounded (live).
 */
public final class RawFrameKafkaSource {
    private String bootstrapServers = "127.0.0.1:9092";
    private String topicPrefix = RawTopics.DEFAULT_PREFIX;
    private final List<String> feeds = new ArrayList<>();
    private String groupId = "rrr-market-data";
    private OffsetsInitializer starting = OffsetsInitializer.earliest();
    private boolean bounded;
    private FrameGuard.Limits frameLimits = FrameGuard.Limits.defaults();
    private final Properties extra = new Properties();

    private RawFrameKafkaSource() {}

    public static RawFrameKafkaSource builder() {
        return new RawFrameKafkaSource();
    }

    public RawFrameKafkaSource bootstrapServers(String s) {
        this.bootstrapServers = s;
        return this;
    }

    public RawFrameKafkaSource topicPrefix(String p) {
        this.topicPrefix = p;
        return this;
    }

    public RawFrameKafkaSource feeds(List<String> f) {
        this.feeds.addAll(f);
        return this;
    }

    public RawFrameKafkaSource groupId(String g) {
        this.groupId = g;
        return this;
    }

    public RawFrameKafkaSource startingFromEarliest() {
        this.starting = OffsetsInitializer.earliest();
        return this;
    }

    public RawFrameKafkaSource startingFromLatest() {
        this.starting = OffsetsInitializer.latest();
        return this;
    }

    public RawFrameKafkaSource startingFromTimestamp(long epochMs) {
        this.starting = OffsetsInitializer.timestamp(epochMs);
        return this;
    }

    /** Explicit offsets; partitions not listed start from the earliest offset. */
    public RawFrameKafkaSource startingFromOffsets(Map<TopicPartition, Long> offsets) {
        this.starting = OffsetsInitializer.offsets(offsets, OffsetResetStrategy.EARLIEST);
        return this;
    }

    /**
     * Parses a start position: {@code earliest}, {@code latest}, {@code committed} (the consumer
     * group's committed offsets), {@code timestamp:<epoch ms or
     * ISO-8601 instant>}, or {@code offsets:<topic>:<partition>:<offset>[,...]}.
     */
    public RawFrameKafkaSource startingFrom(String position) {
        String p = position.trim();
        if (p.equals("earliest")) {
            return startingFromEarliest();
        }
        if (p.equals("latest")) {
            return startingFromLatest();
        }
        if (p.equals("committed")) { // the group's committed offsets, earliest where it has none
            this.starting = OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
            return this;
        }
        if (p.startsWith("timestamp:")) {
            return startingFromTimestamp(parseTimestamp(p.substring("timestamp:".length())));
        }
        if (p.startsWith("offsets:")) {
            return startingFromOffsets(parseOffsets(p.substring("offsets:".length())));
        }
        throw new IllegalArgumentException("bad start position '" + position
                + "': use earliest, latest, committed, timestamp:<ms|ISO instant> or offsets:<topic>:<partition>:<offset>,...");
    }

    /** The time of {@code timestamp:<epoch ms or ISO-8601 instant>}, without the prefix. */
    public static long parseTimestamp(String t) {
        return t.chars().allMatch(Character::isDigit) ? Long.parseLong(t) : Instant.parse(t).toEpochMilli();
    }

    /** The offsets of {@code offsets:<topic>:<partition>:<offset>[,...]}, without the prefix. */
    public static Map<TopicPartition, Long> parseOffsets(String list) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (String item : list.split(",")) {
            int b = item.lastIndexOf(':');
            int a = item.lastIndexOf(':', b - 1);
            if (a <= 0 || b <= a) {
                throw new IllegalArgumentException("bad offset '" + item + "', expected topic:partition:offset");
            }
            offsets.put(new TopicPartition(item.substring(0, a), Integer.parseInt(item.substring(a + 1, b))),
                    Long.parseLong(item.substring(b + 1)));
        }
        return offsets;
    }

    /** What a frame may contain before the deserializer dead-letters it. */
    public RawFrameKafkaSource frameLimits(FrameGuard.Limits limits) {
        this.frameLimits = limits;
        return this;
    }

    public RawFrameKafkaSource bounded(boolean b) {
        this.bounded = b;
        return this;
    }

    public RawFrameKafkaSource property(String key, String value) {
        extra.setProperty(key, value);
        return this;
    }

    /** The user's client settings ({@link KafkaClientProperties}), over the source's own. */
    public RawFrameKafkaSource properties(Map<String, String> kafkaProperties) {
        KafkaClientProperties.check(kafkaProperties);
        kafkaProperties.forEach((k, v) -> extra.setProperty(k.trim(), v));
        return this;
    }

    public KafkaSource<MarketEvent> build() {
        if (feeds.isEmpty()) {
            throw new IllegalStateException("no feeds given");
        }
        List<String> topics = feeds.stream().map(f -> RawTopics.topicOf(topicPrefix, f)).toList();
        KafkaSourceBuilder<MarketEvent> b = KafkaSource.<MarketEvent>builder()
                .setBootstrapServers(bootstrapServers)
                .setTopics(topics)
                .setGroupId(groupId)
                .setStartingOffsets(starting)
                .setDeserializer(new DecodingRawFrameDeserializer(topicPrefix, frameLimits))
                // REST snapshots can be large; never truncate a fetch below one of them
                .setProperty("max.partition.fetch.bytes", String.valueOf(16 * 1024 * 1024))
                .setProperty("partition.discovery.interval.ms", bounded ? "-1" : "60000")
                .setProperty("commit.offsets.on.checkpoint", "true");
        extra.forEach((k, v) -> b.setProperty((String) k, (String) v));
        if (bounded) {
            b.setBounded(OffsetsInitializer.latest());
        }
        return b.build();
    }
}
