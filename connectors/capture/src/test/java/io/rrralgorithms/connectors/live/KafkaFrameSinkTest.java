package io.rrralgorithms.connectors.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rrralgorithms.connectors.kafka.RawTopics;
import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.RawFrame;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** The capture's Kafka sink: the replay's records, blocking and retrying instead of dropping. */
class KafkaFrameSinkTest {

    /** Kafka that takes no frame for its first {@code refusals} sends (buffer full / broker away). */
    static final class StalledProducer extends MockProducer<byte[], byte[]> {
        final AtomicInteger refusals;

        StalledProducer(int refusals) {
            super(true, new ByteArraySerializer(), new ByteArraySerializer());
            this.refusals = new AtomicInteger(refusals);
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
            if (refusals.getAndDecrement() > 0) {
                throw new TimeoutException("Topic raw.binance-spot not present in metadata after 10000 ms.");
            }
            return super.send(record, callback);
        }
    }

    private static RawFrame frame(String payload) {
        return new RawFrame("binance-spot", "BTCUSDT", FrameKind.WS, 1_723_161_254_087_891_268L,
                payload.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void recordsAreTheReplaysAndAStalledKafkaBlocksInsteadOfDropping() throws Exception {
        CaptureMetrics metrics = new CaptureMetrics();
        StalledProducer producer = new StalledProducer(3);
        KafkaFrameSink sink = new KafkaFrameSink(producer, "127.0.0.1:1", "raw.", metrics);
        sink.publish(frame("{\"a\":1}")); // returns only once Kafka took it
        sink.publish(frame("{\"a\":2}"));
        assertEquals(2, producer.history().size());
        ProducerRecord<byte[], byte[]> r = producer.history().get(0);
        assertEquals("raw.binance-spot", r.topic());
        assertEquals("BTCUSDT", new String(r.key(), StandardCharsets.UTF_8));
        assertEquals("{\"a\":1}", new String(r.value(), StandardCharsets.UTF_8));
        assertEquals(1_723_161_254_087L, r.timestamp());
        assertEquals("1723161254087891268",
                new String(r.headers().lastHeader(RawTopics.HEADER_RECEIVE_NS).value(), StandardCharsets.US_ASCII));
        assertEquals("WS", new String(r.headers().lastHeader(RawTopics.HEADER_KIND).value(), StandardCharsets.US_ASCII));
        assertEquals(3, metrics.feed("binance-spot").kafkaSendErrors.sum()); // each stall counted (and logged)
    }

    @Test
    void aRecordKafkaRefusesForGoodIsCountedAndLogged() throws Exception {
        CaptureMetrics metrics = new CaptureMetrics();
        MockProducer<byte[], byte[]> producer = new MockProducer<>(false, new ByteArraySerializer(),
                new ByteArraySerializer());
        KafkaFrameSink sink = new KafkaFrameSink(producer, "127.0.0.1:1", "raw.", metrics);
        sink.publish(frame("{\"big\":true}"));
        producer.errorNext(new RecordTooLargeException("too large"));
        assertEquals(1, metrics.feed("binance-spot").kafkaSendErrors.sum());
    }

    @Test
    void theProducerIsIdempotentWithAcksAllAndNoDeliveryDeadline() {
        var p = KafkaFrameSink.producerProperties("127.0.0.1:9092", Map.of());
        assertEquals(true, p.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG));
        assertEquals("all", p.get(ProducerConfig.ACKS_CONFIG));
        assertEquals(Integer.MAX_VALUE, p.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG));
    }
}
