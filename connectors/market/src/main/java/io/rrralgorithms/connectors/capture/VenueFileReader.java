package io.rrralgorithms.connectors.capture;

import io.rrralgorithms.connectors.venues.Venue;

/** What the readers of one venue's capture file share: the venue the frames are keyed for and the lines skipped. */
abstract class VenueFileReader implements CaptureReader {
    protected final Venue venue;
    protected final SkippedLines skipped = new SkippedLines();

    VenueFileReader(Venue venue) {
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
