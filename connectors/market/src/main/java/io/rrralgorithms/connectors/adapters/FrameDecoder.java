package io.rrralgorithms.connectors.adapters;

import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import java.io.Serializable;
import java.util.List;
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

    /** Emits the one event of a frame: {@link Result#EVENTS}. */
    static Result emit(Consumer<MarketEvent> out, MarketEvent event) {
        out.accept(event);
        return Result.EVENTS;
    }

    /**
     * Emits the events of a frame, in order, once all of them decoded (a bad one dead-letters the
     * whole frame): {@link Result#EVENTS}, or {@link Result#IGNORED} when there are none.
     */
    static Result emitAll(Consumer<MarketEvent> out, List<MarketEvent> events) {
        events.forEach(out);
        return events.isEmpty() ? Result.IGNORED : Result.EVENTS;
    }
}
