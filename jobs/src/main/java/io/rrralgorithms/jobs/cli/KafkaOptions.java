package io.rrralgorithms.jobs.cli;

import io.rrralgorithms.connectors.kafka.KafkaClientProperties;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Kafka client settings passed through to every Kafka client of a command (admin, producers,
 * consumers, the job's sources and sinks): a managed Kafka's SASL/SSL settings, client ids, …
 * {@code --kafka-properties FILE} first, then each {@code --kafka-property k=v} over it. Secrets
 * (a {@code sasl.jaas.config} with its password) belong in the file: arguments show in {@code ps}.
 */
public class KafkaOptions {
    @Option(names = "--kafka-property", paramLabel = "KEY=VALUE", description = "a Kafka client setting for every "
            + "Kafka client, e.g. security.protocol=SASL_SSL (repeatable; over --kafka-properties)")
    Map<String, String> properties = new LinkedHashMap<>();

    @Option(names = "--kafka-properties", paramLabel = "FILE", description = "Kafka client settings from a Java "
            + "properties file (put credentials here, not on the command line)")
    Path file;

    /** The settings: the file's, then the options'; a usage error for an unreadable file or a reserved key. */
    public Map<String, String> properties() {
        try {
            return KafkaClientProperties.load(file, properties);
        } catch (IllegalArgumentException e) {
            throw UserError.usage(e.getMessage());
        }
    }
}
