package io.rrralgorithms.jobs.cli;

import io.rrralgorithms.connectors.jdbc.PostgresTarget;
import io.rrralgorithms.jobs.features.FeatureRow;
import io.rrralgorithms.jobs.features.FeatureRowValues;
import io.rrralgorithms.jobs.features.ReplayFeatures;
import io.rrralgorithms.models.spec.FeatureSpec;
import io.rrralgorithms.models.training.FeatureRecord;
import io.rrralgorithms.models.training.FeatureRowsFromPostgres;
import io.rrralgorithms.models.training.MlpConfig;
import io.rrralgorithms.models.training.ModelConfig;
import io.rrralgorithms.models.training.Trainer;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by {@code rrr train} and {@code rrr retrain}: the data, the label and the network. */
public class TrainingOptions {
    @Option(names = "--replay", arity = "1..*", paramLabel = "FILE",
            description = "compute the features in-process from these capture files instead of reading the features "
                    + "table; FEED=FILE names one file's feed")
    List<Path> replay = new ArrayList<>();

    @Option(names = "--feed", description = "feed of the --replay files when the folder/file name does not say it")
    String feed;

    @Option(names = "--feeds", split = ",", description = "only these feeds (unset: all)")
    List<String> feeds = new ArrayList<>();

    @Option(names = "--from", description = "first feature time, ISO instant or epoch ms (unset: the earliest)")
    String from;

    @Option(names = "--to", description = "end (exclusive) feature time, ISO instant or epoch ms (unset: the latest)")
    String to;

    @Option(names = "--horizon-seconds", defaultValue = "10",
            description = "label: log mid return over this event-time horizon")
    int horizonSeconds;

    @Option(names = "--seed", defaultValue = "42", description = "seed of weights and batch order")
    long seed;

    @Option(names = "--hidden", split = ",", defaultValue = "32,16",
            description = "hidden layer widths")
    int[] hidden;

    @Option(names = "--epochs", defaultValue = "200", description = "maximum epochs")
    int epochs;

    @Option(names = "--patience", defaultValue = "10",
            description = "early stopping: epochs without validation improvement")
    int patience;

    @Option(names = "--learning-rate", defaultValue = "0.001", description = "Adam learning rate")
    float learningRate;

    @Option(names = "--batch-size", defaultValue = "64", description = "mini-batch size")
    int batchSize;

    @Option(names = "--l2", defaultValue = "0.0001", description = "L2 penalty on the weights")
    float l2;

    @Option(names = "--train-fraction", defaultValue = "0.6", description = "train slice share of the seconds")
    double trainFraction;

    @Option(names = "--validation-fraction", defaultValue = "0.2",
            description = "validation slice share; the latest rest is the test slice")
    double validationFraction;

    @Option(names = "--feature-spec", defaultValue = "v2",
            description = "feature spec of the inputs: v2 (scale-free, lags, multi-horizon flow, BBO, cross-instrument; "
                    + "per-instrument z-scores) or v1 (the 10 inputs of the first models)")
    String featureSpec;

    @Option(names = "--model", description = "auto (ridge, shrunk ridge, MLP and TCN, the best validation IC kept), "
            + "mlp, ridge, shrunk (a ridge shrunk toward the composite of the 5 strongest train inputs, labels scaled "
            + "per instrument; spec v2) or tcn (default: auto with spec v2, mlp with v1)")
    String model;

    @Option(names = "--sequence-window", defaultValue = "10",
            description = "rows of history the TCN sees (its receptive field)")
    int window;

    @Option(names = "--tcn-channels", defaultValue = "8", description = "TCN channels per layer")
    int tcnChannels;

    @Option(names = "--ridge-lambdas", split = ",", defaultValue = "0.01,0.1,1,10,100",
            description = "ridge penalties tried (× rows), the lowest validation MSE kept (the shrunk ridge also "
                    + "tries infinity: its prior alone)")
    double[] ridgeLambdas;

    @Option(names = "--models-dir", defaultValue = "./models-store",
            description = "where model versions are written")
    Path modelsDir;

    private List<FeatureRecord> replayed;

    Trainer.Options trainerOptions(String dataSource) {
        MlpConfig mlp = new MlpConfig(hidden, epochs, patience, learningRate, batchSize, l2, seed);
        FeatureSpec spec;
        ModelConfig modelConfig;
        try {
            spec = FeatureSpec.byVersion(featureSpec);
            String kind = model != null ? model : spec == FeatureSpec.V1 ? "mlp" : "auto";
            modelConfig = new ModelConfig(kind, window, tcnChannels, ridgeLambdas, spec != FeatureSpec.V1);
            if (spec == FeatureSpec.V1 && modelConfig.candidates().contains("shrunk")) {
                throw new IllegalArgumentException("--model shrunk needs per-instrument normalization: use "
                        + "--feature-spec v2");
            }
        } catch (IllegalArgumentException e) {
            throw UserError.usage(e.getMessage());
        }
        return new Trainer.Options(spec, horizonSeconds, trainFraction, validationFraction, mlp, dataSource,
                null, null, modelConfig);
    }

    Long fromMs() {
        return from == null ? null : parseTime(from);
    }

    Long toMs() {
        return to == null ? null : parseTime(to);
    }

    static long parseTime(String s) {
        return s.chars().allMatch(Character::isDigit) ? Long.parseLong(s) : Instant.parse(s).toEpochMilli();
    }

    boolean fromReplay() {
        return !replay.isEmpty();
    }

    /** Rows in [fromMs, toMs) (null: unbounded) of the selected feeds, from the replay or the features table. */
    List<FeatureRecord> load(PostgresTarget target, Long fromMs, Long toMs) throws IOException, SQLException {
        if (fromReplay()) {
            if (replayed == null) {
                CaptureArguments.Resolved resolved = CaptureArguments.resolve(replay, feed);
                replay = resolved.files();
                replayed = new ArrayList<>();
                for (FeatureRow r : new ReplayFeatures().compute(replay, resolved.feeds())) {
                    replayed.add(new FeatureRecord(r.instrumentKey(), r.timeMs, FeatureRowValues.of(r)));
                }
            }
            return replayed.stream().filter(r -> (fromMs == null || r.timeMs() >= fromMs)
                    && (toMs == null || r.timeMs() < toMs)
                    && (feeds.isEmpty() || feeds.contains(r.instrument().substring(0, r.instrument().indexOf(':')))))
                    .toList();
        }
        try (Connection c = target.connect()) {
            return FeatureRowsFromPostgres.load(c, feeds, fromMs, toMs);
        }
    }

    String describeSource() {
        String range = (from == null ? "" : " from " + from) + (to == null ? "" : " to " + to)
                + (feeds.isEmpty() ? "" : " feeds " + String.join(",", feeds));
        if (fromReplay()) {
            return "replay " + String.join(" ", replay.stream().map(p -> p.getFileName().toString()).toList()) + range;
        }
        return "features table" + range;
    }
}
