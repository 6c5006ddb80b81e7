package io.rrralgorithms.connectors.adapters;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a capture's raw lines say, computed by a venue's oracle with Jackson (never with the decoder):
 * the counts the decoder must report, and venue-specific facts the case lists literally.
 */
public final class RawCounts {
    public long frames, ignored, decodeErrors, trades, deltas, snapshots, bbo, checksums;
    public final Map<String, Long> facts = new TreeMap<>();

    public void count(String fact, long n) {
        facts.merge(fact, n, Long::sum);
    }

    public long fact(String name) {
        return facts.getOrDefault(name, 0L);
    }

    public DecoderCase.Counts counts() {
        return new DecoderCase.Counts(frames, ignored, decodeErrors, trades, deltas, snapshots, bbo, checksums);
    }
}
