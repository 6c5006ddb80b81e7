package io.rrralgorithms.connectors.adapters.blockchain;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.adapters.SequencedSyncRules;
import io.rrralgorithms.connectors.venues.Venue;

/**
 * Blockchain.com Exchange ({@code blockchain}), spot, the Mercury gateway WebSocket
 * {@code wss://ws.blockchain.info/mercury-gateway/v1/ws}: {@code l2} snapshots and updates and
 * {@code trades}, decoded by {@link BlockchainFrameDecoder}. Live: {@link BlockchainLiveVenue} (the socket
 * wants an {@code Origin} header).
 */
public final class BlockchainVenue {
    public static final String FEED = "blockchain";

    /**
     * Every message of the connection carries the connection's {@code seqnum}, one more than the
     * previous message's whatever its symbol or channel (cryptofeed reconnects on a break); one
     * book's messages see it rise but skip. So per book: a snapshot at its {@code seqnum}, then
     * updates whose {@code seqnum} never goes back: the monotonic family (a repeated one is a
     * duplicate); a lost update is not seen by the book (it is by the connection's numbering,
     * which the job does not follow). No checksum, no depth window.
     */
    static final BookSyncRules RULES = SequencedSyncRules.monotonic("seqnum >= ");

    public static final Venue VENUE = Venue.declare(FEED, "BLOCKCHAIN", BlockchainFrameDecoder::new,
            BlockchainSymbols.BOTH_WAYS, RULES, Venue.keyedByField("symbol"), BlockchainInstruments::new).build();

    private BlockchainVenue() {}
}
