package io.rrralgorithms.connectors.adapters;

import java.io.Serializable;

/** Everything venue-specific behind one interface: decoding and book sync rules of one feed. */
public interface ExchangeAdapter extends Serializable {

    /** Feed id, also the suffix of the feed's raw Kafka topic ({@code raw.<feed>}). */
    String feed();

    FrameDecoder decoder();

    BookSyncRules bookSyncRules();

    /**
     * The Kafka key of a raw frame: the native symbol it belongs to, so that one instrument's
     * frames stay ordered in one partition. Null where the frame names no symbol.
     */
    String partitionKey(byte[] payload);
}
