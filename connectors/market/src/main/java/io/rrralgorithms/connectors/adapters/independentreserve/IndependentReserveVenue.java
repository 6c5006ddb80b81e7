package io.rrralgorithms.connectors.adapters.independentreserve;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.adapters.SequencedSyncRules;
import io.rrralgorithms.connectors.venues.Venue;
import java.util.Locale;

/**
 * Independent Reserve ({@code independent-reserve}), spot, public WebSocket
 * {@code wss://websockets.independentreserve.com}: the order-by-order {@code orderbook-<base>}
 * channel joined with the REST {@code GetAllOrders} snapshot, and {@code ticker-<pair>} trades,
 * decoded by {@link IndependentReserveFrameDecoder}. Live: {@link IndependentReserveLiveVenue} (its
 * book needs a REST snapshot per pair, keyed by base).
 */
public final class IndependentReserveVenue {
    public static final String FEED = "independent-reserve";

    /**
     * Every message of an {@code orderbook-<base>} channel carries the channel's {@code Nonce}, one
     * more than the previous message's (contiguous in the capture); the channel's orders are priced
     * in every quote currency at once, so one message changes the book of each pair of the base.
     * The REST snapshot carries no nonce: the decoder gives it the last nonce it saw on the channel
     * (cryptofeed fetches it on the channel's first message, so the next message bridges it) and
     * applies messages to the snapshot's orders idempotently (a new order already in it replaces
     * itself, a cancel of an order not in it changes nothing): the next-first-id family on the
     * nonce, {@code Nonce == previous + 1}; a lost message is a gap. No checksum.
     */
    static final BookSyncRules RULES = SequencedSyncRules.nextFirstId("Nonce == ");

    /**
     * Frames are keyed by base currency ({@code orderbook-dot}, {@code ticker-dot-nzd} → {@code dot}),
     * the snapshot by its {@code primaryCurrencyCode}: one message changes every pair of its base, so
     * the decoder that keeps a base's orders must see all of its frames. No trade ids kept (GUIDs).
     */
    /** {@code /Public/GetAllOrders?primaryCurrencyCode=dot&secondaryCurrencyCode=nzd} → {@code dot}. */
    private static final Venue.SnapshotUrl SNAPSHOT_BASE = Venue.snapshotUrlMatching(
            "/Public/GetAllOrders\\?(?:.*&)?primaryCurrencyCode=([A-Za-z0-9]+)");

    public static final Venue VENUE = Venue.declare(FEED, "INDEPENDENT_RESERVE", IndependentReserveFrameDecoder::new,
            IndependentReserveSymbols.BOTH_WAYS, RULES, IndependentReserveVenue::partitionKey,
            IndependentReserveInstruments::new)
            .decoderKeepsState()
            .snapshotUrl(url -> {
                String base = SNAPSHOT_BASE.symbolOf(url);
                return base == null ? null : base.toLowerCase(Locale.ROOT);
            })
            .build();

    private IndependentReserveVenue() {}

    /** The base currency of a frame's {@code Channel} ({@code orderbook-dot}, {@code ticker-dot-nzd}); null for none. */
    static String partitionKey(byte[] payload) {
        String channel = PayloadScan.valueAfter(payload, "\"Channel\":\"", '"');
        int dash = channel == null ? -1 : channel.indexOf('-');
        if (dash < 0) {
            return null;
        }
        int end = channel.indexOf('-', dash + 1);
        return channel.substring(dash + 1, end < 0 ? channel.length() : end);
    }
}
