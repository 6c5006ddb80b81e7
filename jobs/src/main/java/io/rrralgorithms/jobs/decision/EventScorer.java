package io.rrralgorithms.jobs.decision;

import java.io.Serializable;

/** Scores a micro-batch of per-event feature vectors ({@link EventFeatures#vector()}), row by row. */
public interface EventScorer extends Serializable {
    /** Writes the score of {@code rows[i]} to {@code scores[i]} for {@code i < n}. */
    void score(float[][] rows, int n, double[] scores);

    /** The version id written with the scores and orders' reasons. */
    String versionId();
}
