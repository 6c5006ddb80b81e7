package io.rrralgorithms.jobs.cli;

import io.rrralgorithms.connectors.jdbc.PostgresDatabase;
import io.rrralgorithms.connectors.jdbc.PostgresTarget;
import io.rrralgorithms.jobs.local.DatabaseUnavailableException;
import io.rrralgorithms.jobs.local.LocalDatabase;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Create the database if missing and apply the schema migrations of sql/.")
public class MigrateCommand implements Callable<Integer> {
    @Mixin
    PostgresOptions postgres;

    @Override
    public Integer call() {
        postgres.validate();
        try (LocalDatabase db = postgres.local()) {
            migrate(postgres.target(db));
        }
        return 0;
    }

    private static void migrate(PostgresTarget target) {
        try {
            PostgresDatabase.checkReachable(target);
        } catch (IllegalStateException e) {
            throw new DatabaseUnavailableException(e.getMessage(), e.getCause());
        }
        PostgresDatabase.createIfMissing(target);
        var r = PostgresDatabase.migrate(target);
        System.out.printf("%s: schema version %s, %d migration(s) applied%n", PostgresTarget.maskUrl(target.jdbcUrl()),
                r.targetSchemaVersion, r.migrationsExecuted);
    }
}
