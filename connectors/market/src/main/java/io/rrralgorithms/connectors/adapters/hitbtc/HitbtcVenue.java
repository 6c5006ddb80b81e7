package io.rrralgorithms.connectors.adapters.hitbtc;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.adapters.SequencedSyncRules;
import io.rrralgorithms.connectors.venues.Venue;

/**
 * The HitBTC family: HitBTC and its white labels Bequant and FMFW run the same exchange API, three
 * feeds decoded by one {@link HitbtcFrameDecoder} (spot books, trades and tickers; API v2 JSON-RPC
 * notifications and API v3 channels, told apart by the frame), each with its own symbols
 * ({@link HitbtcSymbols}: v2's {@code USD} is Tether) and instrument list:
 *
 * <ul>
 *   <li>{@code hitbtc}: {@code wss://api.hitbtc.com/api/2/ws/public} in the capture (v3 today);
 *   <li>{@code bequant}: {@code wss://api.bequant.io/api/2/ws/public};
 *   <li>{@code fmfw}: {@code wss://api.fmfw.io/api/3/ws/public}.
 * </ul>
 */
public final class HitbtcVenue {
    public static final String HITBTC_FEED = "hitbtc";
    public static final String BEQUANT_FEED = "bequant";
    public static final String FMFW_FEED = "fmfw";

    /**
     * HitBTC books (v2 {@code snapshotOrderbook}/{@code updateOrderbook}, v3 {@code orderbook/full}):
     * the subscription starts with a snapshot of the whole book carrying its {@code sequence}; every
     * update carries the book's next {@code sequence}, consecutive per symbol ("if the sequence of an
     * update is not the previous one + 1, an update was lost: resubscribe"; cryptofeed skips a
     * repeated one). The decoder gives a delta its sequence as first and last update id, so:
     *
     * <ul>
     *   <li>stale: an update at or below the snapshot's sequence (already in it);
     *   <li>the first update applied must be the snapshot's sequence + 1, each next one the previous + 1;
     *   <li>a repeated update (sequence not above the book's) is a duplicate, dropped;
     *   <li>a snapshot arriving at a synced book replaces it when its sequence is higher (HitBTC v2
     *       re-sends the snapshot about a second after subscribing, at the sequence the book has:
     *       the same book, ignored).
     * </ul>
     *
     * No checksum, no depth window (the books are the whole book).
     */
    static final BookSyncRules RULES = SequencedSyncRules.nextFirstId("sequence ");

    public static final Venue HITBTC = venue(HITBTC_FEED, HitbtcSymbols.HITBTC, "HITBTC",
            "https://api.hitbtc.com/api/2/public/symbol", HitbtcLiveVenue.hitbtc());

    public static final Venue BEQUANT = venue(BEQUANT_FEED, HitbtcSymbols.BEQUANT, "BEQUANT",
            "https://api.bequant.io/api/2/public/symbol", HitbtcLiveVenue.bequant());

    public static final Venue FMFW = venue(FMFW_FEED, HitbtcSymbols.FMFW, "FMFW",
            "https://api.fmfw.io/api/3/public/symbol", HitbtcLiveVenue.fmfw());

    private HitbtcVenue() {}

    private static Venue venue(String feed, HitbtcSymbols symbols, String exchange, String symbolsUrl,
            HitbtcLiveVenue live) {
        return Venue.declare(feed, exchange, f -> new HitbtcFrameDecoder(f, symbols), symbols.bothWays(), RULES,
                HitbtcVenue::partitionKey, f -> new HitbtcInstruments(f, symbols, symbolsUrl)).live(live).build();
    }

    /**
     * The symbol of a frame: v2's {@code "symbol":"ETHBTC"} (after the levels of a book frame), else
     * v3's first symbol key of {@code "snapshot":{}}, {@code "update":{}} or {@code "data":{}}
     * (a v3 frame naming several symbols is keyed by the first); null for replies.
     */
    static String partitionKey(byte[] payload) {
        String s = PayloadScan.valueAfter(payload, "\"symbol\":\"", '"');
        if (s == null) {
            s = PayloadScan.valueAfter(payload, "\"update\":{\"", '"');
        }
        if (s == null) {
            s = PayloadScan.valueAfter(payload, "\"snapshot\":{\"", '"');
        }
        if (s == null) {
            s = PayloadScan.valueAfter(payload, "\"data\":{\"", '"');
        }
        return s;
    }
}
