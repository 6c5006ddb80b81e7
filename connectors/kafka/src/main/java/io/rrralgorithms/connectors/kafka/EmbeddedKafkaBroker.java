package io.rrralgorithms.connectors.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real, in-process, single-node Apache Kafka broker in KRaft mode (one process that is both
 * broker and controller), for the local run and the tests. No ZooKeeper, no Docker.
 *
 * <p>It listens on 127.0.0.1 only. Storage is formatted programmatically before start-up; a
 * directory that is already formatted is reused as is, so a caller-supplied {@code logDir} keeps
 * its data across runs.
 *
 * <p>Needs {@code org.apache.kafka:kafka_2.13} (and its runtime dependencies) on the class path;
 * the module declares it optional so that it never ends up in a job jar.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private static final int NODE_ID = 1;
    private static final String HOST = "127.0.0.1";
    private static final String CLIENT_LISTENER = "PLAINTEXT";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    /** Replayed frames can be ~100 KB; leave plenty of head room for batches and odd big ones. */
    private static final int MAX_MESSAGE_BYTES = 32 * 1024 * 1024;

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(30);
    /** Ports picked in advance can be taken by someone else before the broker binds them. */
    private static final int MAX_BIND_ATTEMPTS = 3;

    private final KafkaRaftServer server;
    private final Admin admin;
    private final String bootstrapServers;
    private final Path logDir;
    private final boolean deleteLogDirOnClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedKafkaBroker(KafkaRaftServer server, Admin admin, String bootstrapServers,
                                Path logDir, boolean deleteLogDirOnClose) {
        this.server = server;
        this.admin = admin;
        this.bootstrapServers = bootstrapServers;
        this.logDir = logDir;
        this.deleteLogDirOnClose = deleteLogDirOnClose;
    }

    /**
     * Formats (if needed) and starts a broker, and returns once it answers an Admin
     * {@code describeCluster}.
     *
     * @param port   the client (PLAINTEXT) port on 127.0.0.1; 0 picks a free one
     * @param logDir the data directory; {@code null} uses a fresh temp directory deleted on close
     */
    public static EmbeddedKafkaBroker start(int port, Path logDir) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (port != 0 && !isFreeLoopbackPort(port)) {
            // Fail fast: the broker's own bind error comes only after the controller is up.
            throw new KafkaException("port " + port + " on " + HOST + " is already in use");
        }
        boolean tempDir = logDir == null;
        Path dir;
        try {
            dir = tempDir ? Files.createTempDirectory("rrr-kafka-") : Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Kafka log dir " + logDir, e);
        }
        dir = dir.toAbsolutePath();

        for (int attempt = 1; ; attempt++) {
            int clientPort = port != 0 ? port : freeLoopbackPort();
            int controllerPort = freeLoopbackPort();
            try {
                return startOnce(clientPort, controllerPort, dir, tempDir);
            } catch (RuntimeException e) {
                // Only a race on a port we picked ourselves is worth another try.
                boolean retry = hasCause(e, BindException.class) && attempt < MAX_BIND_ATTEMPTS;
                if (!retry) {
                    if (tempDir) {
                        deleteRecursively(dir);
                    }
                    throw e;
                }
                LOG.warn("Kafka broker could not bind its ports (attempt {}), retrying", attempt, e);
            }
        }
    }

    private static EmbeddedKafkaBroker startOnce(int clientPort, int controllerPort, Path dir,
                                                 boolean tempDir) {
        Properties props = brokerProperties(clientPort, controllerPort, dir);
        format(props, dir);

        long t0 = System.nanoTime();
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
        String bootstrap = HOST + ":" + clientPort;
        Admin admin = null;
        try {
            server.startup();
            admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    AdminClientConfig.CLIENT_ID_CONFIG, "rrr-embedded-kafka-admin",
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000));
            awaitReady(admin);
        } catch (RuntimeException | Error e) {
            if (admin != null) {
                admin.close(Duration.ZERO);
            }
            shutdownQuietly(server);
            throw e;
        }
        LOG.info("Embedded Kafka broker (KRaft) ready at {} in {} ms, controller on {}:{}, data in {}",
                bootstrap, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), HOST,
                controllerPort, dir);
        return new EmbeddedKafkaBroker(server, admin, bootstrap, dir, tempDir);
    }

    /** "127.0.0.1:PORT" of the client listener. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The data directory (log.dirs and the metadata log). */
    public Path logDir() {
        return logDir;
    }

    /**
     * Creates a topic with replication factor 1 and waits until every partition has a leader.
     * Idempotent: an existing topic is left as it is (a different partition count is only logged).
     */
    public void createTopic(String name, int partitions) {
        Objects.requireNonNull(name, "name");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1: " + partitions);
        }
        ensureOpen();
        try {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all()
                    .get(TOPIC_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("Created topic {} with {} partition(s)", name, partitions);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new KafkaException("cannot create topic " + name, e.getCause());
            }
            LOG.debug("Topic {} already exists", name);
        } catch (Exception e) {
            throw asKafkaException("cannot create topic " + name, e);
        }
        awaitTopicUsable(name, partitions);
    }

    /** Shuts the broker down (controlled) and deletes the temp dir if this class made it. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.info("Shutting down embedded Kafka broker at {}", bootstrapServers);
        admin.close(Duration.ofSeconds(5));
        shutdownQuietly(server);
        if (deleteLogDirOnClose) {
            deleteRecursively(logDir);
        }
    }

    // ------------------------------------------------------------------------------------------

    private static Properties brokerProperties(int clientPort, int controllerPort, Path dir) {
        Properties p = new Properties();
        // KRaft combined mode with a static one-voter quorum: the simplest setup that needs
        // no --standalone/initial-controllers bootstrapping (kraft.version 0).
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("inter.broker.listener.name", CLIENT_LISTENER);
        p.put("listeners", CLIENT_LISTENER + "://" + HOST + ":" + clientPort + ","
                + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", CLIENT_LISTENER + "://" + HOST + ":" + clientPort);
        p.put("listener.security.protocol.map",
                CLIENT_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("log.dirs", dir.toString());
        p.put("metadata.log.dir", dir.toString());

        // One node: every internal topic must make do with a single replica.
        p.put("num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "10");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "10");
        // Flink's exactly-once KafkaSink asks for long transaction timeouts (up to 1 h);
        // the 15 min broker default would make InitProducerId fail.
        p.put("transaction.max.timeout.ms", Long.toString(TimeUnit.HOURS.toMillis(1)));
        // No point waiting for more group members on a dev broker.
        p.put("group.initial.rebalance.delay.ms", "0");
        // Topics are created explicitly so that partition counts are what the caller asked for.
        p.put("auto.create.topics.enable", "false");

        // Replays write old event timestamps and must never lose data to retention.
        p.put("log.retention.ms", "-1");
        p.put("log.retention.bytes", "-1");
        p.put("offsets.retention.minutes", Long.toString(TimeUnit.DAYS.toMinutes(365)));

        p.put("message.max.bytes", Integer.toString(MAX_MESSAGE_BYTES));
        p.put("replica.fetch.max.bytes", Integer.toString(MAX_MESSAGE_BYTES));
        p.put("replica.fetch.response.max.bytes", Integer.toString(2 * MAX_MESSAGE_BYTES));
        p.put("socket.request.max.bytes", Integer.toString(4 * MAX_MESSAGE_BYTES));

        // Modest thread pools: this shares the JVM with a Flink mini-cluster.
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("background.threads", "4");
        p.put("log.cleaner.threads", "1");
        return p;
    }

    /**
     * Writes meta.properties and the bootstrap checkpoint, like {@code kafka-storage.sh format
     * --ignore-formatted}. StorageTool.execute is the no-System.exit entry point of that tool;
     * it is used instead of org.apache.kafka.metadata.storage.Formatter because kafka-metadata
     * is only a runtime dependency of kafka_2.13.
     */
    private static void format(Properties props, Path dir) {
        Path configFile = null;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            configFile = Files.createTempFile("rrr-kafka-server-", ".properties");
            try (OutputStream os = Files.newOutputStream(configFile)) {
                props.store(os, "embedded KRaft broker");
            }
            int rc;
            try (PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8)) {
                rc = StorageTool.execute(new String[] {
                        "format",
                        "--config", configFile.toString(),
                        "--cluster-id", clusterId(dir),
                        // keep existing data in a caller-supplied dir
                        "--ignore-formatted"
                }, ps);
            }
            String output = out.toString(StandardCharsets.UTF_8).trim();
            if (rc != 0) {
                throw new KafkaException("formatting Kafka storage in " + dir + " failed (rc=" + rc
                        + "): " + output);
            }
            LOG.debug("Kafka storage format: {}", output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot format Kafka storage in " + dir, e);
        } catch (KafkaException e) {
            throw e;
        } catch (Exception e) {
            // StorageTool reports bad settings as TerseFailure (a RuntimeException).
            throw new KafkaException("formatting Kafka storage in " + dir + " failed: "
                    + out.toString(StandardCharsets.UTF_8).trim(), e);
        } finally {
            if (configFile != null) {
                try {
                    Files.deleteIfExists(configFile);
                } catch (IOException e) {
                    LOG.debug("cannot delete {}", configFile, e);
                }
            }
        }
    }

    /**
     * A formatted dir must keep its cluster id: StorageTool refuses a mismatch even with
     * --ignore-formatted.
     */
    private static String clusterId(Path dir) throws IOException {
        Path meta = dir.resolve("meta.properties");
        if (Files.isRegularFile(meta)) {
            Properties p = new Properties();
            try (var in = Files.newInputStream(meta)) {
                p.load(in);
            }
            String id = p.getProperty("cluster.id");
            if (id != null && !id.isBlank()) {
                LOG.info("Reusing Kafka data in {} (cluster id {})", dir, id);
                return id.trim();
            }
        }
        return Uuid.randomUuid().toString();
    }

    /** startup() returns once the broker is unfenced; this also proves the client port answers. */
    private static void awaitReady(Admin admin) {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                Collection<Node> nodes = admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                if (nodes.stream().anyMatch(n -> n.id() == NODE_ID)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaException("interrupted while waiting for the Kafka broker", e);
            } catch (Exception e) {
                last = e;
            }
            sleep(100);
        }
        throw new KafkaException("Kafka broker did not answer describeCluster within "
                + STARTUP_TIMEOUT, last);
    }

    /** Metadata propagates asynchronously; wait until every partition has a leader. */
    private void awaitTopicUsable(String name, int requestedPartitions) {
        long deadline = System.nanoTime() + TOPIC_TIMEOUT.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                TopicDescription d = admin.describeTopics(List.of(name)).allTopicNames()
                        .get(5, TimeUnit.SECONDS).get(name);
                List<TopicPartitionInfo> parts = d.partitions();
                if (!parts.isEmpty() && parts.stream().allMatch(p -> p.leader() != null
                        && !p.leader().isEmpty())) {
                    if (parts.size() != requestedPartitions) {
                        LOG.warn("Topic {} exists with {} partition(s), not the {} requested",
                                name, parts.size(), requestedPartitions);
                    }
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KafkaException("interrupted while waiting for topic " + name, e);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    last = e;
                }
            } catch (Exception e) {
                last = e;
            }
            sleep(50);
        }
        throw new KafkaException("topic " + name + " not usable within " + TOPIC_TIMEOUT, last);
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("embedded Kafka broker is closed");
        }
    }

    private static void shutdownQuietly(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (Throwable t) {
            LOG.warn("Error shutting down the embedded Kafka broker", t);
        }
    }

    private static int freeLoopbackPort() {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName(HOST), 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on " + HOST, e);
        }
    }

    private static boolean isFreeLoopbackPort(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    private static KafkaException asKafkaException(String message, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return e instanceof KafkaException ke ? ke : new KafkaException(message, e);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted", e);
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.debug("cannot delete {}", p, e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("cannot delete Kafka temp dir {}", root, e);
        }
    }
}
