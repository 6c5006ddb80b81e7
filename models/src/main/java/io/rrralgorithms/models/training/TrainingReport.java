package io.rrralgorithms.models.training;

import io.rrralgorithms.models.evaluation.EvaluationReport;
import io.rrralgorithms.models.evaluation.OutOfSampleEvaluation;
import io.rrralgorithms.models.evaluation.OutOfSampleEvaluation.Metrics;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a training run did and how the model and the baselines do on the test slice: {@code
 * testEvaluation} is the same out-of-sample report as {@code rrr evaluate} ({@link
 * OutOfSampleEvaluation}), whose pooled block-bootstrap intervals are the registry's metrics.
 */
public record TrainingReport(String specId, int horizonSeconds, String dataSource, List<String> instruments,
        TimeSplit split, TrainingHistory history, Evaluation model, Evaluation zero, Evaluation lastSign,
        double signScale, EvaluationReport testEvaluation) {

    /** Metrics for the registry: {@code <predictor>.<metric>}, finite values only (pooled test slice). */
    public Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        var pooled = testEvaluation.pooled();
        put(m, "model", pooled.n(), pooled.model());
        put(m, "zero", pooled.n(), pooled.row(OutOfSampleEvaluation.ZERO));
        put(m, "last_sign", pooled.n(), pooled.row(OutOfSampleEvaluation.LAST_SIGN));
        Metrics best = pooled.bestFeature();
        putFinite(m, "best_feature.ic", best.ic());
        putFinite(m, "model_minus_best_feature.ic_low", best.icDiff().low());
        putFinite(m, "model_minus_best_feature.ic_high", best.icDiff().high());
        putFinite(m, "calibration_gap_sd", pooled.calibrationGap());
        putFinite(m, "validation_mse", history.bestValidationMse());
        m.put("best_epoch", (double) history.bestEpoch());
        m.put("epochs_run", (double) history.epochsRun());
        putFinite(m, "last_sign.scale", signScale);
        return m;
    }

    static void put(Map<String, Double> m, String prefix, int n, Metrics e) {
        m.put(prefix + ".n", (double) n);
        putFinite(m, prefix + ".ic", e.ic());
        putFinite(m, prefix + ".ic_low", e.icCi().low());
        putFinite(m, prefix + ".ic_high", e.icCi().high());
        putFinite(m, prefix + ".accuracy", e.accuracy());
        putFinite(m, prefix + ".mse", e.mse());
    }

    static void put(Map<String, Double> m, String prefix, Evaluation e) {
        m.put(prefix + ".n", (double) e.n());
        putFinite(m, prefix + ".ic", e.ic());
        putFinite(m, prefix + ".ic_low", e.icLow());
        putFinite(m, prefix + ".ic_high", e.icHigh());
        putFinite(m, prefix + ".accuracy", e.accuracy());
        putFinite(m, prefix + ".mse", e.mse());
    }

    private static void putFinite(Map<String, Double> m, String k, double v) {
        if (Double.isFinite(v)) {
            m.put(k, v);
        }
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        b.append("=== training report ===\n");
        b.append(String.format(Locale.ROOT, "spec                 %s%n", specId));
        b.append(String.format(Locale.ROOT, "label                ln(mid(t+%ds) / mid(t)), event time%n", horizonSeconds));
        b.append(String.format(Locale.ROOT, "data                 %s%n", dataSource));
        b.append(String.format(Locale.ROOT, "instruments          %s%n", String.join(", ", instruments)));
        b.append(String.format(Locale.ROOT, "train                %,6d rows  %s .. %s%n", split.train().size(),
                Instant.ofEpochMilli(split.trainFromMs()), Instant.ofEpochMilli(split.validationFromMs())));
        b.append(String.format(Locale.ROOT, "validation           %,6d rows  %s .. %s%n", split.validation().size(),
                Instant.ofEpochMilli(split.validationFromMs()), Instant.ofEpochMilli(split.testFromMs())));
        b.append(String.format(Locale.ROOT, "test                 %,6d rows  %s .. %s%n", split.test().size(),
                Instant.ofEpochMilli(split.testFromMs()), Instant.ofEpochMilli(split.testToMs())));
        b.append(String.format(Locale.ROOT, "early stopping       best epoch %d of %d run, validation MSE %.4f bps²%n",
                history.bestEpoch(), history.epochsRun(), history.bestValidationMse() * 1e8));
        b.append("test slice (out of sample):\n");
        b.append(testEvaluation);
        return b.toString();
    }

    static void row(StringBuilder b, String name, Evaluation e) {
        String ci = Double.isNaN(e.icLow()) ? "n/a" : String.format(Locale.ROOT, "[%+.3f, %+.3f]", e.icLow(), e.icHigh());
        b.append(String.format(Locale.ROOT, "  %-18s %+.3f  %-24s %.3f     %.4f%n", name, e.ic(), ci, e.accuracy(),
                e.mse() * 1e8));
    }
}
