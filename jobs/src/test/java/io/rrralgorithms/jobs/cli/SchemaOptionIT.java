package io.rrralgorithms.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.jobs.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --schema}: a backfill's own schema of the same database, created and migrated apart from public. */
class SchemaOptionIT {
    @Test
    void migrateCreatesTheSchemaWithItsOwnTablesAndRefusesABadName() throws Exception {
        try (TestDatabase db = new TestDatabase()) {
            String url = db.target.jdbcUrl();
            CommandLineExecution run = CommandLineExecution.of(List.of("migrate", "--jdbc-url", url, "--schema",
                    "backfill_1"));
            assertEquals(0, run.exitCode(), run.stderr());
            List<String> tables = db.rows("SELECT table_schema, count(*) FROM information_schema.tables "
                    + "WHERE table_name IN ('book_top', 'features', 'orders', 'flyway_schema_history') "
                    + "GROUP BY table_schema ORDER BY table_schema");
            assertEquals(List.of("backfill_1 | 4", "public | 4"), tables);

            // a second time: current, nothing applied
            CommandLineExecution again = CommandLineExecution.of(List.of("migrate", "--jdbc-url", url, "--schema",
                    "backfill_1"));
            assertEquals(0, again.exitCode(), again.stderr());
            assertTrue(again.stdout().contains("0 migration(s) applied"), again.stdout());

            CommandLineExecution bad = CommandLineExecution.of(List.of("migrate", "--jdbc-url", url, "--schema",
                    "x; drop table features"));
            assertEquals(ExitCodes.USAGE, bad.exitCode(), bad.stderr());
            assertTrue(bad.stderr().contains("--schema must be a lower-case SQL name"), bad.stderr());
        }
    }
}
