package io.rrralgorithms.connectors.jdbc;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The day partitions of a table partitioned by time ({@code sql/V7__partitioned_tick_tables.sql}):
 * before a batch is written, the partition of every UTC day in it is created if missing
 * ({@code rrr_day_partition}), once per day and writer, in its own transaction so that a batch
 * rolled back for a poison row does not take the partition with it.
 */
public final class DayPartitions<T> {
    private static final Logger LOG = LoggerFactory.getLogger(DayPartitions.class);
    private static final long DAY_MS = 86_400_000L;

    /** The time (epoch ms) that places a row in its partition: the table's partition column. */
    @FunctionalInterface
    public interface PartitionTime<T> extends Serializable {
        long epochMs(T row);
    }

    private final String table;
    private final PartitionTime<T> time;
    private final Set<Long> ensured = new HashSet<>();

    DayPartitions(String table, PartitionTime<T> time) {
        this.table = table;
        this.time = time;
    }

    /**
     * Creates the missing partitions of the rows' days. An outage is thrown (the batch is retried);
     * any other refusal is logged and the rows go on, to be quarantined by the insert if their
     * partition really is missing (a database not migrated, a day dropped by retention).
     */
    void ensure(Connection c, List<T> rows) throws SQLException {
        Set<Long> missing = new TreeSet<>();
        for (T row : rows) {
            long day = Math.floorDiv(time.epochMs(row), DAY_MS);
            if (!ensured.contains(day)) {
                missing.add(day);
            }
        }
        for (long day : missing) {
            try (PreparedStatement ps = c.prepareStatement("SELECT rrr_day_partition(?::regclass, ?::date)")) {
                ps.setString(1, table);
                ps.setString(2, LocalDate.ofEpochDay(day).toString());
                ps.execute();
                c.commit();
                ensured.add(day);
            } catch (SQLException e) {
                c.rollback();
                if (SqlFailures.isOutage(e)) {
                    throw e;
                }
                LOG.warn("cannot create the partition of {} for {} (SQLState {}: {}); its rows are quarantined if it is "
                        + "missing", table, LocalDate.ofEpochDay(day), e.getSQLState(), e.getMessage());
                ensured.add(day); // said once
            }
        }
    }
}
