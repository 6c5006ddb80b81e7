package io.rrralgorithms.jobs.cli;

import io.rrralgorithms.connectors.jdbc.PostgresTarget;
import io.rrralgorithms.jobs.local.LocalDatabase;
import io.rrralgorithms.jobs.local.LocalPipeline;
import io.rrralgorithms.models.evaluation.OutOfSampleEvaluation;
import io.rrralgorithms.models.registry.ModelRegistry;
import io.rrralgorithms.models.training.FeatureRecord;
import io.rrralgorithms.models.training.Labeler;
import io.rrralgorithms.models.training.ModelExporter;
import io.rrralgorithms.models.training.Trainer;
import io.rrralgorithms.models.training.WalkForward;
import io.rrralgorithms.models.training.WalkForwardSplit;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a model on feature rows (the features table, or --replay capture files): ridge, MLP and "
                + "TCN, the one with the best validation IC kept (--model), report it on the latest (test) time slice "
                + "against the baselines, export a SavedModel and register the version as a candidate in the models "
                + "table. With --walk-forward: train one per consecutive test window on the rows before it and report "
                + "every window and all of them."})
public class TrainCommand implements Callable<Integer> {
    @Mixin
    PostgresOptions postgres;

    @Mixin
    TrainingOptions training;

    @Option(names = "--promote", description = "promote the new version to serving if nothing is serving yet")
    boolean promote;

    @Option(names = "--walk-forward", description = "walk-forward instead: train a model per consecutive test window "
            + "on the rows before it and evaluate each window and all of them, per instrument and pooled, split per "
            + "instrument on its own timeline; exports and registers nothing")
    boolean walkForward;

    @Option(names = "--windows", defaultValue = "4", description = "walk-forward: test windows per instrument")
    int windows;

    @Option(names = "--initial-train-fraction", defaultValue = "0.5",
            description = "walk-forward: share of each instrument's seconds before its first test window (the rest "
                    + "is cut into --windows equal windows; --validation-fraction of the seconds before each window "
                    + "validate)")
    double initialTrainFraction;

    @Option(names = "--bootstrap-replicates", defaultValue = "1000", description = "walk-forward: bootstrap replicates")
    int replicates;

    @Option(names = "--block-length", defaultValue = "0", description = "walk-forward: bootstrap block length in rows; "
            + "0: max(horizon, n^1/3) per instrument; a length below the horizon is refused")
    int blockLength;

    @Option(names = "--confidence", defaultValue = "0.95",
            description = "walk-forward: confidence level of the intervals")
    double confidence;

    @Override
    public Integer call() throws Exception {
        postgres.validate();
        if (walkForward) {
            return walkForward();
        }
        try (LocalDatabase db = postgres.local()) {
            return train(postgres.target(db));
        }
    }

    private int walkForward() throws Exception {
        int h = training.horizonSeconds;
        Preflight.atLeast("--horizon-seconds", h, 1);
        Preflight.atLeast("--windows", windows, 1);
        Preflight.atLeast("--bootstrap-replicates", replicates, 10);
        if (blockLength != 0 && blockLength < h) {
            throw UserError.usage("--block-length " + blockLength + " is shorter than the horizon of " + h
                    + " rows: blocks must hold a whole label window (0 picks one)");
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw UserError.usage("--confidence must lie strictly between 0 and 1, got " + confidence);
        }
        if (!(initialTrainFraction > 0 && initialTrainFraction < 1)
                || !(training.validationFraction > 0 && training.validationFraction < 1)) {
            throw UserError.usage("--initial-train-fraction and --validation-fraction must lie strictly between 0 "
                    + "and 1, got " + initialTrainFraction + " and " + training.validationFraction);
        }
        List<FeatureRecord> records;
        if (training.fromReplay()) {
            records = training.load(null, training.fromMs(), training.toMs());
        } else {
            try (LocalDatabase db = postgres.local()) { // as rrr train: the database's errors are one line
                PostgresTarget target = postgres.target(db);
                LocalPipeline.prepareDatabase(target);
                records = training.load(target, training.fromMs(), training.toMs());
            }
        }
        Trainer.Options t = training.trainerOptions(training.describeSource());
        try {
            // split once before printing anything, so too little data is one line on stderr
            WalkForwardSplit.of(new Labeler(t.spec(), h, t.model().historyLength()).label(records), windows,
                    initialTrainFraction,
                    training.validationFraction, h * 1000L);
        } catch (IllegalArgumentException e) {
            throw UserError.usage(e.getMessage());
        }
        System.out.printf("%,d feature rows from %s%n", records.size(), training.describeSource());
        WalkForward.Options options = new WalkForward.Options(t.spec(), h, windows, initialTrainFraction,
                training.validationFraction, t.mlp(),
                new OutOfSampleEvaluation.Options(h, replicates, blockLength, training.seed, confidence), t.model());
        WalkForward.Result result = WalkForward.run(records, options);
        for (WalkForward.WindowResult w : result.windows()) {
            System.out.printf("== window %d: train %,d rows, validation %,d, test %,d; model %s (%d epochs)%n",
                    w.window().index(), w.window().train().size(), w.window().validation().size(),
                    w.window().test().size(), w.modelKind(), w.epochsRun());
            System.out.print(w.selection().describe());
            System.out.print(w.report());
        }
        System.out.println("== all windows (each test row scored by its own window's model)");
        System.out.print(result.overall());
        System.out.println("== summary");
        System.out.print(result.summary());
        return 0;
    }

    private int train(PostgresTarget target) throws Exception {
        LocalPipeline.prepareDatabase(target);
        List<FeatureRecord> records = training.load(target, training.fromMs(), training.toMs());
        System.out.printf("%,d feature rows from %s%n", records.size(), training.describeSource());
        Trainer.Options options = training.trainerOptions(training.describeSource());
        try (Trainer.Result r = Trainer.train(records, options)) {
            System.out.print(r.selection().describe());
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
