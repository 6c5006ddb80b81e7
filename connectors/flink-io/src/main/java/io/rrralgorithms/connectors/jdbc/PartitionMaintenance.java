package io.rrralgorithms.connectors.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Day partitions of the tables partitioned by time in the connection's schema
 * ({@code sql/V7__partitioned_tick_tables.sql}): created ahead, and dropped whole when older than
 * the retention. What {@code rrr maintain} runs; the sinks create a missing day themselves.
 */
public final class PartitionMaintenance {
    private static final Pattern DAY_SUFFIX = Pattern.compile(".*_(\\d{8})$");
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    private PartitionMaintenance() {}

    /** One day partition of a table. */
    public record Partition(String table, String partition, LocalDate day) {}

    /** The tables of the current schema partitioned by day. */
    public static List<String> partitionedTables(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT c.relname FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid
                WHERE c.relnamespace = current_schema()::regnamespace ORDER BY c.relname""")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** Every day partition of the partitioned tables, by table then day. */
    public static List<Partition> partitions(Connection c) throws SQLException {
        List<Partition> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT parent.relname, child.relname FROM pg_inherits i
                JOIN pg_class parent ON parent.oid = i.inhparent JOIN pg_class child ON child.oid = i.inhrelid
                JOIN pg_partitioned_table p ON p.partrelid = parent.oid
                WHERE parent.relnamespace = current_schema()::regnamespace ORDER BY parent.relname, child.relname""")) {
            while (rs.next()) {
                Matcher m = DAY_SUFFIX.matcher(rs.getString(2));
                if (m.matches()) {
                    out.add(new Partition(rs.getString(1), rs.getString(2), LocalDate.parse(m.group(1), BASIC)));
                }
            }
        }
        return out;
    }

    /** Creates the partitions of {@code from} and the {@code days} days after it; returns those created. */
    public static List<Partition> createAhead(Connection c, LocalDate from, int days) throws SQLException {
        List<Partition> before = partitions(c);
        List<Partition> created = new ArrayList<>();
        for (String table : partitionedTables(c)) {
            for (int k = 0; k <= days; k++) {
                LocalDate day = from.plusDays(k);
                try (PreparedStatement ps = c.prepareStatement("SELECT rrr_day_partition(?::regclass, ?::date)")) {
                    ps.setString(1, table);
                    ps.setString(2, day.toString());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        Partition p = new Partition(table, rs.getString(1), day);
                        if (!before.contains(p)) {
                            created.add(p);
                        }
                    }
                }
            }
        }
        return created;
    }

    /** Drops the partitions of days before {@code firstKept}; returns those dropped. */
    public static List<Partition> dropBefore(Connection c, LocalDate firstKept) throws SQLException {
        List<Partition> dropped = new ArrayList<>();
        for (Partition p : partitions(c)) {
            if (p.day().isBefore(firstKept)) {
                try (Statement s = c.createStatement()) {
                    s.execute("DROP TABLE \"" + p.partition().replace("\"", "\"\"") + "\"");
                }
                dropped.add(p);
            }
        }
        return dropped;
    }
}
