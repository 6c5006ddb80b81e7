package io.rrralgorithms.connectors.jdbc;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.jdbc.JdbcConnectionOptions;
import org.apache.flink.connector.jdbc.JdbcExecutionOptions;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;

/**
 * Batched, idempotent PostgreSQL sinks through the Flink JDBC connector: the statement is an
 * {@code INSERT ... ON CONFLICT (natural key) DO UPDATE}, written at least once (flushed on every
 * checkpoint and at end of input), so a replay or a restart from a checkpoint rewrites the same
 * rows rather than adding duplicates. (XA exactly-once needs max_prepared_transactions > 0 on the
 * server, which a default PostgreSQL does not have; see README.)
 */
public final class UpsertSinks {
    private UpsertSinks() {}

    public static <T> Sink<T> upsert(PostgresTarget target, String sql, JdbcStatementBuilder<T> binder) {
        return JdbcSink.<T>builder()
                .withQueryStatement(sql, binder)
                .withExecutionOptions(JdbcExecutionOptions.builder()
                        .withBatchSize(target.batchSize())
                        .withBatchIntervalMs(target.batchIntervalMs())
                        .withMaxRetries(target.maxRetries())
                        .build())
                .buildAtLeastOnce(new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
                        .withUrl(target.jdbcUrl())
                        .withDriverName("org.postgresql.Driver")
                        .withUsername(target.user())
                        .withPassword(target.password())
                        .withConnectionCheckTimeoutSeconds(10)
                        .build());
    }
}
