package io.rrralgorithms.jobs.venues;

import io.rrralgorithms.connectors.capture.CaptureFiles;
import io.rrralgorithms.connectors.capture.CaptureReader;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.testkit.SharedData;
import io.rrralgorithms.jobs.book.BookGap;
import io.rrralgorithms.jobs.book.BookTop;
import io.rrralgorithms.jobs.features.InProcessPipeline;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One cryptofeed capture through the in-process pipeline (decode → book sync → features), for the
 * per-venue replay tests: counters, gaps, crossed tops and the last top per instrument. The
 * independent expectations come from the venues' raw-line oracles ({@link ReplayCase}).
 */
public final class CaptureReplay {
    public final InProcessPipeline.Counters counters;
    public final List<BookGap> gaps;
    /** Synced tops whose best bid is at or above the best ask. */
    public final List<String> crossedTops;
    public final Map<String, BookTop> lastTop;
    public final Map<String, Integer> syncedTops;

    private CaptureReplay(InProcessPipeline.Counters counters, List<BookGap> gaps, List<String> crossedTops,
            Map<String, BookTop> lastTop, Map<String, Integer> syncedTops) {
        this.counters = counters;
        this.gaps = gaps;
        this.crossedTops = crossedTops;
        this.lastTop = lastTop;
        this.syncedTops = syncedTops;
    }

    /** The shared capture {@code market/cryptofeed/<name>}. */
    public static Path file(String name) {
        return SharedData.cryptofeed(name);
    }

    /** Replays {@code file} (with its {@code .http.*} snapshots) with the feed inferred from the name. */
    public static CaptureReplay run(Path file, int depth) throws Exception {
        return run(List.of(file), depth);
    }

    /** Replays the files one after the other through one pipeline, as the job reads one feed's files. */
    public static CaptureReplay run(List<Path> files, int depth) throws Exception {
        List<BookGap> gaps = new ArrayList<>();
        List<String> crossed = new ArrayList<>();
        Map<String, BookTop> lastTop = new HashMap<>();
        Map<String, Integer> syncedTops = new HashMap<>();
        InProcessPipeline p = new InProcessPipeline(depth, 100_000, 0L, new InProcessPipeline.Listener() {
            @Override
            public void top(BookTop t) {
                if (!t.synced) {
                    return;
                }
                syncedTops.merge(t.nativeSymbol, 1, Integer::sum);
                if (t.bidPrices.length > 0 && t.askPrices.length > 0 && t.bidPrices[0] >= t.askPrices[0]) {
                    crossed.add(t.nativeSymbol + " u=" + t.lastUpdateId + " bid " + t.bidPrices[0] + " >= ask "
                            + t.askPrices[0]);
                }
                lastTop.put(t.nativeSymbol, t);
            }

            @Override
            public void gap(BookGap g) {
                gaps.add(g);
            }
        });
        for (Path file : files) {
            try (CaptureReader r = CaptureFiles.open(file, null)) {
                while (r.hasNext()) {
                    p.frame(r.next());
                }
            }
        }
        p.finish();
        return new CaptureReplay(p.counters(), gaps, crossed, lastTop, syncedTops);
    }

    public long events(EventType t) {
        return counters.eventsByType[t.ordinal()];
    }

    /** The counters in the contract's terms. */
    public ReplayCase.Counts counts() {
        InProcessPipeline.Counters c = counters;
        return new ReplayCase.Counts(c.frames, c.ignoredFrames, c.decodeErrors, c.trades, events(EventType.BOOK_DELTA),
                c.snapshots, events(EventType.BBO), c.staleDiffs, c.gaps, c.checksums, c.checksumFailures, c.syncedTops);
    }

    /** A replay with one frame removed: the frame's payload and the gaps the pipeline reported. */
    public record Dropped(String payload, List<BookGap> gaps, InProcessPipeline.Counters counters) {}

    /** Replays {@code files} without the {@code nth} frame whose payload matches {@code frame}, as if lost. */
    public static Dropped runDropping(List<Path> files, Predicate<String> frame, int nth) throws Exception {
        List<BookGap> gaps = new ArrayList<>();
        InProcessPipeline p = new InProcessPipeline(10, 100_000, 0L, new InProcessPipeline.Listener() {
            @Override
            public void gap(BookGap g) {
                gaps.add(g);
            }
        });
        String dropped = null;
        int seen = 0;
        for (Path file : files) {
            try (CaptureReader r = CaptureFiles.open(file, null)) {
                while (r.hasNext()) {
                    RawFrame f = r.next();
                    String s = new String(f.payload, StandardCharsets.UTF_8);
                    if (dropped == null && frame.test(s) && ++seen == nth) {
                        dropped = s;
                        continue; // lost
                    }
                    p.frame(f);
                }
            }
        }
        p.finish();
        return new Dropped(dropped, gaps, p.counters());
    }

    /** One line for the test log and the closing note. */
    public String summary(String feed) {
        InProcessPipeline.Counters c = counters;
        return String.format("%s: frames=%d ignored=%d decodeErrors=%d trades=%d deltas=%d snapshots=%d bbo=%d"
                        + " syncedTops=%d gaps=%d checksums=%d checksumFailures=%d stale=%d crossed=%d",
                feed, c.frames, c.ignoredFrames, c.decodeErrors, c.trades, events(EventType.BOOK_DELTA), c.snapshots,
                events(EventType.BBO), c.syncedTops, c.gaps, c.checksums, c.checksumFailures, c.staleDiffs, c.crossed);
    }
}
