package io.rrralgorithms.connectors.adapters.gateio;

import io.rrralgorithms.connectors.adapters.BookSyncRules;
import io.rrralgorithms.connectors.adapters.PayloadScan;
import io.rrralgorithms.connectors.adapters.SequencedSyncRules;
import io.rrralgorithms.connectors.adapters.UnsequencedSyncRules;
import io.rrralgorithms.connectors.venues.Venue;
import java.nio.charset.StandardCharsets;

/**
 * Gate.io, WebSocket API v4, two feeds, and the older spot API v3 as a third:
 *
 * <ul>
 *   <li>{@code gateio}, spot: {@code spot.order_book_update} synced with REST order books by update
 *       id, {@code spot.trades}, {@code spot.book_ticker} / {@code spot.tickers}. Native symbols are
 *       Gate.io's pairs ({@code BTC_USDT} → {@code BTC-USDT});
 *   <li>{@code gateio-futures}, USDT-settled perpetual futures ({@code wss://fx-ws.gateio.ws/v4/ws/usdt}):
 *       {@code futures.order_book_update} synced with REST order books
 *       ({@code /api/v4/futures/usdt/order_book?contract=X&with_id=true}, which carries the {@code id})
 *       by the same update-id rules as spot, {@code futures.trades}, {@code futures.book_ticker}.
 *       Contracts {@code BTC_USDT} → {@code BTC-USDT-PERP}; sizes are in contracts;
 *   <li>{@code gateio-v3}, spot on the older API v3 ({@code wss://ws.gate.io/v3/}, JSON-RPC style
 *       {@code depth.update} / {@code trades.update}, {@link GateioV3FrameDecoder}), the pairs and
 *       symbols of spot. Replay only, and tested on the documented frame shapes only: no capture of
 *       the shared data holds v3 frames. A cryptofeed {@code GATEIO} file of the v3 era is read as
 *       this feed when named so ({@code gateio-v3=FILE}); by its name alone it is the v4 feed's.
 * </ul>
 */
public final class GateioVenue {
    public static final String SPOT_FEED = "gateio";
    public static final String FUTURES_FEED = "gateio-futures";
    public static final String V3_FEED = "gateio-v3";

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

    /**
     * Gate.io v3 {@code depth.update}: no sequence numbers and no book time. {@code clean == true}
     * (sent on subscribing, and again from time to time) is the whole subscribed book, the others
     * the changed levels. The unsequenced family: receive-time ids, every clean book authoritative,
     * a lost message undetectable. The book is the subscription's top N ({@code depth.subscribe}'s
     * limit), which the frames do not name, so it is not truncated to a window: the v3 servers send
     * a level leaving the top N as a removal (amount 0), as the peers' readers assume. No checksum.
     */
    static final BookSyncRules V3_RULES = new UnsequencedSyncRules("any depth.update (API v3 has no sequence numbers)");

    /**
     * Keyed by the market of {@code params}: its first element ({@code trades.update},
     * {@code ticker.update}) or its last ({@code depth.update}); replies name none.
     */
    public static final Venue V3 = Venue.builder(V3_FEED, GateioV3FrameDecoder::new, GateioSymbols.SPOT, V3_RULES,
                    GateioVenue::v3PartitionKey)
            .instrumentMetadata(new GateioInstruments(V3_FEED)) // v3 trades the pairs of the v4 list
            .build();

    private GateioVenue() {}

    /**
     * The market of a v3 notification, by a byte scan (v3 frames may carry blanks after {@code :}
     * and {@code ,}): the first element of {@code "params"} where it is a string, else the string
     * that ends the frame's last array; null where there is none.
     */
    static String v3PartitionKey(byte[] payload) {
        byte[] marker = "\"params\"".getBytes(StandardCharsets.US_ASCII);
        int at = PayloadScan.indexOf(payload, marker);
        if (at < 0) {
            return null;
        }
        int i = skipBlanks(payload, at + marker.length);
        if (i >= payload.length || payload[i] != ':') {
            return null;
        }
        i = skipBlanks(payload, i + 1);
        if (i >= payload.length || payload[i] != '[') {
            return null;
        }
        i = skipBlanks(payload, i + 1);
        if (i < payload.length && payload[i] == '"') {
            return quoted(payload, i);
        }
        int close = payload.length - 1;
        while (close >= 0 && payload[close] != ']') {
            close--;
        }
        int end = close - 1;
        while (end > i && isBlank(payload[end])) {
            end--;
        }
        if (end <= i || payload[end] != '"') {
            return null;
        }
        for (int s = end - 1; s > i && end - s <= 64; s--) {
            if (payload[s] == '"') {
                return s + 1 < end ? new String(payload, s + 1, end - s - 1, StandardCharsets.US_ASCII) : null;
            }
            if (payload[s] == '\\') {
                return null;
            }
        }
        return null;
    }

    /** The string starting with the quote at {@code open}, at most 64 characters, or null. */
    private static String quoted(byte[] payload, int open) {
        for (int j = open + 1; j < payload.length && j - open <= 65; j++) {
            if (payload[j] == '"') {
                return j > open + 1 ? new String(payload, open + 1, j - open - 1, StandardCharsets.US_ASCII) : null;
            }
            if (payload[j] == '\\') {
                return null;
            }
        }
        return null;
    }

    private static int skipBlanks(byte[] payload, int i) {
        while (i < payload.length && isBlank(payload[i])) {
            i++;
        }
        return i;
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

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
