package io.rrralgorithms.connectors.jdbc;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A warning for quarantined rows that cannot flood the log: the first row is logged at once, the
 * ones after it are counted and summed up in one line at most once per interval.
 */
final class QuarantineLog {
    private static final Logger LOG = LoggerFactory.getLogger(QuarantineLog.class);
    static final long DEFAULT_INTERVAL_NS = 60_000_000_000L;
    private static final int MAX_ROW_CHARS = 500;

    private final String table;
    private final long intervalNs;
    private long lastLoggedNs;
    private boolean loggedOnce;
    private long unlogged;

    QuarantineLog(String table, long intervalNs) {
        this.table = table;
        this.intervalNs = intervalNs;
    }

    /** @return whether this call wrote a line */
    boolean quarantined(String sqlState, String message, String rowJson) {
        unlogged++;
        long now = System.nanoTime();
        if (loggedOnce && now - lastLoggedNs < intervalNs) {
            return false;
        }
        String row = TextSanitizer.sanitize(rowJson, MAX_ROW_CHARS);
        LOG.warn("{} row(s) for {} could not be written and went to table quarantine; latest: SQLState {}: {}; row {}",
                unlogged, table, sqlState, TextSanitizer.sanitize(message), row);
        unlogged = 0;
        lastLoggedNs = now;
        loggedOnce = true;
        return true;
    }

    void close() {
        if (unlogged > 0) {
            LOG.warn("{} more row(s) of {} quarantined since the last line", unlogged, table);
            unlogged = 0;
        }
    }
}
