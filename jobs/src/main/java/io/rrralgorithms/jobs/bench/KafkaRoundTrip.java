package io.rrralgorithms.jobs.bench;

import io.rrralgorithms.connectors.kafka.KafkaTopics;
import io.rrralgorithms.connectors.kafka.RawFrameRecords;
import io.rrralgorithms.connectors.latency.LatencyHistogram;
import io.rrralgorithms.connectors.util.WallClock;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The latency floor of the job's path on this machine: a plain producer sends its wall-clock time
 * at a fixed rate to a topic of the same broker, with the settings of a paced replay (acks=all,
 * idempotent, no linger), and a plain consumer (the settings of the job's Kafka source: Kafka's
 * defaults) records receive time − send time. Run beside the job, it measures under the same load.
 */
public final class KafkaRoundTrip implements AutoCloseable {
    public static final String TOPIC = "rrr.bench.kafka-round-trip";

    private final String bootstrapServers;
    private final int ratePerSecond;
    private final Histogram histogram = LatencyHistogram.empty();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private Thread producerThread;
    private Thread consumerThread;

    public KafkaRoundTrip(String bootstrapServers, int ratePerSecond) {
        if (ratePerSecond < 1) {
            throw new IllegalArgumentException("the round-trip rate must be at least 1 message/s");
        }
        this.bootstrapServers = bootstrapServers;
        this.ratePerSecond = ratePerSecond;
    }

    /** Creates the topic and starts the consumer, then the producer. */
    public KafkaRoundTrip start() throws IOException {
        KafkaTopics.ensure(bootstrapServers, List.of(TOPIC), 1);
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "rrr-bench-round-trip");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c);
        consumer.subscribe(List.of(TOPIC));
        // join the group before the first send, or the first sends are read from "latest" past them
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(100));
        }
        consumer.seekToEnd(consumer.assignment());
        consumer.assignment().forEach(consumer::position);
        consumerThread = new Thread(() -> consume(consumer), "rrr-bench-round-trip-consumer");
        consumerThread.setDaemon(true);
        consumerThread.start();
        producerThread = new Thread(this::produce, "rrr-bench-round-trip-producer");
        producerThread.setDaemon(true);
        producerThread.start();
        return this;
    }

    private void produce() {
        Properties p = RawFrameRecords.producerProperties(bootstrapServers);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        long periodNs = 1_000_000_000L / ratePerSecond;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
            long next = System.nanoTime();
            while (running.get()) {
                byte[] value = ByteBuffer.allocate(Long.BYTES).putLong(WallClock.nowNs()).array();
                producer.send(new ProducerRecord<>(TOPIC, null, value));
                next += periodNs;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }

    private void consume(KafkaConsumer<byte[], byte[]> consumer) {
        try (consumer) {
            while (running.get()) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    long now = WallClock.nowNs();
                    if (r.value() != null && r.value().length == Long.BYTES) {
                        long sent = ByteBuffer.wrap(r.value()).getLong();
                        synchronized (histogram) {
                            histogram.recordValue(Math.min(LatencyHistogram.HIGHEST_NS, Math.max(0, now - sent)));
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }

    /** What was measured so far. */
    public Histogram histogram() {
        synchronized (histogram) {
            return histogram.copy();
        }
    }

    /** The first failure of the producer or consumer, or null. */
    public Exception failure() {
        return failure.get();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        if (producerThread != null) {
            producerThread.join(10_000);
        }
        if (consumerThread != null) {
            consumerThread.join(10_000);
        }
    }
}
