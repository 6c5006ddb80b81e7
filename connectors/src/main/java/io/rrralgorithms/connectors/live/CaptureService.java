package io.rrralgorithms.connectors.live;

import io.rrralgorithms.connectors.kafka.CaptureReplayer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
    private MetricsServer metricsServer;
    private boolean started;

    public CaptureService(CaptureConfig config, FrameSink sink, CaptureMetrics metrics) {
        config.validate("capture configuration");
        this.config = config;
        this.sink = sink;
        this.metrics = metrics;
        this.http = HttpClient.newBuilder().executor(httpExecutor)
                .connectTimeout(Duration.ofSeconds(config.connectTimeoutSeconds)).build();
        for (CaptureConfig.Venue v : config.venues) {
            LiveVenue venue = LiveVenues.forFeed(v.feed);
            List<LiveStream> streams = new ArrayList<>();
            for (String symbol : v.resolveNativeSymbols(venue)) {
                streams.addAll(venue.streams(symbol, v.channelSet()));
            }
            List<SubscriptionPlanner.ConnectionPlan> plans = SubscriptionPlanner.plan(streams, venue.limits());
            VenueLimits limits = venue.limits();
            SlidingWindowLimiter connects = new SlidingWindowLimiter(limits.maxConnectsPerWindow(),
                    limits.connectWindow());
            SlidingWindowLimiter snapshots = new SlidingWindowLimiter(limits.maxSnapshotRequestsPerSecond(),
                    Duration.ofSeconds(1));
            ConnectionSettings settings = config.connectionSettings(v);
            String endpoint = v.endpoint(venue);
            int n = 0;
            for (SubscriptionPlanner.ConnectionPlan plan : plans) {
                URI uri = venue.endpoint(endpoint, plan.streams());
                connections.add(new LiveConnection(v.feed + "#" + (++n), venue, uri, v.restBase(venue), plan, settings,
                        http, sink, metrics, scheduler, snapshotPool, connects, snapshots));
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
        CaptureReplayer.ensureTopics(config.kafka.bootstrap, config.kafka.topicPrefix, config.feeds(),
                config.kafka.partitions);
        CaptureMetrics metrics = new CaptureMetrics();
        return new CaptureService(config, new KafkaFrameSink(config.kafka.bootstrap, config.kafka.topicPrefix, metrics),
                metrics);
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
        for (LiveConnection c : connections) {
            LOG.info("{}: {} stream(s) of {} symbol(s) on {}", c.id(), c.plan().streams().size(),
                    c.plan().symbols().size(), c.uri());
            c.start();
        }
        return this;
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
        CompletableFuture<String> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try (WebSocketClient ws = WebSocketClient.connect(endpoint, timeout)) {
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

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
