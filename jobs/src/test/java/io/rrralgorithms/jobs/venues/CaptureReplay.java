package io.rrralgorithms.jobs.venues;

import io.rrralgorithms.connectors.capture.CaptureFiles;
import io.rrralgorithms.connectors.capture.CaptureReader;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.testkit.SharedData;
import io.rrralgorithms.connectors.venues.Venue;
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
 * Frames through the in-process pipeline (decode → book sync → features), for the venue replay
 * tests: live counters, every top, gaps, crossed synced tops and the last synced top per instrument.
 * The independent expectations come from the venues' raw-line oracles ({@link ReplayCase}).
 */
public final class CaptureReplay implements InProcessPipeline.Listener {
    public final InProcessPipeline pipeline;
    public final InProcessPipeline.Counters counters;
    /** Every top, synced or not, in order. */
    public final List<BookTop> tops = new ArrayList<>();
    public final List<BookGap> gaps = new ArrayList<>();
    /** Synced tops whose best bid is at or above the best ask. */
    public final List<String> crossedTops = new ArrayList<>();
    public final Map<String, BookTop> lastTop = new HashMap<>();
    public final Map<String, Integer> syncedTops = new HashMap<>();

    /** A pipeline keeping {@code depth} levels of each top, fed frame by frame ({@link #feed}). */
    public CaptureReplay(int depth) {
        pipeline = new InProcessPipeline(depth, 100_000, 0L, this);
        counters = pipeline.counters();
    }

    @Override
    public void top(BookTop t) {
        tops.add(t);
        if (!t.synced) {
            return;
        }
        syncedTops.merge(t.nativeSymbol, 1, Integer::sum);
        if (t.bidPrices.length > 0 && t.askPrices.length > 0 && t.bidPrices[0] >= t.askPrices[0]) {
            crossedTops.add(t.nativeSymbol + " u=" + t.lastUpdateId + " bid " + t.bidPrices[0] + " >= ask " + t.askPrices[0]);
        }
        lastTop.put(t.nativeSymbol, t);
    }

    @Override
    public void gap(BookGap g) {
        gaps.add(g);
    }

    public CaptureReplay feed(RawFrame... frames) {
        return feed(List.of(frames));
    }

    public CaptureReplay feed(List<RawFrame> frames) {
        frames.forEach(pipeline::frame);
        return this;
    }

    /** Written frames of {@code venue}, each keyed by the venue's rule, received 1 ms apart after {@code startNs}. */
    public CaptureReplay feedWritten(Venue venue, List<String> payloads, long startNs) {
        long ns = startNs;
        for (String s : payloads) {
            byte[] payload = s.getBytes(StandardCharsets.UTF_8);
            pipeline.frame(new RawFrame(venue.feed(), venue.partitionKey(payload), FrameKind.WS, ns += 1_000_000L, payload));
        }
        return this;
    }

    /** Ends the stream: the last seconds close. */
    public CaptureReplay finish() {
        pipeline.finish();
        return this;
    }

    /** The shared capture {@code market/cryptofeed/<name>}. */
    public static Path file(String name) {
        return SharedData.cryptofeed(name);
    }

    /** The frames of {@code files} (with their {@code .http.*} snapshots) as the capture readers give them, in order. */
    public static List<RawFrame> read(List<Path> files) throws Exception {
        List<RawFrame> out = new ArrayList<>();
        for (Path f : files) {
            try (CaptureReader r = CaptureFiles.open(f, null)) {
                while (r.hasNext()) {
                    out.add(r.next());
                }
            }
        }
        return out;
    }

    public static String text(RawFrame f) {
        return new String(f.payload, StandardCharsets.UTF_8);
    }

    /** Replays {@code file} with the feed inferred from the name. */
    public static CaptureReplay run(Path file, int depth) throws Exception {
        return run(List.of(file), depth);
    }

    /** Replays the files one after the other through one pipeline, as the job reads one feed's files. */
    public static CaptureReplay run(List<Path> files, int depth) throws Exception {
        return new CaptureReplay(depth).feed(read(files)).finish();
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

    /** A replay (top depth 10) with one frame removed: the frame's payload (null if none matched) and the run. */
    public record Dropped(String payload, CaptureReplay replay) {}

    /** Replays {@code files} without the {@code nth} frame whose payload matches {@code frame}, as if lost. */
    public static Dropped runDropping(List<Path> files, Predicate<String> frame, int nth) throws Exception {
        List<RawFrame> frames = new ArrayList<>(read(files));
        String dropped = null;
        for (int i = 0, seen = 0; i < frames.size() && dropped == null; i++) {
            if (frame.test(text(frames.get(i))) && ++seen == nth) {
                dropped = text(frames.remove(i)); // lost
            }
        }
        return new Dropped(dropped, new CaptureReplay(10).feed(frames).finish());
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
