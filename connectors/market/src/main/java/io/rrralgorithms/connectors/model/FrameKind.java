package io.rrralgorithms.connectors.model;

/** Where a raw frame came from. */
public enum FrameKind {
    /** A WebSocket frame. */
    WS,
    /** A REST order-book snapshot response, published into the same topic as the WS frames. */
    REST_SNAPSHOT,
    /**
     * An instrument's metadata in the normalized form of {@code instruments.InstrumentFrames}
     * (terms of its contract), published by the replay ahead of the instrument's first frame and
     * keyed like its frames; decoded into an {@link EventType#INSTRUMENT} event.
     */
    INSTRUMENT;

    public static FrameKind parse(String s) {
        return s == null ? WS : valueOf(s);
    }
}
