package io.rrralgorithms.connectors.adapters.bitmex;

import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.venues.Venue;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * BitMEX realtime WebSocket ({@code wss://www.bitmex.com/realtime}), tables {@code orderBookL2},
 * {@code trade} and {@code quote} as recorded in 2021: perpetual swaps and dated futures, sizes in
 * contracts. See {@link BitmexFrameDecoder} and {@link BitmexSyncRules}.
 */
public final class BitmexVenue {
    public static final String FEED = "bitmex";

    /** The decoder keeps the level ids: one per stream reader. Trade ids are made up (the venue sends UUIDs). */
    public static final Venue VENUE = Venue.declare(FEED, "BITMEX", BitmexFrameDecoder::new, BitmexSymbols.BOTH_WAYS,
            new BitmexSyncRules(), BitmexVenue::partitionKey, BitmexInstruments::new)
            .decoderKeepsState()
            .tradeIdsMadeUp()
            .live(new BitmexLiveVenue()).build();

    private static final byte[] DATA = "\"data\":[".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SYMBOL = "\"symbol\":\"".getBytes(StandardCharsets.US_ASCII);

    private BitmexVenue() {}

    /**
     * The first data row's {@code symbol}, else (an empty partial) the subscription
     * {@code filter}'s. Found by a byte scan after {@code "data":[}: a partial's {@code types}
     * header before it holds {@code "symbol":"symbol"}. Subscribed per symbol (as cryptofeed does,
     * {@code orderBookL2:XBTUSD}) every frame holds one symbol; a subscription to a whole table
     * sends frames mixing symbols, keyed by their first, which would spread one symbol's frames
     * over several partitions: not supported by the capture service's keying.
     */
    static String partitionKey(byte[] payload) {
        int data = PayloadScan.indexOf(payload, DATA);
        if (data >= 0) {
            int sym = PayloadScan.indexOf(payload, SYMBOL, data);
            if (sym >= 0) {
                return PayloadScan.valueAfter(Arrays.copyOfRange(payload, sym, Math.min(payload.length, sym + 100)),
                        "\"symbol\":\"", '"');
            }
        }
        return PayloadScan.valueAfter(payload, "\"filter\":{\"symbol\":\"", '"');
    }
}
