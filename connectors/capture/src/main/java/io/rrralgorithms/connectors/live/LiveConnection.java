package io.rrralgorithms.connectors.live;

import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.InstrumentCatalog;
import io.rrralgorithms.connectors.instruments.InstrumentFrames;
import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.venues.ConnectionKeyer;
import io.rrralgorithms.connectors.venues.FrameInflater;
import io.rrralgorithms.connectors.venues.LiveStream;
import io.rrralgorithms.connectors.venues.LiveVenue;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket connection ({@link WebSocketClient}) of a venue carrying a planned set of streams, kept up until closed:
 * connect (bounded by the connect timeout), subscribe (paced by the venue's message limit),
 * send the venue's application heartbeat, fetch REST book snapshots where the venue needs them,
 * and on any loss (close, error, silence longer than the watchdog's timeout) reconnect after an
 * exponential backoff with full jitter and do it all again.
 *
 * <p>Every message is published as one frame with its receive time (epoch ns, taken when its
 * last fragment arrived): fragments are reassembled, binary messages inflated by the venue's
 * {@link FrameInflater}. The next message is requested from the socket only once the frame is
 * handed to the sink, so a sink that blocks (Kafka behind) stops the reading instead of
 * dropping: frames of a connection reach the sink in the order received. Pings are answered by
 * the client with pongs; a venue's application ping (a frame {@link LiveVenue#replyTo} answers) by
 * its reply.
 *
 * <p>Where the venue's instrument list loaded ({@link InstrumentTerms}), each session publishes
 * an instrument frame ({@link FrameKind#INSTRUMENT}, {@link InstrumentFrames}) just before the
 * first frame of each instrument, keyed and timed like that frame, as a replay of a capture does;
 * again after each {@code snapshotRefresh} interval, so that a backfill's look-back finds one.
 */
public final class LiveConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveConnection.class);

    private final String id;
    private final LiveVenue venue;
    private final URI uri;
    private final String restBase;
    private final SubscriptionPlanner.ConnectionPlan plan;
    private final ConnectionSettings settings;
    private final HttpClient http;
    private final FrameSink sink;
    private final CaptureMetrics metrics;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService snapshotPool;
    private final SlidingWindowLimiter connectLimiter;
    private final SlidingWindowLimiter snapshotLimiter;
    private final InstrumentTerms terms;
    private final Backoff snapshotBackoff = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(10));

    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicInteger sessionsOpened = new AtomicInteger();
    private volatile boolean running;
    private volatile Session session;
    private volatile boolean resyncReconnect;
    private Thread thread;

    LiveConnection(String id, LiveVenue venue, URI uri, String restBase, SubscriptionPlanner.ConnectionPlan plan,
            ConnectionSettings settings, HttpClient http, FrameSink sink, CaptureMetrics metrics,
            ScheduledExecutorService scheduler, ExecutorService snapshotPool, SlidingWindowLimiter connectLimiter,
            SlidingWindowLimiter snapshotLimiter, InstrumentTerms terms) {
        this.id = id;
        this.venue = venue;
        this.uri = uri;
        this.restBase = restBase;
        this.plan = plan;
        this.settings = settings;
        this.http = http;
        this.sink = sink;
        this.metrics = metrics;
        this.scheduler = scheduler;
        this.snapshotPool = snapshotPool;
        this.connectLimiter = connectLimiter;
        this.snapshotLimiter = snapshotLimiter;
        this.terms = terms;
    }

    public String id() {
        return id;
    }

    public URI uri() {
        return uri;
    }

    public SubscriptionPlanner.ConnectionPlan plan() {
        return plan;
    }

    /** How many times a WebSocket handshake succeeded (1 + reconnects that made it). */
    public int sessionsOpened() {
        return sessionsOpened.get();
    }

    public boolean isOpen() {
        Session s = session;
        return s != null && s.ws != null && !s.closed.isDone();
    }

    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException(id + " already started");
        }
        running = true;
        metrics.registerStreams(venue.feed(), plan.streams().stream().map(LiveStream::name).toList());
        thread = new Thread(this::loop, "rrr-capture-" + id);
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        int attempt = 0;
        while (running) {
            Session s = new Session();
            String why;
            try {
                connectLimiter.acquire();
                if (!running) {
                    break;
                }
                s.open();
                session = s;
                why = s.runUntilClosed();
            } catch (ConnectFailed e) {
                metrics.feed(venue.feed()).connectFailures.increment();
                why = "cannot connect to " + uri + " (" + e.getMessage() + ")";
            } catch (InterruptedException e) {
                break;
            } finally {
                s.shutdown();
            }
            if (!running) {
                break;
            }
            if (s.openedAtNanos != 0 && System.nanoTime() - s.openedAtNanos >= settings.resetBackoffAfter().toNanos()) {
                attempt = 0;
            }
            long delay;
            if (resyncReconnect && s.openedAtNanos != 0) {
                resyncReconnect = false;
                delay = 0; // asked for by a resync, not a failure (the connect limiter still paces it)
            } else {
                delay = settings.backoff().delayMs(attempt);
                attempt = Math.min(attempt + 1, 40);
            }
            metrics.feed(venue.feed()).reconnects.increment();
            LOG.warn("{}: {}; reconnecting in {} ms (retry {})", id, why, delay, attempt);
            try {
                if (stopped.await(delay, TimeUnit.MILLISECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                break;
            }
        }
    }

    /**
     * Resyncs one symbol's book after the job reported it invalid (a gap or checksum mismatch):
     * where the venue's snapshots come over REST (Binance), a fresh snapshot is fetched now and
     * published as a {@link FrameKind#REST_SNAPSHOT} frame (the job's book buffers the diffs since
     * the gap and bridges them onto it); where the venue sends its snapshot on subscribe, the
     * connection is reconnected at once (every symbol on it gets a fresh snapshot), unless its
     * current session was opened after the request came in (it has fresh snapshots already).
     *
     * @param requestedAtNanos {@link System#nanoTime()} when the request arrived
     * @return what was done, for the log
     */
    public String resync(String nativeSymbol, long requestedAtNanos) {
        Session s = session;
        if (!running || s == null || s.closed.isDone()) {
            return "no open session; the next one starts with fresh snapshots";
        }
        if (restBase != null) {
            snapshotPool.execute(() -> s.fetchSnapshot(nativeSymbol, -1));
            return "fetching a fresh REST snapshot";
        }
        if (s.openedAtNanos - requestedAtNanos > 0) {
            return "the session was opened after the request: its snapshots are fresh already";
        }
        resyncReconnect = true;
        s.fail("resync of " + nativeSymbol + " requested: reconnecting for fresh book snapshots");
        return "reconnecting for a fresh snapshot on subscribe";
    }

    /** Stops: closes the socket (a normal close, then abort) and waits for the connection's thread. */
    @Override
    public void close() {
        running = false;
        stopped.countDown();
        Session s = session;
        if (s != null) {
            s.closeNormally();
        }
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static long epochNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private static final class ConnectFailed extends Exception {
        ConnectFailed(String reason) {
            super(reason, null, false, false);
        }
    }

    /** One WebSocket session of the connection, from handshake to loss. */
    private final class Session {
        final CompletableFuture<String> closed = new CompletableFuture<>();
        final List<ScheduledFuture<?>> timers = new ArrayList<>();
        final Map<String, Boolean> snapshotRequested = new ConcurrentHashMap<>();
        final SlidingWindowLimiter messageLimiter = new SlidingWindowLimiter(venue.limits().maxMessagesPerSecond(),
                Duration.ofSeconds(1));
        final Object sendLock = new Object();
        volatile WebSocketClient ws;
        /** Keys this session's frames (a fresh keyer per session: channel ids do not survive a reconnect). */
        final ConnectionKeyer keyer = venue.connectionKeyer();
        volatile long openedAtNanos;
        volatile long lastFrameNanos;
        volatile boolean publishing;
        int messageId;
        /** The URI this session opened: the planned one, or the one the venue's handshake named. */
        URI target = uri;
        Duration heartbeatEvery = venue.heartbeatInterval();
        /** The venue's instruments, null where its list did not load (then no instrument frames). */
        volatile InstrumentCatalog instruments;
        /** The keys whose instrument frame this session published (or that name no listed instrument). */
        final Set<String> announced = ConcurrentHashMap.newKeySet();
        final Object announceLock = new Object();

        void open() throws ConnectFailed, InterruptedException {
            if (venue.handshakePath() != null) {
                handshake();
            }
            instruments = terms == null ? null : terms.catalog(); // a failure is logged there; the capture goes on
            try {
                ws = WebSocketClient.connect(target, settings.connectTimeout(), venue.handshakeHeaders());
            } catch (IOException | RuntimeException e) {
                throw new ConnectFailed(Failures.describe(e, target));
            }
            openedAtNanos = System.nanoTime();
            lastFrameNanos = openedAtNanos;
            sessionsOpened.incrementAndGet();
            metrics.feed(venue.feed()).openConnections.incrementAndGet();
            Thread reader = new Thread(this::read, "rrr-capture-" + id + "-read");
            reader.setDaemon(true);
            reader.start();
        }

        /**
         * The venue's REST handshake (KuCoin's token): the answer names this session's endpoint and
         * heartbeat interval. A failure is a failed connect (retried after the backoff).
         */
        private void handshake() throws ConnectFailed, InterruptedException {
            if (restBase == null) {
                throw new ConnectFailed("the venue needs a REST handshake but has no REST base");
            }
            URI url = URI.create(restBase + venue.handshakePath());
            try {
                HttpRequest req = HttpRequest.newBuilder(url).timeout(settings.restTimeout())
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build();
                HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() != 200) {
                    throw new ConnectFailed("handshake " + url + " answered HTTP " + r.statusCode() + ": "
                            + Failures.clip(new String(r.body(), StandardCharsets.UTF_8), 300));
                }
                LiveVenue.Handshake h = venue.handshake(r.body());
                target = h.endpoint();
                if (h.heartbeatInterval() != null) {
                    heartbeatEvery = h.heartbeatInterval();
                }
                LOG.debug("{}: handshake {} gave {}", id, url, target.getHost());
            } catch (IOException | IllegalArgumentException e) {
                throw new ConnectFailed("handshake " + url + " failed: " + Failures.describe(e, url));
            }
        }

        /** A fresh REST snapshot of every symbol of this session whose first one was requested. */
        private void refreshSnapshots() {
            if (closed.isDone()) {
                return;
            }
            for (String symbol : snapshotRequested.keySet()) {
                LOG.debug("{}: refreshing the {} REST snapshot", id, symbol);
                snapshotPool.execute(() -> fetchSnapshot(symbol, -1));
            }
        }

        /** The reading thread: every message to the sink, in order, until the connection ends. */
        private void read() {
            try {
                fail(ws.readMessages(this::onMessage));
            } catch (IOException | RuntimeException e) {
                fail("connection lost: " + Failures.describe(e, target));
            }
        }

        String runUntilClosed() throws InterruptedException {
            LOG.info("{}: connected to {}; subscribing {} stream(s) in {} message(s)", id,
                    venue.handshakePath() == null ? target : target.getHost(), plan.streams().size(),
                    plan.subscribeBatches().size());
            long silenceMs = settings.silenceTimeout().toMillis();
            long checkMs = Math.max(50, Math.min(1000, silenceMs / 4));
            timers.add(scheduler.scheduleAtFixedRate(this::watchdog, checkMs, checkMs, TimeUnit.MILLISECONDS));
            long waitMs = venue.subscribeDelay().toMillis();
            if (waitMs > 0) {
                try {
                    return String.valueOf(closed.get(waitMs, TimeUnit.MILLISECONDS)); // closed while waiting
                } catch (TimeoutException e) {
                    // the venue's wait after connecting is over: subscribe
                } catch (ExecutionException e) {
                    return String.valueOf(e.getCause());
                }
            }
            subscribing:
            for (List<LiveStream> batch : plan.subscribeBatches()) {
                for (String message : venue.subscribeMessages(batch, () -> ++messageId)) {
                    if (!send(message)) {
                        break subscribing;
                    }
                }
            }
            long refreshMs = settings.snapshotRefresh().toMillis();
            if (instruments != null && refreshMs > 0) {
                // each instrument's terms again with its next frame: a backfill's look-back finds them
                timers.add(scheduler.scheduleAtFixedRate(this::announceAgain, refreshMs, refreshMs,
                        TimeUnit.MILLISECONDS));
            }
            if (restBase != null && refreshMs > 0) {
                // every symbol with a book gets a fresh REST snapshot now and then: a backfill needs a recent one
                timers.add(scheduler.scheduleAtFixedRate(this::refreshSnapshots, refreshMs, refreshMs,
                        TimeUnit.MILLISECONDS));
            }
            Duration every = heartbeatEvery;
            if (venue.heartbeatMessage() != null && every != null && !closed.isDone()) {
                timers.add(scheduler.scheduleAtFixedRate(() -> snapshotPool.execute(() -> {
                    try {
                        send(venue.heartbeatMessage()); // built at each send: some carry the time
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }), every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS));
            }
            Duration pingEvery = venue.protocolPingInterval();
            if (pingEvery != null && !closed.isDone()) {
                timers.add(scheduler.scheduleAtFixedRate(this::sendPing, pingEvery.toMillis(), pingEvery.toMillis(),
                        TimeUnit.MILLISECONDS));
            }
            try {
                return closed.get();
            } catch (ExecutionException e) {
                return String.valueOf(e.getCause());
            }
        }

        /** Sends one message, paced by the venue's message limit; false when the session is over. */
        boolean send(String message) throws InterruptedException {
            synchronized (sendLock) {
                if (closed.isDone()) {
                    return false;
                }
                messageLimiter.acquire();
                try {
                    ws.sendText(message);
                    return true;
                } catch (IOException e) {
                    fail("sending failed: " + Failures.describe(e, target));
                    return false;
                }
            }
        }

        /** A WebSocket ping frame (the venue answers with a pong frame, which is no message). */
        void sendPing() {
            synchronized (sendLock) {
                if (closed.isDone()) {
                    return;
                }
                try {
                    ws.sendPing(new byte[0]);
                } catch (IOException e) {
                    fail("sending a ping failed: " + Failures.describe(e, target));
                }
            }
        }

        void watchdog() {
            if (closed.isDone() || publishing) {
                return;
            }
            long silentNanos = System.nanoTime() - lastFrameNanos;
            if (silentNanos > settings.silenceTimeout().toNanos()) {
                fail(String.format(Locale.ROOT, "no frame for %.1f s (silence timeout %d s)",
                        silentNanos / 1e9, settings.silenceTimeout().toSeconds()));
            }
        }

        void fail(String reason) {
            if (closed.complete(reason)) {
                WebSocketClient w = ws;
                if (w != null) {
                    w.abort();
                }
            }
        }

        void closeNormally() {
            WebSocketClient w = ws;
            if (w != null && !closed.isDone()) {
                try {
                    w.sendClose(1000, "");
                    closed.get(2, TimeUnit.SECONDS); // the venue's close frame ends the reading
                } catch (Exception e) {
                    LOG.debug("{}: no close handshake: {}", id, e.toString());
                }
            }
            fail("capture stopped");
        }

        void shutdown() {
            timers.forEach(t -> t.cancel(false));
            if (openedAtNanos != 0) {
                metrics.feed(venue.feed()).openConnections.decrementAndGet();
            }
            fail("session over");
            if (session == this) {
                session = null;
            }
        }

        /** One complete message from the reading thread. */
        private void onMessage(byte[] message, boolean binary) {
            byte[] payload = message;
            if (binary) {
                try {
                    payload = venue.inflater().inflate(message);
                } catch (IOException | RuntimeException e) {
                    LOG.error("{}: cannot inflate a binary message of {} bytes ({}): published as received", id,
                            message.length, e.toString());
                }
            }
            deliver(payload);
        }

        private void deliver(byte[] payload) {
            long receiveNs = epochNanos();
            lastFrameNanos = System.nanoTime();
            metrics.frame(venue.feed(), venue.streamOf(payload), payload.length);
            String error = venue.errorOf(payload);
            if (error != null) {
                LOG.error("{}: the venue answered with an error: {}", id, Failures.clip(error, 500));
            }
            String reply = venue.replyTo(payload);
            if (reply != null) { // the venue's ping: answered off the reading thread (sends are paced)
                snapshotPool.execute(() -> {
                    try {
                        send(reply);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            publish(new RawFrame(venue.feed(), keyer.key(payload), FrameKind.WS, receiveNs, payload));
            lastFrameNanos = System.nanoTime();
            if (restBase != null) {
                String diffSymbol = venue.bookDiffSymbol(payload);
                for (String symbol : diffSymbol == null ? List.<String>of() : venue.snapshotSymbols(diffSymbol,
                        plan.streams())) {
                    if (snapshotRequested.putIfAbsent(symbol, Boolean.TRUE) == null) {
                        long firstUpdateId = venue.bookDiffFirstUpdateId(payload);
                        scheduler.schedule(() -> snapshotPool.execute(() -> fetchSnapshot(symbol, firstUpdateId)),
                                settings.snapshotDelay().toMillis(), TimeUnit.MILLISECONDS);
                    }
                }
            }
        }

        private void publish(RawFrame frame) {
            publishing = true;
            try {
                announce(frame);
                sink.publish(frame);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.warn("{}: a {} frame received during shutdown was not written", id, frame.kind);
            } finally {
                publishing = false;
            }
        }

        /**
         * Publishes the instrument frame of {@code frame}'s key first where this session has not
         * yet and the venue lists it. Under a lock, so that a frame of the same key on another
         * thread (a REST snapshot) waits until the instrument frame is handed to the sink.
         */
        private void announce(RawFrame frame) throws InterruptedException {
            InstrumentCatalog c = instruments;
            String key = frame.key;
            if (c == null || key == null || announced.contains(key)) {
                return;
            }
            synchronized (announceLock) {
                if (announced.contains(key)) {
                    return;
                }
                Instrument i = c.byNative(key).orElse(null);
                if (i != null) {
                    RawFrame f = InstrumentFrames.frame(i, frame.receiveTimeNs);
                    sink.publish(f);
                    metrics.frame(venue.feed(), null, f.payload.length);
                }
                announced.add(key);
            }
        }

        private void announceAgain() {
            synchronized (announceLock) {
                announced.clear();
            }
        }

        /**
         * Fetches the symbol's REST snapshot until one can bridge the connection's diffs, and
         * publishes it as a {@link FrameKind#REST_SNAPSHOT} frame keyed by the native symbol.
         * Gives up only when the session is over (the next one fetches its own).
         */
        private void fetchSnapshot(String symbol, long firstUpdateId) {
            String url = restBase + venue.snapshotPath(symbol);
            int attempt = 0;
            while (running && !closed.isDone()) {
                long retryAfterMs = -1;
                try {
                    snapshotLimiter.acquire();
                    HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(settings.restTimeout()).GET()
                            .build();
                    HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
                    long receiveNs = epochNanos();
                    byte[] body = r.body();
                    if (r.statusCode() == 200) {
                        long snapshotId = venue.snapshotUpdateId(body);
                        if (snapshotId >= 0 && firstUpdateId >= 0 && snapshotId + 1 < firstUpdateId) {
                            LOG.info("{}: {} snapshot at update id {} is older than the first diff (U={}); "
                                    + "fetching it again", id, symbol, snapshotId, firstUpdateId);
                        } else {
                            metrics.frame(venue.feed(), null, body.length);
                            publish(new RawFrame(venue.feed(), venue.snapshotKey(symbol), FrameKind.REST_SNAPSHOT,
                                    receiveNs, body));
                            metrics.feed(venue.feed()).snapshots.increment();
                            LOG.info("{}: {} REST snapshot published (update id {}, {} bytes)", id, symbol,
                                    snapshotId, body.length);
                            return;
                        }
                    } else {
                        metrics.feed(venue.feed()).snapshotErrors.increment();
                        retryAfterMs = r.headers().firstValue("Retry-After").map(v -> {
                            try {
                                return Long.parseLong(v.trim()) * 1000L;
                            } catch (NumberFormatException e) {
                                return -1L;
                            }
                        }).orElse(-1L);
                        LOG.warn("{}: snapshot {} answered HTTP {}: {}", id, url, r.statusCode(),
                                Failures.clip(new String(body, StandardCharsets.UTF_8), 300));
                    }
                } catch (IOException e) {
                    metrics.feed(venue.feed()).snapshotErrors.increment();
                    LOG.warn("{}: snapshot {} failed: {}", id, url, Failures.describe(e, URI.create(url)));
                } catch (InterruptedException e) {
                    return;
                }
                long wait = retryAfterMs >= 0 ? retryAfterMs : snapshotBackoff.delayMs(attempt++);
                try {
                    closed.get(wait, TimeUnit.MILLISECONDS);
                    return; // the session ended meanwhile
                } catch (TimeoutException e) {
                    // try again
                } catch (InterruptedException | ExecutionException e) {
                    return;
                }
            }
        }
    }
}
