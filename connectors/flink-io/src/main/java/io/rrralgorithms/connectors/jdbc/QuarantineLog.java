package io.rrralgorithms.connectors.jdbc;

import io.rrralgorithms.connectors.util.RateLimitedLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A warning for quarantined rows that cannot flood the log: the first row is logged at once, the
 * ones after it at most once per interval, with how many were held back ({@link RateLimitedLog}).
 */
final class QuarantineLog {
    private static final Logger LOG = LoggerFactory.getLogger(QuarantineLog.class);
    static final long DEFAULT_INTERVAL_NS = 60_000_000_000L;
    private static final int MAX_ROW_CHARS = 500;

    private final String table;
    private final RateLimitedLog log;

    QuarantineLog(String table, long intervalNs) {
        this.table = table;
        this.log = new RateLimitedLog(LOG, intervalNs / 1_000_000L);
    }

    /** @return whether this call wrote a line */
    boolean quarantined(String sqlState, String message, String rowJson) {
        return log.warn("a row for {} could not be written and went to table quarantine: SQLState {}: {}; row {}",
                table, sqlState, TextSanitizer.sanitize(message), TextSanitizer.sanitize(rowJson, MAX_ROW_CHARS));
    }

    void close() {
        log.flush("row(s) of " + table + " quarantined");
    }
}
