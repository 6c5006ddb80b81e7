package io.rrralgorithms.jobs.venues;

import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.Mantissa;
import io.rrralgorithms.connectors.testkit.ReferenceBook;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a capture's raw lines say, computed by a venue's oracle (Jackson over the lines, never the
 * decoder or the synchronizer): the counters the pipeline must report, the synced tops per book, and
 * the reference books whose final top the pipeline's must equal.
 */
final class RawReplay {
    long frames, ignored, decodeErrors, trades, deltas, snapshots, bbo, stale, gaps, checksums, checksumFailures;
    /** Synced tops per native symbol (books without one are left out). */
    final Map<String, Integer> syncedTops = new TreeMap<>();
    /** The books to compare with the pipeline's last top; {@link ReferenceBook#lastUpdateId} too where set. */
    final Map<String, ReferenceBook> books = new TreeMap<>();

    /** Venue-specific numbers of the raw lines, for the case's own checks. */
    final Map<String, Long> facts = new TreeMap<>();

    void count(String fact, long n) {
        facts.merge(fact, n, Long::sum);
    }

    long fact(String name) {
        return facts.getOrDefault(name, 0L);
    }

    /**
     * The REST books of {@code http} whose URL contains {@code url}, each a frame: one with a number
     * finer than the scale is a dead letter ("dead snapshots"), the others are snapshots and returned.
     */
    List<CaptureLines.Rest> restBooks(Path http, String url) {
        List<CaptureLines.Rest> books = new ArrayList<>();
        for (CaptureLines.Rest r : CaptureLines.rest(http, url)) {
            frames++;
            if (Mantissa.finerThanScale(r.body())) {
                decodeErrors++;
                count("dead snapshots", 1);
            } else {
                snapshots++;
                books.add(r);
            }
        }
        return books;
    }

    ReferenceBook book(String nativeSymbol) {
        return books.computeIfAbsent(nativeSymbol, s -> new ReferenceBook());
    }

    void syncedTop(String nativeSymbol) {
        syncedTops.merge(nativeSymbol, 1, Integer::sum);
    }

    long syncedTopsTotal() {
        return syncedTops.values().stream().mapToLong(Integer::longValue).sum();
    }

    ReplayCase.Counts counts() {
        return new ReplayCase.Counts(frames, ignored, decodeErrors, trades, deltas, snapshots, bbo, stale, gaps, checksums,
                checksumFailures, syncedTopsTotal());
    }
}
