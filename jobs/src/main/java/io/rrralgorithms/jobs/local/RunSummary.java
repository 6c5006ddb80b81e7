package io.rrralgorithms.jobs.local;

import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.jobs.RowCounter;
import io.rrralgorithms.jobs.bars.LateTradeCounter;
import io.rrralgorithms.jobs.book.OrderBookFunction;
import io.rrralgorithms.jobs.decode.DeadLetterRouter;
import io.rrralgorithms.jobs.decode.FeedCounters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** What a run did, from the job's accumulators: printed at the end and stored in {@code pipeline_runs}. */
public record RunSummary(Map<String, Long> eventsByType, List<String> instruments, long gaps, long crossed,
        long checksums, long checksumFailures, long deadLetters, long lateTrades, Map<String, Long> rowsByTable,
        Map<String, Map<String, Long>> byFeed, double seconds) {

    /** The per-feed columns of the summary table, in order. */
    public static final List<String> FEED_COLUMNS = List.of("TRADE", "BOOK_SNAPSHOT", "BOOK_DELTA", "BBO", "GAPS",
            "CHECKSUMS", "CHECKSUM_FAILURES", "CROSSED", "DEAD_LETTER");

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
        new java.util.TreeMap<>(acc).forEach((k, v) -> {
            if (k.startsWith(RowCounter.ACC_PREFIX)) {
                rows.putIfAbsent(k.substring(RowCounter.ACC_PREFIX.length()), asLong(v));
            }
        });
        TreeSet<String> instruments = new TreeSet<>();
        Object list = acc.get(DeadLetterRouter.ACC_INSTRUMENTS);
        if (list instanceof Collection<?> c) {
            c.forEach(o -> instruments.add(String.valueOf(o)));
        }
        return new RunSummary(events, new ArrayList<>(instruments), asLong(acc.get(OrderBookFunction.ACC_GAPS)),
                asLong(acc.get(OrderBookFunction.ACC_CROSSED)), asLong(acc.get(OrderBookFunction.ACC_CHECKSUMS)),
                asLong(acc.get(OrderBookFunction.ACC_CHECKSUM_FAILURES)), asLong(acc.get(DeadLetterRouter.ACC_DEAD_LETTERS)),
                asLong(acc.get(LateTradeCounter.ACC_LATE_TRADES)), rows, byFeed(acc), seconds);
    }

    /** {@code feed.<feed>.<what>} accumulators as feed → what → count (feed ids contain no dot). */
    private static Map<String, Map<String, Long>> byFeed(Map<String, Object> acc) {
        Map<String, Map<String, Long>> m = new java.util.TreeMap<>();
        acc.forEach((k, v) -> {
            if (k.startsWith(FeedCounters.ACC_PREFIX)) {
                String rest = k.substring(FeedCounters.ACC_PREFIX.length());
                int dot = rest.indexOf('.');
                if (dot > 0) {
                    m.computeIfAbsent(rest.substring(0, dot), f -> new java.util.TreeMap<>())
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
        return b.append("],\"gaps\":").append(gaps).append(",\"crossed\":").append(crossed)
                .append(",\"checksums\":").append(checksums).append(",\"checksum_failures\":").append(checksumFailures)
                .append(",\"dead_letters\":").append(deadLetters).append(",\"late_trades\":").append(lateTrades)
                .append(",\"seconds\":").append(String.format(java.util.Locale.ROOT, "%.3f", seconds)).append('}')
                .toString();
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
        b.append(String.format("book gaps            %,d%n", gaps));
        b.append(String.format("crossed books        %,d%n", crossed));
        b.append(String.format("checksums checked    %,d (%,d failed)%n", checksums, checksumFailures));
        b.append(String.format("dead letters         %,d%n", deadLetters));
        b.append(String.format("late trades          %,d%n", lateTrades));
        if (!byFeed.isEmpty()) {
            b.append(String.format("per feed             %-16s", "feed"));
            List.of("trades", "snapshots", "deltas", "bbo", "gaps", "checksums", "cs failed", "crossed", "dead")
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
        return b.toString();
    }
}
