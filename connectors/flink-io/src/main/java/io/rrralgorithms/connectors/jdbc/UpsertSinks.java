package io.rrralgorithms.connectors.jdbc;

/**
 * Batched, idempotent PostgreSQL sinks: the statement is an {@code INSERT ... ON CONFLICT
 * (natural key) DO UPDATE}, written at least once (flushed on every checkpoint and at end of
 * input), so a replay or a restart from a checkpoint rewrites the same rows rather than adding
 * duplicates. A row the server refuses is quarantined, not retried forever; see
 * {@link QuarantiningJdbcSink}
 * (returned as such, so a caller can add its flush latency). (XA exactly-once needs max_prepared_transactions > 0 on the
 * server, which a default PostgreSQL does not have; see docs/operations.md, "PostgreSQL".)
 */
public final class UpsertSinks {
    private UpsertSinks() {}

    public static <T> QuarantiningJdbcSink<T> upsert(PostgresTarget target, String sql, RowBinder<T> binder) {
        return new QuarantiningJdbcSink<>(target, sql, binder);
    }

    /** Into a table partitioned by day: the partition of each row's day is created before its first row. */
    public static <T> QuarantiningJdbcSink<T> upsertByDay(PostgresTarget target, String sql, RowBinder<T> binder,
            DayPartitions.PartitionTime<T> partitionTime) {
        return new QuarantiningJdbcSink<>(target, sql, binder, partitionTime);
    }
}
