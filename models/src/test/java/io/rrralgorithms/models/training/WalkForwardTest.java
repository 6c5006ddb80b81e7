package io.rrralgorithms.models.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.models.evaluation.OutOfSampleEvaluation;
import io.rrralgorithms.models.evaluation.OutOfSampleEvaluation.Table;
import io.rrralgorithms.models.spec.FeatureSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WalkForwardTest {
    private static final FeatureSpec SPEC = new FeatureSpec("test", List.of(
            new FeatureSpec.Input("planted", "next 1 s return + noise", f -> f.value("planted")),
            new FeatureSpec.Input("noise", "noise", f -> f.value("noise"))));

    /** A random-walk mid a second for {@code seconds} s; "planted" = the next second's return (bps) + as much noise. */
    private static List<FeatureRecord> instrument(String name, long fromMs, int seconds, Random rnd) {
        double[] mid = new double[seconds + 1];
        mid[0] = 100;
        for (int i = 1; i <= seconds; i++) {
            mid[i] = mid[i - 1] * Math.exp(rnd.nextGaussian() * 1e-4);
        }
        List<FeatureRecord> out = new ArrayList<>();
        for (int i = 0; i <= seconds; i++) {
            double planted = i < seconds ? Math.log(mid[i + 1] / mid[i]) * 1e4 + rnd.nextGaussian() : 0;
            Map<String, Double> v = Map.of("mid", mid[i], "planted", planted, "noise", rnd.nextGaussian());
            out.add(new FeatureRecord(name, fromMs + i * 1000L, c -> v.getOrDefault(c, Double.NaN)));
        }
        return out;
    }

    @Test
    void eachWindowIsScoredByItsOwnModelAndAllWindowsTogether() {
        Random rnd = new Random(7);
        List<FeatureRecord> records = new ArrayList<>(instrument("a:X", 1_721_260_800_000L, 500, rnd));
        records.addAll(instrument("b:Y", 1_723_075_200_000L, 300, rnd));
        MlpConfig mlp = new MlpConfig(new int[] {8}, 40, 5, 1e-2f, 32, 0f, 42L);
        WalkForward.Options o = new WalkForward.Options(SPEC, 1, 3, 0.4, 0.25, mlp,
                new OutOfSampleEvaluation.Options(1, 200, 0, 42, 0.95), ModelConfig.v1());
        WalkForward.Result r = WalkForward.run(records, o);

        assertEquals(3, r.windows().size());
        int tested = 0;
        for (WalkForward.WindowResult w : r.windows()) {
            assertEquals(List.of("a:X", "b:Y"), w.report().instruments().stream().map(Table::scope).toList());
            assertEquals(w.window().test().size(), w.report().pooled().n());
            tested += w.window().test().size();
        }
        assertEquals(tested, r.overall().pooled().n());
        assertEquals(r.windows().stream().mapToInt(w -> w.report().instrument("b:Y").n()).sum(),
                r.overall().instrument("b:Y").n());
        // the planted input carries the signal: the models learn it, and it is the best single feature
        Table all = r.overall().pooled();
        assertTrue(all.model().ic() > 0.5 && all.model().icCi().above(0.3), "model IC " + all.model().ic());
        assertEquals(OutOfSampleEvaluation.FEATURE_PREFIX + "planted", all.bestFeature().predictor());
        String summary = r.summary();
        // per window the model selection (title, header, one candidate), the header, a line per window x
        // (2 instruments + pooled), three for all windows, the verdict
        assertEquals(3 * 3 + 2 + 3 * 3 + 3 + 1, summary.lines().count(), summary);
        assertTrue(summary.contains("verdict (all windows, pooled)"), summary);
    }
}
