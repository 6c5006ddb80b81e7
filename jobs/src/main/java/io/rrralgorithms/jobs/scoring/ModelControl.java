package io.rrralgorithms.jobs.scoring;

import io.rrralgorithms.connectors.flink.ControlTopicSource;
import io.rrralgorithms.connectors.kafka.ControlTopic;
import java.io.IOException;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model control topic: one partition of JSON {@link ModelAnnouncement}s, in announcement
 * order. The job reads it from the earliest offset, so a job started afresh replays the
 * announcements and ends on the latest one (a job restored from a checkpoint resumes at its
 * checkpointed offset and reloads the model kept in broadcast state).
 */
public final class ModelControl {
    private static final Logger LOG = LoggerFactory.getLogger(ModelControl.class);

    private ModelControl() {}

    /** Source of announcements; bounded: stops at the offsets latest at start (for bounded jobs). */
    public static KafkaSource<ModelAnnouncement> source(String bootstrapServers, String topic, String groupId,
            boolean bounded) {
        return source(bootstrapServers, Map.of(), topic, groupId, bounded);
    }

    /** The same with the user's Kafka client settings. */
    public static KafkaSource<ModelAnnouncement> source(String bootstrapServers, Map<String, String> kafkaProperties,
            String topic, String groupId, boolean bounded) {
        return ControlTopicSource.source(bootstrapServers, kafkaProperties, topic, groupId, bounded,
                new AnnouncementDeserializer());
    }

    /** Creates the control topic (one partition: announcements stay in order) where missing. */
    public static void ensureTopic(String bootstrapServers, String topic) throws IOException {
        ensureTopic(bootstrapServers, Map.of(), topic);
    }

    public static void ensureTopic(String bootstrapServers, Map<String, String> kafkaProperties, String topic)
            throws IOException {
        ControlTopic.ensure(bootstrapServers, kafkaProperties, topic);
    }

    /** Publishes an announcement (creating the topic where missing) and waits for the broker's ack. */
    public static void announce(String bootstrapServers, String topic, ModelAnnouncement a) throws IOException {
        announce(bootstrapServers, Map.of(), topic, a);
    }

    public static void announce(String bootstrapServers, Map<String, String> kafkaProperties, String topic,
            ModelAnnouncement a) throws IOException {
        ControlTopic.publish(bootstrapServers, kafkaProperties, topic, a.toJson(), null);
    }

    /** Publishes raw bytes on the control topic (tests: malformed messages). */
    public static void publishRaw(String bootstrapServers, String topic, byte[] value) throws IOException {
        ControlTopic.publish(bootstrapServers, topic, value, null);
    }

    /** JSON → announcement; a malformed message is logged and skipped, never fails the job. */
    static final class AnnouncementDeserializer implements KafkaRecordDeserializationSchema<ModelAnnouncement> {
        private static final Logger DLOG = LoggerFactory.getLogger(AnnouncementDeserializer.class);

        @Override
        public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<ModelAnnouncement> out) {
            byte[] v = record.value();
            ModelAnnouncement a;
            try {
                if (v == null) {
                    throw new IOException("empty message");
                }
                a = ModelAnnouncement.fromJson(v);
            } catch (IOException | RuntimeException e) {
                DLOG.warn("skipping malformed model announcement at {}-{}@{}: {}", record.topic(), record.partition(),
                        record.offset(), e.getMessage());
                return;
            }
            out.collect(a);
        }

        @Override
        public TypeInformation<ModelAnnouncement> getProducedType() {
            return TypeInformation.of(ModelAnnouncement.class);
        }
    }
}
