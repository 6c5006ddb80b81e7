package io.rrralgorithms.jobs.cli;

import io.rrralgorithms.connectors.capture.CaptureFeeds;
import io.rrralgorithms.connectors.flink.RawFrameKafkaSource;
import io.rrralgorithms.connectors.kafka.CaptureReplayer;
import io.rrralgorithms.connectors.kafka.KafkaClientProperties;
import io.rrralgorithms.connectors.venues.Venues;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaException;

/**
 * The checks a command runs before it starts anything (a broker, a cluster, a replay): each
 * failure is a {@link UserError} that says what is wrong and what to do. Cheap: all of them
 * together take well under a second where the services answer.
 */
final class Preflight {
    /** How long a Kafka given with --bootstrap-servers has to answer. */
    static final int KAFKA_TIMEOUT_MS = 5_000;

    private Preflight() {}

    /** Each file exists, is a plain file and can be read. */
    static void captureFiles(List<Path> files) {
        for (Path f : files) {
            if (Files.isDirectory(f)) {
                throw new UserError(ExitCodes.INPUT, f + " is a directory, not a capture file: give the files in it, "
                        + "e.g. " + f.resolve("*.gz") + " or " + f.resolve("EXCHANGE.ws.1.0"));
            }
            if (!Files.exists(f)) {
                throw new UserError(ExitCodes.INPUT, "no such capture file: " + f + " (check the path"
                        + (f.toString().contains("shared/data") ? "; ./rrr fetch-samples downloads the README's samples"
                                : "") + ")");
            }
            if (!Files.isRegularFile(f) || !Files.isReadable(f)) {
                throw new UserError(ExitCodes.INPUT, "cannot read capture file " + f + " (check its permissions)");
            }
        }
    }

    /** The feeds of the files, from their format and names (which also proves the format is known). */
    static List<String> feedsOfFiles(List<Path> files, CaptureFeeds feedOfFile) {
        List<String> feeds = new ArrayList<>();
        for (Path f : files) {
            try {
                CaptureReplayer.feedsOf(List.of(f), feedOfFile).stream().filter(feed -> !feeds.contains(feed))
                        .forEach(feeds::add);
            } catch (IOException | IllegalArgumentException e) {
                String m = String.valueOf(e.getMessage());
                // e.g. a .gz that is not gzip: the reader's message does not name the file
                throw new UserError(ExitCodes.INPUT, m.contains(f.toString()) ? m
                        : "cannot read capture file " + f + ": " + m + " (is it a capture? see rrr run --help)", e);
            }
        }
        return feeds;
    }

    /** Every feed name is one the job decodes. */
    static void knownFeeds(String option, Collection<String> feeds) {
        for (String feed : feeds) {
            if (!Venues.isSupported(feed)) {
                throw UserError.usage("unknown feed '" + feed + "' (" + option + "); use one of "
                        + String.join(", ", Venues.feeds()));
            }
        }
    }

    /** Nobody listens on the port of 127.0.0.1 (0 = any free port, always fine). */
    static void portFree(String option, String what, int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true); // a socket in TIME_WAIT is no listener
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new UserError(ExitCodes.PORT_TAKEN, "port " + port + " (" + option + ", " + what
                    + ") is already in use: stop what listens there, give another port, or leave " + option
                    + " out to take a free one");
        }
    }

    /**
     * The port to listen on: the one given (it must be free: else {@link ExitCodes#PORT_TAKEN}), any
     * free one for 0, the default where none is given and the default is free, else a free one, said
     * in one line on {@code out}. A port chosen here is a concrete one, so that the printed address is right.
     */
    static int choosePort(String option, String what, Integer given, int defaultPort, PrintStream out) {
        if (given != null && given != 0) {
            portFree(option, what, given);
            return given;
        }
        if (given == null) {
            if (isFree(defaultPort)) {
                return defaultPort;
            }
            int free = anyFreePort();
            out.println("port " + defaultPort + " (" + what + ") is taken: using " + free + " (" + option
                    + " chooses one)");
            return free;
        }
        return anyFreePort();
    }

    private static boolean isFree(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int anyFreePort() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    static void port(String option, int port) {
        if (port < 0 || port > 65535) {
            throw UserError.usage(option + " must be a port from 0 to 65535, got " + port);
        }
    }

    static void atLeast(String option, long value, long min) {
        if (value < min) {
            throw UserError.usage(option + " must be at least " + min + ", got " + value);
        }
    }

    /** Null (not given) is fine: the default applies. */
    static void atLeastIfGiven(String option, Long value, long min) {
        if (value != null) {
            atLeast(option, value.longValue(), min);
        }
    }

    static void oneOf(String option, String value, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw UserError.usage(option + " must be one of " + String.join(", ", allowed) + ", got '" + value + "'");
        }
    }

    static void atLeast(String option, double value, double min) {
        if (!(value >= min)) { // NaN too
            throw UserError.usage(option + " must be at least " + min + ", got " + value);
        }
    }

    /** Null (not given) is fine: the default applies. */
    static void positive(String option, BigDecimal value) {
        if (value != null && value.signum() <= 0) {
            throw UserError.usage(option + " must be greater than 0, got " + value.toPlainString());
        }
    }

    /** A decimal given as text (quantities are parsed later, exactly): null is fine. */
    static void positiveDecimal(String option, String value) {
        if (value == null) {
            return;
        }
        BigDecimal d;
        try {
            d = new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw UserError.usage(option + " must be a decimal number such as 0.01, got '" + value + "'");
        }
        positive(option, d);
    }

    /** A decimal given as text, 0 allowed (fees). */
    static void nonNegativeDecimal(String option, String value) {
        try {
            if (new BigDecimal(value.trim()).signum() < 0) {
                throw UserError.usage(option + " must not be negative, got " + value);
            }
        } catch (NumberFormatException e) {
            throw UserError.usage(option + " must be a decimal number such as 0.001, got '" + value + "'");
        }
    }

    /** --from parses the way the Kafka source will parse it. */
    static void startPosition(String from) {
        try {
            RawFrameKafkaSource.builder().startingFrom(from);
        } catch (DateTimeParseException e) {
            throw UserError.usage("bad --from '" + from + "': the timestamp is neither epoch milliseconds nor an "
                    + "ISO-8601 instant such as timestamp:2024-08-09T00:00:00Z");
        } catch (NumberFormatException e) {
            throw UserError.usage("bad --from '" + from + "': " + e.getMessage()
                    + "; use earliest, latest, committed, timestamp:<ms|ISO instant> or "
                    + "offsets:<topic>:<partition>:<offset>,...");
        } catch (IllegalArgumentException e) {
            throw UserError.usage(e.getMessage().replace("bad start position", "bad --from"));
        }
    }

    /** A Kafka the user named answers a describe-cluster within {@link #KAFKA_TIMEOUT_MS}. */
    static void kafkaAnswers(String bootstrapServers, Map<String, String> kafkaProperties, String whatToDo) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, KAFKA_TIMEOUT_MS);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, KAFKA_TIMEOUT_MS);
        KafkaClientProperties.apply(p, kafkaProperties); // SASL/SSL: the preflight talks as the clients will
        Admin admin = null;
        try {
            admin = createAdmin(p);
            admin.describeCluster().nodes().get(KAFKA_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError(ExitCodes.KAFKA, "interrupted while asking Kafka at " + bootstrapServers);
        } catch (UserError e) {
            throw e;
        } catch (Exception e) {
            throw new UserError(ExitCodes.KAFKA, "Kafka does not answer at " + bootstrapServers + " within "
                    + KAFKA_TIMEOUT_MS / 1000 + " s: " + whatToDo, e);
        } finally {
            if (admin != null) {
                admin.close(Duration.ZERO); // do not wait for the request that timed out
            }
        }
    }

    /** A client the given settings cannot make (bad value, SASL without a JAAS entry) is the user's to fix. */
    private static Admin createAdmin(Properties p) {
        try {
            return Admin.create(p);
        } catch (KafkaException e) {
            Throwable c = e;
            while (c.getCause() != null && c.getCause() != c) {
                c = c.getCause();
            }
            throw UserError.usage("the Kafka client settings are refused (--kafka-property, --kafka-properties): "
                    + (c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage()));
        }
    }
}
