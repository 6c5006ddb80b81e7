package io.rrralgorithms.models.training;

import io.rrralgorithms.models.spec.CrossInstrumentInputs;
import io.rrralgorithms.models.spec.FeatureSpec;
import io.rrralgorithms.models.spec.FeatureValues;
import java.util.ArrayDeque;
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
 *
 * <p>Inputs use data at or before t only: the row's own columns (closed when the watermark passed
 * t), the cross-instrument inputs of {@link CrossInstrumentInputs} from rows of t − 1 s, and the
 * history of the instrument's earlier scorable rows; only the label reads the row at t + H. With
 * a history length K &gt; 1 (sequence models), rows with fewer than K − 1 earlier scorable rows of
 * their instrument are dropped too, so every model of a run sees the same rows.
 */
public final class Labeler {
    private final FeatureSpec spec;
    private final int horizonSeconds;
    private final int historyLength;

    public Labeler(FeatureSpec spec, int horizonSeconds) {
        this(spec, horizonSeconds, 1);
    }

    public Labeler(FeatureSpec spec, int horizonSeconds, int historyLength) {
        if (horizonSeconds <= 0) {
            throw new IllegalArgumentException("horizon must be positive: " + horizonSeconds);
        }
        if (historyLength < 1) {
            throw new IllegalArgumentException("history length must be at least 1: " + historyLength);
        }
        this.spec = spec;
        this.horizonSeconds = horizonSeconds;
        this.historyLength = historyLength;
    }

    public int horizonSeconds() {
        return horizonSeconds;
    }

    /** Labeled rows sorted by time, then instrument. */
    public List<LabeledRow> label(List<FeatureRecord> records) {
        List<FeatureRecord> ordered = new ArrayList<>(records);
        ordered.sort(Comparator.comparingLong(FeatureRecord::timeMs).thenComparing(FeatureRecord::instrument));
        Map<String, Map<Long, FeatureRecord>> byInstrument = new LinkedHashMap<>();
        for (FeatureRecord r : ordered) {
            byInstrument.computeIfAbsent(r.instrument(), k -> new HashMap<>()).put(r.timeMs(), r);
        }
        long h = horizonSeconds * 1000L;
        CrossInstrumentInputs cross = new CrossInstrumentInputs();
        Map<String, ArrayDeque<float[]>> histories = new HashMap<>();
        List<LabeledRow> out = new ArrayList<>();
        for (FeatureRecord r : ordered) {
            FeatureValues values = cross.with(r.instrument(), r.timeMs(), r.values());
            cross.record(r.instrument(), r.timeMs(), r.values());
            Map<Long, FeatureRecord> rows = byInstrument.get(r.instrument());
            double mid = r.mid();
            if (!valid(mid)) {
                continue;
            }
            float[] x = spec.vector(values);
            if (x == null) {
                continue;
            }
            ArrayDeque<float[]> history = histories.computeIfAbsent(r.instrument(), k -> new ArrayDeque<>());
            history.addLast(x);
            if (history.size() > historyLength) {
                history.removeFirst();
            }
            if (history.size() < historyLength) {
                continue;
            }
            FeatureRecord future = rows.get(r.timeMs() + h);
            if (future == null || !valid(future.mid())) {
                continue;
            }
            FeatureRecord prev = rows.get(r.timeMs() - 1000L);
            double prevReturn = prev != null && valid(prev.mid()) ? Math.log(mid / prev.mid()) : Double.NaN;
            out.add(new LabeledRow(r.instrument(), r.timeMs(), x, Math.log(future.mid() / mid), prevReturn,
                    history.toArray(float[][]::new)));
        }
        out.sort(Comparator.comparingLong(LabeledRow::timeMs).thenComparing(LabeledRow::instrument));
        return out;
    }

    private static boolean valid(double mid) {
        return mid > 0 && !Double.isInfinite(mid);
    }
}
