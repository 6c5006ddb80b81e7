package io.rrralgorithms.connectors.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Starts a real KRaft broker and talks to it over sockets with the plain Kafka clients. */
class EmbeddedKafkaBrokerTest {

    private static final int KEYS = 10;
    private static final int IDEMPOTENT_RECORDS = 1000;
    private static final int COMMITTED_TXN_RECORDS = 100;
    private static final int ABORTED_TXN_RECORDS = 50;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void producesAndConsumesOverRealSockets() throws Exception {
        Path dir;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, null)) {
            dir = broker.logDir();
            String bootstrap = broker.bootstrapServers();
            assertTrue(bootstrap.startsWith("127.0.0.1:"), bootstrap);

            String topic = "events";
            broker.createTopic(topic, 3);
            broker.createTopic(topic, 3); // idempotent

            // 1) idempotent producer, acks=all: values are "<key>:<seq>" with a per-key sequence
            Map<String, Integer> nextSeq = new HashMap<>();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps(bootstrap))) {
                List<Future<RecordMetadata>> acks = new ArrayList<>();
                for (int i = 0; i < IDEMPOTENT_RECORDS; i++) {
                    acks.add(producer.send(next(topic, i, nextSeq)));
                }
                for (Future<RecordMetadata> f : acks) {
                    f.get(10, TimeUnit.SECONDS);
                }
            }

            // 2) transactional producer: one committed and one aborted transaction
            Properties txProps = producerProps(bootstrap);
            txProps.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "embedded-broker-test-tx");
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(txProps)) {
                producer.initTransactions();
                producer.beginTransaction();
                for (int i = 0; i < COMMITTED_TXN_RECORDS; i++) {
                    producer.send(next(topic, i, nextSeq));
                }
                producer.commitTransaction();

                producer.beginTransaction();
                for (int i = 0; i < ABORTED_TXN_RECORDS; i++) {
                    producer.send(new ProducerRecord<>(topic, "key-" + (i % KEYS), "aborted"));
                }
                producer.flush();
                producer.abortTransaction();
            }

            // 3) read_committed consumer in a group: sees all committed records, no aborted ones
            int expected = IDEMPOTENT_RECORDS + COMMITTED_TXN_RECORDS;
            Map<String, List<Integer>> seen = new HashMap<>();
            Map<String, Integer> partitionOfKey = new HashMap<>();
            int count = 0;
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps(bootstrap))) {
                consumer.subscribe(List.of(topic));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (count < expected && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                        assertFalse(r.value().equals("aborted"), "read an aborted record");
                        String[] kv = r.value().split(":");
                        assertEquals(r.key(), kv[0]);
                        seen.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(Integer.parseInt(kv[1]));
                        Integer prev = partitionOfKey.putIfAbsent(r.key(), r.partition());
                        assertTrue(prev == null || prev == r.partition(), "key moved partitions");
                        count++;
                    }
                }
                // nothing beyond the committed records (the aborted ones stay invisible)
                assertEquals(0, consumer.poll(Duration.ofMillis(500)).count());
                consumer.commitSync();
            }

            assertEquals(expected, count);
            assertEquals(KEYS, seen.size());
            for (Map.Entry<String, List<Integer>> e : seen.entrySet()) {
                List<Integer> seqs = e.getValue();
                for (int i = 0; i < seqs.size(); i++) {
                    assertEquals(i, seqs.get(i), "order of " + e.getKey());
                }
                assertEquals(nextSeq.get(e.getKey()), seqs.size());
            }
            assertTrue(partitionOfKey.values().stream().distinct().count() > 1,
                    "keys should spread over the 3 partitions");

            // 4) a record far above the 1 MiB broker default goes through
            String bigTopic = "big";
            broker.createTopic(bigTopic, 1);
            byte[] big = new byte[4 * 1024 * 1024];
            Properties bigProps = new Properties();
            bigProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            bigProps.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
            bigProps.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 16 * 1024 * 1024);
            try (KafkaProducer<byte[], byte[]> producer =
                         new KafkaProducer<>(bigProps, new ByteArraySerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(bigTopic, big)).get(10, TimeUnit.SECONDS);
            }
            Properties bigConsumer = new Properties();
            bigConsumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            bigConsumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            try (KafkaConsumer<byte[], byte[]> consumer =
                         new KafkaConsumer<>(bigConsumer, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                consumer.assign(List.of(new TopicPartition(bigTopic, 0)));
                consumer.seekToBeginning(consumer.assignment());
                int got = 0;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (got == 0 && System.nanoTime() < deadline) {
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                        assertEquals(big.length, r.value().length);
                        got++;
                    }
                }
                assertEquals(1, got);
            }
        }
        assertFalse(Files.exists(dir), "temp log dir should be deleted on close");
    }

    private static ProducerRecord<String, String> next(String topic, int i, Map<String, Integer> nextSeq) {
        String key = "key-" + (i % KEYS);
        int seq = nextSeq.merge(key, 1, Integer::sum) - 1;
        return new ProducerRecord<>(topic, key, key + ":" + seq);
    }

    private static Properties producerProps(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return p;
    }

    private static Properties consumerProps(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "embedded-broker-test");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return p;
    }
}
