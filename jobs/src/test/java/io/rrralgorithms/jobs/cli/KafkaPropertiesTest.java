package io.rrralgorithms.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.kafka.CaptureReplayer;
import io.rrralgorithms.connectors.kafka.ControlTopic;
import io.rrralgorithms.connectors.kafka.EmbeddedKafkaBroker;
import io.rrralgorithms.connectors.live.CaptureConfig;
import io.rrralgorithms.connectors.live.CaptureService;
import io.rrralgorithms.connectors.live.KafkaFrameSink;
import io.rrralgorithms.jobs.JobOptions;
import io.rrralgorithms.jobs.JobSources;
import io.rrralgorithms.jobs.SharedData;
import io.rrralgorithms.jobs.book.ResyncSink;
import io.rrralgorithms.jobs.config.JobConfigOptions;
import io.rrralgorithms.jobs.trading.RiskCommand;
import io.rrralgorithms.jobs.trading.RiskCommandAuth;
import io.rrralgorithms.jobs.trading.flink.RiskControl;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * --kafka-property and --kafka-properties reach every Kafka client: the job's raw-frame source,
 * both control sources and the resync sink, the replay's producer and its topic admin, the
 * capture's producer and resync consumer, announce-model's producer; a bad KEY=VALUE, a reserved
 * key and settings no client can be made with are one-line usage errors.
 */
class KafkaPropertiesTest {
    @TempDir
    static Path tmp;

    static EmbeddedKafkaBroker kafka;
    static Path propertiesFile;

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafkaBroker.start(0, null);
        propertiesFile = Files.writeString(tmp.resolve("kafka.properties"),
                "# a managed Kafka\nretry.backoff.ms=234\nsasl.mechanism=SCRAM-SHA-512\n");
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    /** The file's settings, with the option's client.id and retry.backoff.ms over them. */
    static void assertPassedThrough(Properties p, String client) {
        assertEquals("345", p.getProperty("retry.backoff.ms"), client + ": the option beats the file");
        assertEquals("SCRAM-SHA-512", p.getProperty("sasl.mechanism"), client + ": from the file");
        assertEquals("rrr-test-client", p.getProperty("client.id"), client + ": from the option");
    }

    static final String[] GIVEN = {"--kafka-properties", "", "--kafka-property", "client.id=rrr-test-client",
            "--kafka-property", "retry.backoff.ms=345"};

    static String[] given(String... more) {
        String[] g = GIVEN.clone();
        g[1] = propertiesFile.toString();
        String[] out = new String[g.length + more.length];
        System.arraycopy(g, 0, out, 0, g.length);
        System.arraycopy(more, 0, out, g.length, more.length);
        return out;
    }

    @Test
    void theJobsSourcesAndResyncSinkGetThem() throws Exception {
        JobArguments o = new JobArguments();
        new CommandLine(o).parseArgs(given("--control-topic", "kp.models", "--risk-control-topic", "kp.risk",
                "--trading", "--resync-topic", "kp.resync", "--group-id", "kp"));
        Configuration settings = o.configuration(new Configuration());
        String bs = kafka.bootstrapServers();
        JobSources sources = new JobSources(bs, o.kafkaProperties(), settings);
        assertPassedThrough(props(sources.rawFrames(List.of("binance-spot"), true)), "raw-frame source");
        assertPassedThrough(props(sources.modelAnnouncements(true)), "model control source");
        assertPassedThrough(props(sources.riskCommands(true)), "risk control source");
        var resync = JobOptions.from(settings, null)
                .withResync(bs, settings.get(JobConfigOptions.RESYNC_TOPIC), o.kafkaProperties()).resync();
        KafkaSink<?> sink = ResyncSink.create(resync.bootstrapServers(), resync.topic(), resync.kafkaProperties());
        assertPassedThrough(field(sink, "kafkaProducerConfig"), "resync sink");
        assertTrue(!resync.toString().contains("SCRAM") && !resync.toString().contains("rrr-test-client"),
                "settings may hold credentials: " + resync);
    }

    @Test
    void replayCaptureAndAnnounceGetThem() throws Exception {
        KafkaOptions k = new KafkaOptions();
        new CommandLine(k).parseArgs(given());
        Map<String, String> p = k.properties();
        assertPassedThrough(CaptureReplayer.builder().bootstrapServers("h:1").kafkaProperties(p).build().producerProps(),
                "replay producer");
        assertPassedThrough(ControlTopic.producerProperties("h:1", p), "announce-model / risk-command producer");
        CaptureConfig c = CaptureConfig.parse("""
                kafka:
                  properties:
                    sasl.mechanism: SCRAM-SHA-512
                    retry.backoff.ms: 234
                venues:
                  - feed: binance-spot
                    symbols: [BTC-USDT]
                """, "capture.yaml");
        assertEquals("SCRAM-SHA-512", KafkaFrameSink.producerProperties("h:1", c.kafka.properties)
                .getProperty("sasl.mechanism"), "the capture file's settings");
        c.kafka.properties.putAll(Map.of("client.id", "rrr-test-client", "retry.backoff.ms", "345"));
        assertPassedThrough(KafkaFrameSink.producerProperties("h:1", c.kafka.properties), "capture producer");
        assertPassedThrough(CaptureService.resyncConsumerProperties(c), "capture resync consumer");
        assertEquals("127.0.0.1", c.metrics.host, "the metrics endpoint binds loopback unless configured");
    }

    /** The preflight's admin client talks as the clients will: SSL to a plain-text broker gets no answer. */
    @Test
    void theReplayReachesKafkaOnlyWithSettingsThatFitIt() throws Exception {
        String capture = SharedData.market("cryptofeed/BINANCE.ws.1.0").toString();
        CommandLineExecution ssl = CommandLineExecution.of(List.of("replay", "--bootstrap-servers",
                kafka.bootstrapServers(), "--topic-prefix", "kp-ssl.", "--kafka-property", "security.protocol=SSL",
                capture));
        assertEquals(ExitCodes.KAFKA, ssl.exitCode(), ssl.stderr());
        CommandLineExecution plain = CommandLineExecution.of(List.of("replay", "--bootstrap-servers",
                kafka.bootstrapServers(), "--topic-prefix", "kp-plain.", "--kafka-property", "client.id=rrr-replay-test",
                "--kafka-property", "security.protocol=PLAINTEXT", capture));
        assertEquals(0, plain.exitCode(), plain.stderr());
        assertTrue(plain.stdout().contains("kp-plain.binance-spot"), plain.stdout());
    }

    @Test
    void badSettingsAreOneLineUsageErrors() {
        String capture = SharedData.market("cryptofeed/BINANCE.ws.1.0").toString();
        for (List<String> bad : List.of(
                List.of("--kafka-property", "no-equals-sign"),
                List.of("--kafka-property", "bootstrap.servers=elsewhere:9092"),
                List.of("--kafka-property", "value.serializer=x.Y"),
                List.of("--kafka-properties", tmp.resolve("nosuch.properties").toString()),
                List.of("--kafka-property", "security.protocol=SASL_PLAINTEXT"))) { // no JAAS entry: no client
            List<String> args = new ArrayList<>(List.of("replay", "--bootstrap-servers",
                    kafka.bootstrapServers()));
            args.addAll(bad);
            args.add(capture);
            CommandLineExecution r = CommandLineExecution.of(args);
            assertEquals(ExitCodes.USAGE, r.exitCode(), bad + ": " + r.stderr());
            List<String> lines = r.stderr().lines().filter(l -> l.startsWith("rrr replay: ")).toList();
            assertEquals(1, lines.size(), bad + ": " + r.stderr());
            assertTrue(lines.get(0).contains("kafka-propert") || lines.get(0).contains("KEY=VALUE"), lines.get(0));
        }
    }

    /** rrr risk-command signs what the job accepts, at the time given; its usage errors are one line. */
    @Test
    void riskCommandPublishesASignedCommand() throws Exception {
        Path key = Files.writeString(tmp.resolve("risk.key"), "kafka-properties-test risk key\n");
        CommandLineExecution r = CommandLineExecution.of(List.of("risk-command", "--bootstrap-servers",
                kafka.bootstrapServers(), "--risk-control-topic", "kp.risk-cli", "--account", "paper", "--command", "KILL",
                "--reason", "drill", "--at", "2024-08-09T00:00:00Z", "--risk-hmac-key-file", key.toString(),
                "--kafka-property", "client.id=rrr-risk-command-test"));
        assertEquals(0, r.exitCode(), r.stderr());
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        p.put("key.deserializer", ByteArrayDeserializer.class.getName());
        p.put("value.deserializer", ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p)) {
            TopicPartition tp = new TopicPartition("kp.risk-cli", 0);
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            List<ConsumerRecord<byte[], byte[]>> got = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 30_000;
            while (got.isEmpty() && System.currentTimeMillis() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(got::add);
            }
            assertEquals(1, got.size());
            RiskCommand cmd = RiskControl.parse(got.get(0).value(), got.get(0).timestamp());
            byte[] k = "kafka-properties-test risk key".getBytes(StandardCharsets.UTF_8);
            assertNull(RiskCommandAuth.refusal(cmd, k), "signed with the key");
            assertTrue(RiskCommandAuth.refusal(cmd, "another key of 16+ bytes".getBytes(StandardCharsets.UTF_8))
                    .startsWith("bad signature"));
            long at = Instant.parse("2024-08-09T00:00:00Z").toEpochMilli();
            assertEquals(at, cmd.timeMs);
            assertEquals(at, got.get(0).timestamp());
            assertEquals("KILL paper drill", cmd.command + " " + cmd.accountId + " " + cmd.reason);
        }
        for (List<String> bad : List.of(List.of("--account", "*", "--command", "ACTIVATE", "--risk-hmac-key-file",
                        key.toString()),
                List.of("--account", "paper", "--command", "KILL", "--risk-hmac-key-file",
                        tmp.resolve("no-key").toString()),
                List.of("--account", "paper", "--command", "KILL", "--risk-hmac-key-file",
                        Files.writeString(tmp.resolve("short.key"), "short\n").toString()),
                List.of("--account", "paper", "--command", "NOSUCH", "--risk-hmac-key-file", key.toString()))) {
            List<String> args = new ArrayList<>(List.of("risk-command", "--bootstrap-servers", "127.0.0.1:1"));
            args.addAll(bad);
            CommandLineExecution e = CommandLineExecution.of(args);
            assertEquals(ExitCodes.USAGE, e.exitCode(), bad + ": " + e.stderr());
            assertEquals(1, e.stderr().lines().count(), bad + ": " + e.stderr());
            assertTrue(e.stderr().startsWith("rrr risk-command: "), e.stderr());
        }
    }

    private static Properties props(KafkaSource<?> source) throws Exception {
        return field(source, "props");
    }

    private static Properties field(Object o, String name) throws Exception {
        Field f = o.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return (Properties) f.get(o);
    }
}
