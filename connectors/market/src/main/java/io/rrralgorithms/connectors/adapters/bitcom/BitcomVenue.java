package io.rrralgorithms.connectors.adapters.bitcom;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.adapters.SequencedSyncRules;
import io.rrralgorithms.connectors.venues.Venue;

/**
 * bit.com ({@code bitcom}): spot ({@code wss://spot-ws.bit.com}) and USD-/USDT-margined perpetuals
 * ({@code wss://ws.bit.com}, module {@code linear}) as one feed, decoded by {@link BitcomFrameDecoder}.
 * Live: {@link BitcomLiveVenue}, the two markets on two connection groups (two endpoints).
 */
public final class BitcomVenue {
    public static final String FEED = "bitcom";

    /**
     * bit.com's {@code depth} channel: a {@code snapshot} on subscribing, then {@code update}s
     * each naming the {@code sequence} it follows ({@code prev_sequence}): the previous-id chain
     * family (every update of both captures chains). No checksum; updates carry every change.
     */
    static final BookSyncRules RULES = SequencedSyncRules.previousIdChain("prev_sequence == ");

    public static final Venue VENUE = Venue.declare(FEED, "BIT.COM", BitcomFrameDecoder::new, BitcomSymbols.BOTH_WAYS,
            RULES, BitcomVenue::partitionKey, BitcomInstruments::new).build();

    private BitcomVenue() {}

    /** A spot frame's first {@code pair}, a perpetual's first {@code instrument_id}; null for replies. */
    static String partitionKey(byte[] payload) {
        String pair = PayloadScan.valueAfter(payload, "\"pair\":\"", '"');
        return pair != null ? pair : PayloadScan.valueAfter(payload, "\"instrument_id\":\"", '"');
    }
}
