package io.rrralgorithms.jobs.local;

import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.jobs.RowCounter;
import io.rrralgorithms.jobs.bars.LateTradeCounter;
import io.rrralgorithms.jobs.book.OrderBookFunction;
import io.rrralgorithms.jobs.decode.DeadLetterRouter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** What a run did, from the job's accumulators: printed at the end and stored in {@code pipeline_runs}. */
public record RunSummary(Map<String, Long> eventsByType, List<String> instruments, long gaps, long crossed,
        long checksums, long checksumFailures, long deadLetters, long lateTrades, Map<String, Long> rowsByTable, double seconds) {

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
                asLong(acc.get(LateTradeCounter.ACC_LATE_TRADES)), rows, seconds);
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
        b.append("rows written (upserts)\n");
        rowsByTable.forEach((t, n) -> b.append(String.format("  %-18s %,d%n", t, n)));
        return b.toString();
    }
}
