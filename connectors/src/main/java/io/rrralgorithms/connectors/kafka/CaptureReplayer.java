package io.rrralgorithms.connectors.kafka;

import io.rrralgorithms.connectors.capture.CaptureFiles;
import io.rrralgorithms.connectors.capture.CaptureReader;
import io.rrralgorithms.connectors.model.RawFrame;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * Publishes recorded captures into the raw Kafka topics, exactly as the capture service would
 * have: value = frame bytes as received, key = native symbol, record timestamp = receive time.
 * Files of one feed are played one after the other in the order given (a capture split across
 * files is one stream); feeds are merged by receive time. Either as fast as possible or at the
 * recorded pace times a speed factor.
 */
public final class CaptureReplayer {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CaptureReplayer.class);

    private final String bootstrapServers;
    private final String topicPrefix;
    private final int partitions;
    private final double speed;
    private final PrintStream progressOut;
    private final Map<String, String> kafkaProperties;

    private CaptureReplayer(Builder b) {
        this.kafkaProperties = Map.copyOf(b.kafkaProperties);
        this.bootstrapServers = b.bootstrapServers;
        this.topicPrefix = b.topicPrefix;
        this.partitions = b.partitions;
        this.speed = b.speed;
        this.progressOut = b.progressOut;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** What a replay published. */
    public record Result(Map<String, Long> framesPerTopic, long skippedLines, double seconds) {
        public long frames() {
            return framesPerTopic.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The feeds of capture files, in order of first appearance. */
    public static List<String> feedsOf(List<Path> files, String feedOverride) throws IOException {
        List<String> feeds = new ArrayList<>();
        for (Path f : files) {
            try (CaptureReader probe = CaptureFiles.open(f, feedOverride)) {
                if (!feeds.contains(probe.feed())) {
                    feeds.add(probe.feed());
                }
            }
        }
        return feeds;
    }

    public Result replay(List<Path> files, String feedOverride) throws IOException {
        Map<String, List<Path>> byFeed = new LinkedHashMap<>();
        long totalLines = 0;
        for (Path f : files) {
            try (CaptureReader probe = CaptureFiles.open(f, feedOverride)) {
                byFeed.computeIfAbsent(probe.feed(), k -> new ArrayList<>()).add(f);
            }
            totalLines += countLines(f);
        }
        ensureTopics(bootstrapServers, kafkaProperties, topicPrefix, byFeed.keySet(), partitions);

        List<FeedStream> streams = new ArrayList<>();
        for (var e : byFeed.entrySet()) {
            streams.add(new FeedStream(e.getValue(), feedOverride));
        }
        PriorityQueue<FeedStream> queue = new PriorityQueue<>(Comparator.comparingLong(s -> s.head.receiveTimeNs));
        for (FeedStream s : streams) {
            if (s.advance()) {
                queue.add(s);
            }
        }

        Map<String, Long> perTopic = new TreeMap<>();
        AtomicReference<Exception> sendError = new AtomicReference<>();
        ReplayProgress progress = new ReplayProgress(progressOut, totalLines);
        long startWallNs = System.nanoTime();
        long firstFrameNs = queue.isEmpty() ? 0 : queue.peek().head.receiveTimeNs;
        long sent = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps())) {
            while (!queue.isEmpty()) {
                FeedStream s = queue.poll();
                RawFrame f = s.head;
                if (speed > 0) {
                    pace(startWallNs, (long) ((f.receiveTimeNs - firstFrameNs) / speed));
                }
                var record = RawFrameRecords.record(topicPrefix, f);
                String topic = record.topic();
                producer.send(record, (md, ex) -> {
                    if (ex != null) {
                        sendError.compareAndSet(null, ex);
                    }
                });
                if (sendError.get() != null) {
                    throw new IOException("publishing to " + topic + " failed", sendError.get());
                }
                perTopic.merge(topic, 1L, Long::sum);
                progress.update(++sent);
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
        return new Result(perTopic, skipped, (System.nanoTime() - startWallNs) / 1e9);
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
        return RawFrameRecords.producerProperties(bootstrapServers, kafkaProperties);
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
        private final List<Path> files;
        private final String feedOverride;
        private int index;
        private CaptureReader reader;
        private RawFrame head;
        private long skipped;

        FeedStream(List<Path> files, String feedOverride) {
            this.files = files;
            this.feedOverride = feedOverride;
        }

        boolean advance() {
            try {
                while (true) {
                    if (reader != null && reader.hasNext()) {
                        head = reader.next();
                        return true;
                    }
                    close();
                    if (index == files.size()) {
                        head = null;
                        return false;
                    }
                    reader = CaptureFiles.open(files.get(index++), feedOverride);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
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
        private PrintStream progressOut;
        private Map<String, String> kafkaProperties = Map.of();

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
