package io.rrralgorithms.models.training;

import io.rrralgorithms.models.spec.FeatureSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Labels feature rows with the future log mid return over a horizon in event time, per
 * instrument: the label of the row at t uses the row of the same instrument at exactly t + H.
 * Rows that the spec cannot score (no valid book), rows without a valid mid, and rows without a
 * row with a valid mid exactly H later are dropped.
 */
public final class Labeler {
    private final FeatureSpec spec;
    private final int horizonSeconds;

    public Labeler(FeatureSpec spec, int horizonSeconds) {
        if (horizonSeconds <= 0) {
            throw new IllegalArgumentException("horizon must be positive: " + horizonSeconds);
        }
        this.spec = spec;
        this.horizonSeconds = horizonSeconds;
    }

    public int horizonSeconds() {
        return horizonSeconds;
    }

    /** Labeled rows sorted by time, then instrument. */
    public List<LabeledRow> label(List<FeatureRecord> records) {
        Map<String, Map<Long, FeatureRecord>> byInstrument = new LinkedHashMap<>();
        for (FeatureRecord r : records) {
            byInstrument.computeIfAbsent(r.instrument(), k -> new HashMap<>()).put(r.timeMs(), r);
        }
        long h = horizonSeconds * 1000L;
        List<LabeledRow> out = new ArrayList<>();
        for (FeatureRecord r : records) {
            Map<Long, FeatureRecord> rows = byInstrument.get(r.instrument());
            double mid = r.mid();
            if (!valid(mid)) {
                continue;
            }
            float[] x = spec.vector(r.values());
            if (x == null) {
                continue;
            }
            FeatureRecord future = rows.get(r.timeMs() + h);
            if (future == null || !valid(future.mid())) {
                continue;
            }
            FeatureRecord prev = rows.get(r.timeMs() - 1000L);
            double prevReturn = prev != null && valid(prev.mid()) ? Math.log(mid / prev.mid()) : Double.NaN;
            out.add(new LabeledRow(r.instrument(), r.timeMs(), x, Math.log(future.mid() / mid), prevReturn));
        }
        out.sort(Comparator.comparingLong(LabeledRow::timeMs).thenComparing(LabeledRow::instrument));
        return out;
    }

    private static boolean valid(double mid) {
        return mid > 0 && !Double.isInfinite(mid);
    }
}
