package io.rrralgorithms.models.training;

import io.rrralgorithms.models.evaluation.EvaluationReport;
import io.rrralgorithms.models.evaluation.OutOfSampleEvaluation;
import io.rrralgorithms.models.registry.ModelMetadata;
import io.rrralgorithms.models.spec.FeatureSpec;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Training end to end on feature rows: label ({@link Labeler}) → split by time ({@link TimeSplit})
 * → MLP ({@link MlpTrainer}) with early stopping on the validation slice → test-slice report
 * against the baselines ({@link Evaluation}) → metadata ready for {@link ModelExporter}.
 */
public final class Trainer {
    /**
     * @param excludeFromMs with {@code excludeToMs}: an interval kept out of train and validation
     *     (on retraining, the serving model's test slice), or null
     */
    public record Options(FeatureSpec spec, int horizonSeconds, double trainFraction, double validationFraction,
            MlpConfig mlp, String dataSource, Long excludeFromMs, Long excludeToMs, ModelConfig model) {
        public Options(FeatureSpec spec, int horizonSeconds, MlpConfig mlp, String dataSource) {
            this(spec, horizonSeconds, 0.6, 0.2, mlp, dataSource, null, null, defaultModel(spec));
        }

        public Options(FeatureSpec spec, int horizonSeconds, double trainFraction, double validationFraction,
                MlpConfig mlp, String dataSource, Long excludeFromMs, Long excludeToMs) {
            this(spec, horizonSeconds, trainFraction, validationFraction, mlp, dataSource, excludeFromMs, excludeToMs,
                    defaultModel(spec));
        }

        public Options excluding(Long fromMs, Long toMs) {
            return new Options(spec, horizonSeconds, trainFraction, validationFraction, mlp, dataSource, fromMs, toMs,
                    model);
        }
    }

    /** Spec v1: the MLP on raw rows, as before v2; other specs: {@link ModelConfig#v2()}. */
    public static ModelConfig defaultModel(FeatureSpec spec) {
        return spec == FeatureSpec.V1 ? ModelConfig.v1() : ModelConfig.v2();
    }

    /**
     * A trained model (close it), its report, all labeled rows, its metadata (no version id yet) and
     * the validation-slice comparison of the candidates it was chosen from.
     */
    public record Result(TrainedModel model, TrainingReport report, List<LabeledRow> labeled, ModelMetadata metadata,
            ModelSelection.Selected selection) implements AutoCloseable {
        @Override
        public void close() {
            model.close();
        }
    }

    private Trainer() {}

    public static Result train(List<FeatureRecord> records, Options o) {
        List<LabeledRow> labeled = new Labeler(o.spec(), o.horizonSeconds(), o.model().historyLength()).label(records);
        TimeSplit split = TimeSplit.of(labeled, o.trainFraction(), o.validationFraction(),
                o.horizonSeconds() * 1000L, o.excludeFromMs(), o.excludeToMs());
        ModelSelection.Selected selected = ModelSelection.select(split.train(), split.validation(), o.model(), o.mlp());
        TrainedModel model = selected.model();
        try {
            double signScale = split.train().stream().mapToDouble(r -> Math.abs(r.label())).average().orElse(0);
            TrainingReport report = report(model, split, signScale, o, instruments(labeled));
            ModelMetadata m = new ModelMetadata();
            m.specId = o.spec().id();
            m.inputNames = o.spec().inputNames();
            m.horizonSeconds = o.horizonSeconds();
            m.trainFromMs = split.trainFromMs();
            m.trainToMs = split.testFromMs();
            m.testFromMs = split.testFromMs();
            m.testToMs = split.testToMs();
            m.dataSource = o.dataSource();
            m.instruments = report.instruments();
            m.trainRows = split.train().size();
            m.validationRows = split.validation().size();
            m.testRows = split.test().size();
            m.inputMean = model.inputMean();
            m.inputStd = model.inputStd();
            describe(m, model);
            m.hyperparameters.putAll(o.mlp().asMap());
            m.hyperparameters.put("model", model.kind());
            m.hyperparameters.put("modelChoice", o.model().kind());
            if (!o.model().kind().equals("mlp")) {
                m.hyperparameters.put("window", o.model().window());
                m.hyperparameters.put("tcnChannels", o.model().channels());
                m.hyperparameters.put("ridgeLambdas", Arrays.toString(o.model().ridgeLambdas()));
            }
            for (ModelSelection.Candidate c : selected.candidates()) {
                m.metrics.put("validation." + c.kind() + ".ic", c.validationIc());
                m.metrics.put("validation." + c.kind() + ".mse", c.validationMse());
            }
            m.hyperparameters.put("trainFraction", o.trainFraction());
            m.hyperparameters.put("validationFraction", o.validationFraction());
            m.hyperparameters.put("validationFromMs", split.validationFromMs());
            if (o.excludeFromMs() != null) {
                m.hyperparameters.put("excludedFromMs", o.excludeFromMs());
                m.hyperparameters.put("excludedToMs", o.excludeToMs());
            }
            m.metrics.putAll(report.metrics());
            return new Result(model, report, labeled, m, selected);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** Records what the scorer needs beyond the graph: kind, window, per-instrument normalization, size. */
    public static void describe(ModelMetadata m, TrainedModel model) {
        m.modelKind = model.kind();
        m.window = model.window();
        m.parameters = model.parameters();
        m.trainSeconds = model.trainSeconds();
        if (model.normalization() != null) {
            m.instrumentMean = model.normalization().mean();
            m.instrumentStd = model.normalization().std();
            m.instrumentLabelMean = model.normalization().labelMean();
            m.instrumentLabelStd = model.normalization().labelStd();
        }
    }

    static TrainingReport report(TrainedModel model, TimeSplit split, double signScale, Options o,
            List<String> instruments) {
        List<LabeledRow> test = split.test();
        int h = o.horizonSeconds();
        float[] scores = model.score(test);
        double[] s = new double[scores.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = scores[i];
        }
        EvaluationReport evaluation = OutOfSampleEvaluation.evaluate(test, s, o.spec().inputNames(), signScale,
                new OutOfSampleEvaluation.Options(h, 1000, 0, o.mlp().seed(), 0.95));
        return new TrainingReport(o.spec().id(), h, o.dataSource(), instruments, split, model.history(),
                Evaluation.ofModel(scores, test, h), Evaluation.zero(test, h),
                Evaluation.lastReturnSign(test, signScale, h), signScale, evaluation);
    }

    static List<String> instruments(List<LabeledRow> rows) {
        return List.copyOf(new TreeSet<>(rows.stream().map(LabeledRow::instrument).toList()));
    }
}
