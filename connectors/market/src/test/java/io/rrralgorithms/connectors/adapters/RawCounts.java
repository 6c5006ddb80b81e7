package io.rrralgorithms.connectors.adapters;

import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.Mantissa;
import io.rrralgorithms.connectors.testkit.ReferenceBook;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a capture's raw lines say, computed by a venue's one oracle with Jackson (never the decoder
 * or the synchronizer), for both contracts: the counts the decoder must report, the book-sync
 * counters, synced tops and reference books the replay must match, and venue-specific facts the
 * cases list literally.
 */
public final class RawCounts {
    public long frames, ignored, decodeErrors, trades, deltas, snapshots, bbo, checksums;
    /** Book sync only: stale diffs, gaps, checksum mismatches. */
    public long stale, gaps, checksumFailures;
    public final Map<String, Long> facts = new TreeMap<>();
    /** Synced tops per native symbol (books without one are left out). */
    public final Map<String, Integer> syncedTops = new TreeMap<>();
    /** The books to compare with the pipeline's last top; {@link ReferenceBook#lastUpdateId} too where set. */
    public final Map<String, ReferenceBook> books = new TreeMap<>();
    /** Every frame's partition key in file order, where the oracle derives them (else null). */
    public List<String> keys;

    public void count(String fact, long n) {
        facts.merge(fact, n, Long::sum);
    }

    public long fact(String name) {
        return facts.getOrDefault(name, 0L);
    }

    /**
     * The REST books of {@code http} whose URL contains {@code url}, each a frame: one with a number
     * no long mantissa scale holds is a dead letter ("dead snapshots"), the others are snapshots and returned.
     */
    public List<CaptureLines.Rest> restBooks(Path http, String url) {
        List<CaptureLines.Rest> out = new ArrayList<>();
        for (CaptureLines.Rest r : CaptureLines.rest(http, url)) {
            frames++;
            if (!Mantissa.holdable(Mantissa.levelValues(r.body()))) {
                decodeErrors++;
                count("dead snapshots", 1);
            } else {
                snapshots++;
                out.add(r);
            }
        }
        return out;
    }

    public ReferenceBook book(String nativeSymbol) {
        return books.computeIfAbsent(nativeSymbol, s -> new ReferenceBook());
    }

    public void syncedTop(String nativeSymbol) {
        syncedTops.merge(nativeSymbol, 1, Integer::sum);
    }

    public long syncedTopsTotal() {
        return syncedTops.values().stream().mapToLong(Integer::longValue).sum();
    }

    public DecoderCase.Counts counts() {
        return new DecoderCase.Counts(frames, ignored, decodeErrors, trades, deltas, snapshots, bbo, checksums);
    }
}
