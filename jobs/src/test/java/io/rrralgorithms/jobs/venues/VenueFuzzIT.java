package io.rrralgorithms.jobs.venues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.rrralgorithms.connectors.kafka.CaptureReplayer;
import io.rrralgorithms.connectors.kafka.EmbeddedKafkaBroker;
import io.rrralgorithms.connectors.kafka.RawFrameRecords;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.venues.Venues;
import io.rrralgorithms.jobs.TestDatabase;
import io.rrralgorithms.jobs.config.JobConfigOptions;
import io.rrralgorithms.jobs.decode.TradeDedupFunction;
import io.rrralgorithms.jobs.local.LocalPipeline;
import io.rrralgorithms.jobs.local.RunSpec;
import io.rrralgorithms.jobs.local.RunSummary;
import io.rrralgorithms.jobs.venues.VenueFuzzTest.Mutation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

/**
 * The fuzz suite through the real job: every venue's captures with one frame of each mutation of
 * {@link VenueFuzzTest} inserted after its original, published into an embedded Kafka broker and
 * read by one bounded Flink job writing PostgreSQL, beside the clean captures through a second
 * job. The fuzzed job finishes; per feed, its dead letters are the clean job's plus the mutated
 * frames, its duplicate trades the inserted duplicates, and book_top, features, trade_bars_1m and
 * book_gaps are the clean job's row for row.
 */
class VenueFuzzIT {
    private static final long SEED = 20261204L;

    @Test
    void mutatedFramesOfEveryVenueLeaveEveryTableOfTheJobUnchanged() throws Exception {
        Map<String, List<RawFrame>> clean = new TreeMap<>();
        Map<String, List<RawFrame>> fuzzed = new TreeMap<>();
        Map<String, long[]> expected = new TreeMap<>(); // feed → [dead letters added, duplicates added]
        Random random = new Random(SEED);
        for (var e : VenueFuzzTest.capturesByFeed().entrySet()) {
            // one stream by receive time: a venue's files can be parallel connections (KRAKEN.ws.48-50), and
            // played one after the other they would go back in time within the partition, where which
            // frames are late depends on when periodic watermarks happen to be emitted
            List<RawFrame> frames = new ArrayList<>(VenueFuzzTest.read(e.getValue()));
            frames.sort(Comparator.comparingLong(f -> f.receiveTimeNs));
            String feed = frames.get(0).feed;
            List<Integer> withEvents = VenueFuzzTest.framesWithEvents(feed, frames, ev -> ev.type != EventType.DECODE_ERROR);
            List<Integer> withTimes = VenueFuzzTest.framesWithEvents(feed, frames, ev -> ev.exchangeTimeMs > 0);
            // a trade the frame guard's clock check refuses (Huobi swaps' 39-min-old BTT-USDT repeat) is a dead
            // letter, never a duplicate: not a frame to duplicate (which frames are drawn depends on the feeds before)
            List<Integer> withTrades = VenueFuzzTest.framesWithEvents(feed, frames,
                    ev -> ev.type == EventType.TRADE && TradeDedupFunction.checked(feed, ev.tradeId)
                            && ev.receiveTimeNs / 1_000_000L - ev.exchangeTimeMs <= 300_000L);
            Map<Integer, RawFrame> inserts = new TreeMap<>();
            long[] added = expected.computeIfAbsent(feed, f -> new long[2]);
            for (Mutation m : Mutation.values()) {
                Map<Integer, RawFrame> one = VenueFuzzTest.inserts(m, feed, frames, withEvents, withTimes, withTrades,
                        random, 1);
                one.keySet().removeAll(inserts.keySet());
                inserts.putAll(one);
                if (m == Mutation.DUPLICATE_TRADE) { // each trade of a duplicated frame (Huobi's can hold several)
                    added[1] += one.values().stream().mapToLong(f -> VenueFuzzTest.checkedTrades(feed, f)).sum();
                } else {
                    added[0] += one.size();
                }
            }
            clean.computeIfAbsent(feed, f -> new ArrayList<>()).addAll(frames);
            fuzzed.computeIfAbsent(feed, f -> new ArrayList<>()).addAll(VenueFuzzTest.withInserts(frames, inserts));
        }

        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(0, null);
                TestDatabase cleanDb = new TestDatabase(); TestDatabase fuzzDb = new TestDatabase()) {
            publish(kafka.bootstrapServers(), "clean.", clean);
            publish(kafka.bootstrapServers(), "fuzz.", fuzzed);
            RunSummary cleanRun = run(kafka.bootstrapServers(), "clean.", clean.keySet(), cleanDb);
            RunSummary fuzzRun = run(kafka.bootstrapServers(), "fuzz.", fuzzed.keySet(), fuzzDb);

            List<String> mismatches = new ArrayList<>();
            for (var fe : expected.entrySet()) {
                String feed = fe.getKey();
                long[] added = fe.getValue();
                long dead = fuzzRun.feedCount(feed, "DEAD_LETTER") - cleanRun.feedCount(feed, "DEAD_LETTER");
                long dups = fuzzRun.feedCount(feed, "DUPLICATE_TRADE") - cleanRun.feedCount(feed, "DUPLICATE_TRADE");
                if (dead != added[0] || dups != added[1]) {
                    mismatches.add(feed + ": dead letters +" + dead + " (inserted " + added[0] + "), duplicates +"
                            + dups + " (inserted " + added[1] + "); fuzzed dead letters: " + fuzzDb.rows(
                            "SELECT receive_time_ns || ' ' || left(reason, 120) FROM dead_letters WHERE feed = '"
                                    + feed + "' ORDER BY 1"));
                }
            }
            assertEquals(List.of(), mismatches);
            for (String t : List.of("book_top", "features", "trade_bars_1m", "book_gaps")) {
                List<String> want = cleanDb.table(t);
                List<String> got = fuzzDb.table(t);
                assertTrue(!want.isEmpty() || t.equals("book_gaps"), t + " empty");
                if (!want.equals(got)) {
                    List<String> missing = new ArrayList<>(want);
                    missing.removeAll(got);
                    List<String> extra = new ArrayList<>(got);
                    extra.removeAll(want);
                    fail(t + ": " + want.size() + " rows clean, " + got.size() + " fuzzed; only clean: "
                            + missing.subList(0, Math.min(5, missing.size())) + "; only fuzzed: "
                            + extra.subList(0, Math.min(5, extra.size())) + "; fuzzed gaps: "
                            + fuzzDb.rows("SELECT feed || ' ' || native_symbol || ' ' || reason FROM book_gaps"));
                }
            }
            long inserted = expected.values().stream().mapToLong(a -> a[0]).sum();
            assertEquals(cleanDb.count("dead_letters") + inserted, fuzzDb.count("dead_letters"));
            System.out.println("fuzz through the job: " + expected.size() + " feeds, " + inserted
                    + " mutated frames dead-lettered, " + expected.values().stream().mapToLong(a -> a[1]).sum()
                    + " duplicate trades counted once; book_top " + cleanDb.count("book_top") + ", features "
                    + cleanDb.count("features") + ", trade_bars_1m " + cleanDb.count("trade_bars_1m")
                    + " rows identical");
        }
    }

    private static void publish(String bootstrap, String prefix, Map<String, List<RawFrame>> byFeed) throws Exception {
        CaptureReplayer.ensureTopics(bootstrap, prefix, new ArrayList<>(byFeed.keySet()), 1);
        try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(RawFrameRecords.producerProperties(bootstrap))) {
            for (List<RawFrame> frames : byFeed.values()) {
                for (RawFrame f : frames) {
                    p.send(RawFrameRecords.record(prefix, f));
                }
            }
            p.flush();
        }
    }

    private static RunSummary run(String bootstrap, String prefix, Iterable<String> feeds, TestDatabase db)
            throws Exception {
        RunSpec s = new RunSpec();
        s.bootstrapServers = bootstrap;
        feeds.forEach(s.feeds::add);
        s.webPort = 0;
        s.postgres = db.target;
        s.job.set(JobConfigOptions.TOPIC_PREFIX, prefix);
        s.job.set(JobConfigOptions.GROUP_ID, "fuzz-" + prefix);
        s.out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertTrue(Venues.feeds().containsAll(s.feeds), s.feeds::toString);
        return new LocalPipeline(s).run();
    }
}
