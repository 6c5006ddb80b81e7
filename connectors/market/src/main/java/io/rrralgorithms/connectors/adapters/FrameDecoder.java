package io.rrralgorithms.connectors.adapters;

import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import java.io.Serializable;
import java.util.function.Consumer;

/** Turns one raw venue frame into normalized events. */
public interface FrameDecoder extends Serializable {

    /** Outcome of a frame that decoded without error. */
    enum Result {
        /** At least one event was emitted. */
        EVENTS,
        /** A known frame type the pipeline does not use (subscription ack, kline, heartbeat). */
        IGNORED
    }

    /**
     * Decodes {@code frame}, emitting zero or more events to {@code out}.
     *
     * @throws DecodeException for malformed JSON, unknown message types, wrong field types or
     *     unknown symbols; the message is the reason stored with the dead letter
     */
    Result decode(RawFrame frame, Consumer<MarketEvent> out) throws DecodeException;
}
