package io.rrralgorithms.connectors.adapters.gateio;

import static io.rrralgorithms.connectors.adapters.JsonFields.requireDecimal;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireLong;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireSide;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.adapters.EventChecks;
import io.rrralgorithms.connectors.adapters.FrameDecoder;
import io.rrralgorithms.connectors.adapters.JsonFields;
import io.rrralgorithms.connectors.adapters.JsonFrameDecoder;
import io.rrralgorithms.connectors.adapters.JsonNumbers;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Decodes Gate.io's older spot WebSocket API v3 ({@code wss://ws.gate.io/v3/}), JSON-RPC style
 * notifications {@code {"method":"x.update","params":[...],"id":null}} and replies
 * {@code {"error":null,"result":...,"id":N}}. The frame shapes are Gate.io's v3 documentation
 * ({@code https://www.gate.io/docs/websocket/index.html}, v3.1, "depth.update", "trades.update",
 * "ticker.update") as cryptofeed's v3 feed ({@code cryptofeed/exchanges/gateio.py} before its v4
 * switch in 2021) and ccxws ({@code GateioClient}) read them:
 *
 * <ul>
 *   <li>{@code depth.update}, {@code params: [clean, {"asks":[[p,q],...],"bids":[...]}, market]}:
 *       {@code clean == true} is the whole (subscribed top-N) book → {@link EventType#BOOK_SNAPSHOT};
 *       {@code false} the changed levels → {@link EventType#BOOK_DELTA} (amount {@code "0"} removes
 *       the level; a side may be absent). v3 depth carries no sequence and no time: book events take
 *       the receive time as update id ({@link GateioVenue#V3_RULES}) and no exchange time;
 *   <li>{@code trades.update}, {@code params: [market, [{"id","time","price","amount","type"}, ...]]},
 *       newest first: one {@link EventType#TRADE} each, oldest first; {@code type} is the taker's
 *       side, {@code id} the trade id, {@code time} seconds with a fraction (a JSON number, read
 *       exactly) truncated to the ms;
 *   <li>ignored: {@code ticker.update} (24 h statistics: no best bid or ask, so no BBO),
 *       {@code kline.update}, and every reply without an error (subscribe acks, {@code server.ping}'s
 *       {@code "pong"}).
 * </ul>
 *
 * A reply with an {@code error}, an unknown method, a frame that is neither a notification nor a
 * reply, malformed JSON, wrong field types, unknown symbols and numbers no long mantissa scale
 * holds are {@link DecodeException}s.
 */
final class GateioV3FrameDecoder extends JsonFrameDecoder {

    GateioV3FrameDecoder(String feed) {
        super(feed, JsonNumbers::parseObject);
    }

    @Override
    protected Result decode(RawFrame frame, JsonNode root, Consumer<MarketEvent> out) throws DecodeException {
        JsonFields.refuseErrorMember(root);
        JsonNode method = root.get("method");
        if (method == null) {
            if (root.has("result")) {
                return Result.IGNORED; // the reply to a request of ours: a subscribe ack, a pong
            }
            throw new DecodeException("unknown message: neither a method notification nor a reply");
        }
        if (!method.isTextual()) {
            throw new DecodeException("field 'method' must be a string, got " + method.getNodeType());
        }
        JsonNode params = JsonFields.requireArray(root, "params", "an array");
        return switch (method.textValue()) {
            case "depth.update" -> FrameDecoder.emit(out, depth(frame, params));
            case "trades.update" -> FrameDecoder.emitAll(out, trades(frame, params));
            case "ticker.update", "kline.update" -> Result.IGNORED;
            default -> throw new DecodeException("unknown method '" + method.textValue() + "'");
        };
    }

    private MarketEvent depth(RawFrame frame, JsonNode params) throws DecodeException {
        if (params.size() != 3 || !params.get(0).isBoolean() || !params.get(1).isObject() || !params.get(2).isTextual()) {
            throw new DecodeException("depth.update params must be [clean, {asks, bids}, market]");
        }
        boolean clean = params.get(0).booleanValue();
        String market = params.get(2).textValue();
        MarketEvent ev = MarketEvent.of(clean ? EventType.BOOK_SNAPSHOT : EventType.BOOK_DELTA, feed, market,
                GateioSymbols.spot(market), frame.receiveTimeNs);
        ev.lastUpdateId = frame.receiveTimeNs; // no sequence in v3: receive order (UnsequencedSyncRules)
        JsonNode book = params.get(1);
        ev.levels(side(book, "bids", clean), side(book, "asks", clean));
        return ev;
    }

    /** One side's levels; absent: none. A whole book holds no removal. */
    private static long[][] side(JsonNode book, String field, boolean clean) throws DecodeException {
        if (!book.has(field)) {
            return new long[][] {new long[0], new long[0]};
        }
        long[][] levels = JsonFields.requireLevels(book, field);
        if (clean) {
            for (long size : levels[1]) {
                if (size == 0) {
                    throw new DecodeException("field '" + field + "' has an amount of 0 in a clean (whole) book");
                }
            }
        }
        return levels;
    }

    private List<MarketEvent> trades(RawFrame frame, JsonNode params) throws DecodeException {
        if (params.size() != 2 || !params.get(0).isTextual() || !params.get(1).isArray()) {
            throw new DecodeException("trades.update params must be [market, [trades]]");
        }
        String market = params.get(0).textValue();
        String symbol = GateioSymbols.spot(market);
        JsonNode trades = params.get(1);
        List<MarketEvent> events = new ArrayList<>(trades.size());
        for (int i = trades.size() - 1; i >= 0; i--) { // sent newest first
            String where = "params[1][" + i + "]";
            JsonNode t = JsonFields.requireObjectAt(trades, "params[1]", i);
            MarketEvent ev = MarketEvent.trade(feed, market, symbol, frame.receiveTimeNs);
            ev.tradeId = requireLong(t, "id");
            ev.exchangeTimeMs = secondsToMillis(t, "time");
            ev.price = requireDecimal(t, "price");
            ev.size = requireDecimal(t, "amount");
            ev.takerBuy = requireSide(t, "type", where, "buy", "sell");
            events.add(EventChecks.requirePositiveTrade(ev, where, "amount"));
        }
        return events;
    }

    /** A JSON number of seconds with a fraction ({@code 1598060303.5162649}), exactly, truncated to the ms. */
    private static long secondsToMillis(JsonNode parent, String field) throws DecodeException {
        JsonNode n = parent.get(field);
        if (n == null || !n.isNumber()) {
            throw new DecodeException(n == null ? "missing field '" + field + "' (expected seconds)"
                    : "field '" + field + "' must be a number of seconds, got " + n.getNodeType());
        }
        BigDecimal ms = n.decimalValue().movePointRight(3);
        if (ms.signum() <= 0 || ms.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new DecodeException("field '" + field + "' is not a time in seconds: " + n);
        }
        return ms.longValue();
    }
}
