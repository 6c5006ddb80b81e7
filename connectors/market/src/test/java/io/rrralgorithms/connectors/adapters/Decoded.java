package io.rrralgorithms.connectors.adapters;

import io.rrralgorithms.connectors.model.EventType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** A whole decode of a case's capture files through the capture readers, as the contract checks it. */
public final class Decoded {
    public long frames, ignored, checksums;
    public final Map<EventType, Long> types = new EnumMap<>(EventType.class);
    /** Dead-letter reasons, each with its payload. */
    public final List<String> errors = new ArrayList<>();
    /** The keys of the dead-lettered frames. */
    public final Set<String> deadLetterKeys = new TreeSet<>();
    /** Every frame's key, in file order. */
    public final List<String> keys = new ArrayList<>();
    /** Native symbol to normalized symbol, of every event. */
    public final Map<String, String> symbols = new TreeMap<>();
    /** What a venue's event check tallies, for its decode check. */
    public final Map<String, Long> facts = new TreeMap<>();

    public void count(String fact, long n) {
        facts.merge(fact, n, Long::sum);
    }

    public long fact(String name) {
        return facts.getOrDefault(name, 0L);
    }

    public long count(EventType type) {
        return types.getOrDefault(type, 0L);
    }

    DecoderCase.Counts counts() {
        return new DecoderCase.Counts(frames, ignored, errors.size(), count(EventType.TRADE), count(EventType.BOOK_DELTA),
                count(EventType.BOOK_SNAPSHOT), count(EventType.BBO), checksums);
    }
}
