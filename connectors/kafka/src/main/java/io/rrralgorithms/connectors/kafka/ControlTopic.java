package io.rrralgorithms.connectors.kafka;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A control topic (model announcements, risk commands): one partition, so messages stay in
 * order; read from the earliest offset, so a job started afresh replays every message and ends in
 * the latest state (a job restored from a checkpoint resumes at its checkpointed offset). The Flink
 * source that reads it is {@code io.rrralgorithms.connectors.flink.ControlTopicSource} (rrr-flink-io).
 */
public final class ControlTopic {
    private ControlTopic() {}

    /** Creates the topic with one partition where missing. */
    public static void ensure(String bootstrapServers, String topic) throws IOException {
        ensure(bootstrapServers, Map.of(), topic);
    }

    public static void ensure(String bootstrapServers, Map<String, String> kafkaProperties, String topic)
            throws IOException {
        KafkaTopics.ensure(bootstrapServers, kafkaProperties, List.of(topic), 1);
    }

    public static void publish(String bootstrapServers, String topic, byte[] value, Long timestampMs)
            throws IOException {
        publish(bootstrapServers, Map.of(), topic, value, timestampMs);
    }

    /**
     * Publishes one message (creating the topic where missing) and waits for the broker's ack.
     *
     * @param timestampMs the record timestamp (the event time a command applies at); null: now
     */
    public static void publish(String bootstrapServers, Map<String, String> kafkaProperties, String topic, byte[] value,
            Long timestampMs) throws IOException {
        ensure(bootstrapServers, kafkaProperties, topic);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties(bootstrapServers,
                kafkaProperties))) {
            producer.send(new ProducerRecord<>(topic, 0, timestampMs, null, value)).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted publishing on " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("cannot publish on " + topic + " at " + bootstrapServers + ": " + e.getMessage(), e);
        }
    }

    /** The producer of {@link #publish}: acks from all replicas, the user's settings over it. */
    public static Properties producerProperties(String bootstrapServers, Map<String, String> kafkaProperties) {
        Properties p = RawFrameRecords.byteArrayProducer(bootstrapServers);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        return KafkaClientProperties.apply(p, kafkaProperties);
    }
}
