package io.rrralgorithms.models.training;

import io.rrralgorithms.models.spec.FeatureValues;
import java.util.Map;

/** Feature values held in an array, by a shared column → index map (rows read from PostgreSQL). */
final class ArrayFeatureValues implements FeatureValues {
    private final Map<String, Integer> index;
    private final double[] values;

    ArrayFeatureValues(Map<String, Integer> index, double[] values) {
        this.index = index;
        this.values = values;
    }

    @Override
    public double value(String column) {
        Integer i = index.get(column);
        return i == null ? Double.NaN : values[i];
    }
}
