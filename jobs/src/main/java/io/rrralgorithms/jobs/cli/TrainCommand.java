package io.rrralgorithms.jobs.cli;

import io.rrralgorithms.connectors.jdbc.PostgresTarget;
import io.rrralgorithms.jobs.local.LocalDatabase;
import io.rrralgorithms.jobs.local.LocalPipeline;
import io.rrralgorithms.models.registry.ModelRegistry;
import io.rrralgorithms.models.training.FeatureRecord;
import io.rrralgorithms.models.training.ModelExporter;
import io.rrralgorithms.models.training.Trainer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train an MLP on feature rows (the features table, or --replay capture files), report it on the "
                + "latest (test) time slice against the zero and last-return-sign baselines, export a SavedModel and "
                + "register the version as a candidate in the models table."})
public class TrainCommand implements Callable<Integer> {
    @Mixin
    PostgresOptions postgres;

    @Mixin
    TrainingOptions training;

    @Option(names = "--promote", description = "promote the new version to serving if nothing is serving yet")
    boolean promote;

    @Override
    public Integer call() throws Exception {
        postgres.validate();
        try (LocalDatabase db = postgres.local()) {
            return train(postgres.target(db));
        }
    }

    private int train(PostgresTarget target) throws Exception {
        LocalPipeline.prepareDatabase(target);
        List<FeatureRecord> records = training.load(target, training.fromMs(), training.toMs());
        System.out.printf("%,d feature rows from %s%n", records.size(), training.describeSource());
        Trainer.Options options = training.trainerOptions(training.describeSource());
        try (Trainer.Result r = Trainer.train(records, options)) {
            System.out.print(r.report());
            Instant now = Instant.now();
            Path dir = ModelExporter.export(r.model(), r.metadata(), training.modelsDir, now);
            ModelRegistry registry = new ModelRegistry(target::connect);
            registry.insertCandidate(r.metadata(), dir);
            System.out.printf("model version        %s%nexported to          %s%n", r.metadata().versionId,
                    dir.toAbsolutePath().normalize());
            if (promote) {
                var serving = registry.serving();
                if (serving.isEmpty()) {
                    registry.promote(r.metadata().versionId, now);
                    System.out.println("status               serving (nothing was serving)");
                } else {
                    System.out.printf("status               candidate (%s is serving: use rrr retrain to compare)%n",
                            serving.get().versionId());
                }
            } else {
                System.out.println("status               candidate");
            }
        }
        return 0;
    }
}
