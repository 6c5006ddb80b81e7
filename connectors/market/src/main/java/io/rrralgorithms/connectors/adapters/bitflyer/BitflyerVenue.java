package io.rrralgorithms.connectors.adapters.bitflyer;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.adapters.UnsequencedSyncRules;
import io.rrralgorithms.connectors.venues.Venue;

/**
 * bitFlyer Lightning ({@code bitflyer}): spot, FX and futures on one JSON-RPC 2.0 socket
 * ({@code wss://ws.lightstream.bitflyer.com/json-rpc}), decoded by {@link BitflyerFrameDecoder}.
 */
public final class BitflyerVenue {
    public static final String FEED = "bitflyer";

    /**
     * bitFlyer's book channels carry no sequence: {@code lightning_board_snapshot_<product>} sends
     * the whole book (up to 300 levels a side) on subscribing and again every few seconds,
     * {@code lightning_board_<product>} the changed levels (size 0 removes one). So the unsequenced
     * family: the decoder gives book events their receive time as id, a diff received before the
     * book's snapshot is stale (cryptofeed ignores diffs until a snapshot), and every snapshot is
     * authoritative (it resets the book). A lost diff cannot be told; the next snapshot repairs it.
     */
    static final BookSyncRules RULES = new UnsequencedSyncRules(
            "any lightning_board diff (bitFlyer sends no sequence; each board_snapshot resets the book)");

    private static final String[] CHANNELS = {"lightning_board_snapshot_", "lightning_board_", "lightning_executions_",
        "lightning_ticker_"};

    public static final Venue VENUE = Venue.declare(FEED, "BITFLYER", BitflyerFrameDecoder::new, BitflyerSymbols.BOTH_WAYS,
            RULES, BitflyerVenue::partitionKey, BitflyerInstruments::new).live(new BitflyerLiveVenue()).build();

    private BitflyerVenue() {}

    /** The product code of the frame's {@code channel} ({@code lightning_board_FX_BTC_JPY} → {@code FX_BTC_JPY}). */
    static String partitionKey(byte[] payload) {
        String channel = PayloadScan.valueAfter(payload, "\"channel\":\"", '"');
        return channel == null ? null : productOf(channel);
    }

    /** The product code a channel name ends with, or null for a channel of no product. */
    static String productOf(String channel) {
        for (String prefix : CHANNELS) {
            if (channel.startsWith(prefix) && channel.length() > prefix.length()) {
                return channel.substring(prefix.length());
            }
        }
        return null;
    }
}
