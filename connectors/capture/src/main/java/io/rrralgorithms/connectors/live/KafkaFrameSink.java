package io.rrralgorithms.connectors.live;

import io.rrralgorithms.connectors.kafka.KafkaClientProperties;
import io.rrralgorithms.connectors.kafka.RawFrameRecords;
import io.rrralgorithms.connectors.model.RawFrame;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes captured frames into the raw topics with the same records as the replay
 * ({@link RawFrameRecords}): idempotent producer, {@code acks=all}. It never drops a frame to
 * keep up: when Kafka does not take frames (buffer full, broker away) {@link #publish} blocks and
 * retries, which stops the connection's reading (TCP back-pressure to the venue) until Kafka
 * takes them again; every such stall is logged and counted as a send error. Retriable delivery
 * errors are retried by the producer without a deadline ({@code delivery.timeout.ms} = max), so
 * the only frames that can fail are those Kafka refuses for good (e.g. larger than the broker's
 * {@code message.max.bytes}): each is logged with its feed, key, size and receive time.
 */
public final class KafkaFrameSink implements FrameSink {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaFrameSink.class);
    /** Errors logged one by one; after that every 1000th. */
    private static final int LOG_EACH_FIRST = 20;

    private final Producer<byte[], byte[]> producer;
    private final String topicPrefix;
    private final String bootstrapServers;
    private final CaptureMetrics metrics;
    private final AtomicLong errors = new AtomicLong();
    private volatile boolean closed;

    public KafkaFrameSink(String bootstrapServers, Map<String, String> kafkaProperties, String topicPrefix,
            CaptureMetrics metrics) {
        this(new KafkaProducer<>(producerProperties(bootstrapServers, kafkaProperties)), bootstrapServers, topicPrefix,
                metrics);
    }

    KafkaFrameSink(Producer<byte[], byte[]> producer, String bootstrapServers, String topicPrefix,
            CaptureMetrics metrics) {
        this.producer = producer;
        this.bootstrapServers = bootstrapServers;
        this.topicPrefix = topicPrefix;
        this.metrics = metrics;
    }

    /** The replay's producer settings, with retries without a deadline and a short block per try. */
    public static Properties producerProperties(String bootstrapServers, Map<String, String> kafkaProperties) {
        Properties p = RawFrameRecords.producerProperties(bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "rrr-capture");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        return KafkaClientProperties.apply(p, kafkaProperties); // the user's last: their client.id, SASL, …
    }

    @Override
    public void publish(RawFrame frame) throws InterruptedException {
        ProducerRecord<byte[], byte[]> record = RawFrameRecords.record(topicPrefix, frame);
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("capture shutting down");
            }
            try {
                producer.send(record, (md, ex) -> {
                    if (ex != null) {
                        refused(frame, record.topic(), ex);
                    }
                });
                return;
            } catch (TimeoutException e) {
                // buffer full or no metadata: Kafka is behind or away. Hold the frame and try again.
                metrics.feed(frame.feed).kafkaSendErrors.increment();
                if (closed) {
                    throw new InterruptedException("capture shut down while Kafka at " + bootstrapServers
                            + " took no frames");
                }
                if (shouldLog()) {
                    LOG.error("Kafka at {} takes no frames ({}): holding a {} frame and retrying; the connection "
                            + "reads nothing meanwhile", bootstrapServers, e.getMessage(), frame.feed);
                }
            } catch (InterruptException e) {
                throw new InterruptedException("capture shutting down");
            } catch (KafkaException e) {
                refused(frame, record.topic(), e); // not retriable: serialization, record too large, closed
                return;
            }
        }
    }

    private void refused(RawFrame frame, String topic, Exception e) {
        metrics.feed(frame.feed).kafkaSendErrors.increment();
        if (shouldLog()) {
            LOG.error("Kafka send FAILED, frame lost: topic {} key {} {} bytes received at {} ns ({} send errors so "
                    + "far): {}", topic, frame.key, frame.payload.length, frame.receiveTimeNs, errors.get(), e.toString());
        }
    }

    private boolean shouldLog() {
        long n = errors.incrementAndGet();
        return n <= LOG_EACH_FIRST || n % 1000 == 0;
    }

    @Override
    public void flush() {
        producer.flush();
    }

    /** Flushes and closes the producer (waits up to 30 s for the last frames). */
    @Override
    public void close() {
        closed = true;
        try {
            producer.flush();
        } catch (RuntimeException e) {
            LOG.error("flushing the capture's Kafka producer failed", e);
        }
        producer.close(Duration.ofSeconds(30));
    }
}
