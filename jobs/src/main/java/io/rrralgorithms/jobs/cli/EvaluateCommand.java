package io.rrralgorithms.jobs.cli;

import io.rrralgorithms.connectors.jdbc.PostgresTarget;
import io.rrralgorithms.jobs.features.FeatureRow;
import io.rrralgorithms.jobs.features.FeatureRowValues;
import io.rrralgorithms.jobs.features.ReplayFeatures;
import io.rrralgorithms.models.evaluation.EvaluationReport;
import io.rrralgorithms.models.evaluation.OutOfSampleEvaluation;
import io.rrralgorithms.models.registry.ModelMetadata;
import io.rrralgorithms.models.scoring.ModelInputs;
import io.rrralgorithms.models.scoring.ModelLoadException;
import io.rrralgorithms.models.scoring.TfScorer;
import io.rrralgorithms.models.spec.FeatureSpec;
import io.rrralgorithms.models.training.FeatureRecord;
import io.rrralgorithms.models.training.FeatureRowsFromPostgres;
import io.rrralgorithms.models.training.LabeledRow;
import io.rrralgorithms.models.training.Labeler;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Out-of-sample report of a model on feature rows (the features table, or --replay capture "
                + "files): per instrument and pooled, IC (Pearson) with block-bootstrap confidence intervals, "
                + "directional accuracy, MSE and calibration, beside the baselines zero, last-return sign and every "
                + "single input feature, with paired bootstrap intervals of the differences model - baseline."})
public class EvaluateCommand implements Callable<Integer> {
    @Mixin
    PostgresOptions postgres;

    @Option(names = "--model-dir", required = true, paramLabel = "DIR", description = "the model version to evaluate")
    Path modelDir;

    @Option(names = "--replay", arity = "1..*", paramLabel = "FILE",
            description = "compute the features in-process from these capture files instead of reading the features "
                    + "table; FEED=FILE names one file's feed")
    List<Path> replay = new ArrayList<>();

    @Option(names = "--feed", description = "feed of the --replay files when the folder/file name does not say it")
    String feed;

    @Option(names = "--feeds", split = ",", description = "only these feeds (unset: all)")
    List<String> feeds = new ArrayList<>();

    @Option(names = "--from", description = "first feature time, ISO instant or epoch ms (unset: the earliest, or "
            + "with --model-test-window the model's test slice)")
    String from;

    @Option(names = "--to", description = "end (exclusive) feature time, ISO instant or epoch ms (unset: the latest)")
    String to;

    @Option(names = "--model-test-window", description = "evaluate on the model's recorded test slice "
            + "(its --from/--to where those are unset)")
    boolean modelTestWindow;

    @Option(names = "--horizon-seconds", description = "label: log mid return over this event-time horizon "
            + "(unset: the model's)")
    Integer horizonSeconds;

    @Option(names = "--bootstrap-replicates", defaultValue = "1000", description = "bootstrap replicates")
    int replicates;

    @Option(names = "--block-length", defaultValue = "0", description = "bootstrap block length in rows (seconds); "
            + "0: max(horizon, n^1/3) per instrument; a length below the horizon is refused")
    int blockLength;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the bootstrap")
    long seed;

    @Option(names = "--confidence", defaultValue = "0.95", description = "confidence level of the intervals")
    double confidence;

    @Override
    public Integer call() throws Exception {
        ModelMetadata meta;
        try (TfScorer scorer = load()) {
            meta = scorer.metadata();
            FeatureSpec spec = scorer.spec();
            ModelInputs inputs = scorer.inputs();
            int h = horizonSeconds != null ? horizonSeconds : meta.horizonSeconds;
            Preflight.atLeast("--horizon-seconds", h, 1);
            Preflight.atLeast("--bootstrap-replicates", replicates, 10);
            if (blockLength != 0 && blockLength < h) {
                throw UserError.usage("--block-length " + blockLength + " is shorter than the horizon of " + h
                        + " rows: blocks must hold a whole label window (0 picks one)");
            }
            if (!(confidence > 0 && confidence < 1)) {
                throw UserError.usage("--confidence must lie strictly between 0 and 1, got " + confidence);
            }
            Long fromMs = from != null ? (Long) TrainingOptions.parseTime(from)
                    : modelTestWindow ? (Long) meta.testFromMs : null;
            Long toMs = to != null ? (Long) TrainingOptions.parseTime(to) : modelTestWindow ? (Long) meta.testToMs : null;
            List<FeatureRecord> records = records(fromMs, toMs);
            List<LabeledRow> rows = new Labeler(spec, h, inputs.window()).label(records);
            System.out.printf("model                %s (spec %s, %s over %d row(s), trained for H = %d s)%n",
                    meta.versionId, meta.specId, meta.modelKind == null ? "mlp" : meta.modelKind, inputs.window(),
                    meta.horizonSeconds);
            System.out.printf("model train+val      %s .. %s; test slice %s .. %s%n", Instant.ofEpochMilli(meta.trainFromMs),
                    Instant.ofEpochMilli(meta.trainToMs), Instant.ofEpochMilli(meta.testFromMs),
                    Instant.ofEpochMilli(meta.testToMs));
            System.out.printf("data                 %,d feature rows, %,d labeled at H = %d s, from %s%n", records.size(),
                    rows.size(), h, describeSource());
            if (rows.size() < 10) {
                throw UserError.usage("only " + rows.size() + " labeled rows in the selected data: nothing to evaluate");
            }
            long inTraining = rows.stream().filter(r -> r.timeMs() + h * 1000L >= meta.trainFromMs
                    && r.timeMs() < meta.trainToMs).count();
            if (inTraining > 0) {
                System.out.printf("WARNING              %,d of %,d rows (or their labels) lie in the model's "
                        + "train/validation window: those are NOT out of sample%n", inTraining, rows.size());
            }
            float[] scores = scorer.score(rows.stream().map(inputs::inputOf).toArray(float[][]::new));
            double[] s = new double[scores.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = scores[i];
            }
            double signScale = meta.metrics.getOrDefault("last_sign.scale",
                    rows.stream().mapToDouble(r -> Math.abs(r.label())).average().orElse(0));
            EvaluationReport report = OutOfSampleEvaluation.evaluate(rows, s, spec.inputNames(), signScale,
                    new OutOfSampleEvaluation.Options(h, replicates, blockLength, seed, confidence));
            System.out.print(report);
        }
        return 0;
    }

    private TfScorer load() {
        try {
            return TfScorer.loadAnySpec(modelDir, null);
        } catch (ModelLoadException e) {
            throw UserError.usage(e.getMessage());
        }
    }

    private List<FeatureRecord> records(Long fromMs, Long toMs) throws Exception {
        if (!replay.isEmpty()) {
            CaptureArguments.Resolved resolved = CaptureArguments.resolve(replay, feed);
            replay = resolved.files();
            List<FeatureRecord> out = new ArrayList<>();
            for (FeatureRow r : new ReplayFeatures().compute(replay, resolved.feeds())) {
                String instrument = r.instrumentKey();
                if ((fromMs == null || r.timeMs >= fromMs) && (toMs == null || r.timeMs < toMs)
                        && (feeds.isEmpty() || feeds.contains(instrument.substring(0, instrument.indexOf(':'))))) {
                    out.add(new FeatureRecord(instrument, r.timeMs, FeatureRowValues.of(r)));
                }
            }
            return out;
        }
        PostgresTarget target = postgres.target();
        try (Connection c = target.connect()) {
            return FeatureRowsFromPostgres.load(c, feeds, fromMs, toMs);
        }
    }

    private String describeSource() {
        String range = (from == null ? "" : " from " + from) + (to == null ? "" : " to " + to)
                + (modelTestWindow ? " (model test window)" : "") + (feeds.isEmpty() ? "" : " feeds " + String.join(",", feeds));
        if (!replay.isEmpty()) {
            return "replay " + String.join(" ", replay.stream().map(p -> p.getFileName().toString()).toList()) + range;
        }
        return "features table" + range;
    }
}
