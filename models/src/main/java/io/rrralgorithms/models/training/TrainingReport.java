package io.rrralgorithms.models.training;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What a training run did and how the model and the naive baselines do on the test slice. */
public record TrainingReport(String specId, int horizonSeconds, String dataSource, List<String> instruments,
        TimeSplit split, TrainingHistory history, Evaluation model, Evaluation zero, Evaluation lastSign,
        double signScale) {

    /** Metrics for the registry: {@code <predictor>.<metric>}, finite values only. */
    public Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        put(m, "model", model);
        put(m, "zero", zero);
        put(m, "last_sign", lastSign);
        putFinite(m, "validation_mse", history.bestValidationMse());
        m.put("best_epoch", (double) history.bestEpoch());
        m.put("epochs_run", (double) history.epochsRun());
        putFinite(m, "last_sign.scale", signScale);
        return m;
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
        b.append("test slice           IC      95% CI (Fisher z, n/H)   dir.acc   MSE (bps²)\n");
        row(b, "model", model);
        row(b, "zero prediction", zero);
        row(b, "last-return sign", lastSign);
        b.append(String.format(Locale.ROOT,
                "(last-return sign predicts sign(r[t-1s,t]) × %.3f bps, the train mean |label|; "
                        + "accuracy over non-zero labels, a 0 prediction counts half)%n", signScale * 1e4));
        return b.toString();
    }

    static void row(StringBuilder b, String name, Evaluation e) {
        String ci = Double.isNaN(e.icLow()) ? "n/a" : String.format(Locale.ROOT, "[%+.3f, %+.3f]", e.icLow(), e.icHigh());
        b.append(String.format(Locale.ROOT, "  %-18s %+.3f  %-24s %.3f     %.4f%n", name, e.ic(), ci, e.accuracy(),
                e.mse() * 1e8));
    }
}
