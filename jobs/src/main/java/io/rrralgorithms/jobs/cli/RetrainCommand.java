package io.rrralgorithms.jobs.cli;

import io.rrralgorithms.connectors.jdbc.PostgresTarget;
import io.rrralgorithms.jobs.local.LocalDatabase;
import io.rrralgorithms.jobs.local.LocalPipeline;
import io.rrralgorithms.models.registry.ModelRegistry;
import io.rrralgorithms.models.training.FeatureRecord;
import io.rrralgorithms.models.training.Retrainer;
import io.rrralgorithms.models.training.Trainer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "retrain", mixinStandardHelpOptions = true,
        description = {"Train a candidate on the latest window, score it and the serving model on the serving model's "
                + "test slice (the candidate's own when nothing serves or that slice has no rows), and promote the "
                + "candidate only if its IC is strictly higher (with nothing serving: if its IC is positive). The "
                + "comparison is stored in model_comparisons; a losing candidate is marked rejected. The serving "
                + "model's test slice is kept out of the candidate's train and validation slices."})
public class RetrainCommand implements Callable<Integer> {
    @Mixin
    PostgresOptions postgres;

    @Mixin
    TrainingOptions training;

    @Option(names = "--window", defaultValue = "all",
            description = "train on this much of the latest data, an ISO duration such as PT6H, or 'all'")
    String window;

    @Option(names = "--every", description = "repeat on this schedule (ISO duration, e.g. PT1H) until interrupted")
    Duration every;

    @Override
    public Integer call() throws Exception {
        postgres.validate();
        try (LocalDatabase db = postgres.local()) {
            return retrain(postgres.target(db));
        }
    }

    private int retrain(PostgresTarget target) throws Exception {
        LocalPipeline.prepareDatabase(target);
        ModelRegistry registry = new ModelRegistry(target::connect);
        Retrainer retrainer = new Retrainer(registry, training.modelsDir);
        while (true) {
            once(target, retrainer);
            if (every == null) {
                return 0;
            }
            System.out.printf("next retraining at %s%n", Instant.now().plus(every));
            Thread.sleep(every.toMillis());
        }
    }

    private void once(PostgresTarget target, Retrainer retrainer) throws Exception {
        Long to = training.toMs();
        Long from = training.fromMs();
        if (!"all".equalsIgnoreCase(window)) {
            long end = to != null ? to : latest(target) + 1;
            from = end - Duration.parse(window).toMillis();
            to = end;
        }
        List<FeatureRecord> records = training.load(target, from, to);
        String source = training.describeSource() + ("all".equalsIgnoreCase(window) ? "" : ", window " + window
                + " up to " + Instant.ofEpochMilli(to));
        System.out.printf("%,d feature rows from %s%n", records.size(), source);
        Trainer.Options options = training.trainerOptions(source);
        try (Retrainer.Outcome o = retrainer.retrain(records, (f, t) -> training.load(target, f, t), options,
                Instant.now())) {
            System.out.print(o.candidate().report());
            System.out.print(o.summary());
        }
    }

    /** The latest feature time of the source, ms. */
    private long latest(PostgresTarget target) throws Exception {
        if (training.fromReplay()) {
            return training.load(target, null, null).stream().mapToLong(FeatureRecord::timeMs).max()
                    .orElseThrow(() -> new IllegalStateException("no feature rows in the replay"));
        }
        String sql = "SELECT (extract(epoch FROM max(feature_time)) * 1000)::bigint FROM features"
                + (training.feeds.isEmpty() ? "" : " WHERE feed IN ('" + String.join("','",
                        training.feeds.stream().map(f -> f.replace("'", "''")).toList()) + "')");
        try (Connection c = target.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            long v = rs.getLong(1);
            if (rs.wasNull()) {
                throw new IllegalStateException("the features table is empty");
            }
            return v;
        }
    }
}
