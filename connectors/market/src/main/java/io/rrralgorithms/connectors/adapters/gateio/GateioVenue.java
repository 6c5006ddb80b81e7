package io.rrralgorithms.connectors.adapters.gateio;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.adapters.SequencedSyncRules;
import io.rrralgorithms.connectors.venues.Venue;

/**
 * Gate.io, WebSocket API v4, two feeds:
 *
 * <ul>
 *   <li>{@code gateio}, spot: {@code spot.order_book_update} synced with REST order books by update
 *       id, {@code spot.trades}, {@code spot.book_ticker} / {@code spot.tickers}. Native symbols are
 *       Gate.io's pairs ({@code BTC_USDT} → {@code BTC-USDT});
 *   <li>{@code gateio-futures}, USDT-settled perpetual futures ({@code wss://fx-ws.gateio.ws/v4/ws/usdt}):
 *       {@code futures.order_book_update} synced with REST order books
 *       ({@code /api/v4/futures/usdt/order_book?contract=X&with_id=true}, which carries the {@code id})
 *       by the same update-id rules as spot, {@code futures.trades}, {@code futures.book_ticker}.
 *       Contracts {@code BTC_USDT} → {@code BTC-USDT-PERP}; sizes are in contracts.
 * </ul>
 */
public final class GateioVenue {
    public static final String SPOT_FEED = "gateio";
    public static final String FUTURES_FEED = "gateio-futures";

    /**
     * Gate.io v4 {@code spot.order_book_update} and {@code futures.order_book_update}, joined with the
     * REST order book fetched {@code with_id=true}: each update carries the first and last update id
     * it contains ({@code U}, {@code u}), the snapshot its {@code id}. Gate.io's procedure, the same as
     * Binance spot's: drop updates with {@code u <= id}; the first applied must have
     * {@code U <= id + 1 <= u}; each next one {@code U == previous u + 1}. No checksum is sent.
     *
     * <p>No depth window: the updates are of the whole book, while the REST snapshot is limited
     * ({@code limit=100} in the captures); levels deeper than the snapshot's are learned only as
     * updates touch them, so the local book is exact in its top levels (those the snapshot covered)
     * and may lack deeper ones. The first update after subscribing is, for some pairs, the current
     * top-100 book sent as one update with {@code U == u} (same levels as the REST snapshot of that
     * id); it is handled as any update (in the captures it is always already in the snapshot: stale).
     */
    static final BookSyncRules RULES = SequencedSyncRules.nextFirstId("U == ");

    /** Frames are keyed by {@code "s"} (books), {@code "currency_pair"} (trades, tickers), else candles' {@code "n"}. */
    public static final Venue SPOT = Venue.declare(SPOT_FEED, "GATEIO", GateioFrameDecoder::new, GateioSymbols.SPOT,
            RULES, payload -> partitionKey(payload, "\"currency_pair\":\""), GateioInstruments::new)
            .snapshotUrl(Venue.snapshotUrlMatching( // /api/v4/spot/order_book?currency_pair=X&limit=100&with_id=true
                    "/api/v4/spot/order_book\\?(?:.*&)?currency_pair=([A-Za-z0-9]+_[A-Za-z0-9]+)"))
            .live(GateioLiveVenue.spot()).build();

    /** Frames are keyed by {@code "s"} (books, book ticker), {@code "contract"} (trades), else candles' {@code "n"}. */
    public static final Venue FUTURES = Venue.declare(FUTURES_FEED, "GATEIO_FUTURES", GateioFuturesFrameDecoder::new,
            GateioSymbols.PERPETUALS, RULES, payload -> partitionKey(payload, "\"contract\":\""),
            GateioFuturesInstruments::new)
            .snapshotUrl(Venue.snapshotUrlMatching(
                    "/api/v4/futures/(?:usdt|btc)/order_book\\?(?:.*&)?contract=([A-Za-z0-9]+_[A-Za-z0-9]+)"))
            .live(GateioLiveVenue.futures()).build();

    private GateioVenue() {}

    /** {@code "s"}, else {@code pairField}, else the candles name {@code "n":"1m_X"}. */
    static String partitionKey(byte[] payload, String pairField) {
        String s = PayloadScan.valueAfter(payload, "\"s\":\"", '"');
        if (s == null) {
            s = PayloadScan.valueAfter(payload, pairField, '"');
        }
        if (s == null) {
            String n = PayloadScan.valueAfter(payload, "\"n\":\"", '"');
            int us = n == null ? -1 : n.indexOf('_');
            s = us > 0 ? n.substring(us + 1) : null;
        }
        return s;
    }
}
