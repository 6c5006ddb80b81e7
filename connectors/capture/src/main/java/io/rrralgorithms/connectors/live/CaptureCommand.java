package io.rrralgorithms.connectors.live;

import io.rrralgorithms.connectors.kafka.KafkaClientProperties;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "capture", mixinStandardHelpOptions = true,
        description = {"Live capture: connect to the venues of the configuration file, subscribe to trades, L2 book and "
                + "BBO of its symbols, and write every frame (and the REST book snapshots the venue needs) into the raw "
                + "Kafka topics, reconnecting with backoff, until Ctrl-C (then the producer is flushed).",
                "Configuration keys: see connectors/capture/src/main/resources/capture-example.yaml"})
/**
 * {@code rrr capture}, and the capture image's own entry point ({@link #main}: the capture module's
 * jar has no Flink on its class path).
 */
public class CaptureCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, paramLabel = "FILE", description = "venues and symbols (YAML or JSON)")
    Path config;

    @Option(names = {"--bootstrap", "--bootstrap-servers"}, paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (unset: the file's kafka.bootstrap)")
    String bootstrap;

    @Option(names = "--metrics-port", description = "Prometheus metrics port, 0 = off (unset: the file's metrics.port)")
    Integer metricsPort;

    @Option(names = "--metrics-bind", paramLabel = "HOST", description = "address the metrics endpoint binds, e.g. "
            + "0.0.0.0 for every interface (unset: the file's metrics.host, else 127.0.0.1: it has no authentication)")
    String metricsBind;

    @Option(names = "--snapshot-refresh-seconds", paramLabel = "N", description = "where a venue's book snapshots "
            + "come over REST, fetch every symbol's again every N s, so that the raw topics always hold a recent one "
            + "(a backfill from any start rebuilds its books from it); 0 = off (unset: the file's "
            + "snapshotRefreshSeconds, else 600)")
    Long snapshotRefreshSeconds;

    // the same two options as the other commands' Kafka settings (jobs' KafkaOptions), read by the
    // same KafkaClientProperties.load: the capture module does not depend on the job's command line
    @Option(names = "--kafka-property", paramLabel = "KEY=VALUE", description = "a Kafka client setting for the "
            + "producer, e.g. security.protocol=SASL_SSL (repeatable; over --kafka-properties and the file's "
            + "kafka.properties)")
    Map<String, String> kafkaProperty = new LinkedHashMap<>();

    @Option(names = "--kafka-properties", paramLabel = "FILE", description = "Kafka client settings from a Java "
            + "properties file (put credentials here, not on the command line)")
    Path kafkaPropertiesFile;

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() throws Exception {
        CaptureConfig c;
        CaptureService service;
        try {
            c = CaptureConfig.load(config);
            if (bootstrap != null) {
                c.kafka.bootstrap = bootstrap;
            }
            if (metricsPort != null) {
                c.metrics.port = metricsPort;
            }
            if (metricsBind != null) {
                c.metrics.host = metricsBind;
            }
            if (snapshotRefreshSeconds != null) {
                c.snapshotRefreshSeconds = snapshotRefreshSeconds;
            }
            c.kafka.properties.putAll(KafkaClientProperties.load(kafkaPropertiesFile, kafkaProperty)); // over the file's
            c.validate(config.toString());
            service = CaptureService.toKafka(c);
        } catch (IllegalArgumentException | IOException e) {
            err.println("rrr capture: " + e.getMessage());
            return 2;
        }
        Thread hook = new Thread(service::close, "rrr-capture-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        service.start();
        out.println("capturing " + c.feeds() + " into " + c.kafka.topicPrefix + "<feed> on " + c.kafka.bootstrap
                + (service.metricsPort() > 0 ? "; metrics at http://" + c.metrics.host + ":" + service.metricsPort()
                        + "/metrics" : "") + "; Ctrl-C to stop");
        service.awaitClosed();
        return 0;
    }

    /** The capture image's entry point: {@code java -jar rrr-capture.jar --config FILE}. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new CaptureCommand()).setCommandName("rrr capture").execute(args));
    }
}
