package io.rrralgorithms.models.training;

import io.rrralgorithms.models.evaluation.EvaluationReport;
import io.rrralgorithms.models.evaluation.OutOfSampleEvaluation;
import io.rrralgorithms.models.evaluation.OutOfSampleEvaluation.Metrics;
import io.rrralgorithms.models.evaluation.OutOfSampleEvaluation.Table;
import io.rrralgorithms.models.spec.FeatureSpec;
import io.rrralgorithms.models.training.WalkForwardSplit.Bounds;
import io.rrralgorithms.models.training.WalkForwardSplit.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Walk-forward training and evaluation: for each {@link WalkForwardSplit} window the candidate
 * models ({@link ModelSelection}: ridge, MLP, TCN, or the one asked for) are trained on the rows
 * before it (early-stopped on their latest part), the one with the highest validation IC is kept
 * and scored on the window; each
 * window gets the out-of-sample report of {@link OutOfSampleEvaluation} per instrument and pooled,
 * and all windows' test rows together (each scored by its own window's model) get one more: the
 * walk-forward verdict. Nothing is exported: this measures the training procedure, not one model.
 */
public final class WalkForward {
    /**
     * @param windows test windows
     * @param initialTrainFraction share of each instrument's seconds before the first window
     * @param validationFraction share of the rows before a window used for early stopping
     */
    public record Options(FeatureSpec spec, int horizonSeconds, int windows, double initialTrainFraction,
            double validationFraction, MlpConfig mlp, OutOfSampleEvaluation.Options evaluation, ModelConfig model) {
        public Options(FeatureSpec spec, int horizonSeconds, int windows, double initialTrainFraction,
                double validationFraction, MlpConfig mlp, OutOfSampleEvaluation.Options evaluation) {
            this(spec, horizonSeconds, windows, initialTrainFraction, validationFraction, mlp, evaluation,
                    Trainer.defaultModel(spec));
        }
    }

    /** One window's sizes, bounds, the model chosen on its validation slice, and its report. */
    public record WindowResult(Window window, int epochsRun, EvaluationReport report, ModelSelection.Selected selection) {
        public String modelKind() {
            return selection.model().kind();
        }
    }

    /** Every window's result and the report over all windows' test rows. */
    public record Result(Options options, List<WindowResult> windows, EvaluationReport overall) {
        /** The window × scope summary: model IC, best single feature IC and the paired difference. */
        public String summary() {
            StringBuilder b = new StringBuilder();
            int pct = (int) Math.round(options.evaluation().level() * 100);
            b.append(String.format(Locale.ROOT, "walk-forward: %d windows per instrument timeline after an initial "
                    + "%.0f%% of its seconds, H = %d s; model-best = paired %d%% block-bootstrap CI of model IC - best "
                    + "single feature IC%n", options.windows(), options.initialTrainFraction() * 100,
                    options.horizonSeconds(), pct));
            for (WindowResult w : windows) {
                b.append("window ").append(w.window().index()).append(' ').append(w.selection().describe());
            }
            b.append(String.format(Locale.ROOT, "%-6s %-6s %-26s %-48s %6s %6s %5s %7s %-18s %-26s %7s %-18s %6s%n",
                    "window", "model", "scope", "test window (UTC)", "train", "val", "test", "IC", pct + "% CI",
                    "best feature", "its IC", "model-best IC", "gap sd"));
            for (WindowResult w : windows) {
                for (Table t : w.report().tables()) {
                    Bounds bd = w.window().bounds().get(t.scope());
                    String span = bd == null ? "(per instrument)"
                            : Instant.ofEpochMilli(bd.testFromMs()) + " .. " + Instant.ofEpochMilli(bd.testToMs());
                    long train = count(w.window().train(), t.scope());
                    long val = count(w.window().validation(), t.scope());
                    row(b, Integer.toString(w.window().index()), w.modelKind(), t, span, train, val);
                }
            }
            for (Table t : overall.tables()) {
                row(b, "all", "chosen", t, "(every window)", -1, -1);
            }
            Table pooled = overall.pooled();
            Metrics best = pooled.bestFeature();
            b.append(String.format(Locale.ROOT, "verdict (all windows, pooled): model IC %+.3f %s vs best single "
                    + "feature %s %+.3f: difference %s, %s%n", pooled.model().ic(),
                    pooled.model().icCi().format("%+.3f", 1), featureName(best), best.ic(),
                    best.icDiff().format("%+.3f", 1),
                    best.icDiff().above(0) ? "the model beats it"
                            : best.icDiff().below(0) ? "the feature beats the model" : "not significant (spans 0)"));
            return b.toString();
        }

        private static long count(List<LabeledRow> rows, String scope) {
            return scope.equals("pooled") ? rows.size()
                    : rows.stream().filter(r -> r.instrument().equals(scope)).count();
        }

        private static void row(StringBuilder b, String window, String kind, Table t, String span, long train,
                long val) {
            Metrics m = t.model();
            Metrics best = t.bestFeature();
            b.append(String.format(Locale.ROOT, "%-6s %-6s %-26s %-48s %6s %6s %5d %+7.3f %-18s %-26s %+7.3f %-18s %6.2f%n",
                    window, kind, t.scope(), span, train < 0 ? "" : Long.toString(train), val < 0 ? "" : Long.toString(val),
                    t.n(), m.ic(), m.icCi().format("%+.3f", 1), featureName(best), best.ic(),
                    best.icDiff().format("%+.3f", 1), t.calibrationGap()));
        }

        private static String featureName(Metrics m) {
            return m.predictor().substring(OutOfSampleEvaluation.FEATURE_PREFIX.length());
        }
    }

    private WalkForward() {}

    public static Result run(List<FeatureRecord> records, Options o) {
        List<LabeledRow> labeled = new Labeler(o.spec(), o.horizonSeconds(), o.model().historyLength()).label(records);
        List<Window> windows = WalkForwardSplit.of(labeled, o.windows(), o.initialTrainFraction(),
                o.validationFraction(), o.horizonSeconds() * 1000L);
        List<WindowResult> results = new ArrayList<>();
        List<LabeledRow> allTest = new ArrayList<>();
        List<Double> allScores = new ArrayList<>();
        double signScaleSum = 0;
        for (Window w : windows) {
            double[] s;
            int epochs;
            ModelSelection.Selected selected = ModelSelection.select(w.train(), w.validation(), o.model(), o.mlp());
            try (TrainedModel model = selected.model()) {
                float[] scores = model.score(w.test());
                s = new double[scores.length];
                for (int i = 0; i < s.length; i++) {
                    s[i] = scores[i];
                }
                epochs = model.history().epochsRun();
            }
            double signScale = w.train().stream().mapToDouble(r -> Math.abs(r.label())).average().orElse(0);
            signScaleSum += signScale;
            EvaluationReport report = OutOfSampleEvaluation.evaluate(w.test(), s, o.spec().inputNames(), signScale,
                    o.evaluation());
            results.add(new WindowResult(w, epochs, report, selected));
            allTest.addAll(w.test());
            for (double x : s) {
                allScores.add(x);
            }
        }
        EvaluationReport overall = OutOfSampleEvaluation.evaluate(allTest,
                allScores.stream().mapToDouble(Double::doubleValue).toArray(), o.spec().inputNames(),
                signScaleSum / windows.size(), o.evaluation());
        return new Result(o, List.copyOf(results), overall);
    }
}
