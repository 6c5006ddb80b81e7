package io.rrralgorithms.jobs.trading.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rrralgorithms.connectors.flink.ControlTopicSource;
import io.rrralgorithms.connectors.kafka.ControlTopic;
import io.rrralgorithms.jobs.trading.RiskCommand;
import io.rrralgorithms.jobs.trading.RiskCommandAuth;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The risk control topic: one partition of JSON commands
 * {@code {"accountId":"paper","command":"KILL|HALT|REDUCE|ACTIVATE","reason":"...","timestampMs":…,
 * "nonce":"…","signature":"<hex HMAC-SHA256>"}} ({@link RiskCommandAuth}); an account of
 * {@code "*"} (or none) addresses every account. A command applies at its signed time; one the
 * job refuses is recorded at its Kafka record timestamp. Read from the earliest offset: a job
 * started afresh replays the commands, in order, at their times (a job restored from a checkpoint
 * resumes at its offset).
 */
public final class RiskControl {
    private static final Logger LOG = LoggerFactory.getLogger(RiskControl.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String ALL_ACCOUNTS = RiskCommand.ALL_ACCOUNTS;

    private RiskControl() {}

    public static KafkaSource<RiskCommand> source(String bootstrapServers, String topic, String groupId,
            boolean bounded) {
        return source(bootstrapServers, Map.of(), topic, groupId, bounded);
    }

    /** The same with the user's Kafka client settings. */
    public static KafkaSource<RiskCommand> source(String bootstrapServers, Map<String, String> kafkaProperties,
            String topic, String groupId, boolean bounded) {
        return ControlTopicSource.source(bootstrapServers, kafkaProperties, topic, groupId, bounded, new CommandDeserializer());
    }

    /** Creates the topic (one partition: commands stay in order) where missing. */
    public static void ensureTopic(String bootstrapServers, String topic) throws IOException {
        ensureTopic(bootstrapServers, Map.of(), topic);
    }

    public static void ensureTopic(String bootstrapServers, Map<String, String> kafkaProperties, String topic)
            throws IOException {
        ControlTopic.ensure(bootstrapServers, kafkaProperties, topic);
    }

    /** An unsigned command (the job refuses it): for tests and for what must be refused. */
    public static byte[] toJson(String accountId, RiskCommand.Kind command, String reason) {
        ObjectNode n = JSON.createObjectNode();
        n.put("accountId", accountId);
        n.put("command", command.name());
        n.put("reason", reason);
        return n.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A signed command: {@code timestampMs} (when it applies, event time) and {@code nonce} are signed too. */
    public static byte[] signedJson(byte[] key, String accountId, RiskCommand.Kind command, String reason,
            long timestampMs, String nonce) {
        ObjectNode n = JSON.createObjectNode();
        n.put("accountId", accountId);
        n.put("command", command.name());
        n.put("reason", reason);
        n.put("timestampMs", timestampMs);
        n.put("nonce", nonce);
        n.put("signature", RiskCommandAuth.sign(key, accountId, command, reason, timestampMs, nonce));
        return n.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Signs and publishes a command (creating the topic where missing), waiting for the broker's ack.
     *
     * @param timestampMs the event time the command applies at (signed; also the record timestamp)
     */
    public static void publish(String bootstrapServers, Map<String, String> kafkaProperties, String topic, byte[] key,
            String accountId, RiskCommand.Kind command, String reason, long timestampMs) throws IOException {
        ControlTopic.publish(bootstrapServers, kafkaProperties, topic,
                signedJson(key, accountId, command, reason, timestampMs, UUID.randomUUID().toString()), timestampMs);
    }

    public static void publishRaw(String bootstrapServers, String topic, byte[] value, Long timestampMs)
            throws IOException {
        ControlTopic.publish(bootstrapServers, topic, value, timestampMs);
    }

    /** Parses a command; the time is the record's. */
    public static RiskCommand parse(byte[] value, long timestampMs) throws IOException {
        if (value == null || value.length == 0) {
            throw new IOException("empty message");
        }
        JsonNode n = JSON.readTree(value);
        if (n == null || !n.isObject()) {
            throw new IOException("not a JSON object");
        }
        JsonNode cmd = n.get("command");
        if (cmd == null || !cmd.isTextual()) {
            throw new IOException("no command");
        }
        RiskCommand c = new RiskCommand();
        try {
            c.command = RiskCommand.Kind.valueOf(cmd.asText().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IOException("unknown command '" + cmd.asText() + "'");
        }
        JsonNode account = n.get("accountId");
        c.accountId = account == null || account.isNull() || account.asText().isBlank() ? ALL_ACCOUNTS
                : account.asText();
        JsonNode reason = n.get("reason");
        c.reason = reason == null || reason.isNull() ? null : reason.asText();
        JsonNode signedAt = n.get("timestampMs");
        if (signedAt != null && !signedAt.isNull()) {
            if (!signedAt.canConvertToExactIntegral() || !signedAt.canConvertToLong()) {
                throw new IOException("timestampMs is not a whole number of milliseconds");
            }
            c.signedTimeMs = signedAt.asLong();
        }
        c.nonce = text(n.get("nonce"));
        c.signature = text(n.get("signature"));
        // a signed command applies at the time it was signed for (the record timestamp is not signed)
        c.timeMs = c.signedTimeMs != null ? c.signedTimeMs : timestampMs;
        c.recordTimeMs = timestampMs;
        return c;
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    /** JSON → command; a malformed message is logged and skipped, never fails the job. */
    static final class CommandDeserializer implements KafkaRecordDeserializationSchema<RiskCommand> {
        @Override
        public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RiskCommand> out) {
            RiskCommand c;
            try {
                c = parse(record.value(), record.timestamp());
            } catch (IOException | RuntimeException e) {
                LOG.warn("skipping malformed risk command at {}-{}@{}: {}", record.topic(), record.partition(),
                        record.offset(), e.getMessage());
                return;
            }
            out.collect(c);
        }

        @Override
        public TypeInformation<RiskCommand> getProducedType() {
            return TypeInformation.of(RiskCommand.class);
        }
    }
}
