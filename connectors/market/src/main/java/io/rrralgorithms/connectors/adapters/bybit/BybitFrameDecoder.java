package io.rrralgorithms.connectors.adapters.bybit;

import static io.rrralgorithms.connectors.adapters.FrameDecoder.emit;
import static io.rrralgorithms.connectors.adapters.FrameDecoder.emitAll;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireObjectAt;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireSide;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireText;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.adapters.EventChecks;
import io.rrralgorithms.connectors.adapters.FrameDecoder;
import io.rrralgorithms.connectors.adapters.JsonFields;
import io.rrralgorithms.connectors.adapters.JsonNumbers;
import io.rrralgorithms.connectors.adapters.SidedLevels;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Decodes Bybit v2 public WebSocket frames ({@code {"topic":…,"type":…,"data":…}}) by topic, and the
 * v5 topics {@code orderbook.N.SYMBOL} / {@code publicTrade.SYMBOL} of the live capture (see
 * {@link BybitV5Frames}):
 *
 * <ul>
 *   <li>{@code orderBookL2_25.SYMBOL} (25 levels a side) and {@code orderBook_200.100ms.SYMBOL}
 *       (200): {@code type:"snapshot"} → {@link EventType#BOOK_SNAPSHOT} with
 *       {@link MarketEvent#bookDepth} 25 / 200; {@code type:"delta"} → {@link EventType#BOOK_DELTA}
 *       from the {@code delete} rows (size 0), then {@code update} and {@code insert} rows. Unlike
 *       BitMEX, every row (delete rows included) carries its {@code price}, so the decoder needs no
 *       id → price map and is stateless. The inverse connection sends the snapshot's rows as
 *       {@code data:[…]}, ids and {@code cross_seq}/{@code timestamp_e6} as JSON numbers; the USDT
 *       connection as {@code data:{"order_book":[…]}} with those fields as strings: both are read.
 *       {@code cross_seq} (the matching engine's sequence, shared by several symbols, so not
 *       contiguous per symbol) is the update id of snapshots and deltas, see
 *       {@link BybitSyncRules}; exchange time is {@code timestamp_e6 / 1000}.
 *   <li>{@code trade.SYMBOL}: one {@link EventType#TRADE} per row; {@code side} is the taker's.
 *       Bybit's {@code trade_id} is a UUID, unordered, while trade bars take open and close by
 *       trade-id order; so {@link MarketEvent#tradeId} is an ordering key,
 *       {@code trade_time_ms * 10000 + position of the row in its frame} (as for BitMEX):
 *       increasing in the venue's order, unique except for trades of the same millisecond in
 *       different frames. Bybit sends no trade snapshot on subscription (every recorded trade is
 *       from the session).
 *   <li>ignored: {@code {"success":true,…}} subscription replies, {@code pong} replies (both the
 *       {@code {"success":true,"ret_msg":"pong",…}} JSON and a bare {@code pong}), and the topics
 *       {@code instrument_info}, {@code insurance}, {@code liquidation}, {@code klineV2},
 *       {@code candle}. {@code instrument_info} (best bid/ask without sizes, funding rate, mark
 *       price) is not in the recorded capture; it is ignored rather than decoded untested.
 * </ul>
 *
 * A {@code "success":false} reply, an unknown topic or book type, malformed JSON or a wrong field is
 * a {@link DecodeException}. Prices are decimal strings ({@code "60621.5"}) in books and on the
 * USDT connection's trades, JSON numbers on the inverse connection's trades; sizes are JSON numbers
 * (contracts on inverse contracts, base currency on USDT perpetuals, e.g. {@code 10.969999}); every
 * one is read exactly (see {@link JsonNumbers}).
 */
final class BybitFrameDecoder implements FrameDecoder {
    private static final byte[] PONG = "pong".getBytes(StandardCharsets.US_ASCII);
    private static final List<String> IGNORED_TOPICS = List.of(
            "instrument_info", "insurance", "liquidation", "klineV2", "candle");

    private final String feed;

    BybitFrameDecoder(String feed) {
        this.feed = feed;
    }

    @Override
    public Result decode(RawFrame frame, Consumer<MarketEvent> out) throws DecodeException {
        if (Arrays.equals(frame.payload, PONG)) {
            return Result.IGNORED;
        }
        JsonNode root = JsonNumbers.parseObject(frame.payload);
        if (root.has("topic")) {
            String topic = requireText(root, "topic");
            int dot = topic.lastIndexOf('.');
            if (dot <= 0 || dot == topic.length() - 1) {
                throw new DecodeException("field 'topic' names no symbol: '" + topic + "'");
            }
            String symbol = topic.substring(dot + 1);
            String channel = topic.substring(0, topic.indexOf('.'));
            return switch (channel) {
                case "orderBookL2_25" -> book(frame, root, symbol, 25, out);
                case "orderBook_200" -> book(frame, root, symbol, 200, out);
                case "trade" -> trades(frame, root, symbol, out);
                case "orderbook" -> BybitV5Frames.book(feed, frame, root, topic, symbol, out); // v5
                case "publicTrade" -> BybitV5Frames.trades(feed, frame, root, symbol, out); // v5
                default -> {
                    if (IGNORED_TOPICS.contains(channel)) {
                        yield Result.IGNORED;
                    }
                    throw new DecodeException("unknown topic '" + topic + "'");
                }
            };
        }
        if (root.has("success")) {
            if (root.get("success").asBoolean(false)) {
                return Result.IGNORED; // subscribe reply, or the pong of a {"op":"ping"}
            }
            throw new DecodeException("venue refused the request: " + root.path("ret_msg").asText()
                    + " " + root.path("request"));
        }
        if ("pong".equals(root.path("op").asText(null))) {
            return Result.IGNORED; // v5 spot heartbeat reply {"op":"pong","args":[…],"conn_id":…}
        }
        throw new DecodeException("unknown message: no 'topic', 'success' or 'op':'pong'");
    }

    // ------------------------------------------------------------------ books

    private Result book(RawFrame frame, JsonNode root, String symbol, int depth, Consumer<MarketEvent> out)
            throws DecodeException {
        String type = requireText(root, "type");
        long seq = integer(root, "cross_seq");
        long timeMs = integer(root, "timestamp_e6") / 1000L;
        JsonNode data = root.get("data");
        String normalized = BybitSymbols.normalize(symbol);
        MarketEvent ev;
        switch (type) {
            case "snapshot" -> {
                JsonNode rows = data != null && data.isObject() ? data.get("order_book") : data;
                if (rows == null || !rows.isArray()) {
                    throw new DecodeException("snapshot field 'data' must be an array of levels or"
                            + " an object with an 'order_book' array");
                }
                SidedLevels l = new SidedLevels(rows.size());
                rows(rows, "data", symbol, false, l);
                ev = l.into(MarketEvent.snapshot(feed, symbol, normalized, frame.receiveTimeNs));
                ev.bookDepth = depth;
            }
            case "delta" -> {
                if (data == null || !data.isObject()) {
                    throw new DecodeException("delta field 'data' must be an object of delete/update/insert lists");
                }
                JsonNode del = list(data, "delete");
                JsonNode upd = list(data, "update");
                JsonNode ins = list(data, "insert");
                SidedLevels l = new SidedLevels(del.size() + upd.size() + ins.size());
                rows(del, "data.delete", symbol, true, l);
                rows(upd, "data.update", symbol, false, l);
                rows(ins, "data.insert", symbol, false, l);
                ev = l.into(MarketEvent.delta(feed, symbol, normalized, frame.receiveTimeNs));
                ev.firstUpdateId = seq;
            }
            default -> throw new DecodeException("unknown book type '" + type + "'");
        }
        ev.exchangeTimeMs = timeMs;
        ev.lastUpdateId = seq;
        return emit(out, ev);
    }

    private static JsonNode list(JsonNode data, String field) throws DecodeException {
        JsonNode n = data.get(field);
        if (n == null || !n.isArray()) {
            throw new DecodeException(n == null ? "missing field 'data." + field + "' (expected an array)"
                    : "field 'data." + field + "' must be an array, got " + n.getNodeType());
        }
        return n;
    }

    private static void rows(JsonNode rows, String where, String symbol, boolean delete, SidedLevels l)
            throws DecodeException {
        for (int i = 0; i < rows.size(); i++) {
            JsonNode r = requireObjectAt(rows, where, i);
            String at = where + "[" + i + "]";
            checkSymbol(r, "symbol", at, symbol);
            if (!r.has("id")) {
                throw new DecodeException("missing field '" + at + ".id'");
            }
            boolean bid = requireSide(r, "side", at, "Buy", "Sell");
            long price = number(r, "price", at);
            long size = delete ? 0L : number(r, "size", at);
            if (price <= 0 || size < 0 || (!delete && size == 0)) {
                throw new DecodeException("field '" + at + "' has a non-positive price or size");
            }
            l.add(bid, price, size);
        }
    }

    // ------------------------------------------------------------------ trades

    /** The field names of a trade row and how its price and size are read: v2 and v5 differ only there. */
    record TradeRow(String symbol, String id, String time, String price, String size, String side, Numbers numbers) {}

    /** Reads the decimal {@code field} of a row, named {@code at.field} in the reasons. */
    @FunctionalInterface
    interface Numbers {
        long read(JsonNode row, String field, String at) throws DecodeException;
    }

    private static final TradeRow V2_TRADE = new TradeRow("symbol", "trade_id", "trade_time_ms", "price", "size",
            "side", BybitFrameDecoder::number);

    private Result trades(RawFrame frame, JsonNode root, String symbol, Consumer<MarketEvent> out)
            throws DecodeException {
        JsonNode data = root.get("data");
        if (data == null || !data.isArray()) {
            throw new DecodeException("trade field 'data' must be an array of trades");
        }
        return trades(feed, frame, data, symbol, V2_TRADE, out);
    }

    /**
     * One trade per row of {@code data}, all or none: {@code side} is the taker's; the trade id is
     * the ordering key {@code time * 10000 + position of the row in its frame} (Bybit's ids are UUIDs).
     */
    static Result trades(String feed, RawFrame frame, JsonNode data, String symbol, TradeRow fields,
            Consumer<MarketEvent> out) throws DecodeException {
        String normalized = BybitSymbols.normalize(symbol);
        List<MarketEvent> evs = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            JsonNode r = requireObjectAt(data, "data", i);
            String at = "data[" + i + "]";
            checkSymbol(r, fields.symbol(), at, symbol);
            requireText(r, fields.id());
            MarketEvent t = MarketEvent.trade(feed, symbol, normalized, frame.receiveTimeNs);
            t.exchangeTimeMs = integer(r, fields.time());
            t.price = fields.numbers().read(r, fields.price(), at);
            t.size = fields.numbers().read(r, fields.size(), at);
            t.takerBuy = requireSide(r, fields.side(), at, "Buy", "Sell");
            t.tradeId = t.exchangeTimeMs * 10_000L + Math.min(i, 9_999);
            evs.add(EventChecks.requirePositiveTrade(t, at, "size"));
        }
        return emitAll(out, evs);
    }

    /** Refuses a row whose symbol (field {@code field}) is not its topic's. */
    static void checkSymbol(JsonNode r, String field, String at, String symbol) throws DecodeException {
        String s = requireText(r, field);
        if (!s.equals(symbol)) {
            throw new DecodeException("field '" + at + "." + field + "' is '" + s + "', the topic's is '" + symbol
                    + "'");
        }
    }

    // ------------------------------------------------------------------ fields

    /** A decimal sent as a string ({@code "60621.5"}) or as a JSON number ({@code 60621.5}), exactly. */
    static long number(JsonNode r, String field, String at) throws DecodeException {
        JsonNode n = r.get(field);
        return n != null && n.isTextual() ? JsonFields.decimal(n, at + "." + field) : JsonNumbers.number(n, at + "." + field);
    }

    /** A non-negative integer sent as a JSON number or a string of digits. */
    static long integer(JsonNode r, String field) throws DecodeException {
        JsonNode n = r.get(field);
        if (n != null && n.isIntegralNumber() && n.canConvertToLong() && n.longValue() >= 0) {
            return n.longValue();
        }
        if (n != null && n.isTextual() && n.textValue().matches("[0-9]{1,18}")) {
            return Long.parseLong(n.textValue());
        }
        throw new DecodeException(n == null ? "missing field '" + field + "' (expected an integer)"
                : "field '" + field + "' must be a non-negative integer, got " + n);
    }
}
