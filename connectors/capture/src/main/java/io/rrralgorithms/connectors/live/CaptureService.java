package io.rrralgorithms.connectors.live;

import io.rrralgorithms.connectors.instruments.InstrumentMetadata;
import io.rrralgorithms.connectors.kafka.CaptureReplayer;
import io.rrralgorithms.connectors.kafka.ControlTopic;
import io.rrralgorithms.connectors.kafka.KafkaClientProperties;
import io.rrralgorithms.connectors.kafka.ResyncRequests;
import io.rrralgorithms.connectors.venues.LiveStream;
import io.rrralgorithms.connectors.venues.LiveVenue;
import io.rrralgorithms.connectors.venues.VenueLimits;
import io.rrralgorithms.connectors.venues.Venues;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live capture service: for every configured venue, its streams split over connections by
 * the venue's limits ({@link SubscriptionPlanner}), one {@link LiveConnection} each, all
 * publishing into one {@link FrameSink} (Kafka: {@link KafkaFrameSink}); metrics over HTTP
 * ({@link MetricsServer}) and a periodic status line. {@link #close()} stops the connections
 * and then flushes and closes the sink.
 */
public final class CaptureService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CaptureService.class);

    private final CaptureConfig config;
    private final FrameSink sink;
    private final CaptureMetrics metrics;
    private final List<LiveConnection> connections = new ArrayList<>();
    private final ExecutorService httpExecutor = Executors.newCachedThreadPool(daemon("rrr-capture-ws"));
    private final ExecutorService snapshotPool = Executors.newCachedThreadPool(daemon("rrr-capture-rest"));
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, daemon("rrr-capture-timer"));
    private final HttpClient http;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Map<String, LiveConnection> bySymbol = new HashMap<>();
    private final ResyncLimiter resyncLimiter;
    private volatile boolean closing;
    private Thread resyncThread;
    private MetricsServer metricsServer;
    private boolean started;

    public CaptureService(CaptureConfig config, FrameSink sink, CaptureMetrics metrics) {
        config.validate("capture configuration");
        this.config = config;
        this.sink = sink;
        this.metrics = metrics;
        this.resyncLimiter = new ResyncLimiter(Duration.ofMillis(config.resyncIntervalMs));
        this.http = HttpClient.newBuilder().executor(httpExecutor)
                .connectTimeout(Duration.ofSeconds(config.connectTimeoutSeconds)).build();
        for (CaptureConfig.Venue v : config.venues) {
            LiveVenue venue = Venues.liveForFeed(v.feed);
            List<LiveStream> streams = new ArrayList<>();
            for (String symbol : v.resolveNativeSymbols(venue)) {
                streams.addAll(venue.streams(symbol, v.channelSet()));
            }
            List<SubscriptionPlanner.ConnectionPlan> plans = SubscriptionPlanner.plan(streams, venue.limits(),
                    venue::connectionGroup);
            VenueLimits limits = venue.limits();
            SlidingWindowLimiter connects = new SlidingWindowLimiter(limits.maxConnectsPerWindow(),
                    limits.connectWindow());
            SlidingWindowLimiter snapshots = new SlidingWindowLimiter(limits.maxSnapshotRequestsPerSecond(),
                    Duration.ofSeconds(1));
            ConnectionSettings settings = config.connectionSettings(v);
            String endpoint = v.endpoint(venue);
            InstrumentMetadata metadata = Venues.isSupported(v.feed) ? Venues.forFeed(v.feed).instrumentMetadata() : null;
            InstrumentTerms terms = metadata == null ? null : new InstrumentTerms(v.feed, metadata, v.metadataBase(),
                    http, settings.restTimeout());
            int n = 0;
            for (SubscriptionPlanner.ConnectionPlan plan : plans) {
                URI uri = venue.endpoint(endpoint, plan.streams());
                LiveConnection c = new LiveConnection(v.feed + "#" + (++n), venue, uri, v.restBase(venue), plan,
                        settings, http, sink, metrics, scheduler, snapshotPool, connects, snapshots, terms);
                connections.add(c);
                for (LiveStream st : plan.streams()) {
                    bySymbol.putIfAbsent(ResyncRequests.key(v.feed, st.nativeSymbol()), c);
                }
            }
            metrics.feed(v.feed);
        }
    }

    /**
     * The service writing into Kafka: creates the raw topics where missing (a clear error when
     * Kafka does not answer) and an idempotent producer.
     */
    public static CaptureService toKafka(CaptureConfig config) throws IOException {
        config.validate("capture configuration");
        CaptureReplayer.ensureTopics(config.kafka.bootstrap, config.kafka.properties, config.kafka.topicPrefix,
                config.feeds(), config.kafka.partitions);
        CaptureMetrics metrics = new CaptureMetrics();
        return new CaptureService(config, new KafkaFrameSink(config.kafka.bootstrap, config.kafka.properties,
                config.kafka.topicPrefix, metrics), metrics);
    }

    /** Opens every connection (each retries by itself), the metrics endpoint and the status log. */
    public synchronized CaptureService start() throws IOException {
        if (started) {
            throw new IllegalStateException("capture already started");
        }
        started = true;
        if (config.metrics.port > 0) {
            metricsServer = MetricsServer.start(config.metrics.host, config.metrics.port, metrics);
            LOG.info("capture metrics at http://{}:{}/metrics", config.metrics.host, metricsServer.port());
        }
        scheduler.scheduleAtFixedRate(metrics::tick, 1, 1, TimeUnit.SECONDS);
        if (config.metrics.logIntervalSeconds > 0) {
            long every = config.metrics.logIntervalSeconds;
            scheduler.scheduleAtFixedRate(() -> LOG.info(metrics.statusLine()), every, every, TimeUnit.SECONDS);
        }
        if (config.resyncTopic != null) {
            startResyncListener();
        }
        for (LiveConnection c : connections) {
            LOG.info("{}: {} stream(s) of {} symbol(s) on {}", c.id(), c.plan().streams().size(),
                    c.plan().symbols().size(), c.uri());
            c.start();
        }
        return this;
    }

    /**
     * A resync request of the job (a book gap or checksum mismatch on {@code feed}'s
     * {@code nativeSymbol}): ignored for symbols this service does not capture; else, at most
     * once per {@code resyncIntervalMs} per symbol (bursts coalesce into one later resync), the
     * owning connection resyncs it ({@link LiveConnection#resync}).
     *
     * @return false when the symbol is not captured here
     */
    public boolean requestResync(String feed, String nativeSymbol, String reason) {
        String key = ResyncRequests.key(feed, nativeSymbol);
        LiveConnection c = bySymbol.get(key);
        if (c == null || closing) {
            return false;
        }
        long requestedAt = System.nanoTime();
        ResyncLimiter.Decision d = resyncLimiter.request(key);
        if (d.coalesced()) {
            LOG.debug("resync of {} ({}): one is scheduled already", key, reason);
            return true;
        }
        Runnable run = () -> {
            resyncLimiter.fired(key);
            if (closing) {
                return;
            }
            String what = c.resync(nativeSymbol, requestedAt);
            metrics.feed(feed).resyncs.increment();
            LOG.warn("{}: resync of {} requested by the job ({}): {}", c.id(), nativeSymbol, reason, what);
        };
        if (d.delayNanos() == 0) {
            snapshotPool.execute(run);
        } else {
            LOG.info("resync of {} ({}) in {} ms (at most one per {} ms)", key, reason, d.delayNanos() / 1_000_000,
                    config.resyncIntervalMs);
            scheduler.schedule(run, d.delayNanos(), TimeUnit.NANOSECONDS);
        }
        return true;
    }

    /** Reads the resync topic from its end (requests older than the service are moot) until closed. */
    private void startResyncListener() throws IOException {
        String topic = config.resyncTopic;
        ControlTopic.ensure(config.kafka.bootstrap, config.kafka.properties, topic);
        var consumer = new KafkaConsumer<byte[], byte[]>(
                resyncConsumerProperties(config));
        List<TopicPartition> parts;
        try {
            parts = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(parts);
            consumer.seekToEnd(parts);
            parts.forEach(consumer::position); // fix the start now: requests from here on count
        } catch (RuntimeException e) {
            consumer.close();
            throw new IOException("cannot read the resync topic " + topic + " at " + config.kafka.bootstrap + ": "
                    + e.getMessage(), e);
        }
        LOG.info("resync requests read from {} (at most one resync per symbol per {} ms)", topic,
                config.resyncIntervalMs);
        resyncThread = new Thread(() -> {
            try (consumer) {
                while (!closing) {
                    for (var r : consumer.poll(Duration.ofMillis(200))) {
                        try {
                            ResyncRequests.Request q = ResyncRequests.parse(r.value());
                            requestResync(q.feed(), q.nativeSymbol(), q.reason());
                        } catch (IllegalArgumentException e) {
                            LOG.warn("ignoring a malformed resync request on {}: {}", topic, e.getMessage());
                        }
                    }
                }
            } catch (WakeupException | InterruptException e) {
                // closing
            } catch (RuntimeException e) {
                LOG.error("the resync listener on {} stopped: {}", topic, e.toString());
            }
        }, "rrr-capture-resync");
        resyncThread.setDaemon(true);
        resyncConsumer = consumer;
        resyncThread.start();
    }

    private volatile KafkaConsumer<byte[], byte[]> resyncConsumer;

    /** The resync listener's consumer (assigned partitions, no group), the user's settings over it. */
    public static Properties resyncConsumerProperties(CaptureConfig config) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka.bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return KafkaClientProperties.apply(p, config.kafka.properties);
    }

    public List<LiveConnection> connections() {
        return List.copyOf(connections);
    }

    public CaptureMetrics metrics() {
        return metrics;
    }

    /** The bound port of the metrics endpoint, or 0 when it is off. */
    public int metricsPort() {
        return metricsServer == null ? 0 : metricsServer.port();
    }

    /** Blocks until {@link #close()} has finished. */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    /** Stops the connections, then flushes and closes the sink. Safe to call twice. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed.getCount() == 0) {
                return;
            }
            try {
                closing = true;
                var rc = resyncConsumer;
                if (rc != null) {
                    rc.wakeup();
                    try {
                        resyncThread.join(5000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                connections.forEach(LiveConnection::close);
                scheduler.shutdownNow();
                snapshotPool.shutdownNow();
                if (metricsServer != null) {
                    metricsServer.close();
                }
                sink.close();
                httpExecutor.shutdownNow();
                LOG.info("capture stopped; {}", metrics.statusLine());
            } finally {
                closed.countDown();
            }
        }
    }

    /**
     * Whether a WebSocket handshake with {@code endpoint} succeeds within {@code timeout}: null
     * when it does (the socket is closed again at once), else the reason (host not found,
     * connection refused, no answer …). Never waits much longer than the timeout, name
     * resolution included.
     */
    public static String probe(URI endpoint, Duration timeout) {
        return probe(endpoint, Map.of(), timeout);
    }

    /** {@link #probe(URI, Duration)} with the venue's handshake request headers. */
    private static String probe(URI endpoint, Map<String, String> headers, Duration timeout) {
        CompletableFuture<String> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try (WebSocketClient ws = WebSocketClient.connect(endpoint, timeout, headers)) {
                result.complete(null);
            } catch (IOException | RuntimeException e) {
                result.complete(Failures.describe(e, endpoint));
            }
        }, "rrr-capture-probe");
        t.setDaemon(true);
        t.start();
        try {
            return result.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return "no answer within " + timeout.toSeconds() + " s";
        } catch (ExecutionException e) {
            return Failures.describe(e, endpoint);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /**
     * {@link #probe(URI, Duration)} for one venue: where its connections start with a REST
     * handshake (KuCoin's token), the handshake first ({@code restBase} + its path), then the
     * WebSocket handshake with the endpoint the answer names; null when both succeed, else the
     * reason. Bounded like the plain probe (twice the timeout at most).
     */
    public static String probe(LiveVenue venue, URI endpoint, String restBase, Duration timeout) {
        if (venue.handshakePath() == null) {
            return probe(endpoint, venue.handshakeHeaders(), timeout);
        }
        if (restBase == null) {
            return "the venue needs a REST handshake but has no REST base";
        }
        URI url = URI.create(restBase + venue.handshakePath());
        CompletableFuture<String> result = CompletableFuture.supplyAsync(() -> {
            try {
                HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
                HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(url).timeout(timeout)
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() != 200) {
                    return "handshake " + url + " answered HTTP " + r.statusCode();
                }
                return probe(venue.handshake(r.body()).endpoint(), timeout);
            } catch (IOException | IllegalArgumentException e) {
                return "handshake " + url + ": " + Failures.describe(e, url);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        });
        try {
            return result.get(2 * timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return "no answer to the handshake within " + timeout.toSeconds() + " s";
        } catch (ExecutionException e) {
            return Failures.describe(e, url);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
