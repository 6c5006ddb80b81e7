package io.rrralgorithms.jobs.scoring;

import java.io.IOException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
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
        KafkaSourceBuilder<ModelAnnouncement> b = KafkaSource.<ModelAnnouncement>builder()
                .setBootstrapServers(bootstrapServers)
                .setTopics(topic)
                .setGroupId(groupId)
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setDeserializer(new AnnouncementDeserializer())
                .setProperty("partition.discovery.interval.ms", bounded ? "-1" : "60000")
                .setProperty("commit.offsets.on.checkpoint", "false");
        if (bounded) {
            b.setBounded(OffsetsInitializer.latest());
        }
        return b.build();
    }

    /** Creates the control topic (one partition: announcements stay in order) where missing. */
    public static void ensureTopic(String bootstrapServers, String topic) throws IOException {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        try (Admin admin = Admin.create(p)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(60, TimeUnit.SECONDS);
            LOG.info("created control topic {}", topic);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IOException("cannot create topic " + topic + " on " + bootstrapServers + ": "
                        + e.getCause().getMessage(), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted creating topic " + topic, e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IOException("timed out creating topic " + topic + " on " + bootstrapServers, e);
        }
    }

    /** Publishes an announcement (creating the topic where missing) and waits for the broker's ack. */
    public static void announce(String bootstrapServers, String topic, ModelAnnouncement a) throws IOException {
        ensureTopic(bootstrapServers, topic);
        publishRaw(bootstrapServers, topic, a.toJson());
    }

    /** Publishes raw bytes on the control topic (tests: malformed messages). */
    public static void publishRaw(String bootstrapServers, String topic, byte[] value) throws IOException {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(topic, 0, null, value)).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted publishing on " + topic, e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("cannot publish on " + topic + " at " + bootstrapServers + ": " + e.getMessage(), e);
        }
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
