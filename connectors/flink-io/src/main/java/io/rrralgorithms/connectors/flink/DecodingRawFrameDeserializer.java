package io.rrralgorithms.connectors.flink;

import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.adapters.FrameDecoder;
import io.rrralgorithms.connectors.adapters.FrameGuard;
import io.rrralgorithms.connectors.flink.wire.MarketEventTypeInfo;
import io.rrralgorithms.connectors.kafka.RawTopics;
import io.rrralgorithms.connectors.latency.Latencies;
import io.rrralgorithms.connectors.latency.LatencyHistogram;
import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.util.WallClock;
import io.rrralgorithms.connectors.venues.Venues;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Decodes raw frames with the venue of the topic's feed right in the Kafka source, so that
 * watermarks are generated per partition from the exchange's event time (a topic replaying July
 * never drags another replaying August into lateness). It never throws: a frame that cannot be
 * decoded, or whose events fail the {@link FrameGuard} checks (implausible times and values, too
 * large), becomes a {@code DECODE_ERROR} event that the job routes to the dead-letter output and
 * that never moves a watermark.
 */
public class DecodingRawFrameDeserializer implements KafkaRecordDeserializationSchema<MarketEvent> {
    private static final int MAX_DEAD_LETTER_PAYLOAD = 1 << 20;

    private final String topicPrefix;
    private final FrameGuard.Limits limits;
    private transient Map<String, FrameDecoder> decoders;
    private transient FrameGuard guard;
    private transient Counter framesIn;
    private transient Counter framesIgnored;
    private transient MetricGroup metrics;
    /** Per feed: its frame counter and the wall-clock time of its last frame (for "feed silent" alerts). */
    private transient Map<String, FeedFrames> perFeed;

    /** The metrics {@code feed.<feed>.frames} and {@code feed.<feed>.lastFrameMillis} of one feed. */
    private static final class FeedFrames {
        final Counter frames;
        volatile long lastFrameMillis;

        FeedFrames(MetricGroup group) {
            frames = group.counter("frames");
            group.gauge("lastFrameMillis", (Gauge<Long>) () -> lastFrameMillis);
        }
    }
    /** receive → decoded; null outside a Flink source. */
    private transient LatencyHistogram decodedLatency;
    /**
     * The last record's topic and what it resolved to: a reader's records come in runs of one
     * partition (the same topic String), so the feed (one String object, whose hash the counters'
     * maps then find cached), its decoder and its counters are looked up once per run, not per record.
     */
    private transient String lastTopic;
    private transient String lastFeed;
    private transient FrameDecoder lastDecoder;
    private transient FeedFrames lastFrames;

    public DecodingRawFrameDeserializer(String topicPrefix) {
        this(topicPrefix, FrameGuard.Limits.defaults());
    }

    public DecodingRawFrameDeserializer(String topicPrefix, FrameGuard.Limits limits) {
        this.topicPrefix = topicPrefix;
        this.limits = limits;
    }

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        decoders = new HashMap<>();
        framesIn = context.getMetricGroup().counter("rawFramesIn");
        framesIgnored = context.getMetricGroup().counter("rawFramesIgnored");
        metrics = context.getMetricGroup();
        perFeed = new HashMap<>();
        decodedLatency = Latencies.register(context.getMetricGroup(), Latencies.PATH_MARKET, Latencies.STAGE_DECODED);
    }

    /** The frame counters of {@code feed}; null outside a Flink source or without a feed. */
    private FeedFrames frameCounters(String feed) {
        if (metrics == null || feed == null) {
            return null;
        }
        return perFeed.computeIfAbsent(feed, f -> new FeedFrames(metrics.addGroup("feed", f)));
    }

    /** Resolves a record's topic to its feed, decoder (null: not a decoded feed) and counters, once per run of a topic. */
    private void resolve(String topic) {
        if (topic != null && topic == lastTopic) {
            return;
        }
        String feed = topic == null ? null : RawTopics.feedOf(topicPrefix, topic);
        lastTopic = topic;
        lastFeed = feed;
        lastFrames = frameCounters(feed);
        // one decoder per feed and reader: some venues' decoders keep per-stream state
        lastDecoder = feed == null || !Venues.isSupported(feed) ? null
                : decoders.computeIfAbsent(feed, f -> Venues.forFeed(f).decoder());
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<MarketEvent> out) {
        if (decoders == null) { // used outside a Flink source (benchmarks, tests)
            decoders = new HashMap<>();
        }
        if (guard == null) {
            guard = new FrameGuard(limits);
        }
        if (framesIn != null) {
            framesIn.inc();
        }
        RawFrame frame;
        try {
            frame = toRawFrame(record);
        } catch (IllegalArgumentException e) { // a header we did not write: the frame cannot be timed
            frame = new RawFrame();
            frame.key = keyOf(record);
            frame.payload = record.value() == null ? new byte[0] : record.value();
            frame.receiveTimeNs = Math.max(0L, record.timestamp()) * 1_000_000L;
            frame.feed = RawTopics.feedOf(topicPrefix, record.topic());
            out.collect(error(frame, e.getMessage()));
            return;
        }
        resolve(record.topic());
        if (lastFrames != null) {
            lastFrames.frames.inc();
            lastFrames.lastFrameMillis = System.currentTimeMillis();
        }
        FrameDecoder decoder = lastDecoder;
        if (decoder == null) {
            out.collect(error(frame, "unknown feed for topic '" + record.topic() + "'"));
            return;
        }
        frame.feed = lastFeed;
        long ingestNs = ingestNs(record, frame);
        try {
            if (guard.decode(decoder, frame, e -> {
                e.ingestNs = ingestNs;
                out.collect(e);
            }) == FrameDecoder.Result.IGNORED && framesIgnored != null) {
                framesIgnored.inc();
            }
        } catch (DecodeException e) {
            out.collect(error(frame, e.getMessage()));
        } catch (RuntimeException e) { // a decoder bug must not stop the job
            out.collect(error(frame, "decoder failure: " + e));
        }
        if (decodedLatency != null) {
            decodedLatency.recordSince(ingestNs, WallClock.nowNs());
        }
    }

    /**
     * Where the frame's latency stages start: a replay's publish time ({@link RawTopics#HEADER_INGEST_NS}),
     * else the receive time (a live capture's receive stamp is on the same wall clock).
     */
    static long ingestNs(ConsumerRecord<byte[], byte[]> record, RawFrame frame) {
        Header h = record.headers().lastHeader(RawTopics.HEADER_INGEST_NS);
        if (h != null && h.value() != null && h.value().length > 0 && h.value().length <= 19) {
            long ns = 0;
            for (byte b : h.value()) {
                if (b < '0' || b > '9') {
                    return frame.receiveTimeNs; // not ours: time from the receive stamp
                }
                if (ns > (Long.MAX_VALUE - 9) / 10) {
                    return frame.receiveTimeNs;
                }
                ns = ns * 10 + (b - '0');
            }
            return ns;
        }
        return frame.receiveTimeNs;
    }

    private static final byte[] REST_SNAPSHOT_KIND = FrameKind.REST_SNAPSHOT.name().getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INSTRUMENT_KIND = FrameKind.INSTRUMENT.name().getBytes(StandardCharsets.US_ASCII);

    /** The raw frame of a record; a receive-time header that is not a positive number is refused. */
    static RawFrame toRawFrame(ConsumerRecord<byte[], byte[]> record) {
        RawFrame f = new RawFrame();
        f.key = keyOf(record);
        f.payload = record.value() == null ? new byte[0] : record.value();
        Header ns = record.headers().lastHeader(RawTopics.HEADER_RECEIVE_NS);
        f.receiveTimeNs = ns != null ? receiveTimeNs(ns.value()) : record.timestamp() * 1_000_000L;
        // compared as bytes: no String per record; a kind we did not write is a WebSocket frame, as before
        Header kind = record.headers().lastHeader(RawTopics.HEADER_KIND);
        f.kind = kind == null ? FrameKind.WS : Arrays.equals(kind.value(), REST_SNAPSHOT_KIND) ? FrameKind.REST_SNAPSHOT
                : Arrays.equals(kind.value(), INSTRUMENT_KIND) ? FrameKind.INSTRUMENT : FrameKind.WS;
        return f;
    }

    private static String keyOf(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    }

    private static long receiveTimeNs(byte[] header) {
        long ns = 0;
        if (header == null || header.length == 0 || header.length > 19) {
            throw new IllegalArgumentException("bad " + RawTopics.HEADER_RECEIVE_NS + " header");
        }
        for (byte b : header) {
            if (b < '0' || b > '9') {
                throw new IllegalArgumentException("bad " + RawTopics.HEADER_RECEIVE_NS + " header: not a number");
            }
            try {
                ns = Math.addExact(Math.multiplyExact(ns, 10L), b - '0');
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("bad " + RawTopics.HEADER_RECEIVE_NS + " header: too large");
            }
        }
        if (ns <= 0) {
            throw new IllegalArgumentException("bad " + RawTopics.HEADER_RECEIVE_NS + " header: not positive");
        }
        return ns;
    }

    private static MarketEvent error(RawFrame frame, String reason) {
        byte[] payload = frame.payload.length <= MAX_DEAD_LETTER_PAYLOAD ? frame.payload
                : Arrays.copyOf(frame.payload, MAX_DEAD_LETTER_PAYLOAD);
        return MarketEvent.decodeError(frame.feed, frame.key, frame.receiveTimeNs, reason, payload);
    }

    @Override
    public TypeInformation<MarketEvent> getProducedType() {
        return MarketEventTypeInfo.INSTANCE;
    }
}
