package io.rrralgorithms.connectors.kafka;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creating topics where missing, with an error that names the broker when it does not answer. */
public final class KafkaTopics {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaTopics.class);

    private KafkaTopics() {}

    public static void ensure(String bootstrapServers, Collection<String> topics, int partitions) throws IOException {
        ensure(bootstrapServers, Map.of(), topics, partitions);
    }

    /** @param kafkaProperties the user's client settings ({@link KafkaClientProperties}) */
    public static void ensure(String bootstrapServers, Map<String, String> kafkaProperties, Collection<String> topics,
            int partitions) throws IOException {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        KafkaClientProperties.apply(p, kafkaProperties);
        try (Admin admin = Admin.create(p)) {
            for (String topic : topics) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all()
                            .get(60, TimeUnit.SECONDS);
                    LOG.info("created topic {} with {} partition(s)", topic, partitions);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IOException("cannot create topic " + topic + " on " + bootstrapServers + ": "
                                + e.getCause().getMessage(), e.getCause());
                    }
                } catch (TimeoutException e) {
                    throw new IOException("timed out creating topic " + topic + " on " + bootstrapServers, e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted creating topics on " + bootstrapServers, e);
        }
    }
}
