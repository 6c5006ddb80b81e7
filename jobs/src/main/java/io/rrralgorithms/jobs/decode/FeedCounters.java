package io.rrralgorithms.jobs.decode;

import io.rrralgorithms.jobs.runtime.DurableAccumulators;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.accumulators.LongCounter;

/**
 * Per-feed counts as accumulators named {@code feed.<feed>.<what>}, created when a feed is first
 * seen: the run summary's per-venue table (trades, deltas, gaps, checksums, dead letters …).
 */
public final class FeedCounters {
    public static final String ACC_PREFIX = "feed.";

    private final DurableAccumulators accumulators;
    private final Map<String, LongCounter> byName = new HashMap<>();

    public FeedCounters(DurableAccumulators accumulators) {
        this.accumulators = accumulators;
    }

    public void add(String feed, String what, long n) {
        String name = ACC_PREFIX + feed + '.' + what;
        LongCounter c = byName.get(name);
        if (c == null) {
            c = accumulators.counter(name);
            byName.put(name, c);
        }
        c.add(n);
    }
}
