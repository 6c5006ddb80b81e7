package io.rrralgorithms.models.training;

import io.rrralgorithms.models.spec.FeatureValues;

/**
 * One feature row of one instrument: {@code instrument} is {@code feed:native_symbol}, {@code timeMs}
 * the end of the event-time second (the {@code feature_time} column).
 */
public record FeatureRecord(String instrument, long timeMs, FeatureValues values) {
    /** The mid price, NaN without a valid book. */
    public double mid() {
        return values.value("mid");
    }
}
