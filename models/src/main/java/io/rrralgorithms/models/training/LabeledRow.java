package io.rrralgorithms.models.training;

/**
 * A scorable feature row with its label: {@code inputs} = the spec's raw input vector of the row;
 * {@code label} = ln(mid(t + H) / mid(t)); {@code prevReturn} = ln(mid(t) / mid(t - 1 s)), NaN when
 * the row one second earlier is missing or has no valid book (the last-return-sign baseline then
 * predicts 0); {@code history} = the raw input vectors of this instrument's latest scorable rows,
 * oldest first, this one last (what a sequence model sees; just {@code inputs} for a model of one
 * row).
 */
public record LabeledRow(String instrument, long timeMs, float[] inputs, double label, double prevReturn,
        float[][] history) {
    public LabeledRow(String instrument, long timeMs, float[] inputs, double label, double prevReturn) {
        this(instrument, timeMs, inputs, label, prevReturn, new float[][] {inputs});
    }
}
