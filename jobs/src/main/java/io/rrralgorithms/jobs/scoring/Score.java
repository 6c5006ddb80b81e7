package io.rrralgorithms.jobs.scoring;

/** A model's score of one instrument's feature second ({@code scores}), with the version that produced it. */
public class Score {
    public String feed;
    public String nativeSymbol;
    public String symbol;
    /** {@link io.rrralgorithms.jobs.features.FeatureRow#timeMs} of the scored row (event time). */
    public long featureTimeMs;
    public String modelVersion;
    public String specId;
    public double score;
    /** Processing time of the scoring; latency = scoredAtMs - featureTimeMs. */
    public long scoredAtMs;

    public Score() {}

    public String instrumentKey() {
        return feed + ':' + nativeSymbol;
    }

    @Override
    public String toString() {
        return "Score{" + instrumentKey() + " @" + featureTimeMs + " " + modelVersion + "=" + score + "}";
    }
}
