package io.rrralgorithms.models.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.models.evaluation.OutOfSampleEvaluation.Metrics;
import io.rrralgorithms.models.evaluation.OutOfSampleEvaluation.Options;
import io.rrralgorithms.models.evaluation.OutOfSampleEvaluation.Table;
import io.rrralgorithms.models.training.LabeledRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OutOfSampleEvaluationTest {
    private static final int H = 3;
    private static final List<String> FEATURES = List.of("noise_a", "planted", "noise_b", "last_return");

    /** Rows of two instruments: labels are overlapping H-second sums of iid 1 s returns. */
    private static final class Data {
        final List<LabeledRow> rows = new ArrayList<>();
        final List<Double> scores = new ArrayList<>();

        Data(int secondsPerInstrument, long seed) {
            Random rnd = new Random(seed);
            for (String instrument : List.of("x:AAA", "y:BBB")) {
                int n = secondsPerInstrument + H + 1;
                double[] r = new double[n];
                for (int i = 0; i < n; i++) {
                    r[i] = rnd.nextGaussian() * 1e-4;
                }
                for (int t = 1; t + H < n; t++) {
                    double label = 0;
                    for (int k = 1; k <= H; k++) {
                        label += r[t + k];
                    }
                    double sd = Math.sqrt(H) * 1e-4;
                    // the planted feature is the future return plus as much noise (IC 1/sqrt(2) = 0.707)
                    float planted = (float) ((label + rnd.nextGaussian() * sd) * 1e4);
                    float[] x = {(float) rnd.nextGaussian(), planted, (float) rnd.nextGaussian(), (float) (r[t] * 1e4)};
                    rows.add(new LabeledRow(instrument, 1_000_000L + t * 1000L, x, label, r[t]));
                    // a weaker model: 0.3 of the label plus noise (IC about 0.29)
                    scores.add(0.3 * label + rnd.nextGaussian() * sd);
                }
            }
        }

        double[] scores() {
            return scores.stream().mapToDouble(Double::doubleValue).toArray();
        }

        EvaluationReport evaluate(Options o) {
            return OutOfSampleEvaluation.evaluate(rows, scores(), FEATURES, 1e-4, o);
        }
    }

    @Test
    void recoversAPlantedSignalAndRanksItAboveTheOtherBaselines() {
        Data d = new Data(2000, 1);
        EvaluationReport report = d.evaluate(new Options(H, 500, 0, 42, 0.95));
        System.out.print(report);
        assertEquals(2, report.instruments().size());
        for (Table t : report.tables()) {
            Metrics planted = t.row("feature planted");
            assertEquals("feature planted", t.bestBaseline().predictor(), t.scope());
            assertEquals("feature planted", t.bestFeature().predictor(), t.scope());
            assertEquals(Math.sqrt(0.5), planted.ic(), 0.05, t.scope());
            assertTrue(planted.icCi().low() < Math.sqrt(0.5) && Math.sqrt(0.5) < planted.icCi().high(),
                    t.scope() + " " + planted.icCi());
            for (Metrics other : t.rows()) {
                if (!other.predictor().equals("feature planted") && !other.predictor().equals("model")) {
                    assertTrue(other.icCi().high() < planted.icCi().low(), t.scope() + " " + other);
                }
            }
            // the weaker model is significantly below the planted feature and above zero and noise
            Metrics model = t.model();
            assertEquals(0.29, model.ic(), 0.06, t.scope());
            assertTrue(planted.icDiff().below(0), t.scope() + " " + planted.icDiff());
            assertTrue(t.row("zero prediction").icDiff().above(0), t.scope());
            assertTrue(t.row("feature noise_a").icDiff().above(0), t.scope());
            assertTrue(t.row("last-return sign").icDiff().above(0), t.scope());
            assertTrue(t.row("zero prediction").accuracyDiff().above(0), t.scope());
            assertEquals(0.5, t.row("zero prediction").accuracy());
            // zero's MSE is the label's second moment; model-it MSE is paired
            assertTrue(t.row("zero prediction").mseDiff().defined());
            assertTrue(Double.isNaN(planted.mse()) && !planted.mseDiff().defined(), "a raw feature has no MSE");
            assertTrue(t.calibrationGap() < 0.25, t.scope() + " " + t.calibrationGap());
        }
        assertEquals(4000, report.pooled().n());
        String printed = report.toString();
        assertTrue(printed.contains("best single feature: planted") && printed.contains("is beaten by it"), printed);
    }

    @Test
    void sameSeedSameNumbersOtherSeedOtherIntervals() {
        Data d = new Data(500, 2);
        EvaluationReport a = d.evaluate(new Options(H, 200, 0, 7, 0.95));
        EvaluationReport b = d.evaluate(new Options(H, 200, 0, 7, 0.95));
        EvaluationReport c = d.evaluate(new Options(H, 200, 0, 8, 0.95));
        assertEquals(a.tables(), b.tables());
        assertEquals(a.toString(), b.toString());
        assertEquals(a.pooled().model().ic(), c.pooled().model().ic(), "the point estimate does not depend on the seed");
        assertNotEquals(a.pooled().model().icCi(), c.pooled().model().icCi());
    }

    @Test
    void blockBootstrapIsWiderThanIidOnAutocorrelatedData() {
        assertTrue(widthRatio(0.9) > 1.8, "AR(1) 0.9: block/iid width " + widthRatio(0.9));
        double iid = widthRatio(0.0);
        assertTrue(iid > 0.75 && iid < 1.33, "iid data: the two agree, ratio " + iid);
    }

    /** Width of the IC interval with blocks of 50 over that of the iid bootstrap, on AR(1) series. */
    private static double widthRatio(double phi) {
        Random rnd = new Random(3);
        List<LabeledRow> rows = new ArrayList<>();
        double x = 0;
        double y = 0;
        int n = 4000;
        double[] scores = new double[n];
        for (int t = 0; t < n; t++) {
            double common = rnd.nextGaussian();
            x = phi * x + rnd.nextGaussian() + 0.3 * common;
            y = phi * y + rnd.nextGaussian() + 0.3 * common;
            scores[t] = x;
            rows.add(new LabeledRow("x:AAA", t * 1000L, new float[] {(float) x}, y, Double.NaN));
        }
        double block = OutOfSampleEvaluation.evaluate(rows, scores, List.of("x"), 1, new Options(1, 500, 50, 42, 0.95))
                .pooled().model().icCi().width();
        double iid = OutOfSampleEvaluation.evaluate(rows, scores, List.of("x"), 1, new Options(1, 500, 1, 42, 0.95))
                .pooled().model().icCi().width();
        return block / iid;
    }
}
