package io.rrralgorithms.connectors.kafka;

import io.rrralgorithms.connectors.model.RawFrame;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * How a raw frame becomes a Kafka record, the one place both writers of the raw topics use: the
 * replay of recorded captures ({@link CaptureReplayer}) and the live capture service
 * ({@code io.rrralgorithms.connectors.live}). Topic {@code <prefix><feed>}, key = native symbol
 * (UTF-8), value = the payload bytes as received, record timestamp = receive time in ms, headers
 * {@link RawTopics#HEADER_RECEIVE_NS} (exact receive time, ns since epoch, ASCII decimal) and
 * {@link RawTopics#HEADER_KIND} (the {@link io.rrralgorithms.connectors.model.FrameKind} name).
 */
public final class RawFrameRecords {
    private RawFrameRecords() {}

    public static ProducerRecord<byte[], byte[]> record(String topicPrefix, RawFrame f) {
        String topic = RawTopics.topicOf(topicPrefix, f.feed);
        var record = new ProducerRecord<>(topic, null, f.receiveTimeNs / 1_000_000L,
                f.key == null ? null : f.key.getBytes(StandardCharsets.UTF_8), f.payload);
        record.headers().add(RawTopics.HEADER_RECEIVE_NS,
                Long.toString(f.receiveTimeNs).getBytes(StandardCharsets.US_ASCII));
        record.headers().add(RawTopics.HEADER_KIND, f.kind.name().getBytes(StandardCharsets.US_ASCII));
        return record;
    }

    /**
     * Producer settings of the raw topics: no frame may be lost or reordered, so an idempotent
     * producer with acks from all replicas.
     */
    public static Properties producerProperties(String bootstrapServers) {
        return producerProperties(bootstrapServers, Map.of());
    }

    /** The same with the user's client settings ({@link KafkaClientProperties}) over them. */
    public static Properties producerProperties(String bootstrapServers, Map<String, String> kafkaProperties) {
        Properties p = byteArrayProducer(bootstrapServers);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none"); // loopback: CPU matters more than bytes
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        return KafkaClientProperties.apply(p, kafkaProperties);
    }

    /** A producer of byte-array keys and values to {@code bootstrapServers}, acked by all replicas. */
    static Properties byteArrayProducer(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return p;
    }
}
