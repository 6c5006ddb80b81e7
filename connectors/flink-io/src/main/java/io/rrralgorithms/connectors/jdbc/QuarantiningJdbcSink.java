package io.rrralgorithms.connectors.jdbc;

import io.rrralgorithms.connectors.latency.Latencies;
import io.rrralgorithms.connectors.latency.LatencyHistogram;
import io.rrralgorithms.connectors.util.WallClock;
import java.io.IOException;
import java.io.Serializable;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;

/**
 * An at-least-once PostgreSQL upsert sink that a bad row cannot stop: a row the server refuses
 * goes to the {@code quarantine} table with its SQLState and message (metric
 * {@code rowsQuarantined}, a rate-limited warning) and the job goes on; the batch's other rows
 * are written. An outage is retried with backoff up to {@code maxRetries}, then fails the task,
 * whose restart and checkpoint take over. Rows are flushed when the batch is full, on the batch
 * interval, before every checkpoint barrier ({@link SinkWriter#flush}) and at end of input, so
 * nothing acknowledged by a checkpoint is lost; every text value is sanitized on the way in
 * ({@link TextSanitizer}).
 *
 * <p>Why not the Flink JDBC connector ({@code JdbcSink}): its batch executor has no per-row error
 * handling. On any SQLException it retries the whole batch {@code maxRetries} times and then
 * throws, failing the job; after the restore from the checkpoint the same row comes again, is
 * refused again, and the job restarts forever. The failing row cannot be told from the others,
 * skipped, or recorded from outside it, and it cannot tell a refused row from a lost database.
 */
public final class QuarantiningJdbcSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;
    static final long DEFAULT_BACKOFF_BASE_MS = 500;

    private final PostgresTarget target;
    private final String sql;
    private final RowBinder<T> binder;
    private final long backoffBaseMs;
    private final DayPartitions.PartitionTime<T> partitionTime;
    /** Of the sink-flush latency stage: the path and table it is measured for, and each row's ingest time. */
    private String latencyPath;
    private String latencyTable;
    private IngestTime<T> ingestTime;

    /** When a row's frame entered the system (wall clock ns, {@code MarketEvent.ingestNs}); ≤ 0: unknown. */
    @FunctionalInterface
    public interface IngestTime<T> extends Serializable {
        long ingestNs(T row);
    }

    public QuarantiningJdbcSink(PostgresTarget target, String sql, RowBinder<T> binder) {
        this(target, sql, binder, DEFAULT_BACKOFF_BASE_MS);
    }

    /** Into a table partitioned by day: each batch first creates the partitions of its rows' days. */
    public QuarantiningJdbcSink(PostgresTarget target, String sql, RowBinder<T> binder,
            DayPartitions.PartitionTime<T> partitionTime) {
        this(target, sql, binder, DEFAULT_BACKOFF_BASE_MS, partitionTime);
    }

    /** @param backoffBaseMs the wait before the first retry of an outage; it doubles on each retry */
    public QuarantiningJdbcSink(PostgresTarget target, String sql, RowBinder<T> binder, long backoffBaseMs) {
        this(target, sql, binder, backoffBaseMs, null);
    }

    private QuarantiningJdbcSink(PostgresTarget target, String sql, RowBinder<T> binder, long backoffBaseMs,
            DayPartitions.PartitionTime<T> partitionTime) {
        this.target = target;
        this.sql = sql;
        this.binder = binder;
        this.backoffBaseMs = backoffBaseMs;
        this.partitionTime = partitionTime;
    }

    /**
     * Measures the sink-flush stage: for each row written, the time from its frame's ingest to the
     * commit that made it visible, as the latency histogram {@code path}/{@code sink_flush}/{@code table}
     * ({@link Latencies}). Returns this sink.
     */
    public QuarantiningJdbcSink<T> withFlushLatency(String path, String table, IngestTime<T> ingest) {
        this.latencyPath = path;
        this.latencyTable = table;
        this.ingestTime = ingest;
        return this;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
        return new Writer<>(this, context);
    }

    private static final class Writer<T> implements SinkWriter<T> {
        private final QuarantiningBatchWriter<T> batch;
        private final int batchSize;
        private final long batchIntervalMs;
        private final ProcessingTimeService timers;
        /** Only when the runtime reuses input objects: a buffered element must not change under us. */
        private final TypeSerializer<T> copier;
        private boolean closed;

        Writer(QuarantiningJdbcSink<T> sink, WriterInitContext context) {
            SinkWriterMetricGroup metrics = context.metricGroup();
            Counter quarantined = metrics.counter("rowsQuarantined");
            Counter retries = metrics.counter("sinkRetries");
            this.batch = new QuarantiningBatchWriter<>(sink.target, sink.sql, sink.binder, sink.partitionTime,
                    sink.backoffBaseMs,
                    metrics.getNumRecordsSendCounter(), quarantined, retries);
            this.batchSize = Math.max(1, sink.target.batchSize());
            this.batchIntervalMs = sink.target.batchIntervalMs();
            this.timers = context.getProcessingTimeService();
            this.copier = context.isObjectReuseEnabled() ? context.createInputSerializer() : null;
            if (sink.ingestTime != null) {
                LatencyHistogram flushed = Latencies.register(metrics, sink.latencyPath, Latencies.STAGE_SINK_FLUSH,
                        sink.latencyTable);
                IngestTime<T> ingest = sink.ingestTime;
                batch.flushListener(rows -> {
                    long now = WallClock.nowNs();
                    for (T row : rows) {
                        flushed.recordSince(ingest.ingestNs(row), now);
                    }
                });
            }
            scheduleIntervalFlush();
        }

        @Override
        public void write(T element, Context context) throws IOException, InterruptedException {
            batch.add(copier == null ? element : copier.copy(element));
            if (batch.buffered() >= batchSize) {
                batch.flush();
            }
        }

        /** Called before every checkpoint barrier and at end of input. */
        @Override
        public void flush(boolean endOfInput) throws IOException, InterruptedException {
            batch.flush();
        }

        private void scheduleIntervalFlush() {
            if (batchIntervalMs > 0 && !closed) {
                timers.registerTimer(timers.getCurrentProcessingTime() + batchIntervalMs, this::onIntervalFlush);
            }
        }

        /** Runs in the task thread (mailbox), never beside {@link #write}. */
        private void onIntervalFlush(long time) throws IOException, InterruptedException {
            if (closed) {
                return;
            }
            batch.flush();
            scheduleIntervalFlush();
        }

        @Override
        public void close() {
            closed = true;
            batch.close();
        }
    }
}
