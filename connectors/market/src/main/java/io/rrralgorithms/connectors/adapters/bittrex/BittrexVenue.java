package io.rrralgorithms.connectors.adapters.bittrex;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.adapters.SequencedSyncRules;
import io.rrralgorithms.connectors.venues.Venue;
import java.nio.charset.StandardCharsets;

/**
 * Bittrex ({@code bittrex}), spot, WebSocket API v3 (SignalR hub {@code c3}) with REST order-book
 * snapshots, decoded by {@link BittrexFrameDecoder}. Replay only: Bittrex closed in December 2023,
 * and its socket needed a SignalR negotiation (an HTTP call for a connection token) before connecting.
 */
public final class BittrexVenue {
    public static final String FEED = "bittrex";

    /**
     * Bittrex's documented book procedure (and cryptofeed's): subscribe to {@code orderbook_<market>_<depth>},
     * then fetch {@code GET /v3/markets/<market>/orderbook?depth=500}, whose {@code Sequence} response
     * header is the snapshot's sequence; a delta at or below it is stale, the first one applied is
     * {@code sequence == snapshot + 1}, each next {@code previous + 1} (every delta of the capture
     * is): the next-first-id family with {@code U = u = sequence}. No checksum; the 500-level
     * depth's deltas delete their own levels.
     */
    static final BookSyncRules RULES = SequencedSyncRules.nextFirstId("sequence == ");

    public static final Venue VENUE = Venue.declare(FEED, "BITTREX", BittrexFrameDecoder::new, BittrexSymbols.BOTH_WAYS,
            RULES, BittrexVenue::partitionKey, BittrexInstruments::new)
            .snapshotUrl(Venue.snapshotUrlMatching("/v3/markets/([^/?]+)/orderbook"))
            .tradeIdsMadeUp()
            .build();

    private static final byte[] FIRST_ARGUMENT = "\"A\":[\"".getBytes(StandardCharsets.US_ASCII);

    private BittrexVenue() {}

    /**
     * The market of a SignalR frame: its first hub message's first argument is base64 of raw-deflated
     * JSON naming the market ({@code marketSymbol}, a ticker's {@code symbol}): that argument is
     * inflated (a trade message names its market after its trades). A frame of several messages of different markets
     * is keyed by its first (24 of the capture's 1,298 frames). Null for frames with no message.
     */
    static String partitionKey(byte[] payload) {
        int start = PayloadScan.indexOf(payload, FIRST_ARGUMENT);
        if (start < 0) {
            return null;
        }
        start += FIRST_ARGUMENT.length;
        int end = start;
        while (end < payload.length && payload[end] != '"') {
            end++;
        }
        byte[] text;
        try {
            text = BittrexFrameDecoder.inflate(new String(payload, start, end - start, StandardCharsets.US_ASCII), "A");
        } catch (DecodeException e) {
            return null; // not base64 deflate: the decoder dead-letters it
        }
        String market = PayloadScan.valueAfter(text, "\"marketSymbol\":\"", '"');
        return market != null ? market : PayloadScan.valueAfter(text, "\"symbol\":\"", '"');
    }
}
