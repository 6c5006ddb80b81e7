package io.rrralgorithms.connectors.capture;

import io.rrralgorithms.connectors.venues.Venue;
import java.nio.file.Path;

/**
 * What the readers of one venue's capture file share: the file, the venue its frames are keyed
 * for, the lines skipped, the snapshots read and whether the summary was reported.
 */
abstract class VenueFileReader implements CaptureReader {
    protected final Path file;
    protected final Venue venue;
    protected final SkippedLines skipped = new SkippedLines();
    protected long snapshots;
    protected boolean reported;

    VenueFileReader(Path file, Venue venue) {
        this.file = file;
        this.venue = venue;
    }

    @Override
    public final String feed() {
        return venue.feed();
    }

    @Override
    public final long skippedLines() {
        return skipped.total();
    }
}
