package io.rrralgorithms.models.evaluation;

import io.rrralgorithms.models.evaluation.OutOfSampleEvaluation.Metrics;
import io.rrralgorithms.models.evaluation.OutOfSampleEvaluation.Options;
import io.rrralgorithms.models.evaluation.OutOfSampleEvaluation.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@link OutOfSampleEvaluation}'s tables, per instrument and pooled, printable. */
public record EvaluationReport(Options options, List<Table> instruments, Table pooled, double signScale) {

    /** Every table, the instruments' then the pooled one. */
    public List<Table> tables() {
        List<Table> t = new ArrayList<>(instruments);
        t.add(pooled);
        return t;
    }

    public Table instrument(String instrument) {
        return instruments.stream().filter(t -> t.scope().equals(instrument)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no instrument " + instrument));
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        int pct = (int) Math.round(options.level() * 100);
        b.append(String.format(Locale.ROOT, "IC = Pearson correlation of prediction and label ln(mid(t+%ds)/mid(t)); "
                + "%d%% CIs: circular block bootstrap, %d replicates, seed %d, blocks of %s rows (>= H = %d rows); "
                + "model-it = paired difference model - predictor on the same resamples%n",
                options.horizonSeconds(), pct, options.replicates(), options.seed(),
                options.blockLength() > 0 ? Integer.toString(options.blockLength()) : "max(H, n^1/3)",
                options.horizonSeconds()));
        for (Table t : tables()) {
            table(b, t, pct);
        }
        b.append(String.format(Locale.ROOT, "(last-return sign predicts sign(r[t-1s,t]) x %.3f bps; accuracy over "
                + "non-zero labels, a 0 prediction counts half; a feature's IC is signed, its MSE and mean n/a: it is "
                + "not a return)%n", signScale * 1e4));
        return b.toString();
    }

    static void table(StringBuilder b, Table t, int pct) {
        Metrics m = t.model();
        Metrics best = t.bestFeature();
        b.append(String.format(Locale.ROOT,
                "-- %s: %,d rows, block %s, label mean %+.4f bps sd %.4f bps; model mean score %+.4f bps "
                        + "(|gap| = %.2f sd)%n",
                t.scope(), t.n(), t.blockLength(), t.meanLabel() * 1e4, t.labelStd() * 1e4, m.meanPrediction() * 1e4,
                t.calibrationGap()));
        b.append(String.format(Locale.ROOT, "  %-30s %7s %-18s %-18s %6s %-18s %10s %-22s%n", "predictor", "IC",
                pct + "% CI", "model-it IC", "acc", "model-it acc", "MSE bps2", "model-it MSE bps2"));
        for (Metrics r : t.rows()) {
            b.append(String.format(Locale.ROOT, "  %-30s %+7.3f %-18s %-18s %6.3f %-18s %10s %-22s%n",
                    r.predictor(), r.ic(), r.icCi().format("%+.3f", 1), r.icDiff().format("%+.3f", 1),
                    r.accuracy(), r.accuracyDiff().format("%+.3f", 1),
                    r.labelUnits() ? String.format(Locale.ROOT, "%.4f", r.mse() * 1e8) : "n/a",
                    r.mseDiff().format("%+.4f", 1e8)));
        }
        String verdict = best.icDiff().above(0) ? "beats it (CI of the difference above 0)"
                : best.icDiff().below(0) ? "is beaten by it (CI of the difference below 0)"
                : "does not differ from it significantly (CI of the difference spans 0)";
        b.append(String.format(Locale.ROOT, "  best single feature: %s (IC %+.3f); the model %s%n",
                best.predictor().substring(OutOfSampleEvaluation.FEATURE_PREFIX.length()), best.ic(), verdict));
    }
}
