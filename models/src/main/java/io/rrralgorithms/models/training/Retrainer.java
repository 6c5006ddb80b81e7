package io.rrralgorithms.models.training;

import io.rrralgorithms.models.registry.ModelRegistry;
import io.rrralgorithms.models.registry.ModelRegistry.Comparison;
import io.rrralgorithms.models.registry.ModelRegistry.RegisteredModel;
import io.rrralgorithms.models.scoring.ModelInputs;
import io.rrralgorithms.models.scoring.ModelLoadException;
import io.rrralgorithms.models.scoring.TfScorer;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One retraining: trains a candidate on the given rows (the serving model's test slice kept out of
 * its train and validation slices), exports and registers it, then scores the candidate and the
 * serving model on the same test slice and promotes the candidate only if it is better.
 *
 * <p>The slice is the serving model's recorded test slice [testFrom, testTo); when nothing serves,
 * the serving model cannot be loaded, or that slice has no labeled rows in the data, it is the
 * candidate's own test slice. <b>Rule:</b> the candidate is promoted iff its test-slice IC is
 * strictly higher than the serving model's on that slice; with no (loadable) serving model, iff
 * its IC is positive (better than the zero prediction). The comparison is stored either way, and a
 * candidate that is not promoted is marked rejected.
 */
public final class Retrainer {
    public static final String METRIC = "ic";

    /** What a retraining did. */
    public record Outcome(Trainer.Result candidate, Path candidateDir, Optional<RegisteredModel> serving,
            Evaluation candidateOnSlice, Evaluation servingOnSlice, Comparison comparison) implements AutoCloseable {
        @Override
        public void close() {
            candidate.close();
        }

        public String summary() {
            StringBuilder b = new StringBuilder("=== retraining ===\n");
            b.append(String.format(Locale.ROOT, "candidate            %s (%s)%n", comparison.candidateVersion(), candidateDir));
            b.append(String.format(Locale.ROOT, "serving before       %s%n",
                    comparison.servingVersion() == null ? "none" : comparison.servingVersion()));
            b.append(String.format(Locale.ROOT, "comparison slice     %s .. %s (%s), %d rows%n",
                    Instant.ofEpochMilli(comparison.testFromMs()), Instant.ofEpochMilli(comparison.testToMs()),
                    comparison.details().get("slice"), candidateOnSlice.n()));
            b.append("                     IC      95% CI (Fisher z, n/H)   dir.acc   MSE (bps²)\n");
            TrainingReport.row(b, "candidate", candidateOnSlice);
            if (servingOnSlice != null) {
                TrainingReport.row(b, "serving", servingOnSlice);
            }
            b.append(String.format(Locale.ROOT, "decision             %s: %s%n",
                    comparison.promoted() ? "PROMOTED" : "rejected", comparison.details().get("rule")));
            return b.toString();
        }
    }

    private final ModelRegistry registry;
    private final Path modelsDir;

    public Retrainer(ModelRegistry registry, Path modelsDir) {
        this.registry = registry;
        this.modelsDir = modelsDir;
    }

    /** Feature rows of an event-time interval [fromMs, toMs), wherever the training data comes from. */
    @FunctionalInterface
    public interface SliceSource {
        List<FeatureRecord> load(long fromMs, long toMs) throws SQLException, IOException;
    }

    /**
     * @param records the training window
     * @param slices where the rows of the serving model's test slice come from (they may lie outside
     *     the training window)
     */
    public Outcome retrain(List<FeatureRecord> records, SliceSource slices, Trainer.Options options, Instant now)
            throws SQLException, IOException {
        Optional<RegisteredModel> serving = registry.serving();
        Trainer.Options o = serving.map(s -> options.excluding(s.metadata().testFromMs, s.metadata().testToMs))
                .orElse(options);
        Trainer.Result cand = Trainer.train(records, o);
        try {
            Path dir = ModelExporter.export(cand.model(), cand.metadata(), modelsDir, now);
            registry.insertCandidate(cand.metadata(), dir);
            int h = o.horizonSeconds();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("horizonSeconds", h);
            details.put("candidateReport", cand.metadata().metrics);

            long from = cand.metadata().testFromMs;
            long to = cand.metadata().testToMs;
            String slice = "candidate test slice";
            TfScorer scorer = null;
            List<LabeledRow> onServing = List.of();
            List<LabeledRow> servingRows = List.of();
            try {
                if (serving.isPresent()) {
                    RegisteredModel s = serving.get();
                    details.put("servingHorizonSeconds", s.metadata().horizonSeconds);
                    try {
                        scorer = TfScorer.loadAnySpec(s.path(), null);
                    } catch (ModelLoadException e) {
                        details.put("servingLoadError", e.getMessage());
                    }
                    long sf = s.metadata().testFromMs;
                    long st = s.metadata().testToMs;
                    List<FeatureRecord> sliceRecords = slices.load(sf, st + h * 1000L + 1000L);
                    onServing = TimeSplit.slice(new Labeler(o.spec(), h, o.model().historyLength())
                            .label(sliceRecords), sf, st);
                    if (scorer != null) {
                        // the serving model's own spec and window; only rows both models can score are compared
                        servingRows = TimeSplit.slice(new Labeler(scorer.spec(), h, scorer.inputs().window())
                                .label(sliceRecords), sf, st);
                        Set<String> keys = new HashSet<>();
                        servingRows.forEach(r -> keys.add(r.instrument() + "@" + r.timeMs()));
                        onServing = onServing.stream().filter(r -> keys.contains(r.instrument() + "@" + r.timeMs()))
                                .toList();
                        Set<String> both = new HashSet<>();
                        onServing.forEach(r -> both.add(r.instrument() + "@" + r.timeMs()));
                        servingRows = servingRows.stream().filter(r -> both.contains(r.instrument() + "@" + r.timeMs()))
                                .toList();
                    }
                    if (!onServing.isEmpty()) {
                        from = s.metadata().testFromMs;
                        to = s.metadata().testToMs;
                        slice = "serving model's test slice";
                    } else {
                        details.put("note", "no labeled rows in the serving model's test slice");
                    }
                }
                details.put("slice", slice);
                boolean onCandidateSlice = onServing.isEmpty();
                List<LabeledRow> rows = onCandidateSlice ? cand.report().split().test() : onServing;
                Evaluation c = Evaluation.ofModel(cand.model().score(rows), rows, h);
                Evaluation sv = null;
                boolean promote;
                String rule;
                if (scorer != null && onCandidateSlice && scorer.spec() == o.spec()
                        && scorer.inputs().window() <= o.model().historyLength()) {
                    servingRows = rows; // the same spec: the serving model scores the candidate's test rows
                }
                if (scorer != null && !servingRows.isEmpty()) {
                    ModelInputs in = scorer.inputs();
                    float[][] x = servingRows.stream().map(in::inputOf).toArray(float[][]::new);
                    sv = Evaluation.ofModel(x.length == 0 ? new float[0] : scorer.score(x), servingRows, h);
                    promote = c.ic() > sv.ic();
                    rule = String.format(Locale.ROOT, "candidate IC %.4f %s serving IC %.4f", c.ic(),
                            promote ? ">" : "<=", sv.ic());
                } else {
                    promote = c.ic() > 0;
                    rule = String.format(Locale.ROOT, "no serving model: candidate IC %.4f %s 0", c.ic(),
                            promote ? ">" : "<=");
                }
                details.put("rule", rule);
                details.put("candidate", evaluationMap(c));
                if (sv != null) {
                    details.put("serving", evaluationMap(sv));
                }
                Comparison cmp = new Comparison(cand.metadata().versionId, serving.map(RegisteredModel::versionId)
                        .orElse(null), from, to, METRIC, c.ic(), sv == null ? null : sv.ic(), promote, details, now);
                registry.recordComparison(cmp);
                if (promote) {
                    registry.promote(cand.metadata().versionId, now);
                } else {
                    registry.reject(cand.metadata().versionId);
                }
                return new Outcome(cand, dir, serving, c, sv, cmp);
            } finally {
                if (scorer != null) {
                    scorer.close();
                }
            }
        } catch (SQLException | IOException | RuntimeException e) {
            cand.close();
            throw e;
        }
    }

    private static Map<String, Object> evaluationMap(Evaluation e) {
        Map<String, Double> m = new LinkedHashMap<>();
        TrainingReport.put(m, "", e);
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k.substring(1), v));
        return out;
    }
}
