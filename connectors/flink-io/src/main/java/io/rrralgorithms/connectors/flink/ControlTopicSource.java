package io.rrralgorithms.connectors.flink;

import io.rrralgorithms.connectors.kafka.ControlTopic;
import io.rrralgorithms.connectors.kafka.KafkaClientProperties;
import java.util.Map;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;

/**
 * The Flink source of a {@link ControlTopic} (model announcements, risk commands): from the
 * earliest offset, offsets never committed, so a job started afresh replays every message.
 */
public final class ControlTopicSource {
    private ControlTopicSource() {}

    /** The source; bounded: stops at the offsets that are latest at start (for bounded jobs). */
    public static <T> KafkaSource<T> source(String bootstrapServers, String topic, String groupId, boolean bounded,
            KafkaRecordDeserializationSchema<T> deserializer) {
        return source(bootstrapServers, Map.of(), topic, groupId, bounded, deserializer);
    }

    /** The same with the user's client settings ({@link KafkaClientProperties}). */
    public static <T> KafkaSource<T> source(String bootstrapServers, Map<String, String> kafkaProperties, String topic,
            String groupId, boolean bounded, KafkaRecordDeserializationSchema<T> deserializer) {
        KafkaSourceBuilder<T> b = KafkaSource.<T>builder()
                .setBootstrapServers(bootstrapServers)
                .setTopics(topic)
                .setGroupId(groupId)
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setDeserializer(deserializer)
                .setProperty("partition.discovery.interval.ms", bounded ? "-1" : "60000")
                .setProperty("commit.offsets.on.checkpoint", "false");
        KafkaClientProperties.check(kafkaProperties);
        kafkaProperties.forEach((k, v) -> b.setProperty(k.trim(), v));
        if (bounded) {
            b.setBounded(OffsetsInitializer.latest());
        }
        return b.build();
    }

}
