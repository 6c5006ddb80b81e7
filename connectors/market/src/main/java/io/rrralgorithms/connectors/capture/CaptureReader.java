package io.rrralgorithms.connectors.capture;

import io.rrralgorithms.connectors.model.RawFrame;
import java.io.Closeable;
import java.io.IOException;
import java.util.Iterator;

/** Reads one recorded capture as raw frames in receive-time order. */
public interface CaptureReader extends Iterator<RawFrame>, Closeable {

    /** The feed the frames belong to. */
    String feed();

    /** Lines that were not frames and were skipped (connection notes, sent messages, bad lines). */
    long skippedLines();

    /**
     * One line on what was read: the file, its format and feed, frames and snapshots, the
     * receive-time unit where it is not ns, and the lines skipped, counted by why. The reader logs
     * it when it reaches the end of a file that had lines it could not read (warning) or other
     * skipped lines or a converted time unit (info).
     */
    default String summary() {
        return feed() + ": skipped " + skippedLines() + " lines";
    }

    @Override
    void close() throws IOException;
}
