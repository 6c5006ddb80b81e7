package io.rrralgorithms.connectors.kafka;

import io.rrralgorithms.connectors.capture.CaptureFeeds;
import io.rrralgorithms.connectors.capture.CaptureReader;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.util.WallClock;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes recorded captures into the raw Kafka topics, exactly as the capture service would
 * have: value = frame bytes as received, key = native symbol, record timestamp = receive time.
 * Files of one feed are played one after the other in the order given (a capture split across
 * files is one stream); feeds are merged by receive time. Either as fast as possible or at the
 * recorded pace times a speed factor, each feed on its own clock or all on one
 * ({@link ReplayPacing}).
 */
public final class CaptureReplayer {
    private static final Logger LOG = LoggerFactory.getLogger(CaptureReplayer.class);
    /** Default of {@link Builder#maxPause}: longer than any quiet spell of a live feed worth replaying. */
    public static final Duration DEFAULT_MAX_PAUSE = Duration.ofSeconds(60);

    private final String bootstrapServers;
    private final String topicPrefix;
    private final int partitions;
    private final double speed;
    private final ReplayPacing.Mode pace;
    private final Duration maxPause;
    private final PrintStream progressOut;
    private final boolean resume;
    private final Map<String, String> kafkaProperties;
    private final Duration maxDuration;

    private CaptureReplayer(Builder b) {
        this.maxDuration = b.maxDuration;
        this.kafkaProperties = Map.copyOf(b.kafkaProperties);
        this.bootstrapServers = b.bootstrapServers;
        this.topicPrefix = b.topicPrefix;
        this.partitions = b.partitions;
        this.speed = b.speed;
        this.pace = b.pace;
        this.maxPause = b.maxPause;
        this.progressOut = b.progressOut;
        this.resume = b.resume;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * What a replay published.
     *
     * @param alreadyPublished frames a resumed replay found in the topics and did not publish again
     */
    /** {@code lastReceiveTimeNs}: the latest receive time of the frames replayed (0 for none). */
    public record Result(Map<String, Long> framesPerTopic, long skippedLines, double seconds, long alreadyPublished,
            long lastReceiveTimeNs) {
        public long frames() {
            return framesPerTopic.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The feeds of capture files, in order of first appearance. */
    public static List<String> feedsOf(List<Path> files, CaptureFeeds feedOfFile) throws IOException {
        List<String> feeds = new ArrayList<>();
        for (Path f : files) {
            try (CaptureReader probe = feedOfFile.open(f)) {
                if (!feeds.contains(probe.feed())) {
                    feeds.add(probe.feed());
                }
            }
        }
        return feeds;
    }

    /** Replays {@code files}, all as {@code feed} (null: each file's feed inferred). */
    public Result replay(List<Path> files, String feed) throws IOException {
        return replay(files, CaptureFeeds.of(feed));
    }

    public Result replay(List<Path> files, CaptureFeeds feedOfFile) throws IOException {
        Map<String, List<Path>> byFeed = new LinkedHashMap<>();
        long totalLines = 0;
        for (Path f : files) {
            try (CaptureReader probe = feedOfFile.open(f)) {
                byFeed.computeIfAbsent(probe.feed(), k -> new ArrayList<>()).add(f);
            }
            totalLines += countLines(f);
        }
        ensureTopics(bootstrapServers, kafkaProperties, topicPrefix, byFeed.keySet(), partitions);

        ReplayPacing pacing = new ReplayPacing(speed, pace, maxPause);
        // per feed, each feed's frames take their place on its own clock as they are read
        boolean perFeedClock = pacing.paced() && pace == ReplayPacing.Mode.PER_FEED;
        List<FeedStream> streams = new ArrayList<>();
        for (var e : byFeed.entrySet()) {
            streams.add(new FeedStream(e.getKey(), e.getValue(), feedOfFile, perFeedClock ? pacing : null));
        }
        Comparator<FeedStream> order = perFeedClock
                ? Comparator.<FeedStream>comparingLong(s -> s.headClockNs).thenComparingLong(s -> s.head.receiveTimeNs)
                : Comparator.comparingLong(s -> s.head.receiveTimeNs);
        PriorityQueue<FeedStream> queue = new PriorityQueue<>(order);
        for (FeedStream s : streams) {
            if (s.advance()) {
                queue.add(s);
            }
        }

        // a resumed replay: each partition already holds a prefix of its frames (idempotent producer, acks=all)
        Map<String, long[]> inTopics = resume ? endOffsets(byFeed.keySet()) : Map.of();
        Map<String, long[]> seenPerPartition = new HashMap<>();
        long alreadyPublished = 0;
        Map<String, Long> perTopic = new TreeMap<>();
        AtomicReference<Exception> sendError = new AtomicReference<>();
        ReplayProgress progress = new ReplayProgress(progressOut, totalLines, pacing::describe);
        long startWallNs = System.nanoTime();
        long startClockNs = Long.MIN_VALUE;
        long sent = 0;
        long lastReceiveTimeNs = 0;
        long deadlineNs = maxDuration == null ? 0 : (System.nanoTime() + maxDuration.toNanos()) | 1L;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps())) {
            while (!queue.isEmpty()) {
                FeedStream s = queue.poll();
                RawFrame f = s.head;
                lastReceiveTimeNs = Math.max(lastReceiveTimeNs, f.receiveTimeNs);
                var record = RawFrameRecords.record(topicPrefix, f);
                String topic = record.topic();
                long clockNs = !pacing.paced() ? 0 : perFeedClock ? s.headClockNs : pacing.clockNs("", f.receiveTimeNs);
                if (resume) {
                    long[] ends = inTopics.get(topic);
                    int partition = partition(record.key(), ends.length);
                    long[] seen = seenPerPartition.computeIfAbsent(topic, k -> new long[ends.length]);
                    if (seen[partition]++ < ends[partition]) {
                        alreadyPublished++;
                        progress.update(++sent);
                        if (s.advance()) {
                            queue.add(s);
                        }
                        continue;
                    }
                    // explicit, so that a later resume can tell which partition each frame went to
                    record = new ProducerRecord<>(topic, partition, record.timestamp(), record.key(), record.value(),
                            record.headers());
                }
                if (startClockNs == Long.MIN_VALUE) {
                    startClockNs = clockNs;
                    startWallNs = System.nanoTime();
                }
                if (pacing.paced()) {
                    pace(startWallNs, pacing.dueAfterNs(clockNs - startClockNs));
                }
                if (deadlineNs != 0 && System.nanoTime() - deadlineNs >= 0) {
                    LOG.info("replay stopped after {} s (max duration): {} frames published", maxDuration.toSeconds(),
                            sent);
                    break;
                }
                // where the job's latency stages start (the receive time of a replay is the recorded one)
                record.headers().add(RawTopics.HEADER_INGEST_NS,
                        Long.toString(WallClock.nowNs()).getBytes(StandardCharsets.US_ASCII));
                producer.send(record, (md, ex) -> {
                    if (ex != null) {
                        sendError.compareAndSet(null, ex);
                    }
                });
                if (sendError.get() != null) {
                    throw new IOException("publishing to " + topic + " failed", sendError.get());
                }
                perTopic.merge(topic, 1L, Long::sum);
                if (pacing.paced()) {
                    progress.update(++sent, clockNs - startClockNs);
                } else {
                    progress.update(++sent);
                }
                if (s.advance()) {
                    queue.add(s);
                }
            }
            producer.flush();
        } finally {
            for (FeedStream s : streams) {
                s.close();
            }
        }
        if (sendError.get() != null) {
            throw new IOException("publishing failed", sendError.get());
        }
        progress.finish(sent);
        long skipped = streams.stream().mapToLong(s -> s.skipped).sum();
        if (alreadyPublished > 0) {
            LOG.info("resumed replay: {} frames were already in the topics, {} published now", alreadyPublished,
                    sent - alreadyPublished);
        }
        return new Result(perTopic, skipped, (System.nanoTime() - startWallNs) / 1e9, alreadyPublished,
                lastReceiveTimeNs);
    }

    /** The default partitioner's choice for a keyed record (murmur2 of the key); unkeyed frames go to partition 0. */
    static int partition(byte[] key, int partitions) {
        return key == null ? 0 : Utils.toPositive(Utils.murmur2(key)) % partitions;
    }

    /** Per raw topic of these feeds: the end offset of each partition (records ever written there). */
    private Map<String, long[]> endOffsets(Iterable<String> feeds) throws IOException {
        List<String> topics = new ArrayList<>();
        feeds.forEach(f -> topics.add(RawTopics.topicOf(topicPrefix, f)));
        Properties p = new Properties();
        p.putAll(kafkaProperties); // SASL/SSL of a managed Kafka
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(p)) {
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            Map<String, long[]> out = new HashMap<>();
            for (var d : admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).values()) {
                out.put(d.name(), new long[d.partitions().size()]);
                d.partitions().forEach(tp -> request.put(new TopicPartition(d.name(), tp.partition()), OffsetSpec.latest()));
            }
            admin.listOffsets(request).all().get(30, TimeUnit.SECONDS)
                    .forEach((tp, info) -> out.get(tp.topic())[tp.partition()] = info.offset());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted reading the end offsets of " + topics, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("cannot read the end offsets of " + topics + ": " + e.getMessage(), e);
        }
    }

    private static void pace(long startWallNs, long dueAfterNs) {
        long waitNs = startWallNs + dueAfterNs - System.nanoTime();
        if (waitNs > 1_000_000L) {
            try {
                Thread.sleep(waitNs / 1_000_000L, (int) (waitNs % 1_000_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("replay interrupted", e);
            }
        }
    }

    /** Creates the raw topics of these feeds where missing. */
    public static void ensureTopics(String bootstrapServers, String topicPrefix, Iterable<String> feeds, int partitions)
            throws IOException {
        ensureTopics(bootstrapServers, Map.of(), topicPrefix, feeds, partitions);
    }

    /** The same with the user's client settings ({@link KafkaClientProperties}). */
    public static void ensureTopics(String bootstrapServers, Map<String, String> kafkaProperties, String topicPrefix,
            Iterable<String> feeds, int partitions) throws IOException {
        List<String> topics = new ArrayList<>();
        feeds.forEach(f -> topics.add(RawTopics.topicOf(topicPrefix, f)));
        KafkaTopics.ensure(bootstrapServers, kafkaProperties, topics, partitions);
    }

    /** The producer's settings: the raw topics' (no loss, no reordering) with the user's over them. */
    public Properties producerProps() {
        Properties p = RawFrameRecords.producerProperties(bootstrapServers, Map.of());
        if (speed > 0) {
            // paced: each frame leaves at once, as a live capture's should (a batch waits for none)
            p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        }
        return KafkaClientProperties.apply(p, kafkaProperties);
    }

    private static long countLines(Path f) throws IOException {
        var raw = Files.newInputStream(f);
        var stream = f.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        long n = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8), 1 << 16)) {
            while (r.readLine() != null) {
                n++;
            }
        }
        return n;
    }

    /** The files of one feed read one after the other. */
    private static final class FeedStream {
        private final String feed;
        private final List<Path> files;
        private final CaptureFeeds feedOfFile;
        /** The pacing whose per-feed clock places each head; null when not paced per feed. */
        private final ReplayPacing clock;
        private int index;
        private CaptureReader reader;
        private RawFrame head;
        private long headClockNs;
        private long skipped;

        FeedStream(String feed, List<Path> files, CaptureFeeds feedOfFile, ReplayPacing clock) {
            this.feed = feed;
            this.files = files;
            this.feedOfFile = feedOfFile;
            this.clock = clock;
        }

        boolean advance() {
            try {
                while (true) {
                    if (reader != null && reader.hasNext()) {
                        head = reader.next();
                        if (clock != null) {
                            headClockNs = clock.clockNs(feed, head.receiveTimeNs);
                        }
                        return true;
                    }
                    close();
                    if (index == files.size()) {
                        head = null;
                        return false;
                    }
                    reader = feedOfFile.open(files.get(index++));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void close() {
            if (reader != null) {
                skipped += reader.skippedLines();
                try {
                    reader.close();
                } catch (IOException e) {
                    LOG.warn("closing capture reader", e);
                }
                reader = null;
            }
        }
    }

    public static final class Builder {
        private String bootstrapServers = "127.0.0.1:9092";
        private String topicPrefix = RawTopics.DEFAULT_PREFIX;
        private int partitions = 1;
        private double speed = 0;
        private ReplayPacing.Mode pace = ReplayPacing.Mode.PER_FEED;
        private Duration maxPause = DEFAULT_MAX_PAUSE;
        private PrintStream progressOut;
        private boolean resume;
        private Map<String, String> kafkaProperties = Map.of();
        private Duration maxDuration;

        /** Stop publishing after this much wall time (null: publish every frame), for benchmarks. */
        public Builder maxDuration(Duration d) {
            if (d != null && (d.isNegative() || d.isZero())) {
                throw new IllegalArgumentException("max duration must be > 0");
            }
            this.maxDuration = d;
            return this;
        }

        /**
         * Continue a replay of the same files into topics that hold its first frames: skip, per
         * partition, as many frames as the partition holds. Frames go to explicit partitions.
         */
        public Builder resume(boolean r) {
            this.resume = r;
            return this;
        }

        /** The user's client settings ({@link KafkaClientProperties}): SASL, SSL, … */
        public Builder kafkaProperties(Map<String, String> p) {
            KafkaClientProperties.check(p);
            this.kafkaProperties = p;
            return this;
        }

        public Builder bootstrapServers(String s) {
            this.bootstrapServers = s;
            return this;
        }

        public Builder topicPrefix(String p) {
            this.topicPrefix = p;
            return this;
        }

        /** Partitions of topics this replay creates. */
        public Builder partitions(int n) {
            this.partitions = n;
            return this;
        }

        /** 0 = as fast as possible; 1 = recorded pace; 10 = ten times faster. */
        public Builder speed(double s) {
            if (s < 0) {
                throw new IllegalArgumentException("speed must be >= 0");
            }
            this.speed = s;
            return this;
        }

        /**
         * How paced feeds share the clock: {@code per-feed} (each from its own first frame, the
         * default) or {@code aligned} (one clock, recorded distances between feeds kept).
         */
        public Builder pace(String mode) {
            this.pace = ReplayPacing.Mode.parse(mode);
            return this;
        }

        /** A pause longer than this in recorded time is a gap between recordings: not slept through. */
        public Builder maxPause(Duration d) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("max pause must be >= 0");
            }
            this.maxPause = d;
            return this;
        }

        /** Where to draw the progress bar; null for none. */
        public Builder progress(PrintStream out) {
            this.progressOut = out;
            return this;
        }

        public CaptureReplayer build() {
            return new CaptureReplayer(this);
        }
    }
}
