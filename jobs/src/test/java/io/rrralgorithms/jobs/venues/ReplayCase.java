package io.rrralgorithms.jobs.venues;

import io.rrralgorithms.connectors.adapters.RawCounts;
import io.rrralgorithms.connectors.testkit.SharedData;
import io.rrralgorithms.jobs.book.BookGap;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * One entry of the venue replay contract ({@link VenueReplayContractTest}).
 *
 * @param name the case id shown by the test report
 * @param files cryptofeed capture names, replayed one after the other as one feed (their
 *     {@code .http.*} snapshots join by name)
 * @param oracle computes {@link RawCounts} from the raw lines of {@code files}
 * @param counts the literal counts, so that oracle and pipeline cannot drift together
 * @param drop a book frame to remove (one gap expected), or null where the venue's ids cannot show a loss
 * @param extra venue-specific checks on the same run, or null
 * @param noFeatureRows null where the synced tops must give feature rows; else why this capture
 *     gives none ({@link #withoutFeatureRows}), and the contract checks that it really gives none
 */
record ReplayCase(String name, List<String> files, int depth, Oracle oracle, Counts counts, Drop drop, Extra extra,
        String noFeatureRows) {

    ReplayCase(String name, List<String> files, int depth, Oracle oracle, Counts counts, Drop drop, Extra extra) {
        this(name, files, depth, oracle, counts, drop, extra, null);
    }

    /** This case opted out of "features computed": {@code why} says what in the data prevents a row. */
    ReplayCase withoutFeatureRows(String why) {
        return new ReplayCase(name, files, depth, oracle, counts, drop, extra, why);
    }

    /** The counters of one replay, in the pipeline's terms. */
    record Counts(long frames, long ignored, long decodeErrors, long trades, long deltas, long snapshots, long bbo,
            long stale, long gaps, long checksums, long checksumFailures, long syncedTops) {
        /** The counters the raw lines give. */
        static Counts of(RawCounts r) {
            return new Counts(r.frames, r.ignored, r.decodeErrors, r.trades, r.deltas, r.snapshots, r.bbo, r.stale, r.gaps,
                    r.checksums, r.checksumFailures, r.syncedTopsTotal());
        }
    }

    interface Oracle {
        RawCounts expect(List<Path> files) throws Exception;
    }

    interface Extra {
        void check(RawCounts expected, CaptureReplay replay) throws Exception;
    }

    interface GapCheck {
        void check(String droppedPayload, BookGap gap) throws Exception;
    }

    /**
     * Removes the {@code nth} frame whose payload matches {@code frame} (a frame of {@code nativeSymbol}'s
     * book): exactly one gap, on that book, which {@code gap} checks against the dropped payload.
     */
    record Drop(String nativeSymbol, Predicate<String> frame, int nth, GapCheck gap) {}

    List<Path> paths() {
        return files.stream().map(SharedData::cryptofeed).toList();
    }

    @Override
    public String toString() {
        return name;
    }
}
