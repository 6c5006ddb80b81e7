package io.rrralgorithms.connectors.kafka;

import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The user's own Kafka client settings (SASL, SSL, client ids, timeouts of a managed Kafka),
 * passed through to every client the pipeline makes: admin, producers, consumers, Flink's Kafka
 * source and sink. They are applied last, over the pipeline's defaults, except for the keys the
 * pipeline must own ({@link #RESERVED}).
 */
public final class KafkaClientProperties {
    /** Set by the pipeline from its own options (bootstrap servers) or fixed by its record format. */
    public static final Set<String> RESERVED = Set.of("bootstrap.servers", "key.serializer", "value.serializer",
            "key.deserializer", "value.deserializer");

    private KafkaClientProperties() {}

    /** {@link IllegalArgumentException} naming the first key that is empty or reserved. */
    public static void check(Map<String, String> extra) {
        for (String k : extra.keySet()) {
            if (k == null || k.isBlank()) {
                throw new IllegalArgumentException("empty Kafka property name");
            }
            if (RESERVED.contains(k.trim())) {
                throw new IllegalArgumentException("Kafka property " + k + " is set by rrr itself"
                        + (k.trim().equals("bootstrap.servers") ? ": give the servers with --bootstrap-servers" : ""));
            }
        }
    }

    /** {@code base} with {@code extra} put over it (returned for chaining). */
    public static Properties apply(Properties base, Map<String, String> extra) {
        if (extra != null) {
            check(extra);
            extra.forEach((k, v) -> base.setProperty(k.trim(), v));
        }
        return base;
    }
}
