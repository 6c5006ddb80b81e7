package io.rrralgorithms.connectors.adapters.bybit;

import static io.rrralgorithms.connectors.adapters.FrameDecoder.emit;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireText;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.adapters.FrameDecoder.Result;
import io.rrralgorithms.connectors.adapters.JsonFields;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import java.util.function.Consumer;

/**
 * Bybit public WebSocket API <b>v5</b> frames, as the live capture ({@code BybitLiveVenue}, category
 * {@code linear}: {@code wss://stream.bybit.com/v5/public/linear}) subscribes them; decoded by
 * {@link BybitFrameDecoder} beside the 2021 v2 topics, same feed {@code bybit}:
 *
 * <ul>
 *   <li>{@code orderbook.N.SYMBOL} (N = 50 or 200 …): {@code {"topic","type":"snapshot"|"delta","ts",
 *       "data":{"s","b":[[price,size]…],"a":[…],"u","seq"},"cts"}}. {@code snapshot} →
 *       {@link EventType#BOOK_SNAPSHOT} with {@link MarketEvent#bookDepth} N (a snapshot replaces the
 *       book; one with {@code u=1} follows a restart of the venue's service); {@code delta} →
 *       {@link EventType#BOOK_DELTA} (size {@code "0"} deletes the level). Both carry the update id
 *       {@code u} in {@link MarketEvent#firstUpdateId} and {@link MarketEvent#lastUpdateId}, and
 *       {@code u - 1} in {@link MarketEvent#prevUpdateId}: each delta's {@code u} is the previous
 *       one's + 1. A {@code prevUpdateId} other than {@link MarketEvent#NONE} is what tells
 *       {@link BybitSyncRules} that an event is v5 (v2 events never set it). Exchange time is
 *       {@code ts} (the system time the venue generated the push); {@code cts} (matching engine
 *       time) and {@code seq} (cross sequence) are not kept.
 *   <li>{@code orderbook.1.SYMBOL}: level-1 snapshots (linear sends one on every change, and again
 *       when the top has not changed for 3 s) → {@link EventType#BBO}, one level or none a side; a
 *       {@code delta} on it is accepted the same way (it carries the whole top level either way).
 *       BBO events do not enter the book.
 *   <li>{@code publicTrade.SYMBOL}: {@code data:[{"T","s","S","v","p","L","i","BT"}…]} (always
 *       {@code type:"snapshot"}: every push is new trades, there is no pre-subscription trade
 *       history on this topic) → one {@link EventType#TRADE} per row; {@code S} is the taker's side.
 *       {@code i} is a UUID (unordered), so {@link MarketEvent#tradeId} is the v2 ordering key
 *       {@code T * 10000 + position of the row in its frame}.
 *   <li>ignored: {@code {"success":true,"op":"subscribe",…}} replies (handled with the v2 ones), and
 *       the heartbeat replies {@code {"op":"pong",…}} (spot) / {@code {"success":true,"ret_msg":"pong",
 *       "op":"ping",…}} (linear).
 * </ul>
 *
 * Symbols: the frame does not say its category; the live spec subscribes the linear (USDT
 * perpetual) category, and {@code BTCUSDT} normalizes to {@code BTC-USDT-PERP} as in v2 (an inverse
 * connection's {@code BTCUSD} to {@code BTC-USD-PERP}, {@code BTCUSDH25} to a dated future). Spot
 * frames would be mislabeled as perpetuals, which is why the live spec refuses spot symbols.
 */
final class BybitV5Frames {
    /** {@code publicTrade} rows {@code {"T","s","S","v","p","L","i","BT"}}: prices and sizes are decimal strings. */
    private static final BybitFrameDecoder.TradeRow TRADE = new BybitFrameDecoder.TradeRow("s", "i", "T", "p", "v", "S",
            (row, field, at) -> JsonFields.decimal(row.get(field), at + "." + field));

    private BybitV5Frames() {}

    static Result book(String feed, RawFrame frame, JsonNode root, String topic, String symbol,
            Consumer<MarketEvent> out) throws DecodeException {
        // orderbook.{depth}.{symbol}
        String[] parts = topic.split("\\.", -1);
        if (parts.length != 3 || !parts[1].matches("[0-9]{1,4}") || Integer.parseInt(parts[1]) <= 0) {
            throw new DecodeException("v5 book topic '" + topic + "' is not orderbook.{depth}.{symbol}");
        }
        int depth = Integer.parseInt(parts[1]);
        String type = requireText(root, "type");
        boolean snapshot = switch (type) {
            case "snapshot" -> true;
            case "delta" -> false;
            default -> throw new DecodeException("unknown v5 book type '" + type + "'");
        };
        long timeMs = BybitFrameDecoder.integer(root, "ts");
        JsonNode data = root.get("data");
        if (data == null || !data.isObject()) {
            throw new DecodeException("v5 book field 'data' must be an object with s, b, a, u");
        }
        BybitFrameDecoder.checkSymbol(data, "s", "data", symbol);
        long u = BybitFrameDecoder.integer(data, "u");
        if (u == 0) {
            throw new DecodeException("v5 book field 'data.u' must be positive, got 0");
        }
        long[][] bids = JsonFields.requireLevels(data, "b");
        long[][] asks = JsonFields.requireLevels(data, "a");
        MarketEvent ev = MarketEvent.delta(feed, symbol, BybitSymbols.normalize(symbol), frame.receiveTimeNs)
                .levels(bids, asks);
        ev.exchangeTimeMs = timeMs;
        if (depth == 1) {
            if (bids[0].length > 1 || asks[0].length > 1) {
                throw new DecodeException("v5 orderbook.1 must hold at most one level a side");
            }
            noZeroSize(bids[1], "data.b", "a level-1 book");
            noZeroSize(asks[1], "data.a", "a level-1 book");
            ev.type = EventType.BBO;
            return emit(out, ev);
        }
        if (snapshot) {
            noZeroSize(bids[1], "data.b", "a snapshot");
            noZeroSize(asks[1], "data.a", "a snapshot");
            ev.type = EventType.BOOK_SNAPSHOT;
            ev.bookDepth = depth;
        }
        ev.firstUpdateId = u;
        ev.lastUpdateId = u;
        ev.prevUpdateId = u - 1; // marks the event as v5 for BybitSyncRules
        return emit(out, ev);
    }

    static Result trades(String feed, RawFrame frame, JsonNode root, String symbol, Consumer<MarketEvent> out)
            throws DecodeException {
        String type = requireText(root, "type");
        if (!type.equals("snapshot") && !type.equals("delta")) {
            throw new DecodeException("unknown v5 trade type '" + type + "'");
        }
        BybitFrameDecoder.integer(root, "ts");
        JsonNode data = root.get("data");
        if (data == null || !data.isArray()) {
            throw new DecodeException("v5 trade field 'data' must be an array of trades");
        }
        return BybitFrameDecoder.trades(feed, frame, data, symbol, TRADE, out);
    }

    private static void noZeroSize(long[] sizes, String field, String what) throws DecodeException {
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] == 0) {
                throw new DecodeException("field '" + field + "[" + i + "]' has size 0 in " + what);
            }
        }
    }
}
