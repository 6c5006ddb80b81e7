package io.rrralgorithms.connectors.model;

/** Where a raw frame came from. */
public enum FrameKind {
    /** A WebSocket frame. */
    WS,
    /** A REST order-book snapshot response, published into the same topic as the WS frames. */
    REST_SNAPSHOT;

    public static FrameKind parse(String s) {
        return s == null ? WS : valueOf(s);
    }
}
