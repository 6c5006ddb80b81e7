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

    @Override
    void close() throws IOException;
}
