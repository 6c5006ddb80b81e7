package io.rrralgorithms.jobs.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit statuses of {@code rrr run}, {@code rrr replay} and {@code rrr job} (docs/operations.md,
 * "Errors, warnings and exit codes"). Every non-zero one but {@link #FAILED} and {@link #WARNINGS} comes with one line on
 * stderr, printed before anything was started.
 */
public final class ExitCodes {
    /** Done; with {@code --strict}, also: no warning. */
    public static final int OK = 0;
    /** The run failed after it started (the job failed, a broker died, …): an unexpected error. */
    public static final int FAILED = 1;
    /** A bad command line: unknown option, bad option value, bad --from, unknown feed. */
    public static final int USAGE = 2;
    /** The live run: no exchange answered. */
    public static final int NO_EXCHANGE = 3;
    /** A capture file is missing, a directory, unreadable, of an unknown format or of an unknown feed. */
    public static final int INPUT = 4;
    /** PostgreSQL does not answer at --jdbc-url (or refuses the login). */
    public static final int DATABASE = 5;
    /** --web-port or --kafka-port is already bound by another listener. */
    public static final int PORT_TAKEN = 6;
    /** Kafka does not answer at --bootstrap-servers. */
    public static final int KAFKA = 7;
    /** {@code --strict}: the run finished but raised warnings (books never synced, dead letters, gaps). */
    public static final int WARNINGS = 8;

    /** The table of {@code --help}. */
    public static final Map<String, String> HELP = helpTable();

    private ExitCodes() {}

    private static Map<String, String> helpTable() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(String.valueOf(OK), "done");
        m.put(String.valueOf(FAILED), "failed after it started (--verbose prints the stack trace)");
        m.put(String.valueOf(USAGE), "bad command line: unknown option, bad option value, bad --from, unknown feed");
        m.put(String.valueOf(NO_EXCHANGE), "live run: no exchange answers");
        m.put(String.valueOf(INPUT), "capture file missing, a directory, unreadable or of an unknown format");
        m.put(String.valueOf(DATABASE), "PostgreSQL does not answer at --jdbc-url");
        m.put(String.valueOf(PORT_TAKEN), "--web-port or --kafka-port already in use");
        m.put(String.valueOf(KAFKA), "Kafka does not answer at --bootstrap-servers");
        m.put(String.valueOf(WARNINGS), "--strict: finished with warnings (output missing)");
        return Collections.unmodifiableMap(m);
    }
}
