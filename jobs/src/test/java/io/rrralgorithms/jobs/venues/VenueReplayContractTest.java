package io.rrralgorithms.jobs.venues;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.rrralgorithms.connectors.adapters.RawCounts;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.testkit.ReferenceBook;
import io.rrralgorithms.jobs.book.BookGap;
import io.rrralgorithms.jobs.book.BookTop;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * The checks every venue's recorded capture passes through the in-process pipeline (decode → book
 * sync → features), one container per {@link ReplayCase} of {@link ReplayCases}; the case ids are
 * listed in {@code docs/testing.md} ("Venue contract"). The venue classes hold their raw-line oracles
 * and what only they have.
 */
class VenueReplayContractTest {

    /** The oracle's result and the pipeline's run of one case, computed once for all its checks. */
    private static final class Run {
        final ReplayCase c;
        private RawCounts expected;
        private CaptureReplay replay;

        Run(ReplayCase c) {
            this.c = c;
        }

        RawCounts expected() throws Exception {
            if (expected == null) {
                expected = c.oracle().expect(c.paths());
            }
            return expected;
        }

        CaptureReplay replay() throws Exception {
            if (replay == null) {
                replay = CaptureReplay.run(c.paths(), c.depth());
                System.out.println(replay.summary(c.name() + " " + c.files()));
            }
            return replay;
        }
    }

    @TestFactory
    Stream<DynamicNode> everyVenuePassesTheContract() {
        return ReplayCases.all().stream().map(c -> dynamicContainer(c.name(), checks(new Run(c))));
    }

    private static Stream<DynamicTest> checks(Run run) {
        ReplayCase c = run.c;
        List<DynamicTest> t = new ArrayList<>();
        t.add(check("counts from raw lines", () -> assertEquals(c.counts(), ReplayCase.Counts.of(run.expected()),
                "the raw lines' counts are the ones the data is known to have")));
        t.add(check("pipeline counts = raw lines", () -> {
            CaptureReplay r = run.replay();
            assertEquals(ReplayCase.Counts.of(run.expected()), r.counts(), "pipeline counters vs the raw lines");
            assertEquals(r.counters.trades, r.events(EventType.TRADE), "trades counted once each");
            assertEquals(r.counters.snapshots, r.events(EventType.BOOK_SNAPSHOT));
        }));
        t.add(check("synced tops per book", () -> assertEquals(run.expected().syncedTops,
                new TreeMap<>(run.replay().syncedTops), "synced tops per book")));
        t.add(check("gaps listed, no crossed top", () -> {
            CaptureReplay r = run.replay();
            assertEquals(c.counts().gaps(), r.gaps.size(), "gaps: " + r.gaps);
            assertEquals(List.of(), r.crossedTops, "crossed synced tops");
            assertEquals(0, r.counters.crossed);
        }));
        t.add(check("top-" + c.depth() + " vs sorted-map replay", () -> assertTopsEqual(run.expected().books,
                run.replay(), c.depth())));
        t.add(check("checksum where sent", () -> {
            CaptureReplay r = run.replay();
            assertEquals(run.expected().checksums, r.counters.checksums, c.counts().checksums() == 0
                    ? "the venue sends no checksum" : "a checksum verified wherever the venue sent one");
            assertEquals(run.expected().checksumFailures, r.counters.checksumFailures, "the local book matches the venue's");
        }));
        if (c.counts().syncedTops() > 0 && c.noFeatureRows() == null) {
            t.add(check("features computed", () -> assertTrue(run.replay().counters.featureRows > 0)));
        } else if (c.noFeatureRows() != null) {
            t.add(check("no feature rows: " + c.noFeatureRows(), () -> assertEquals(0, run.replay().counters.featureRows,
                    "the case says it gives none; it gives some: drop the opt-out")));
        }
        if (c.drop() != null) {
            t.add(check("injected drop = one gap", () -> {
                CaptureReplay.Dropped d = CaptureReplay.runDropping(c.paths(), c.drop().frame(), c.drop().nth());
                assertNotNull(d.payload(), "no frame to drop");
                List<BookGap> gaps = d.replay().gaps;
                assertEquals(1, gaps.size(), gaps.toString());
                assertEquals(1, d.replay().counters.gaps);
                assertEquals(c.drop().nativeSymbol(), gaps.get(0).nativeSymbol);
                c.drop().gap().check(d.payload(), gaps.get(0));
            }));
        }
        if (c.extra() != null) {
            t.add(check("venue-specific", () -> c.extra().check(run.expected(), run.replay())));
        }
        return t.stream();
    }

    private static DynamicTest check(String id, Executable body) {
        return dynamicTest(id, body);
    }

    /** Every reference book's top levels equal the pipeline's last top of that book. */
    static void assertTopsEqual(Map<String, ReferenceBook> books, CaptureReplay r, int depth) {
        for (Map.Entry<String, ReferenceBook> e : books.entrySet()) {
            String s = e.getKey();
            ReferenceBook ref = e.getValue();
            BookTop top = r.lastTop.get(s);
            assertNotNull(top, s);
            if (ref.lastUpdateId >= 0) {
                assertEquals(ref.lastUpdateId, top.lastUpdateId, s + " last update id");
            }
            // the reference's exact decimals at the top's scales (8, or the instrument's own)
            assertArrayEquals(ref.prices(true, depth, top.priceScale), top.bidPrices, s + " bid prices");
            assertArrayEquals(ref.sizes(true, depth, top.sizeScale), top.bidSizes, s + " bid sizes");
            assertArrayEquals(ref.prices(false, depth, top.priceScale), top.askPrices, s + " ask prices");
            assertArrayEquals(ref.sizes(false, depth, top.sizeScale), top.askSizes, s + " ask sizes");
        }
    }
}
