package io.rrralgorithms.connectors.flink;

import io.rrralgorithms.connectors.adapters.FrameGuard;
import io.rrralgorithms.connectors.kafka.RawTopics;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a backfill from a start that is not the beginning of the raw topics reads from
 * ({@code --from timestamp:T}, {@code offsets:…}, {@code committed}). Rows from the start on must
 * equal those of a run from the beginning, so the job first rebuilds each instrument's state and
 * emits only from the start: per partition it reads from the <em>warm-up offset</em>, the earliest
 * of
 * <ul>
 *   <li>for each instrument of the partition, {@link #SNAPSHOT_LEAD_MS} before its latest book
 *       snapshot at or before the state span below (so that its book is valid through the whole
 *       span, as in the run from the beginning; else its latest snapshot before the start, and the
 *       first minute's rolling volatility may see fewer valid seconds than that run did).
 *       Snapshots are REST or WebSocket ones, found by decoding the partition forward from
 *       {@code lookBackMs} before the start: a venue whose snapshots only come on subscribe has its
 *       snapshot in the topic at the subscription, and the capture refreshes REST snapshots
 *       periodically). The lead takes in the diffs that bridge a snapshot (a Binance REST answer
 *       comes after the stream's first diffs);</li>
 *   <li>for each instrument of the partition, its latest instrument frame (contract terms,
 *       {@code FrameKind.INSTRUMENT}) before the start within the look-back, so that its trades
 *       carry the terms they carry in a run from the beginning;</li>
 *   <li>{@link #STATE_SPAN_MS} and the out-of-orderness before the start: the features' 1-minute
 *       rolling window, and the trade bar and the second that straddle the start;</li>
 *   <li>the beginning of the partition when the job trades: an account's positions, cash, resting
 *       orders and risk windows are the sum of its whole history, of which no snapshot exists.</li>
 * </ul>
 * An instrument seen before the start without a snapshot in the look-back gets one warning line;
 * its book waits for its next snapshot, as a live book does. The job drops every row that ends
 * before the emission time ({@link StartPlan#emitFromMs}).
 *
 * <p>Why read back rather than a compacted topic of book snapshots published by the job: the raw
 * topic already holds every snapshot the venues sent (on subscribe and refreshed by the capture),
 * a backfill of a topic no job has read yet needs nothing else, and the state rebuilt is the
 * job's own, from the same frames, so it is bit for bit the state a run from the beginning has.
 */
public final class StartPlanner {
    private static final Logger LOG = LoggerFactory.getLogger(StartPlanner.class);

    /** Frames received this long before a snapshot are read with it (they may bridge it). */
    public static final long SNAPSHOT_LEAD_MS = 10_000L;
    /** State older than the start that rows after it depend on: the 1-minute windows, plus a second. */
    public static final long STATE_SPAN_MS = 61_000L;
    private static final Duration POLL = Duration.ofMillis(500);
    /** A scan that gets no record for this long while records remain before its end gives up. */
    private static final long STALL_MS = 30_000L;

    /**
     * Where the job reads from, and from when it emits.
     *
     * @param readFrom the warm-up offset of every partition of the raw topics
     * @param startAt the start offset of every partition (what {@code --from} names)
     * @param emitFromMs rows that end before this time are not written
     * @param warnings one line per instrument without a snapshot before the start
     */
    public record StartPlan(Map<TopicPartition, Long> readFrom, Map<TopicPartition, Long> startAt, long emitFromMs,
            List<String> warnings) {
        public int instrumentsWithoutSnapshot() {
            return warnings.size();
        }
    }

    private final Properties consumerProperties;
    private final String topicPrefix;
    private final FrameGuard.Limits limits;

    /**
     * @param consumerProperties the Kafka client settings (bootstrap servers, security, group id for
     *     {@code committed})
     */
    public StartPlanner(Properties consumerProperties, String topicPrefix, FrameGuard.Limits limits) {
        this.consumerProperties = consumerProperties;
        this.topicPrefix = topicPrefix;
        this.limits = limits;
    }

    /** Whether {@code position} is a start that needs a warm-up: not {@code earliest} nor {@code latest}. */
    public static boolean needsWarmUp(String position) {
        String p = position.trim();
        return p.equals("committed") || p.startsWith("timestamp:") || p.startsWith("offsets:");
    }

    /**
     * The plan of a start, or empty where every partition starts at its beginning anyway (or the
     * position needs no warm-up).
     *
     * @param lookBackMs how far before the start snapshots are looked for; 0: from the beginning
     * @param fromBeginning the job trades: every partition is read from its beginning
     */
    public Optional<StartPlan> plan(List<String> feeds, String position, long lookBackMs, long outOfOrdernessMs,
            boolean fromBeginning) {
        if (!needsWarmUp(position)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        p.putAll(consumerProperties);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(16 * 1024 * 1024));
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = partitions(consumer, feeds);
            if (partitions.isEmpty()) {
                return Optional.empty();
            }
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> start = startOffsets(consumer, position.trim(), partitions, beginning, end);
            if (start.entrySet().stream().allMatch(e -> e.getValue() <= beginning.get(e.getKey()))) {
                return Optional.empty(); // from the beginning anyway: a plain run
            }
            long emitFrom = emitFrom(consumer, position.trim(), start, end);
            Map<TopicPartition, Long> readFrom = new LinkedHashMap<>();
            List<String> warnings = new ArrayList<>();
            for (TopicPartition tp : partitions) {
                long b = beginning.get(tp);
                long s = start.get(tp);
                long from = fromBeginning ? b
                        : Math.min(s, atTime(consumer, tp, emitFrom - STATE_SPAN_MS - outOfOrdernessMs, end.get(tp)));
                if (!fromBeginning && s > b) {
                    long spanStart = emitFrom - STATE_SPAN_MS - outOfOrdernessMs;
                    // the look-back, and at least the state span, which is read anyway
                    long scanFrom = lookBackMs <= 0 ? b
                            : Math.min(from, atTime(consumer, tp, emitFrom - lookBackMs, end.get(tp)));
                    Scan scan = scan(consumer, tp, scanFrom, s, spanStart);
                    for (Map.Entry<String, Long> snapshot : scan.lastSnapshotMs.entrySet()) {
                        // the book valid through the whole state span where a snapshot before it exists
                        long at = scan.lastSnapshotBeforeSpanMs.getOrDefault(snapshot.getKey(), snapshot.getValue());
                        from = Math.min(from, atTime(consumer, tp, at - SNAPSHOT_LEAD_MS, s));
                    }
                    for (long instrumentFrame : scan.lastInstrumentOffset.values()) {
                        from = Math.min(from, instrumentFrame);
                    }
                    for (String instrument : scan.seen) {
                        if (!scan.lastSnapshotMs.containsKey(instrument)) {
                            warnings.add(instrument + " has no book snapshot in " + tp + " from "
                                    + (lookBackMs <= 0 ? "its beginning"
                                            : Instant.ofEpochMilli(Math.min(emitFrom - lookBackMs, spanStart)))
                                    + " to the start " + Instant.ofEpochMilli(emitFrom)
                                    + ": its book waits for the next snapshot");
                        }
                    }
                }
                readFrom.put(tp, Math.max(b, Math.min(from, s)));
            }
            StartPlan plan = new StartPlan(readFrom, start, emitFrom, warnings);
            LOG.info("backfill from {}: reading {} (start offsets {}), rows from {}", position, readFrom, start,
                    Instant.ofEpochMilli(emitFrom));
            return Optional.of(plan);
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, List<String> feeds) {
        List<TopicPartition> out = new ArrayList<>();
        Map<String, List<PartitionInfo>> topics = consumer.listTopics();
        for (String feed : feeds) {
            List<PartitionInfo> infos = topics.get(RawTopics.topicOf(topicPrefix, feed));
            if (infos != null) {
                infos.stream().map(i -> new TopicPartition(i.topic(), i.partition()))
                        .sorted((a, b) -> Integer.compare(a.partition(), b.partition())).forEach(out::add);
            }
        }
        return out;
    }

    /** The start offset of every partition, as the Kafka source would start from {@code position}. */
    private static Map<TopicPartition, Long> startOffsets(KafkaConsumer<byte[], byte[]> consumer, String position,
            List<TopicPartition> partitions, Map<TopicPartition, Long> beginning, Map<TopicPartition, Long> end) {
        Map<TopicPartition, Long> start = new LinkedHashMap<>();
        if (position.startsWith("timestamp:")) {
            long t = RawFrameKafkaSource.parseTimestamp(position.substring("timestamp:".length()));
            for (TopicPartition tp : partitions) {
                start.put(tp, atTime(consumer, tp, t, end.get(tp)));
            }
        } else if (position.startsWith("offsets:")) {
            Map<TopicPartition, Long> given = RawFrameKafkaSource.parseOffsets(position.substring("offsets:".length()));
            for (TopicPartition tp : partitions) {
                start.put(tp, given.getOrDefault(tp, beginning.get(tp))); // unlisted: the earliest, as the source does
            }
        } else { // committed: the group's offsets, the earliest where it has none
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
            for (TopicPartition tp : partitions) {
                OffsetAndMetadata o = committed.get(tp);
                start.put(tp, o == null ? beginning.get(tp) : o.offset());
            }
        }
        start.replaceAll((tp, o) -> Math.max(beginning.get(tp), Math.min(end.get(tp), o)));
        return start;
    }

    /**
     * The time rows are written from: the timestamp given, else the earliest record time at the
     * start offsets (record time = the capture's receive time).
     */
    private static long emitFrom(KafkaConsumer<byte[], byte[]> consumer, String position, Map<TopicPartition, Long> start,
            Map<TopicPartition, Long> end) {
        if (position.startsWith("timestamp:")) {
            return RawFrameKafkaSource.parseTimestamp(position.substring("timestamp:".length()));
        }
        long earliest = Long.MAX_VALUE;
        for (Map.Entry<TopicPartition, Long> e : start.entrySet()) {
            if (e.getValue() < end.get(e.getKey())) {
                ConsumerRecord<byte[], byte[]> r = recordAt(consumer, e.getKey(), e.getValue());
                if (r != null) {
                    earliest = Math.min(earliest, r.timestamp());
                }
            }
        }
        return earliest == Long.MAX_VALUE ? System.currentTimeMillis() : earliest;
    }

    /** The first offset whose record time is at or after {@code timeMs}; {@code end} where none is. */
    private static long atTime(KafkaConsumer<byte[], byte[]> consumer, TopicPartition tp, long timeMs, long end) {
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(Map.of(tp, Math.max(0L, timeMs)));
        OffsetAndTimestamp o = found.get(tp);
        return o == null ? end : Math.min(end, o.offset());
    }

    private static ConsumerRecord<byte[], byte[]> recordAt(KafkaConsumer<byte[], byte[]> consumer, TopicPartition tp,
            long offset) {
        consumer.assign(List.of(tp));
        consumer.seek(tp, offset);
        long deadline = System.currentTimeMillis() + STALL_MS;
        while (System.currentTimeMillis() < deadline) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL).records(tp)) {
                if (r.offset() >= offset) {
                    return r;
                }
            }
        }
        return null;
    }

    /**
     * The instruments of a partition's frames in [from, to), the record time of each one's latest
     * snapshot, and of its latest snapshot at or before the state span's start.
     */
    private record Scan(Set<String> seen, Map<String, Long> lastSnapshotMs,
            Map<String, Long> lastSnapshotBeforeSpanMs, Map<String, Long> lastInstrumentOffset) {}

    private Scan scan(KafkaConsumer<byte[], byte[]> consumer, TopicPartition tp, long from, long to, long spanStartMs) {
        Scan scan = new Scan(new TreeSet<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
        if (from >= to) {
            return scan;
        }
        // a fresh decoder, as the job's reader has at the warm-up offset
        DecodingRawFrameDeserializer decoder = new DecodingRawFrameDeserializer(topicPrefix, limits);
        consumer.assign(List.of(tp));
        consumer.seek(tp, from);
        long position = from;
        long lastProgress = System.currentTimeMillis();
        while (position < to) {
            ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
            if (records.isEmpty()) {
                if (System.currentTimeMillis() - lastProgress > STALL_MS) {
                    LOG.warn("scan of {} for book snapshots stopped at offset {} of {}: no records for {} ms", tp,
                            position, to, STALL_MS);
                    break;
                }
                continue;
            }
            lastProgress = System.currentTimeMillis();
            for (ConsumerRecord<byte[], byte[]> r : records.records(tp)) {
                if (r.offset() >= to) {
                    position = to;
                    break;
                }
                position = r.offset() + 1;
                long time = r.timestamp();
                long offset = r.offset();
                decoder.deserialize(r, new Collector<>() {
                    @Override
                    public void collect(MarketEvent e) {
                        if (e.type == EventType.DECODE_ERROR || e.nativeSymbol == null) {
                            return;
                        }
                        String key = e.instrumentKey();
                        if (e.type == EventType.INSTRUMENT) {
                            scan.lastInstrumentOffset.put(key, offset);
                            return;
                        }
                        scan.seen.add(key);
                        if (e.type == EventType.BOOK_SNAPSHOT) {
                            scan.lastSnapshotMs.put(key, time);
                            if (time <= spanStartMs) {
                                scan.lastSnapshotBeforeSpanMs.put(key, time);
                            }
                        }
                    }

                    @Override
                    public void close() {}
                });
            }
        }
        return scan;
    }
}
