package io.rrralgorithms.jobs.cli;

import io.rrralgorithms.connectors.jdbc.PartitionMaintenance;
import io.rrralgorithms.connectors.jdbc.PartitionMaintenance.Partition;
import io.rrralgorithms.connectors.jdbc.PostgresDatabase;
import io.rrralgorithms.connectors.jdbc.PostgresTarget;
import io.rrralgorithms.jobs.local.DatabaseUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "maintain", mixinStandardHelpOptions = true,
        description = {"Keep the tables partitioned by day (book_top, features, scores, positions, pnl, derivatives) in shape: "
                + "create the coming days' partitions and drop those older than the retention.",
                "Run it daily (cron, a Kubernetes CronJob); the job creates a missing day by itself."})
public class MaintainCommand implements Callable<Integer> {
    @Mixin
    PostgresOptions postgres;

    @Option(names = "--ahead-days", defaultValue = "2", paramLabel = "N",
            description = "create the partitions of today and the N days after it")
    int aheadDays;

    @Option(names = "--retention-days", paramLabel = "D", description = "drop the partitions of days more than D days "
            + "before today (their rows with them); unset: keep everything")
    Integer retentionDays;

    @Option(names = "--today", paramLabel = "YYYY-MM-DD", description = "the day to count from (unset: today, UTC)")
    LocalDate today;

    @Override
    public Integer call() {
        postgres.validate();
        Preflight.atLeast("--ahead-days", aheadDays, 0);
        Preflight.atLeastIfGiven("--retention-days", retentionDays == null ? null : retentionDays.longValue(), 0);
        PostgresTarget target = postgres.target();
        try {
            PostgresDatabase.checkReachable(target);
        } catch (IllegalStateException e) {
            throw new DatabaseUnavailableException(e.getMessage(), e.getCause());
        }
        PostgresDatabase.createIfMissing(target);
        PostgresDatabase.migrate(target);
        LocalDate day = today != null ? today : LocalDate.now(ZoneOffset.UTC);
        try (Connection c = target.connect("rrr maintain")) {
            List<Partition> created = PartitionMaintenance.createAhead(c, day, aheadDays);
            List<Partition> dropped = retentionDays == null ? List.of()
                    : PartitionMaintenance.dropBefore(c, day.minusDays(retentionDays));
            for (Partition p : created) {
                System.out.printf("created %s (%s, %s)%n", p.partition(), p.table(), p.day());
            }
            for (Partition p : dropped) {
                System.out.printf("dropped %s (%s, %s)%n", p.partition(), p.table(), p.day());
            }
            System.out.printf("%s: %d partition(s) created, %d dropped, %d kept%n",
                    PostgresTarget.maskUrl(target.jdbcUrl()), created.size(), dropped.size(),
                    PartitionMaintenance.partitions(c).size());
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("maintaining the partitions failed: " + e.getMessage(), e);
        }
        return 0;
    }
}
