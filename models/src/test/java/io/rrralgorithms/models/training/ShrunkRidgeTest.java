package io.rrralgorithms.models.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.models.evaluation.OutOfSampleEvaluation;
import io.rrralgorithms.models.spec.FeatureSpec;
import io.rrralgorithms.models.spec.FeatureValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The shrunk ridge ({@link RidgeTrainer#shrunk}): its transforms (per-instrument label scaling, the
 * prior's inputs) come from the train rows only, it learns a planted input and puts it first in its
 * prior, and its scores are in each instrument's label units.
 */
class ShrunkRidgeTest {
    private static final long T0 = 1_723_075_200_000L;
    private static final double[] LAMBDAS = {0.1, 1, 10};
    private static final int PLANTED = FeatureSpec.V2.inputNames().indexOf("depth_imbalance_1");

    /** BTC and DOGE (DOGE's prices 10⁵× lower), DOGE {@code offsetMs} later. */
    private static List<FeatureRecord> records(long offsetMs) {
        List<FeatureRecord> out = new ArrayList<>();
        out.addAll(SyntheticV2.instrument("binance-spot:BTCUSDT", T0, 400, 60_000, 1, new Random(11)));
        out.addAll(SyntheticV2.instrument("binance-spot:DOGEUSDT", T0 + offsetMs, 400, 0.1, 5_000, 20,
                new Random(12)));
        return out;
    }

    private static double mean(List<LabeledRow> rows, String instrument) {
        return rows.stream().filter(r -> r.instrument().equals(instrument)).mapToDouble(LabeledRow::label).average()
                .orElseThrow();
    }

    @Test
    void learnsThePlantedInputWithItsLabelScalingFittedOnTrainOnly() {
        // the same seconds: the time split puts both instruments into train, validation and test
        List<LabeledRow> rows = new Labeler(FeatureSpec.V2, 1).label(records(0));
        TimeSplit split = TimeSplit.of(rows, 0.6, 0.2, 1000L, null, null);
        InstrumentNormalization norm = InstrumentNormalization.fit(split.train());
        RidgeTrainer trainer = RidgeTrainer.shrunk(LAMBDAS, norm, 3);
        try (TrainedModel m = trainer.train(split.train(), split.validation())) {
            assertEquals("shrunk", m.kind());
            assertEquals(PLANTED, trainer.priorColumns()[0], "the planted input leads the prior");
            InstrumentNormalization scaled = m.normalization();
            for (String inst : List.of("binance-spot:BTCUSDT", "binance-spot:DOGEUSDT")) {
                // labels are ~1e-4: float rounding of their mean is below 1e-12
                assertEquals(mean(split.train(), inst), scaled.labelMean().get(inst), 1e-11);
                List<LabeledRow> all = new ArrayList<>(split.train());
                all.addAll(split.test());
                // a fit on more than the train rows would give another mean
                assertTrue(Math.abs(mean(all, inst) - scaled.labelMean().get(inst)) > 1e-10, inst);
            }
            float[] s = m.score(split.test());
            double[] p = new double[s.length];
            for (int i = 0; i < s.length; i++) {
                p[i] = s[i];
            }
            double[] y = split.test().stream().mapToDouble(LabeledRow::label).toArray();
            assertTrue(Evaluation.pearson(p, y) > 0.5, "test IC " + Evaluation.pearson(p, y));
            // λ = ∞ (the prior alone) is on the grid: one more validation MSE than the ridge's λs
            assertEquals(LAMBDAS.length + 1, m.history().validationMse().size());
        }
    }

    /**
     * Walk-forward: rewriting the rows of window 2's test span (inputs and mids, so labels too)
     * leaves the models of windows 1 and 2 bit for bit unchanged, and changes window 3's, which
     * trains on them. A transform fitted on more than each window's train rows would fail this.
     */
    @Test
    void testRowsNeverReachTheirWindowsModel() {
        ModelConfig cfg = new ModelConfig("shrunk", 1, 8, LAMBDAS, true);
        MlpConfig mlp = new MlpConfig(new int[] {8}, 10, 3, 1e-2f, 32, 0f, 42L);
        WalkForward.Options o = new WalkForward.Options(FeatureSpec.V2, 1, 3, 0.4, 0.25, mlp,
                new OutOfSampleEvaluation.Options(1, 50, 0, 42, 0.95), cfg);
        // a day apart: no cross-instrument input links one's rewritten rows to the other's
        List<FeatureRecord> records = records(86_400_000L);
        List<LabeledRow> labeled = new Labeler(FeatureSpec.V2, 1).label(records);
        Map<String, WalkForwardSplit.Bounds> bounds = WalkForwardSplit.of(labeled, 3, 0.4, 0.25, 1000L).get(1)
                .bounds();
        Random rnd = new Random(3);
        List<FeatureRecord> rewritten = new ArrayList<>();
        for (FeatureRecord f : records) {
            WalkForwardSplit.Bounds b = bounds.get(f.instrument());
            if (f.timeMs() >= b.testFromMs() && f.timeMs() < b.testToMs()) {
                double factor = Math.exp(rnd.nextGaussian() * 1e-3);
                double imbalance = rnd.nextGaussian();
                FeatureValues v = f.values();
                rewritten.add(new FeatureRecord(f.instrument(), f.timeMs(), c -> switch (c) {
                    case "mid", "microprice", "vwap_1m", "bbo_bid", "bbo_ask" -> v.value(c) * factor;
                    case "depth_imbalance_1" -> imbalance;
                    default -> v.value(c);
                }));
            } else {
                rewritten.add(f);
            }
        }
        WalkForward.Result before = WalkForward.run(records, o);
        WalkForward.Result after = WalkForward.run(rewritten, o);
        for (int k = 0; k < 2; k++) {
            assertEquals(hash(before, k), hash(after, k), "window " + (k + 1));
        }
        assertNotEquals(hash(before, 2), hash(after, 2), "window 3 trains on window 2's test rows");
    }

    private static String hash(WalkForward.Result r, int window) {
        return r.windows().get(window).selection().model().weightsHash();
    }
}
