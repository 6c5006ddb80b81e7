package io.rrralgorithms.jobs.book;

import io.rrralgorithms.connectors.kafka.KafkaClientProperties;
import io.rrralgorithms.connectors.kafka.ResyncRequests;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The book gaps as resync requests ({@link ResyncRequests}) on a Kafka topic, keyed by
 * {@code feed:nativeSymbol}: the live capture service answers them with a fresh snapshot. At
 * least once (a request repeated after a restore only costs one more, rate-limited, resync).
 */
public final class ResyncSink {
    private ResyncSink() {}

    public static KafkaSink<BookGap> create(String bootstrapServers, String topic) {
        return create(bootstrapServers, topic, Map.of());
    }

    /** @param kafkaProperties the user's client settings ({@link KafkaClientProperties}) */
    public static KafkaSink<BookGap> create(String bootstrapServers, String topic, Map<String, String> kafkaProperties) {
        Properties p = KafkaClientProperties.apply(new Properties(), kafkaProperties);
        return KafkaSink.<BookGap>builder()
                .setBootstrapServers(bootstrapServers)
                .setKafkaProducerConfig(p)
                .setRecordSerializer(new Serializer(topic))
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
    }

    /** The JSON request of one gap. */
    public static byte[] json(BookGap g) {
        return ResyncRequests.toJson(new ResyncRequests.Request(g.feed, g.nativeSymbol, g.reason, g.exchangeTimeMs,
                g.receiveTimeNs));
    }

    private static final class Serializer implements KafkaRecordSerializationSchema<BookGap> {
        private static final long serialVersionUID = 1L;
        private final String topic;

        Serializer(String topic) {
            this.topic = topic;
        }

        @Override
        public ProducerRecord<byte[], byte[]> serialize(BookGap g, KafkaSinkContext context, Long timestamp) {
            return new ProducerRecord<>(topic, null, timestamp, ResyncRequests.keyBytes(g.feed, g.nativeSymbol),
                    json(g));
        }
    }
}
