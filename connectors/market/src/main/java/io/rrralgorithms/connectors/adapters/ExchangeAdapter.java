package io.rrralgorithms.connectors.adapters;

import java.io.Serializable;

/** Everything venue-specific behind one interface: decoding and book sync rules of one feed. */
public interface ExchangeAdapter extends Serializable {

    /** Feed id, also the suffix of the feed's raw Kafka topic ({@code raw.<feed>}). */
    String feed();

    /**
     * The feed's decoder. A venue whose decoding needs per-stream state (BitMEX level ids, OKX
     * trade-subscription times) returns a new instance on every call; callers keep one decoder per feed and stream reader,
     * and never share it between threads.
     */
    FrameDecoder decoder();

    BookSyncRules bookSyncRules();

    /**
     * The Kafka key of a raw frame: the native symbol it belongs to, so that one instrument's
     * frames stay ordered in one partition. Null where the frame names no symbol.
     */
    String partitionKey(byte[] payload);

    /** Keys the frames of one WebSocket connection, fed every received frame in the order received. */
    interface ConnectionKeyer {
        /** The Kafka key (native symbol) of the connection's next frame, or null where it has none. */
        String key(byte[] payload);
    }

    /**
     * A keyer for the frames of one connection (a capture file, a live socket): by default each
     * frame's {@link #partitionKey}. A venue whose data frames do not name their symbol (Bitfinex
     * {@code [chanId, ...]}) returns a new stateful keyer per connection that learns the symbol
     * from the connection's own earlier frames (its subscription acks), so that the Kafka key is
     * still the native symbol and the decoder needs no per-connection state.
     */
    default ConnectionKeyer connectionKeyer() {
        return this::partitionKey;
    }

    /** Whether {@link #connectionKeyer()} keeps per-connection state (and must be used instead of {@link #partitionKey}). */
    default boolean keysByConnection() {
        return false;
    }

    /**
     * Whether a trade's {@code tradeId} is the venue's own id of that trade, so that two trades
     * with the same id are one trade delivered twice. False where the decoder makes ids up (BitMEX
     * and Bybit send UUIDs: their ids are time × 10,000 + position in the frame, which two
     * different frames of one millisecond can share).
     */
    default boolean tradeIdsIdentifyTrades() {
        return true;
    }

    /** The exchange name cryptofeed gives this feed's capture files ({@code KRAKEN.ws.50.0}), or null. */
    default String cryptofeedExchange() {
        return null;
    }

    /** How to read this venue's instrument list (symbols, tick and lot sizes); null if not implemented. */
    default io.rrralgorithms.connectors.instruments.InstrumentMetadata instrumentMetadata() {
        return null;
    }

    /**
     * For a recorded REST response of this venue: the partition key (native symbol) when the URL
     * is an order-book snapshot request, so the response is replayed as a
     * {@link io.rrralgorithms.connectors.model.FrameKind#REST_SNAPSHOT} frame; null for anything
     * else (instrument metadata, …), which is not replayed.
     */
    default String snapshotKey(String url) {
        return null;
    }
}
