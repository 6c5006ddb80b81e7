package io.rrralgorithms.connectors.capture;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The feed each capture file is read as: one feed for every file ({@code --feed}), a feed per file
 * (the command line's {@code FEED=PATH}, the other files taking the default), or none (each file's
 * feed inferred from its name and folder). Passed with the files to whatever opens them, so that
 * the choice is the caller's and nothing is remembered between runs.
 */
public final class CaptureFeeds {
    /** Every file's feed inferred from the file. */
    public static final CaptureFeeds INFERRED = new CaptureFeeds(null, Map.of());

    private final String others;
    private final Map<Path, String> perFile;

    private CaptureFeeds(String others, Map<Path, String> perFile) {
        this.others = others;
        this.perFile = perFile;
    }

    /** {@code feed} for every file; null: inferred. */
    public static CaptureFeeds of(String feed) {
        return feed == null ? INFERRED : new CaptureFeeds(feed, Map.of());
    }

    /** The feeds of the files named in {@code feeds}, {@code others} (null: inferred) for the rest. */
    public static CaptureFeeds perFile(Map<Path, String> feeds, String others) {
        Map<Path, String> byKey = new HashMap<>();
        feeds.forEach((file, feed) -> byKey.put(key(file), feed));
        return new CaptureFeeds(others, Map.copyOf(byKey));
    }

    /** The feed to read {@code file} as, or null to infer it from the file. */
    public String feedOf(Path file) {
        String feed = perFile.get(key(file));
        return feed != null ? feed : others;
    }

    /**
     * Opens {@code file} with its reader, as {@link #feedOf its feed}, for publishing: its frames
     * with each instrument's metadata frame ahead of the instrument's first frame, where the session
     * recorded its instrument list ({@link InstrumentFramesReader}). {@link CaptureFiles#open} reads
     * the capture's own frames only.
     */
    public CaptureReader open(Path file) throws IOException {
        return InstrumentFramesReader.around(CaptureFiles.open(file, feedOf(file)), file);
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }

    @Override
    public String toString() {
        return perFile.isEmpty() ? (others == null ? "inferred" : others) : perFile + ", others " + others;
    }
}
