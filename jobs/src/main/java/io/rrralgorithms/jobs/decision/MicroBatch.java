package io.rrralgorithms.jobs.decision;

import java.util.HashSet;
import java.util.Set;

/**
 * Feature rows waiting to be scored together, at most {@code capacity}, each with its instrument,
 * time and ingest time. The operator flushes it when full, when its oldest row has waited the
 * processing-time budget, and before an instrument with a row in it moves on (so that every
 * instrument's decision is made on the state of the event that produced its row: the batching
 * changes when a score is made, never what it is or what the strategy sees).
 */
final class MicroBatch {
    final String[] keys;
    final float[][] rows;
    final long[] timesMs;
    final long[] ingestNs;
    final double[] scores;
    private final Set<String> pending = new HashSet<>();
    int size;
    /** System.nanoTime() of the oldest row. */
    long oldestNs;

    MicroBatch(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the score batch must hold at least 1 row");
        }
        keys = new String[capacity];
        rows = new float[capacity][EventFeatures.SIZE];
        timesMs = new long[capacity];
        ingestNs = new long[capacity];
        scores = new double[capacity];
    }

    boolean contains(String key) {
        return pending.contains(key);
    }

    boolean full() {
        return size == keys.length;
    }

    /** Adds a row of {@code features} (copied). */
    void add(String key, EventFeatures features, long timeMs, long ingest, long nowNs) {
        if (size == 0) {
            oldestNs = nowNs;
        }
        keys[size] = key;
        features.fill(rows[size]);
        timesMs[size] = timeMs;
        ingestNs[size] = ingest;
        pending.add(key);
        size++;
    }

    void clear() {
        for (int i = 0; i < size; i++) {
            keys[i] = null;
        }
        pending.clear();
        size = 0;
    }
}
