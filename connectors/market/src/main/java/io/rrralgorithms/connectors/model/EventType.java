package io.rrralgorithms.connectors.model;

/** What a normalized {@link MarketEvent} carries. */
public enum EventType {
    /** A public trade (or an aggregated trade where the venue only sends those). */
    TRADE,
    /** An incremental L2 update: each level's new absolute size, 0 = level removed. */
    BOOK_DELTA,
    /** A full L2 snapshot (REST or WebSocket) that (re)starts a book. */
    BOOK_SNAPSHOT,
    /** Best bid and offer. */
    BBO,
    /** A frame that could not be decoded: carries the reason and the raw payload. */
    DECODE_ERROR,
    /**
     * A derivative's state as the venue publishes it: mark price, index price, funding rate and next
     * funding time, open interest; each field present or not ({@code MarketEvent.derivativeFields}).
     * Last, so that the ordinals of the older types (Flink's enum serializer) stay as they were.
     */
    DERIVATIVES,
    /**
     * An instrument's contract terms (multiplier, linear/inverse/quanto, the currency of its
     * notional), from the venue's instrument metadata, published into the raw topic ahead of the
     * instrument's frames ({@code FrameKind.INSTRUMENT}); keyed operators keep them in state and
     * stamp the instrument's trades with them. Appended, so the older ordinals stay.
     */
    INSTRUMENT
}
