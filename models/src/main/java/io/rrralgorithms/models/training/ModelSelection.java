package io.rrralgorithms.models.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Trains the candidate models of a {@link ModelConfig} on the train slice and keeps the one with
 * the highest IC on the <b>validation</b> slice (the test slice is never looked at: it is scored
 * only by the kept model, afterwards). Candidates in order ridge, shrunk ridge, MLP, TCN; a tie
 * keeps the earlier (simpler) one. The per-instrument normalization is fitted on the train slice once and
 * shared by all candidates.
 */
public final class ModelSelection {
    /** One candidate's size, training time and validation metrics. */
    public record Candidate(String kind, int parameters, double trainSeconds, int epochsRun, double validationIc,
            double validationMse, double rowsPerSecond) {}

    /** The kept model (close it) and every candidate's summary. */
    public record Selected(TrainedModel model, List<Candidate> candidates) {
        public String describe() {
            StringBuilder b = new StringBuilder("model selection on the validation slice (highest IC kept):\n");
            b.append(String.format(Locale.ROOT, "  %-6s %10s %9s %7s %12s %8s %10s%n", "model", "parameters",
                    "train s", "epochs", "rows·ep/s", "val IC", "val MSE"));
            for (Candidate c : candidates) {
                b.append(String.format(Locale.ROOT, "  %-6s %10d %9.2f %7d %12.0f %+8.3f %10.4f%s%n", c.kind(),
                        c.parameters(), c.trainSeconds(), c.epochsRun(), c.rowsPerSecond(), c.validationIc(),
                        c.validationMse() * 1e8, c.kind().equals(model.kind()) ? "  <- kept" : ""));
            }
            return b.toString();
        }
    }

    private ModelSelection() {}

    public static Selected select(List<LabeledRow> train, List<LabeledRow> validation, ModelConfig cfg, MlpConfig mlp) {
        InstrumentNormalization norm = cfg.perInstrument() ? InstrumentNormalization.fit(train) : null;
        List<Candidate> summaries = new ArrayList<>();
        TrainedModel best = null;
        double bestIc = Double.NEGATIVE_INFINITY;
        double[] yVal = validation.stream().mapToDouble(LabeledRow::label).toArray();
        try {
            for (String kind : cfg.candidates()) {
                TrainedModel m = switch (kind) {
                    case "ridge" -> new RidgeTrainer(cfg.ridgeLambdas(), norm).train(train, validation);
                    case "shrunk" -> RidgeTrainer.shrunk(cfg.ridgeLambdas(), norm, ModelConfig.PRIOR_INPUTS)
                            .train(train, validation);
                    case "tcn" -> new MlpTrainer(mlp, "tcn", cfg.window(), cfg.channels(), norm).train(train, validation);
                    default -> new MlpTrainer(mlp, "mlp", 1, 1, norm).train(train, validation);
                };
                float[] p = m.score(validation);
                double[] pd = new double[p.length];
                for (int i = 0; i < p.length; i++) {
                    pd[i] = p[i];
                }
                double ic = Evaluation.pearson(pd, yVal);
                ic = Double.isNaN(ic) ? 0 : ic;
                double se = 0;
                for (int i = 0; i < pd.length; i++) {
                    se += (pd[i] - yVal[i]) * (pd[i] - yVal[i]);
                }
                int epochs = m.history().epochsRun();
                double rate = (double) train.size() * epochs / Math.max(m.trainSeconds(), 1e-9);
                summaries.add(new Candidate(kind, m.parameters(), m.trainSeconds(), epochs, ic, se / pd.length, rate));
                if (ic > bestIc) {
                    if (best != null) {
                        best.close();
                    }
                    best = m;
                    bestIc = ic;
                } else {
                    m.close();
                }
            }
        } catch (RuntimeException e) {
            if (best != null) {
                best.close();
            }
            throw e;
        }
        return new Selected(best, List.copyOf(summaries));
    }
}
