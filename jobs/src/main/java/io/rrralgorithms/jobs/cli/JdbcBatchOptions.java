package io.rrralgorithms.jobs.cli;

import picocli.CommandLine.Option;

/**
 * How the job's sinks batch their upserts: only for the commands that run the job ({@code run},
 * {@code job}, {@code bench}); {@code migrate}, {@code train} and the others write no batches.
 */
public class JdbcBatchOptions {
    static final int DEFAULT_BATCH_SIZE = 1000;
    static final long DEFAULT_BATCH_INTERVAL_MS = 200;

    @Option(names = "--jdbc-batch-size", defaultValue = "" + DEFAULT_BATCH_SIZE, description = "rows per JDBC batch")
    int batchSize = DEFAULT_BATCH_SIZE;

    @Option(names = "--jdbc-batch-interval-ms", defaultValue = "" + DEFAULT_BATCH_INTERVAL_MS,
            description = "flush a partial batch after this long")
    long batchIntervalMs = DEFAULT_BATCH_INTERVAL_MS;

    /** Refuses sizes and intervals the sinks would only fail on once running. */
    void validate() {
        Preflight.atLeast("--jdbc-batch-size", batchSize, 1);
        Preflight.atLeast("--jdbc-batch-interval-ms", batchIntervalMs, 1);
    }
}
