package io.rrralgorithms.connectors.live;

import io.rrralgorithms.connectors.model.RawFrame;

/** Where captured frames go (Kafka in the service; a list in tests). Thread-safe. */
public interface FrameSink extends AutoCloseable {
    /**
     * Hands one frame on. May block (back-pressure) but never drops a frame it accepted; throws
     * InterruptedException only when the capture is being shut down.
     */
    void publish(RawFrame frame) throws InterruptedException;

    /** Waits until every frame handed on so far is written. */
    default void flush() {}

    @Override
    default void close() {}
}
