package io.rrralgorithms.connectors.adapters.dydx;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.adapters.UnsequencedSyncRules;
import io.rrralgorithms.connectors.venues.Venue;

/**
 * dYdX v3 ({@code dydx}), perpetuals, public WebSocket {@code wss://api.dydx.exchange/v3/ws}:
 * {@code v3_orderbook} (with {@code includeOffsets}) and {@code v3_trades}, decoded by
 * {@link DydxFrameDecoder}. Replay only: the v3 API was shut down in 2024 (dYdX Chain's indexer
 * speaks another protocol), so there is no live spec.
 */
public final class DydxVenue {
    public static final String FEED = "dydx";

    /**
     * dYdX v3 books carry no sequence a book can chain on: every price level carries its own
     * {@code offset} (the snapshot's per level, an update's for all its levels), and updates of one
     * market arrive out of offset order (604 times in the capture). The rule is per level, so the
     * decoder applies it (it keeps the offset of every price it has seen, snapshot levels of size 0
     * included, and drops a level older than the one it holds: cryptofeed's rule); the book sees
     * the surviving levels in receive order, the unsequenced family: a snapshot is authoritative, no
     * gap can be detected by sequence (the connection's {@code message_id} numbers every message
     * of the connection, not of a book). No checksum, no depth window.
     */
    static final BookSyncRules RULES = new UnsequencedSyncRules(
            "any v3_orderbook update (per-level offsets, resolved by the decoder)");

    /** The decoder keeps every level's offset: one per stream reader. No trade ids (the venue sends none). */
    public static final Venue VENUE = Venue.declare(FEED, "DYDX", DydxFrameDecoder::new, DydxSymbols.BOTH_WAYS, RULES,
            Venue.keyedByField("id"), DydxInstruments::new).decoderKeepsState().build();

    private DydxVenue() {}
}
