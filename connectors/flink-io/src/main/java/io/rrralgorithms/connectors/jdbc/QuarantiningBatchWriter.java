package io.rrralgorithms.connectors.jdbc;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.metrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The batching and error handling of {@link QuarantiningJdbcSink}, apart from Flink's writer
 * plumbing: rows are buffered; a flush writes them in one transaction; when the server refuses
 * something (poison, see {@link SqlFailures}) the transaction is rolled back and the rows are
 * written one by one, each in a SAVEPOINT, and those refused go to {@code quarantine} in the same
 * transaction, so the batch's other rows are still written and nothing is written twice. An
 * outage is retried with backoff ({@code maxRetries} times) on a new connection, then thrown;
 * the buffer is kept until a flush succeeds, so nothing buffered is lost.
 */
public final class QuarantiningBatchWriter<T> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QuarantiningBatchWriter.class);

    static final String QUARANTINE_SQL = """
            INSERT INTO quarantine (table_name, row_sha256, row_json, sql_state, message, first_quarantined_at,
                last_quarantined_at)
            VALUES (?, ?, ?, ?, ?, now(), now())
            ON CONFLICT (table_name, row_sha256) DO UPDATE SET row_json = EXCLUDED.row_json,
                sql_state = EXCLUDED.sql_state, message = EXCLUDED.message,
                last_quarantined_at = EXCLUDED.last_quarantined_at
            """;
    /** The SQLState recorded when the binder itself threw (the row never reached the server). */
    static final String BINDER_FAILURE_STATE = "BIND0";
    static final long MAX_BACKOFF_MS = 10_000;
    /** A connection unused for longer than this is checked before it is used again. */
    static final long IDLE_VALIDATION_NS = 1_000_000_000L;

    private final PostgresTarget target;
    private final UpsertStatement upsert;
    private final UpsertStatement quarantine = UpsertStatement.parse(QUARANTINE_SQL);
    private final RowBinder<T> binder;
    private final long backoffBaseMs;
    private final Counter rowsWritten;
    private final Counter rowsQuarantined;
    private final Counter retries;
    private final QuarantineLog quarantineLog;
    private final List<T> buffer = new ArrayList<>();
    /** Of a table partitioned by day: the partitions its rows need; null otherwise. */
    private final DayPartitions<T> partitions;

    /** Told of the rows each commit made visible; null: nobody. */
    private FlushListener<T> flushListener;

    private Connection connection;
    private long lastUsedNs;
    private PreparedStatement upsertStatement;
    private PreparedStatement quarantineStatement;

    public QuarantiningBatchWriter(PostgresTarget target, String sql, RowBinder<T> binder, long backoffBaseMs,
            Counter rowsWritten, Counter rowsQuarantined, Counter retries) {
        this(target, sql, binder, null, backoffBaseMs, rowsWritten, rowsQuarantined, retries);
    }

    /** @param partitionTime of a table partitioned by day, the time of a row's partition; null otherwise */
    public QuarantiningBatchWriter(PostgresTarget target, String sql, RowBinder<T> binder,
            DayPartitions.PartitionTime<T> partitionTime, long backoffBaseMs, Counter rowsWritten,
            Counter rowsQuarantined, Counter retries) {
        this.target = target;
        this.upsert = UpsertStatement.parse(sql);
        this.binder = binder;
        this.backoffBaseMs = backoffBaseMs;
        this.rowsWritten = rowsWritten;
        this.rowsQuarantined = rowsQuarantined;
        this.retries = retries;
        this.quarantineLog = new QuarantineLog(upsert.table(), QuarantineLog.DEFAULT_INTERVAL_NS);
        this.partitions = partitionTime == null ? null : new DayPartitions<>(upsert.table(), partitionTime);
    }

    /** Who is told of the rows each commit made visible (written rows, not the quarantined ones). */
    public QuarantiningBatchWriter<T> flushListener(FlushListener<T> listener) {
        this.flushListener = listener;
        return this;
    }

    /** Sees the rows a flush made visible in the database, right after their commit. */
    public interface FlushListener<T> {
        void committed(List<T> rows);
    }

    public void add(T element) {
        buffer.add(element);
    }

    public int buffered() {
        return buffer.size();
    }

    /** Writes every buffered row (or quarantines it); throws only when the database stays unreachable. */
    public void flush() throws IOException, InterruptedException {
        if (buffer.isEmpty()) {
            return;
        }
        for (int attempt = 0; ; attempt++) {
            try {
                writeBuffered();
                buffer.clear();
                return;
            } catch (SQLException e) {
                closeConnection();
                if (attempt >= target.maxRetries()) {
                    throw new IOException("writing " + buffer.size() + " row(s) to " + upsert.table() + " failed after "
                            + attempt + " retries: " + e.getMessage(), e);
                }
                retries.inc();
                long backoffMs = Math.min(backoffBaseMs << Math.min(attempt, 20), MAX_BACKOFF_MS);
                LOG.warn("writing {} row(s) to {} failed (SQLState {}: {}), retry {} of {} in {} ms", buffer.size(),
                        upsert.table(), e.getSQLState(), e.getMessage(), attempt + 1, target.maxRetries(), backoffMs);
                Thread.sleep(backoffMs);
            }
        }
    }

    /** Throws only outages (and failures to write the quarantine itself); poison is handled here. */
    private void writeBuffered() throws SQLException {
        Connection c = connection();
        if (partitions != null) {
            partitions.ensure(c, buffer);
        }
        try {
            for (T row : buffer) {
                binder.bind(upsertStatement, row);
                upsertStatement.addBatch();
            }
            upsertStatement.executeBatch();
            c.commit();
            rowsWritten.inc(buffer.size());
            if (flushListener != null) {
                flushListener.committed(buffer);
            }
            return;
        } catch (SQLException | RuntimeException e) {
            clearBatchQuietly();
            c.rollback();
            if (e instanceof SQLException sql && isOutage(sql, c)) {
                throw sql;
            }
            LOG.debug("batch of {} row(s) to {} refused ({}), writing row by row", buffer.size(), upsert.table(),
                    e.getMessage());
        }
        writeRowByRow(c);
    }

    private void writeRowByRow(Connection c) throws SQLException {
        List<Refused<T>> refused = new ArrayList<>();
        List<T> written = new ArrayList<>(buffer.size());
        for (T row : buffer) {
            Savepoint savepoint = c.setSavepoint();
            try {
                binder.bind(upsertStatement, row);
                upsertStatement.executeUpdate();
                c.releaseSavepoint(savepoint);
                written.add(row);
            } catch (SQLException e) {
                if (isOutage(e, c)) {
                    throw e; // the caller rolls back by reconnecting; the whole buffer is retried
                }
                c.rollback(savepoint);
                refused.add(new Refused<>(row, SqlFailures.sqlState(e), e.getMessage()));
            } catch (RuntimeException e) {
                c.rollback(savepoint);
                upsertStatement.clearParameters(); // the binder may have stopped half way
                refused.add(new Refused<>(row, BINDER_FAILURE_STATE, e.toString()));
            }
        }
        // Only sanitized text goes in, so only an outage or a missing quarantine table can refuse
        // this insert: those are thrown (retried, then the job fails) rather than dropping rows.
        List<String> rendered = new ArrayList<>(refused.size());
        for (Refused<T> r : refused) {
            String rowJson = RowRenderer.render(r.row());
            rendered.add(rowJson);
            int i = 1;
            quarantineStatement.setString(i++, upsert.table());
            quarantineStatement.setString(i++, RowRenderer.sha256(rowJson));
            quarantineStatement.setString(i++, rowJson);
            quarantineStatement.setString(i++, r.sqlState());
            quarantineStatement.setString(i, r.message() == null ? "" : r.message());
            quarantineStatement.executeUpdate();
        }
        c.commit();
        rowsWritten.inc(buffer.size() - refused.size());
        if (flushListener != null) {
            flushListener.committed(written);
        }
        rowsQuarantined.inc(refused.size());
        for (int k = 0; k < refused.size(); k++) {
            quarantineLog.quarantined(refused.get(k).sqlState(), refused.get(k).message(), rendered.get(k));
        }
    }

    private Connection connection() throws SQLException {
        long now = System.nanoTime();
        if (connection != null && now - lastUsedNs > IDLE_VALIDATION_NS && !connection.isValid(5)) {
            // gone while idle (server restart, idle timeout, a firewall): reconnect without a failed attempt
            LOG.info("connection to {} for {} was lost while idle, reconnecting", PostgresTarget.maskUrl(target.jdbcUrl()),
                    upsert.table());
            closeConnection();
        }
        lastUsedNs = now;
        if (connection == null) {
            Connection c = target.connect("rrr-sink:" + upsert.table());
            try {
                c.setAutoCommit(false);
                upsertStatement = SanitizingStatement.wrap(c.prepareStatement(upsert.sql()), upsert.parameterLimits(c));
                quarantineStatement = SanitizingStatement.wrap(c.prepareStatement(quarantine.sql()),
                        quarantine.parameterLimits(c));
                c.commit(); // the limits query opened a transaction
            } catch (SQLException e) {
                closeQuietly(c);
                throw e;
            }
            connection = c;
        }
        return connection;
    }

    /** An outage by its SQLState, or a connection that no longer answers whatever the error said. */
    private static boolean isOutage(SQLException e, Connection c) {
        if (SqlFailures.isOutage(e)) {
            return true;
        }
        try {
            return c.isClosed() || !c.isValid(5);
        } catch (SQLException invalid) {
            return true;
        }
    }

    private void clearBatchQuietly() {
        try {
            upsertStatement.clearBatch();
        } catch (SQLException ignored) {
            // the connection is being dropped anyway
        }
    }

    private void closeConnection() {
        if (connection != null) {
            closeQuietly(connection);
            connection = null;
            upsertStatement = null;
            quarantineStatement = null;
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing a broken connection: nothing to do
        }
    }

    /** Closes the connection; buffered rows are not written (they come again from the last checkpoint). */
    @Override
    public void close() {
        quarantineLog.close();
        closeConnection();
    }

    private record Refused<T>(T row, String sqlState, String message) {}
}
