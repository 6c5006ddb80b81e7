package io.rrralgorithms.models.training;

/**
 * A scorable feature row with its label: {@code label} = ln(mid(t + H) / mid(t)); {@code
 * prevReturn} = ln(mid(t) / mid(t - 1 s)), NaN when the row one second earlier is missing or has
 * no valid book (the last-return-sign baseline then predicts 0).
 */
public record LabeledRow(String instrument, long timeMs, float[] inputs, double label, double prevReturn) {}
