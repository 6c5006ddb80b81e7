package io.rrralgorithms.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.kafka.CaptureReplayer;
import io.rrralgorithms.connectors.kafka.ControlTopic;
import io.rrralgorithms.connectors.kafka.EmbeddedKafkaBroker;
import io.rrralgorithms.connectors.live.CaptureConfig;
import io.rrralgorithms.connectors.live.CaptureService;
import io.rrralgorithms.connectors.live.KafkaFrameSink;
import io.rrralgorithms.jobs.SharedData;
import io.rrralgorithms.jobs.book.ResyncSink;
import io.rrralgorithms.jobs.local.LocalPipeline;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
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
        PipelineOptions o = new PipelineOptions();
        new CommandLine(o).parseArgs(given("--control-topic", "kp.models", "--risk-control-topic", "kp.risk",
                "--trading", "--resync-topic", "kp.resync", "--group-id", "kp"));
        o.validate();
        String bs = kafka.bootstrapServers();
        assertPassedThrough(props(LocalPipeline.source(bs, List.of("binance-spot"), true, o)), "raw-frame source");
        assertPassedThrough(props(LocalPipeline.controlSource(bs, true, o)), "model control source");
        assertPassedThrough(props(LocalPipeline.riskControlSource(bs, true, o)), "risk control source");
        var resync = o.jobOptions(bs).resync();
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
            List<String> args = new java.util.ArrayList<>(List.of("replay", "--bootstrap-servers",
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

    private static Properties props(KafkaSource<?> source) throws Exception {
        return field(source, "props");
    }

    private static Properties field(Object o, String name) throws Exception {
        Field f = o.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return (Properties) f.get(o);
    }
}
