package io.rrralgorithms.connectors.kafka;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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

    /**
     * The settings of {@code --kafka-properties FILE} (a Java properties file; none when null), then
     * each {@code --kafka-property} over them; {@link IllegalArgumentException} with the line to show
     * for an unreadable file or an empty or reserved key.
     */
    public static Map<String, String> load(Path file, Map<String, String> properties) {
        Map<String, String> out = new LinkedHashMap<>();
        if (file != null) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalArgumentException("cannot read --kafka-properties " + file + " ("
                        + e.getClass().getSimpleName() + "): check the path and that it is a Java properties file", e);
            }
            p.stringPropertyNames().stream().sorted().forEach(k -> out.put(k, p.getProperty(k)));
        }
        out.putAll(properties);
        try {
            check(out);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (--kafka-property, --kafka-properties)", e);
        }
        return out;
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
