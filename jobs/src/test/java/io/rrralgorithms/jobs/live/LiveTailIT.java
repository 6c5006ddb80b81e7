package io.rrralgorithms.jobs.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.capture.CaptureFiles;
import io.rrralgorithms.connectors.capture.CaptureReader;
import io.rrralgorithms.connectors.kafka.EmbeddedKafkaBroker;
import io.rrralgorithms.connectors.kafka.RawFrameRecords;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.jobs.CollectingSinks;
import io.rrralgorithms.jobs.JobOptions;
import io.rrralgorithms.jobs.JobSources;
import io.rrralgorithms.jobs.MarketDataJob;
import io.rrralgorithms.jobs.SharedData;
import io.rrralgorithms.jobs.config.JobConfigOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Live tails: an unbounded job on a topic that stays open, fed live (the first seconds of the
 * recorded Binance spot capture re-timed to now, exchange times and receive times alike, and
 * published at their receive times), whose input then stops. Its last second (feature row and
 * 1 s book sample) and its last minute (trade bar) must appear once the wall clock has passed
 * their end by the out-of-orderness bound (plus a slack for a loaded machine), without a further
 * frame; then a bounded run over the same topic must give the very same rows, tail included.
 */
class LiveTailIT {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(1)
                    .build());

    static final String FEED = "binance-spot";
    static final String PREFIX = "live-tail.";
    static final long BOUND_MS = 2_000L;
    /** Watermark interval, scheduling and sinks on a loaded 2-core machine. */
    static final long SLACK_MS = 5_000L;
    static final long SPAN_MS = 6_000L;
    static final Pattern TIMES = Pattern.compile("\"([ET])\":(\\d{13})");
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aQuietFeedsLastSecondAndMinuteCloseWithinTheBoundAndEqualABoundedRun() throws Exception {
        List<RawFrame> recorded = firstSeconds(SPAN_MS);
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(0, null)) {
            kafka.createTopic(PREFIX + FEED, 1);
            CollectingSinks live = new CollectingSinks();
            JobClient job = env(kafka, false, live).executeAsync("live-tail-unbounded");
            try {
                Thread.sleep(3_000L); // the source is assigned its split before the first frame
                long shiftMs = System.currentTimeMillis() + 200 - recorded.get(0).receiveTimeNs / 1_000_000L;
                Published p = publishLive(kafka, recorded, shiftMs);
                long lastSecondEnd = Math.floorDiv(p.latestEventMs, 1000L) * 1000L + 1000L;
                long lastMinuteEnd = Math.floorDiv(p.latestEventMs, 60_000L) * 60_000L + 60_000L;
                // the rule: processing time past the end (as seen from the last frame) by the bound
                long secondDue = p.sentAtMs + (lastSecondEnd - p.latestEventMs) + BOUND_MS;
                long minuteDue = p.sentAtMs + (lastMinuteEnd - p.latestEventMs) + BOUND_MS;
                System.out.printf("published %d frames, the latest exchange time %d, the last sent at %d; its second "
                        + "is due at %d, its minute at %d%n", recorded.size(), p.latestEventMs, p.sentAtMs, secondDue,
                        minuteDue);

                long secondSeenAt = await(() -> live.featureRows().stream().anyMatch(r -> r.timeMs >= lastSecondEnd),
                        secondDue + SLACK_MS, "the last second's feature row");
                long minuteSeenAt = await(() -> live.bars().stream()
                        .anyMatch(b -> b.windowStartMs + 60_000L >= lastMinuteEnd), minuteDue + SLACK_MS,
                        "the last minute's trade bar");
                System.out.printf("last second written %d ms after it was due, last minute %d ms after (bound %d ms)%n",
                        secondSeenAt - secondDue, minuteSeenAt - minuteDue, BOUND_MS);
                // not before it was due: nothing but the clock closed them (the watermark interval is 200 ms)
                assertTrue(secondSeenAt >= secondDue - 250, "the last second closed early: " + (secondSeenAt - secondDue));
                assertTrue(minuteSeenAt >= minuteDue - 250, "the last minute closed early: " + (minuteSeenAt - minuteDue));
            } finally {
                job.cancel().get();
            }

            CollectingSinks bounded = new CollectingSinks();
            env(kafka, true, bounded).execute("live-tail-bounded");
            assertFalse(bounded.featureRows().isEmpty());
            assertEquals(render(bounded.featureRows(), r -> r.timeMs), render(live.featureRows(), r -> r.timeMs),
                    "features");
            assertEquals(render(bounded.samples(), t -> t.exchangeTimeMs), render(live.samples(), t -> t.exchangeTimeMs),
                    "book_top samples");
            assertEquals(render(bounded.bars(), b -> b.windowStartMs), render(live.bars(), b -> b.windowStartMs),
                    "trade bars");
        }
    }

    private static StreamExecutionEnvironment env(EmbeddedKafkaBroker kafka, boolean bounded, CollectingSinks sinks) {
        Configuration o = new Configuration();
        o.set(JobConfigOptions.TOPIC_PREFIX, PREFIX);
        o.set(JobConfigOptions.GROUP_ID, PREFIX + (bounded ? "bounded" : "live"));
        o.set(JobConfigOptions.OUT_OF_ORDERNESS_MS, BOUND_MS);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        new MarketDataJob(new JobSources(kafka.bootstrapServers(), Map.of(), o).rawFrames(List.of(FEED), bounded),
                List.of(sinks), JobOptions.from(o, null)).build(env);
        return env;
    }

    /** The frames of the capture's first {@code spanMs} (its REST snapshot among them). */
    private static List<RawFrame> firstSeconds(long spanMs) throws Exception {
        List<RawFrame> out = new ArrayList<>();
        try (CaptureReader r = CaptureFiles.open(SharedData.market("binance-spot/btcusdt_20240808.gz"), null)) {
            long first = Long.MIN_VALUE;
            while (r.hasNext()) {
                RawFrame f = r.next();
                if (first == Long.MIN_VALUE) {
                    first = f.receiveTimeNs;
                }
                if (f.receiveTimeNs - first > spanMs * 1_000_000L) {
                    break;
                }
                out.add(f);
            }
        }
        return out;
    }

    /**
     * Publishes the frames as a live capture would: times shifted by {@code shiftMs} (receive
     * time, and the exchange's event and trade times in the payload), each at its receive time.
     */
    private static Published publishLive(EmbeddedKafkaBroker kafka, List<RawFrame> frames, long shiftMs)
            throws Exception {
        long latest = Long.MIN_VALUE;
        long sentAt = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                RawFrameRecords.producerProperties(kafka.bootstrapServers()))) {
            for (RawFrame f : frames) {
                long receiveMs = f.receiveTimeNs / 1_000_000L + shiftMs;
                Matcher m = TIMES.matcher(new String(f.payload, StandardCharsets.UTF_8));
                StringBuilder payload = new StringBuilder();
                while (m.find()) {
                    long t = Long.parseLong(m.group(2)) + shiftMs;
                    latest = Math.max(latest, t);
                    m.appendReplacement(payload, "\"" + m.group(1) + "\":" + t);
                }
                m.appendTail(payload);
                long wait = receiveMs - System.currentTimeMillis();
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                RawFrame shifted = new RawFrame(FEED, f.key, f.kind, f.receiveTimeNs + shiftMs * 1_000_000L,
                        payload.toString().getBytes(StandardCharsets.UTF_8));
                producer.send(RawFrameRecords.record(PREFIX, shifted));
                producer.flush();
                sentAt = System.currentTimeMillis();
            }
        }
        return new Published(latest, sentAt);
    }

    /** The latest exchange time published, and when the last frame was sent. */
    private record Published(long latestEventMs, long sentAtMs) {}

    /** Waits for {@code done}; returns the wall-clock time it was seen at, failing past {@code deadlineMs}. */
    private static long await(Supplier<Boolean> done, long deadlineMs, String what) throws InterruptedException {
        while (!done.get()) {
            long now = System.currentTimeMillis();
            assertTrue(now <= deadlineMs, what + " did not appear within the bound and " + SLACK_MS + " ms of slack ("
                    + (now - deadlineMs) + " ms late)");
            Thread.sleep(50);
        }
        return System.currentTimeMillis();
    }

    private static <T> List<String> render(List<T> rows, ToLongFunction<T> time) throws Exception {
        List<T> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingLong(time));
        List<String> out = new ArrayList<>();
        for (T r : sorted) {
            out.add(JSON.writeValueAsString(r));
        }
        return out;
    }
}
