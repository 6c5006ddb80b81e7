package io.rrralgorithms.models.spec;

/**
 * One feature row by column name, as in the {@code features} table. The job adapts its
 * in-memory rows, training adapts rows read from PostgreSQL or from a replay: both then go
 * through the same {@link FeatureSpec}, so training and scoring cannot drift apart.
 */
public interface FeatureValues {
    /** The column's value, or NaN when it is NULL or absent. */
    double value(String column);
}
