package io.rrralgorithms.jobs.local;

import io.rrralgorithms.connectors.latency.Latencies;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.jobs.RowCounter;
import io.rrralgorithms.jobs.bars.LateTradeCounter;
import io.rrralgorithms.jobs.book.OrderBookFunction;
import io.rrralgorithms.jobs.decode.DeadLetterRouter;
import io.rrralgorithms.jobs.decode.FeedCounters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a run did, from the job's accumulators: printed at the end and stored in {@code pipeline_runs}
 * (as JSON in {@code counts}, with its {@link #warnings()}).
 *
 * @param booksWithoutSnapshot instruments whose book saw events but never a snapshot (no book output)
 * @param booksNeverBridged instruments whose book loaded a snapshot that no diff ever chained onto
 */
public record RunSummary(Map<String, Long> eventsByType, List<String> instruments, long gaps, long crossed,
        long checksums, long checksumFailures, long deadLetters, long lateTrades, Map<String, Long> rowsByTable,
        Map<String, Map<String, Long>> byFeed, List<String> booksWithoutSnapshot, List<String> booksNeverBridged,
        double seconds, Map<String, Latencies.Percentiles> latencies) {

    public RunSummary {
        latencies = latencies == null ? Map.of() : Map.copyOf(latencies);
    }

    /**
     * This summary with the latency stages' percentiles ({@link Latencies#percentiles}: key
     * {@code path/stage[/table]}).
     */
    public RunSummary withLatencies(Map<String, Latencies.Percentiles> l) {
        return new RunSummary(eventsByType, instruments, gaps, crossed, checksums, checksumFailures, deadLetters,
                lateTrades, rowsByTable, byFeed, booksWithoutSnapshot, booksNeverBridged, seconds, l);
    }

    /** The latency keys that got values, in data-path order: path by path, stage by stage, then table. */
    public List<String> latencyKeys() {
        List<String> keys = new ArrayList<>(latencies.keySet());
        keys.removeIf(k -> latencies.get(k).count() == 0); // registered, never reached (e.g. another path's sink)
        keys.sort(Comparator.<String, String>comparing(k -> k.split("/")[0], Comparator.comparing(
                        p -> p.equals(Latencies.PATH_MARKET) ? 0 : 1))
                .thenComparing(k -> k.split("/")[0])
                .thenComparingInt(k -> {
                    int i = Latencies.STAGES.indexOf(k.split("/")[1]);
                    return i < 0 ? Integer.MAX_VALUE : i;
                })
                .thenComparing(k -> k));
        return keys;
    }

    /** Instruments named in one warning at most; the rest are counted. */
    static final int NAMES_PER_WARNING = 8;
    /** A feed warns from this share of dead letters among its frames (a healthy feed has none). */
    static final double DEAD_LETTER_WARN_FRACTION = 0.01;

    /** The per-feed columns of the summary table, in order. */
    public static final List<String> FEED_COLUMNS = List.of("TRADE", "BOOK_SNAPSHOT", "BOOK_DELTA", "BBO", "GAPS",
            "CHECKSUMS", "CHECKSUM_FAILURES", "CROSSED", "DEAD_LETTER", "DUPLICATE_TRADE", "LATE_TRADE");

    /** One feed's count of {@code what} (an event type, GAPS, CHECKSUMS, …), 0 when none. */
    public long feedCount(String feed, String what) {
        return byFeed.getOrDefault(feed, Map.of()).getOrDefault(what, 0L);
    }

    public static RunSummary fromAccumulators(Map<String, Object> acc, double seconds) {
        Map<String, Long> events = new LinkedHashMap<>();
        for (EventType t : EventType.values()) {
            if (t != EventType.DECODE_ERROR) {
                events.put(t.name(), asLong(acc.get(DeadLetterRouter.ACC_PREFIX_EVENTS + t.name())));
            }
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : List.of("book_top", "features", "trade_bars_1m", "book_gaps", "dead_letters")) {
            rows.put(table, asLong(acc.get(RowCounter.ACC_PREFIX + table)));
        }
        // tables of optional stages (scores, model events, trading) when they ran
        new TreeMap<>(acc).forEach((k, v) -> {
            if (k.startsWith(RowCounter.ACC_PREFIX)) {
                rows.putIfAbsent(k.substring(RowCounter.ACC_PREFIX.length()), asLong(v));
            }
        });
        TreeSet<String> instruments = new TreeSet<>();
        Object list = acc.get(DeadLetterRouter.ACC_INSTRUMENTS);
        if (list instanceof Collection<?> c) {
            c.forEach(o -> instruments.add(String.valueOf(o)));
        }
        TreeSet<String> withoutSnapshot = names(acc.get(OrderBookFunction.ACC_BOOKS_SEEN));
        TreeSet<String> withSnapshot = names(acc.get(OrderBookFunction.ACC_BOOKS_WITH_SNAPSHOT));
        TreeSet<String> neverBridged = new TreeSet<>(withSnapshot);
        withoutSnapshot.removeAll(withSnapshot);
        neverBridged.removeAll(names(acc.get(OrderBookFunction.ACC_BOOKS_SYNCED)));
        return new RunSummary(events, new ArrayList<>(instruments), asLong(acc.get(OrderBookFunction.ACC_GAPS)),
                asLong(acc.get(OrderBookFunction.ACC_CROSSED)), asLong(acc.get(OrderBookFunction.ACC_CHECKSUMS)),
                asLong(acc.get(OrderBookFunction.ACC_CHECKSUM_FAILURES)), asLong(acc.get(DeadLetterRouter.ACC_DEAD_LETTERS)),
                asLong(acc.get(LateTradeCounter.ACC_LATE_TRADES)), rows, byFeed(acc), List.copyOf(withoutSnapshot),
                List.copyOf(neverBridged), seconds, Map.of());
    }

    private static TreeSet<String> names(Object listAccumulatorValue) {
        TreeSet<String> out = new TreeSet<>();
        if (listAccumulatorValue instanceof Collection<?> c) {
            c.forEach(o -> out.add(String.valueOf(o)));
        }
        return out;
    }

    /** Instruments whose book never became valid, for whatever reason: they have no book_top rows. */
    public List<String> booksNeverSynced() {
        TreeSet<String> all = new TreeSet<>(booksWithoutSnapshot);
        all.addAll(booksNeverBridged);
        return List.copyOf(all);
    }

    /**
     * Where output is missing, one line each (without the {@code warning: } prefix), saying what
     * the user should do: books that never synced, feeds whose frames are mostly dead letters
     * (more dead letters than decoded events) or at least {@link #DEAD_LETTER_WARN_FRACTION} of
     * them, book gaps. Empty when the run is complete.
     */
    public List<String> warnings() {
        List<String> w = new ArrayList<>();
        if (!booksWithoutSnapshot.isEmpty()) {
            w.add(booksWithoutSnapshot.size() + " book(s) never synced, no snapshot arrived: "
                    + names(booksWithoutSnapshot) + "; they have no book_top or features rows. Replay the capture "
                    + "with its REST snapshots (cryptofeed: keep EXCHANGE.http.* next to the ws file; hftbacktest: "
                    + "include the day's first file), or run live");
        }
        if (!booksNeverBridged.isEmpty()) {
            w.add(booksNeverBridged.size() + " book(s) never synced, no diff bridged the snapshot: "
                    + names(booksNeverBridged) + "; they have no book_top or features rows. The snapshot does not "
                    + "fit the diffs (taken before or after them): replay a capture whose snapshot was taken while "
                    + "its diffs were being recorded");
        }
        byFeed.keySet().forEach(feed -> {
            long dead = feedCount(feed, "DEAD_LETTER");
            long decoded = 0;
            for (EventType t : EventType.values()) {
                decoded += feedCount(feed, t.name());
            }
            if (dead > 0 && dead > decoded) {
                w.add(String.format(Locale.ROOT, "feed %s: mostly dead letters, %,d against %,d decoded events, "
                        + "so most of its output is missing; check that the files are %s data (--feed), the "
                        + "dead_letters table holds the decode errors", feed, dead, decoded, feed));
            } else if (dead > 0 && dead >= DEAD_LETTER_WARN_FRACTION * (dead + decoded)) {
                w.add(String.format(Locale.ROOT, "feed %s: %,d dead letters (%.1f%% of its frames), so part of its "
                        + "output is missing; check that the files are %s data (--feed), the dead_letters table "
                        + "holds the decode errors", feed, dead, 100.0 * dead / (dead + decoded), feed));
            }
        });
        if (gaps > 0) {
            StringBuilder perFeed = new StringBuilder();
            byFeed.keySet().forEach(feed -> {
                long n = feedCount(feed, "GAPS");
                if (n > 0) {
                    perFeed.append(perFeed.length() > 0 ? ", " : "").append(feed).append(' ').append(n);
                }
            });
            w.add(String.format(Locale.ROOT, "%,d book gap(s)%s: those books were invalid until their next "
                    + "snapshot, so book_top and features have holes there (see the book_gaps table); replay with "
                    + "snapshots taken after the gaps, or run live (gaps then fetch fresh snapshots)", gaps,
                    perFeed.length() > 0 ? " (" + perFeed + ")" : ""));
        }
        return w;
    }

    private static String names(List<String> instruments) {
        String shown = String.join(", ", instruments.subList(0, Math.min(NAMES_PER_WARNING, instruments.size())));
        int more = instruments.size() - NAMES_PER_WARNING;
        return more > 0 ? shown + " and " + more + " more" : shown;
    }

    /** {@code feed.<feed>.<what>} accumulators as feed → what → count (feed ids contain no dot). */
    private static Map<String, Map<String, Long>> byFeed(Map<String, Object> acc) {
        Map<String, Map<String, Long>> m = new TreeMap<>();
        acc.forEach((k, v) -> {
            if (k.startsWith(FeedCounters.ACC_PREFIX)) {
                String rest = k.substring(FeedCounters.ACC_PREFIX.length());
                int dot = rest.indexOf('.');
                if (dot > 0) {
                    m.computeIfAbsent(rest.substring(0, dot), f -> new TreeMap<>())
                            .put(rest.substring(dot + 1), asLong(v));
                }
            }
        });
        return m;
    }

    private static long asLong(Object o) {
        return o instanceof Number n ? n.longValue() : 0L;
    }

    public long messages() {
        return eventsByType.values().stream().mapToLong(Long::longValue).sum() + deadLetters;
    }

    public String toJson() {
        StringBuilder b = new StringBuilder("{\"events\":{");
        appendMap(b, eventsByType);
        b.append("},\"rows\":{");
        appendMap(b, rowsByTable);
        b.append("},\"feeds\":{");
        int k = 0;
        for (var e : byFeed.entrySet()) {
            b.append(k++ > 0 ? "," : "").append('"').append(e.getKey()).append("\":{");
            appendMap(b, e.getValue());
            b.append('}');
        }
        b.append("},\"instruments\":[");
        for (int i = 0; i < instruments.size(); i++) {
            b.append(i > 0 ? "," : "").append('"').append(instruments.get(i).replace("\"", "")).append('"');
        }
        b.append("],\"books_never_synced\":");
        appendStrings(b, booksNeverSynced());
        b.append(",\"warnings\":");
        appendStrings(b, warnings());
        b.append(",\"latency_ms\":{");
        int n = 0;
        for (String key : latencyKeys()) {
            Latencies.Percentiles p = latencies.get(key);
            b.append(n++ > 0 ? "," : "").append('"').append(key).append("\":").append(String.format(Locale.ROOT,
                    "{\"count\":%d,\"p50\":%.3f,\"p95\":%.3f,\"p99\":%.3f,\"p99_9\":%.3f,\"max\":%.3f}",
                    p.count(), p.p50Ms(), p.p95Ms(), p.p99Ms(), p.p999Ms(), p.maxMs()));
        }
        b.append('}');
        return b.append(",\"gaps\":").append(gaps).append(",\"crossed\":").append(crossed)
                .append(",\"checksums\":").append(checksums).append(",\"checksum_failures\":").append(checksumFailures)
                .append(",\"dead_letters\":").append(deadLetters).append(",\"late_trades\":").append(lateTrades)
                .append(",\"seconds\":").append(String.format(Locale.ROOT, "%.3f", seconds)).append('}')
                .toString();
    }

    private static void appendStrings(StringBuilder b, List<String> values) {
        b.append('[');
        for (int i = 0; i < values.size(); i++) {
            b.append(i > 0 ? "," : "").append('"');
            for (char c : values.get(i).toCharArray()) {
                if (c == '"' || c == '\\') {
                    b.append('\\').append(c);
                } else if (c < 0x20) {
                    b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                } else {
                    b.append(c);
                }
            }
            b.append('"');
        }
        b.append(']');
    }

    private static void appendMap(StringBuilder b, Map<String, Long> m) {
        int i = 0;
        for (var e : m.entrySet()) {
            b.append(i++ > 0 ? "," : "").append('"').append(e.getKey()).append("\":").append(e.getValue());
        }
    }

    public String render() {
        StringBuilder b = new StringBuilder();
        b.append("\n=== run summary ===\n");
        b.append(String.format("messages decoded     %,d in %.1f s%n", messages(), seconds));
        eventsByType.forEach((t, n) -> b.append(String.format("  %-18s %,d%n", t, n)));
        b.append(String.format("instruments          %d%n", instruments.size()));
        instruments.forEach(i -> b.append("  ").append(i).append('\n'));
        List<String> neverSynced = booksNeverSynced();
        b.append(String.format("books never synced   %d%n", neverSynced.size()));
        neverSynced.forEach(i -> b.append("  ").append(i)
                .append(booksWithoutSnapshot.contains(i) ? "  (no snapshot)" : "  (no diff bridged the snapshot)")
                .append('\n'));
        b.append(String.format("book gaps            %,d%n", gaps));
        b.append(String.format("crossed books        %,d%n", crossed));
        b.append(String.format("checksums checked    %,d (%,d failed)%n", checksums, checksumFailures));
        b.append(String.format("dead letters         %,d%n", deadLetters));
        b.append(String.format("late trades          %,d%n", lateTrades));
        if (!byFeed.isEmpty()) {
            b.append(String.format("per feed             %-16s", "feed"));
            List.of("trades", "snapshots", "deltas", "bbo", "gaps", "checksums", "cs failed", "crossed", "dead",
                            "duplicate", "late")
                    .forEach(c -> b.append(String.format(" %10s", c)));
            b.append('\n');
            byFeed.keySet().forEach(f -> {
                b.append(String.format("                     %-16s", f));
                FEED_COLUMNS.forEach(c -> b.append(String.format(" %,10d", feedCount(f, c))));
                b.append('\n');
            });
        }
        b.append("rows written (upserts)\n");
        rowsByTable.forEach((t, n) -> b.append(String.format("  %-18s %,d%n", t, n)));
        b.append(renderLatencies());
        return b.toString();
    }

    /** The latency table (ms from the frame's receive to each stage), empty when none was measured. */
    public String renderLatencies() {
        if (latencies.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "latency, ms from receive %-22s %11s %9s %9s %9s %9s %9s%n", "(path/stage)",
                "count", "p50", "p95", "p99", "p99.9", "max"));
        for (String key : latencyKeys()) {
            Latencies.Percentiles p = latencies.get(key);
            b.append(String.format(Locale.ROOT, "  %-46s %,11d %9.2f %9.2f %9.2f %9.2f %9.2f%n", key, p.count(),
                    p.p50Ms(), p.p95Ms(), p.p99Ms(), p.p999Ms(), p.maxMs()));
        }
        return b.toString();
    }
}
