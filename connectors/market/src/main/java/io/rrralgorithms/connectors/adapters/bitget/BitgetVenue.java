package io.rrralgorithms.connectors.adapters.bitget;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.adapters.UnsequencedSyncRules;
import io.rrralgorithms.connectors.venues.Venue;

/**
 * Bitget, public WebSocket API v1: spot ({@code wss://ws.bitget.com/spot/v1/stream}) and mix
 * perpetuals ({@code wss://ws.bitget.com/mix/v1/stream}) as one feed, the recorded session's two
 * files {@code BITGET.ws.1.0} (spot) and {@code BITGET.ws.2.0} (mix): books, trades and tickers
 * ({@link BitgetFrameDecoder}). Native symbols are the REST product ids ({@link BitgetSymbols}),
 * which tell a spot pair from the perpetual sharing its WebSocket {@code instId}.
 */
public final class BitgetVenue {
    public static final String FEED = "bitget";

    /**
     * Bitget v1 {@code books}: on subscription a snapshot of the book, then updates in order over
     * the connection, each (the snapshot too) with the signed CRC32 of the top 25 levels after it
     * ({@link BitgetChecksum}). The frames carry no sequence, so integrity is the connection's
     * order and the checksum: as Kraken and OKX, the decoder gives book events the receive time as
     * update id (a diff received before the snapshot is stale), every snapshot is authoritative, a
     * checksum mismatch is a gap (the book invalid until the next snapshot: a resubscription). The
     * book is the whole book (no window): the recorded checksums all hold without truncation.
     */
    static final BookSyncRules RULES = new UnsequencedSyncRules(
            "any books update (Bitget v1 sends no sequence: integrity is the CRC32 checksum of the top 25)")
            .withChecksum(new BitgetChecksum());

    /**
     * Trades carry no venue id ({@link BitgetFrameDecoder}): no id dedup for this feed, each trade
     * frame counted once as received.
     */
    public static final Venue VENUE = Venue.declare(FEED, "BITGET", BitgetFrameDecoder::new, BitgetSymbols.BOTH_WAYS,
            RULES, BitgetVenue::partitionKey, BitgetInstruments::new).live(new BitgetLiveVenue()).build();

    private BitgetVenue() {}

    /**
     * The native symbol of a frame's {@code arg} ({@code "instType":"sp"} and
     * {@code "instId":"EOSUSDT"} → {@code EOSUSDT_SPBL}, see {@link BitgetSymbols#ofArg}); null for
     * frames naming none ({@code pong}, errors).
     */
    static String partitionKey(byte[] payload) {
        String type = PayloadScan.valueAfter(payload, "\"instType\":\"", '"');
        String inst = type == null ? null : PayloadScan.valueAfter(payload, "\"instId\":\"", '"');
        return inst == null ? null : BitgetSymbols.ofArg(type, inst);
    }
}
