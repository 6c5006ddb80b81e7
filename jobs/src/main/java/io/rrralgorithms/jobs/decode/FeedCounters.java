package io.rrralgorithms.jobs.decode;

import io.rrralgorithms.jobs.runtime.DurableAccumulators;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * Per-feed counts as accumulators named {@code feed.<feed>.<what>}, created when a feed is first
 * seen: the run summary's per-venue table (trades, deltas, gaps, checksums, dead letters …). With
 * a metric group, each count is also a Flink counter in the group {@code feed} with the feed as
 * its variable ({@code <operator>.feed.<feed>.<what in lower camel case>}; the Prometheus reporter
 * writes {@code ..._operator_feed_<what>{feed="binance_spot"}}), which the Grafana dashboards and
 * the alert rules (docker/grafana, docker/prometheus) query per feed.
 */
public final class FeedCounters {
    public static final String ACC_PREFIX = "feed.";
    /** The metric group key whose value is the feed. */
    public static final String METRIC_GROUP = "feed";

    private final DurableAccumulators accumulators;
    private final MetricGroup metrics;
    private final Map<String, LongCounter> byName = new HashMap<>();
    private final Map<String, Counter> metricByName = new HashMap<>();
    private final List<String> kinds;
    private final Set<String> feedsSeen = new HashSet<>();
    /**
     * Per feed, per count: its accumulator and metric, so that {@link #add} (once per record in the
     * dead-letter router) neither builds the name nor looks it up; the last feed's map is kept
     * aside (records come in runs of one feed, as the same String).
     */
    private final Map<String, Map<String, Slot>> slots = new HashMap<>();
    private String lastFeed;
    private Map<String, Slot> lastSlots;

    /** One count of one feed: the accumulator, and the metric when there is a metric group. */
    private record Slot(LongCounter accumulator, Counter metric) {}

    public FeedCounters(DurableAccumulators accumulators) {
        this(accumulators, null);
    }

    /**
     * {@code kinds}: the counts this operator makes; their counters are registered at 0 when a
     * feed is first seen, so that a rare one (a gap, a checksum failure) has a series before it
     * first happens (Prometheus' rate() and the alert rules need the 0 before the 1).
     */
    public FeedCounters(DurableAccumulators accumulators, MetricGroup metrics, String... kinds) {
        this.accumulators = accumulators;
        this.metrics = metrics;
        this.kinds = List.of(kinds);
    }

    /** Registers the counters of the feed's kinds (at 0), once per feed. */
    public void seen(String feed) {
        if (metrics != null && feed != null && feedsSeen.add(feed)) {
            for (String what : kinds) {
                metric(feed, ACC_PREFIX + feed + '.' + what, what);
            }
        }
    }

    private Counter metric(String feed, String name, String what) {
        Counter m = metricByName.get(name);
        if (m == null) {
            m = metrics.addGroup(METRIC_GROUP, feed).counter(metricName(what));
            metricByName.put(name, m);
        }
        return m;
    }

    public void add(String feed, String what, long n) {
        Map<String, Slot> m = lastSlots;
        if (m == null || feed != lastFeed) {
            m = slots.computeIfAbsent(feed, f -> new HashMap<>());
            lastFeed = feed;
            lastSlots = m;
        }
        Slot s = m.get(what);
        if (s == null) {
            s = slot(feed, what);
            m.put(what, s);
        }
        s.accumulator().add(n);
        if (s.metric() != null) {
            s.metric().inc(n);
        }
    }

    private Slot slot(String feed, String what) {
        String name = ACC_PREFIX + feed + '.' + what;
        LongCounter c = byName.computeIfAbsent(name, accumulators::counter);
        if (metrics == null || feed == null) {
            return new Slot(c, null);
        }
        seen(feed);
        return new Slot(c, metric(feed, name, what));
    }

    /** GAPS → gaps, CHECKSUM_FAILURES → checksumFailures, BOOK_DELTA → bookDelta. */
    public static String metricName(String what) {
        StringBuilder b = new StringBuilder(what.length());
        boolean upper = false;
        for (char ch : what.toLowerCase(Locale.ROOT).toCharArray()) {
            if (ch == '_') {
                upper = true;
            } else {
                b.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return b.toString();
    }
}
