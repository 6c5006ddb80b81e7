package io.rrralgorithms.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.jdbc.PostgresDatabase;
import io.rrralgorithms.connectors.jdbc.PostgresTarget;
import io.rrralgorithms.jobs.SharedData;
import io.rrralgorithms.jobs.TestDatabase;
import io.rrralgorithms.jobs.local.LocalPipeline;
import io.rrralgorithms.jobs.local.RunSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The tick-scale tables are partitioned by day: a run over two days writes two partitions,
 * {@code rrr maintain} creates the coming days and drops those past the retention, queries by
 * symbol and time use an index, and a database of the previous version upgrades in place.
 */
class PartitionedTablesIT {
    private static final String DAYS = "SELECT tableoid::regclass, count(*) FROM %s GROUP BY 1 ORDER BY 1";

    @Test
    void aRunOverTwoDaysWritesTwoPartitionsAndRetentionDropsTheOlder() throws Exception {
        try (TestDatabase db = new TestDatabase()) {
            RunSpec s = new RunSpec();
            // 2024-08-08 23:54 to 2024-08-09 00:05 UTC
            s.files = List.of(SharedData.market("binance-spot/btcusdt_20240808.gz"),
                    SharedData.market("binance-spot/btcusdt_20240809.gz"));
            s.kafkaPort = 0;
            s.webPort = 0;
            s.postgres = db.target;
            s.out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
            s.err = s.out;
            new LocalPipeline(s).run();
            for (String table : List.of("book_top", "features")) {
                List<String> days = db.rows(String.format(Locale.ROOT, DAYS, table));
                assertEquals(2, days.size(), table + ": " + days);
                assertTrue(days.get(0).startsWith(table + "_20240808 | ") && days.get(1).startsWith(table + "_20240809 | "),
                        days::toString);
            }
            long rows0809 = Long.parseLong(db.rows("SELECT count(*) FROM book_top_20240809").get(0));

            CommandLineExecution maintain = CommandLineExecution.of(List.of("maintain", "--jdbc-url",
                    db.target.jdbcUrl(), "--today", "2024-08-10", "--ahead-days", "1", "--retention-days", "1"));
            assertEquals(0, maintain.exitCode(), maintain.stderr());
            // each of the 6 partitioned tables: the 10th and the 11th created; the 8th dropped (book_top, features)
            assertTrue(maintain.stdout().contains("12 partition(s) created, 2 dropped"), maintain.stdout());
            assertEquals(List.of("book_top_20240809", "book_top_20240810", "book_top_20240811"), db.rows(
                    "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                            + "WHERE i.inhparent = 'book_top'::regclass ORDER BY 1"));
            assertEquals(List.of(rows0809 + ""), db.rows("SELECT count(*) FROM book_top"));

            StringBuilder plan = new StringBuilder();
            try (Connection c = db.target.connect(); Statement st = c.createStatement()) {
                st.execute("SET enable_seqscan = off"); // a few hundred rows: a scan would win; is an index there?
                try (var rs = st.executeQuery("EXPLAIN SELECT * FROM book_top WHERE symbol = 'BTC-USDT' "
                        + "AND sample_time >= '2024-08-09 00:01:00+00' AND sample_time < '2024-08-09 00:02:00+00'")) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
            }
            assertTrue(plan.toString().contains("book_top_20240809_symbol_sample_time_idx"), plan::toString);
            assertTrue(!plan.toString().contains("book_top_20240810"), "partition pruning: " + plan);
        }
    }

    @Test
    void aDatabaseOfTheLastVersionUpgradesInPlace() throws Exception {
        String name = "rrr_test_v6_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        PostgresTarget target = PostgresTarget.of(TestDatabase.SERVER + name, "postgres", null);
        PostgresDatabase.createIfMissing(target);
        try {
            Flyway.configure().dataSource(target.jdbcUrl(), "postgres", null).locations("classpath:db/migration")
                    .target("6").load().migrate();
            try (Connection c = target.connect(); Statement st = c.createStatement()) {
                st.execute("INSERT INTO pnl (account_id, snapshot_time, realized_pnl, unrealized_pnl, fees, equity, "
                        + "cash, mark_value, drawdown, gross_notional, risk_state, fills, orders, rejections) VALUES "
                        + "('paper', '2024-08-08 23:59:59+00', 1, 2, 3, 4, 5, 6, 7, 8, 'ACTIVE', 1, 2, 0), "
                        + "('paper', '2024-08-09 00:00:00+00', 1, 2, 3, 4, 5, 6, 7, 8, 'ACTIVE', 1, 2, 0)");
            }
            PostgresDatabase.migrate(target);
            try (Connection c = target.connect(); Statement st = c.createStatement();
                    var rs = st.executeQuery(String.format(Locale.ROOT, DAYS, "pnl"))) {
                StringBuilder b = new StringBuilder();
                while (rs.next()) {
                    b.append(rs.getString(1)).append('=').append(rs.getLong(2)).append(' ');
                }
                assertEquals("pnl_20240808=1 pnl_20240809=1 ", b.toString());
            }
        } finally {
            try (Connection c = PostgresTarget.of(TestDatabase.SERVER + "postgres", "postgres", null).connect();
                    Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }
}
