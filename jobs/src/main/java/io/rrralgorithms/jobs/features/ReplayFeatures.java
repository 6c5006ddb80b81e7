package io.rrralgorithms.jobs.features;

import io.rrralgorithms.connectors.capture.CaptureFeeds;
import io.rrralgorithms.connectors.capture.CaptureReader;
import io.rrralgorithms.jobs.book.BookTop;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The job's feature rows computed in-process from capture files, without Kafka or Flink, by
 * {@link InProcessPipeline} (event time as in the job). Files of one feed are one stream in the
 * order given; feeds are independent (each has its own watermark), so their order does not
 * matter. Rows come back sorted by time, then instrument.
 */
public final class ReplayFeatures {
    public static final int DEFAULT_DEPTH_LEVELS = 10;
    public static final int DEFAULT_MAX_PENDING_DIFFS = 10_000;
    public static final long DEFAULT_OUT_OF_ORDERNESS_MS = 2_000;

    private final int depthLevels;
    private final int maxPendingDiffs;
    private final long outOfOrdernessMs;

    public ReplayFeatures() {
        this(DEFAULT_DEPTH_LEVELS, DEFAULT_MAX_PENDING_DIFFS, DEFAULT_OUT_OF_ORDERNESS_MS);
    }

    public ReplayFeatures(int depthLevels, int maxPendingDiffs, long outOfOrdernessMs) {
        this.depthLevels = depthLevels;
        this.maxPendingDiffs = maxPendingDiffs;
        this.outOfOrdernessMs = outOfOrdernessMs;
    }

    /** The feature rows of {@code files}, all of {@code feed} (null: the feed is inferred per file). */
    public List<FeatureRow> compute(List<Path> files, String feed) throws IOException {
        return compute(files, CaptureFeeds.of(feed));
    }

    public List<FeatureRow> compute(List<Path> files, CaptureFeeds feedOfFile) throws IOException {
        List<FeatureRow> rows = new ArrayList<>();
        InProcessPipeline pipeline = new InProcessPipeline(depthLevels, maxPendingDiffs, outOfOrdernessMs,
                new InProcessPipeline.Listener() {
                    @Override
                    public void featureRow(FeatureRow row, BookTop sample) {
                        rows.add(row);
                    }
                });
        for (Path f : files) {
            try (CaptureReader r = feedOfFile.open(f)) {
                while (r.hasNext()) {
                    pipeline.frame(r.next());
                }
            }
        }
        pipeline.finish();
        rows.sort(Comparator.comparingLong((FeatureRow r) -> r.timeMs).thenComparing(FeatureRow::instrumentKey));
        return rows;
    }
}
