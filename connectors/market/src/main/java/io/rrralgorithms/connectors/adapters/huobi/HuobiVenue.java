package io.rrralgorithms.connectors.adapters.huobi;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.adapters.WholeBookSyncRules;
import io.rrralgorithms.connectors.venues.Venue;

/**
 * Huobi (HTX): two feeds decoded by one {@link HuobiFrameDecoder}, each with its symbols
 * ({@link HuobiSymbols}) and instrument lists ({@link HuobiInstruments}):
 *
 * <ul>
 *   <li>{@code huobi}: spot, {@code wss://api.huobi.pro/ws} (cryptofeed {@code HUOBI});
 *   <li>{@code huobi-swap}: perpetual swaps, coin-margined {@code wss://api.hbdm.com/swap-ws} and
 *       USDT-margined {@code wss://api.hbdm.com/linear-swap-ws} (cryptofeed {@code HUOBI_SWAP}, one
 *       capture file per endpoint).
 * </ul>
 *
 * Huobi's dated futures ({@code HUOBI_DM}, {@code wss://www.hbdm.com/ws}) are not decoded: the
 * recordings hold their contract list but no WebSocket session.
 */
public final class HuobiVenue {
    public static final String FEED = "huobi";
    public static final String SWAP_FEED = "huobi-swap";

    /**
     * The books of both feeds are {@code depth.step0}: every message is the whole book (150 levels
     * a side) with its version, no diffs (cryptofeed too replaces its book with each one). Each is a
     * snapshot that is the book's next state, a snapshot not newer than the book is ignored (the
     * swaps repeat an unchanged book at the same {@code mrid}), a lost message is no gap. Huobi's
     * incremental {@code mbp} channel (with {@code seqNum}/{@code prevSeqNum}) is not in the
     * recordings and not decoded.
     */
    static final BookSyncRules RULES = new WholeBookSyncRules("a newer depth.step0 book (version above ");

    public static final Venue VENUE = Venue.declare(FEED, "HUOBI", f -> new HuobiFrameDecoder(f, false), HuobiSymbols.SPOT,
            RULES, HuobiVenue::partitionKey, HuobiInstruments::spot).live(new HuobiLiveVenue()).build();

    public static final Venue SWAP = Venue.declare(SWAP_FEED, "HUOBI_SWAP", f -> new HuobiFrameDecoder(f, true),
            HuobiSymbols.SWAP, RULES, HuobiVenue::partitionKey, HuobiInstruments::swaps).build();

    private HuobiVenue() {}

    /**
     * The symbol of {@code "ch":"market.<symbol>.<channel>"}, after reading the payload's JSON out
     * of its bytes literal and gzip where it is recorded so (live frames arrive inflated: a byte
     * scan only); null for pings, replies and unreadable frames.
     */
    static String partitionKey(byte[] payload) {
        byte[] json;
        try {
            json = HuobiPayloads.json(payload);
        } catch (DecodeException e) {
            return null; // the decoder dead-letters it
        }
        return PayloadScan.valueAfter(json, "\"ch\":\"market.", '.');
    }
}
