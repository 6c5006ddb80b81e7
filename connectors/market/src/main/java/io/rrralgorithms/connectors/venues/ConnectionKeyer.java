package io.rrralgorithms.connectors.venues;

/** Keys the frames of one WebSocket connection, fed every received frame in the order received. */
@FunctionalInterface
public interface ConnectionKeyer {
    /** The Kafka key (native symbol) of the connection's next frame, or null where it has none. */
    String key(byte[] payload);
}
