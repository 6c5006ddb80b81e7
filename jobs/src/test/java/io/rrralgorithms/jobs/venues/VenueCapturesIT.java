package io.rrralgorithms.jobs.venues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.capture.CryptofeedCaptureReader;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.venues.Venues;
import io.rrralgorithms.jobs.SharedData;
import io.rrralgorithms.jobs.TestDatabase;
import io.rrralgorithms.jobs.features.InProcessPipeline;
import io.rrralgorithms.jobs.local.LocalPipeline;
import io.rrralgorithms.jobs.local.RunSpec;
import io.rrralgorithms.jobs.local.RunSummary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every supported venue's cryptofeed capture in one run through the real path: the captures are
 * replayed into their {@code raw.<feed>} topics of an embedded Kafka broker, one bounded Flink job
 * reads them all and writes to PostgreSQL. Per feed, the job's counts (trades, snapshots, deltas,
 * BBO, gaps, checksums checked and failed, dead letters) must equal the in-process replay of the
 * same files (whose trade counts the per-venue replay tests check against the raw lines), no book
 * may ever cross, and the gaps in {@code book_gaps} must be the ones counted.
 */
class VenueCapturesIT {

    @Test
    void everyVenueCaptureRunsThroughKafkaFlinkAndPostgres() throws Exception {
        Map<String, List<Path>> filesByFeed = capturesByFeed();
        assertTrue(filesByFeed.size() >= 2, "captures found: " + filesByFeed.keySet());

        // ---- expectations: the in-process pipeline over the same files
        Map<String, Map<String, Long>> expected = new TreeMap<>();
        for (var e : filesByFeed.entrySet()) {
            Map<String, Long> counts = new LinkedHashMap<>();
            CaptureReplay r = CaptureReplay.run(e.getValue(), 10);
            System.out.println(r.summary(e.getKey()));
            InProcessPipeline.Counters c = r.counters;
            for (EventType t : List.of(EventType.TRADE, EventType.BOOK_SNAPSHOT, EventType.BOOK_DELTA, EventType.BBO,
                    EventType.DERIVATIVES)) {
                counts.put(t.name(), r.events(t));
            }
            counts.put("GAPS", c.gaps);
            counts.put("CHECKSUMS", c.checksums);
            counts.put("CHECKSUM_FAILURES", c.checksumFailures);
            counts.put("DEAD_LETTER", c.decodeErrors);
            assertEquals(List.of(), r.crossedTops, e.getKey() + ": crossed tops in-process");
            expected.put(e.getKey(), counts);
        }

        // ---- the run: Kafka → Flink → PostgreSQL
        try (TestDatabase db = new TestDatabase()) {
            RunSpec s = new RunSpec();
            s.files = filesByFeed.values().stream().flatMap(List::stream).toList();
            s.kafkaPort = 0;
            s.webPort = 0;
            s.postgres = db.target;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            s.out = new PrintStream(out, true, StandardCharsets.UTF_8);

            RunSummary summary = new LocalPipeline(s).run();
            System.out.println(summary.render());

            List<String> mismatches = new ArrayList<>();
            for (var e : expected.entrySet()) {
                String feed = e.getKey();
                e.getValue().forEach((what, n) -> {
                    long got = summary.feedCount(feed, what);
                    if (got != n) {
                        mismatches.add(feed + " " + what + ": job " + got + ", in-process " + n);
                    }
                });
                if (summary.feedCount(feed, "CROSSED") != 0) {
                    mismatches.add(feed + " crossed books: " + summary.feedCount(feed, "CROSSED"));
                }
                long gapRows = db.count("book_gaps WHERE feed = '" + feed + "'");
                if (gapRows != e.getValue().get("GAPS")) {
                    mismatches.add(feed + " book_gaps rows " + gapRows + " != gaps " + e.getValue().get("GAPS"));
                }
                long derivativeRows = db.count("derivatives WHERE feed = '" + feed + "'");
                if (derivativeRows != e.getValue().get("DERIVATIVES")) {
                    mismatches.add(feed + " derivatives rows " + derivativeRows + " != events "
                            + e.getValue().get("DERIVATIVES"));
                }
            }
            assertEquals(List.of(), mismatches, summary::toJson);
            assertEquals(0, summary.crossed(), summary::toJson);
        }
    }

    /** The cryptofeed {@code EXCHANGE.ws.N.0} files of every feed that names its cryptofeed exchange. */
    static Map<String, List<Path>> capturesByFeed() throws Exception {
        Path dir = SharedData.market("cryptofeed");
        Map<String, List<Path>> m = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String exchange = CryptofeedCaptureReader.exchangeOf(f);
                String feed = exchange == null ? null : CryptofeedCaptureReader.FEEDS.get(exchange);
                if (feed != null && Venues.isSupported(feed)) {
                    m.computeIfAbsent(feed, k -> new ArrayList<>()).add(f);
                }
            }
        }
        return m;
    }
}
