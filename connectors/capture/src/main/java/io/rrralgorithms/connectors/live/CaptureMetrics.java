package io.rrralgorithms.connectors.live;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;

/**
 * The capture service's metrics, per feed: frames (and bytes) received, frames per second,
 * open connections, reconnects, failed connects, REST snapshots (and failed ones), Kafka send
 * errors, and the seconds since the last frame of every subscribed stream. Rendered as
 * Prometheus text ({@link #prometheusText()}) and as one status line ({@link #statusLine()}).
 */
public final class CaptureMetrics {
    /** Frames per second are averaged over this many 1 s ticks. */
    private static final int RATE_TICKS = 10;

    private final LongSupplier nanoClock;
    private final Map<String, Feed> feeds = new ConcurrentSkipListMap<>();

    /** The counters of one feed. */
    public static final class Feed {
        public final LongAdder frames = new LongAdder();
        public final LongAdder bytes = new LongAdder();
        public final LongAdder reconnects = new LongAdder();
        public final LongAdder connectFailures = new LongAdder();
        public final LongAdder snapshots = new LongAdder();
        public final LongAdder snapshotErrors = new LongAdder();
        public final LongAdder kafkaSendErrors = new LongAdder();
        /** Book resyncs done on the job's request (REST snapshots fetched or reconnects). */
        public final LongAdder resyncs = new LongAdder();
        public final AtomicInteger openConnections = new AtomicInteger();
        /** nanoTime of the last frame per stream; the time the stream was registered until one came. */
        final Map<String, AtomicLong> lastFrameNanos = new ConcurrentHashMap<>();
        private final ArrayDeque<long[]> samples = new ArrayDeque<>(); // {nanoTime, frames}
        private volatile double framesPerSecond;

        public double framesPerSecond() {
            return framesPerSecond;
        }
    }

    public CaptureMetrics() {
        this(System::nanoTime);
    }

    CaptureMetrics(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    public Feed feed(String feed) {
        return feeds.computeIfAbsent(feed, f -> new Feed());
    }

    /** Starts the silence clocks of these streams (a stream that never sends ages from now). */
    public void registerStreams(String feed, Collection<String> streams) {
        long now = nanoClock.getAsLong();
        Feed f = feed(feed);
        for (String s : streams) {
            f.lastFrameNanos.putIfAbsent(s, new AtomicLong(now));
        }
    }

    /** One frame received; {@code stream} may be null (acks, connection heartbeats). */
    public void frame(String feed, String stream, int bytes) {
        Feed f = feed(feed);
        f.frames.increment();
        f.bytes.add(bytes);
        if (stream != null) {
            AtomicLong last = f.lastFrameNanos.get(stream);
            if (last != null) { // only subscribed streams: a venue's stray names must not grow the map
                last.set(nanoClock.getAsLong());
            }
        }
    }

    /** Seconds since the last frame of each stream of a feed. */
    public Map<String, Double> secondsSinceLastFrame(String feed) {
        long now = nanoClock.getAsLong();
        Map<String, Double> out = new TreeMap<>();
        feed(feed).lastFrameNanos.forEach((s, t) -> out.put(s, (now - t.get()) / 1e9));
        return out;
    }

    /** Takes a frames-per-second sample; called every second by the service. */
    public void tick() {
        long now = nanoClock.getAsLong();
        for (Feed f : feeds.values()) {
            synchronized (f.samples) {
                f.samples.addLast(new long[] {now, f.frames.sum()});
                while (f.samples.size() > RATE_TICKS + 1) {
                    f.samples.pollFirst();
                }
                long[] first = f.samples.peekFirst();
                long[] last = f.samples.peekLast();
                f.framesPerSecond = last[0] > first[0] ? (last[1] - first[1]) * 1e9 / (last[0] - first[0]) : 0.0;
            }
        }
    }

    public Collection<String> feeds() {
        return feeds.keySet();
    }

    /** The Prometheus text exposition (format 0.0.4). */
    public String prometheusText() {
        StringBuilder b = new StringBuilder(1024);
        counter(b, "rrr_capture_frames_total", "Frames received (WebSocket messages and REST snapshots).",
                f -> f.frames.sum());
        counter(b, "rrr_capture_bytes_total", "Payload bytes received.", f -> f.bytes.sum());
        gauge(b, "rrr_capture_frames_per_second", "Frames received per second over the last 10 s.",
                Feed::framesPerSecond);
        gauge(b, "rrr_capture_connections_open", "WebSocket connections open now.", f -> f.openConnections.get());
        counter(b, "rrr_capture_reconnects_total", "Connections lost or failed that were tried again.",
                f -> f.reconnects.sum());
        counter(b, "rrr_capture_connect_failures_total", "Connection attempts that failed (no handshake).",
                f -> f.connectFailures.sum());
        counter(b, "rrr_capture_rest_snapshots_total", "REST book snapshots published.", f -> f.snapshots.sum());
        counter(b, "rrr_capture_rest_snapshot_errors_total", "REST book snapshot requests that failed.",
                f -> f.snapshotErrors.sum());
        counter(b, "rrr_capture_kafka_send_errors_total",
                "Kafka send errors (a send that timed out and was retried, or a record Kafka refused).",
                f -> f.kafkaSendErrors.sum());
        counter(b, "rrr_capture_resyncs_total",
                "Book resyncs done on the job's request (a fresh REST snapshot or a reconnect).",
                f -> f.resyncs.sum());
        b.append("# HELP rrr_capture_seconds_since_last_frame Seconds since the last frame of a subscribed stream.\n")
                .append("# TYPE rrr_capture_seconds_since_last_frame gauge\n");
        for (String feed : feeds.keySet()) {
            secondsSinceLastFrame(feed).forEach((s, v) -> b.append("rrr_capture_seconds_since_last_frame{feed=\"")
                    .append(escape(feed)).append("\",stream=\"").append(escape(s)).append("\"} ")
                    .append(format(v)).append('\n'));
        }
        return b.toString();
    }

    /** One line: per feed frames/s, connections, reconnects, errors and the most silent stream. */
    public String statusLine() {
        StringBuilder b = new StringBuilder("capture:");
        for (var e : feeds.entrySet()) {
            Feed f = e.getValue();
            b.append(' ').append(e.getKey()).append(String.format(Locale.ROOT, " %.1f frames/s", f.framesPerSecond))
                    .append(", ").append(f.frames.sum()).append(" frames, ")
                    .append(f.openConnections.get()).append(" conn open, ")
                    .append(f.reconnects.sum()).append(" reconnects, ")
                    .append(f.snapshots.sum()).append(" snapshots, ")
                    .append(f.resyncs.sum() > 0 ? f.resyncs.sum() + " resyncs, " : "")
                    .append(f.kafkaSendErrors.sum()).append(" kafka errors");
            Map.Entry<String, Double> stalest = secondsSinceLastFrame(e.getKey()).entrySet().stream()
                    .max(Map.Entry.comparingByValue()).orElse(null);
            if (stalest != null) {
                b.append(String.format(Locale.ROOT, ", most silent %s %.1f s", stalest.getKey(), stalest.getValue()));
            }
            b.append(';');
        }
        return b.toString();
    }

    private void counter(StringBuilder b, String name, String help, ToDoubleFunction<Feed> v) {
        metric(b, name, help, "counter", v);
    }

    private void gauge(StringBuilder b, String name, String help, ToDoubleFunction<Feed> v) {
        metric(b, name, help, "gauge", v);
    }

    private void metric(StringBuilder b, String name, String help, String type,
            ToDoubleFunction<Feed> v) {
        b.append("# HELP ").append(name).append(' ').append(help).append('\n');
        b.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        for (var e : feeds.entrySet()) {
            b.append(name).append("{feed=\"").append(escape(e.getKey())).append("\"} ")
                    .append(format(v.applyAsDouble(e.getValue()))).append('\n');
        }
    }

    private static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
