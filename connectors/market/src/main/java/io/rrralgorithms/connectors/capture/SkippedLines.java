package io.rrralgorithms.connectors.capture;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The lines of a capture a reader did not turn into frames, counted by reason, so that the reader
 * can say in one line what it skipped and why. A reason is either a kind of line the format
 * holds besides frames (connection notes, sent messages) or a line it could not read.
 */
final class SkippedLines {
    private final Map<String, Long> byReason = new LinkedHashMap<>();
    private final Map<String, Long> unreadable = new LinkedHashMap<>();
    /** The first few unreadable lines' numbers, for the user to look at. */
    private final List<Long> firstUnreadable = new ArrayList<>();
    private long total;

    /** A line of the format that is not a frame (expected: a connection note, a sent message). */
    void notAFrame(String reason) {
        byReason.merge(reason, 1L, Long::sum);
        total++;
    }

    /** Line {@code lineNo} should have been a frame and could not be read. */
    void unreadable(String reason, long lineNo) {
        unreadable.merge(reason, 1L, Long::sum);
        if (firstUnreadable.size() < 3) {
            firstUnreadable.add(lineNo);
        }
        total++;
    }

    long total() {
        return total;
    }

    long unreadableTotal() {
        return unreadable.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * E.g. {@code "skipped 3 lines: 2 unreadable (2 not '<time> <payload>'; lines 4, 9), 1 connection opened"};
     * "" when none.
     */
    String describe() {
        if (total == 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "skipped %,d line%s: ", total, total == 1 ? "" : "s"));
        String sep = "";
        long bad = unreadableTotal();
        if (bad > 0) {
            sb.append(String.format(Locale.ROOT, "%,d unreadable (%s; line%s %s%s)", bad, join(unreadable),
                    bad == 1 ? "" : "s", firstUnreadable.stream().map(String::valueOf).collect(Collectors.joining(", ")),
                    bad > firstUnreadable.size() ? ", …" : ""));
            sep = ", ";
        }
        if (!byReason.isEmpty()) {
            sb.append(sep).append(join(byReason));
        }
        return sb.toString();
    }

    private static String join(Map<String, Long> m) {
        return m.entrySet().stream().map(e -> String.format(Locale.ROOT, "%,d %s", e.getValue(), e.getKey()))
                .collect(Collectors.joining(", "));
    }
}
