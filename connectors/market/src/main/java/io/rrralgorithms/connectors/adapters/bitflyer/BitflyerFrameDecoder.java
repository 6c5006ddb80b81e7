package io.rrralgorithms.connectors.adapters.bitflyer;

import static io.rrralgorithms.connectors.adapters.JsonFields.requireArray;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireIsoTimeMs;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireLong;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireObject;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireText;
import static io.rrralgorithms.connectors.adapters.JsonNumbers.number;
import static io.rrralgorithms.connectors.adapters.JsonNumbers.requireNumber;

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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Decodes bitFlyer Lightning's JSON-RPC 2.0 socket, {@code {"jsonrpc":"2.0","method":"channelMessage",
 * "params":{"channel","message"}}}, prices and sizes as JSON numbers read exactly
 * ({@link JsonNumbers}):
 *
 * <ul>
 *   <li>{@code lightning_board_snapshot_<product>} {@code {"mid_price","bids":[{"price","size"}],"asks"}}
 *       → {@link EventType#BOOK_SNAPSHOT}; {@code lightning_board_<product>} (same fields, the
 *       changed levels, size 0 removing one) → {@link EventType#BOOK_DELTA}: no sequence and no time
 *       are sent, so book events get their receive time as id (the unsequenced family);
 *   <li>{@code lightning_executions_<product>} {@code [{"id","side","price","size","exec_date",...}]}
 *       → one {@link EventType#TRADE} each, {@code side} the taker's ({@code BUY}/{@code SELL}; the
 *       empty side of an itayose auction's execution is a dead letter: there is no taker);
 *   <li>{@code lightning_ticker_<product>} {@code {"product_code","timestamp","best_bid","best_ask",
 *       "best_bid_size","best_ask_size",...}} → {@link EventType#BBO}.
 * </ul>
 *
 * A subscription's result ({@code {"jsonrpc":"2.0","id":1,"result":true}}) is ignored; an
 * {@code error} reply, another method or channel, malformed JSON, wrong field types, unknown
 * products and numbers no long mantissa scale holds are {@link DecodeException}s.
 */
final class BitflyerFrameDecoder extends JsonFrameDecoder {

    BitflyerFrameDecoder(String feed) {
        super(feed, JsonNumbers::parseObject);
    }

    @Override
    protected Result decode(RawFrame frame, JsonNode root, Consumer<MarketEvent> out) throws DecodeException {
        if (root.has("error")) {
            throw new DecodeException("venue error message: " + root.get("error"));
        }
        if (root.has("result")) {
            if (!root.get("result").asBoolean(false)) {
                throw new DecodeException("venue refused request " + root.path("id") + ": " + root.get("result"));
            }
            return Result.IGNORED;
        }
        String method = requireText(root, "method");
        if (!method.equals("channelMessage")) {
            throw new DecodeException("unknown method '" + method + "'");
        }
        JsonNode params = requireObject(root, "params");
        String channel = requireText(params, "channel");
        String product = BitflyerVenue.productOf(channel);
        if (product == null) {
            throw new DecodeException("unknown channel '" + channel + "'");
        }
        String symbol = BitflyerSymbols.normalize(product);
        String kind = channel.substring(0, channel.length() - product.length());
        switch (kind) {
            case "lightning_board_snapshot_", "lightning_board_" -> {
                boolean snapshot = kind.equals("lightning_board_snapshot_");
                MarketEvent ev = MarketEvent.of(snapshot ? EventType.BOOK_SNAPSHOT : EventType.BOOK_DELTA, feed, product,
                        symbol, frame.receiveTimeNs);
                JsonNode m = requireObject(params, "message");
                ev.lastUpdateId = frame.receiveTimeNs;
                if (!snapshot) {
                    ev.firstUpdateId = frame.receiveTimeNs;
                }
                return FrameDecoder.emit(out, ev.levels(levels(m, "bids", snapshot), levels(m, "asks", snapshot)));
            }
            case "lightning_executions_" -> {
                JsonNode trades = requireArray(params, "message", "an array of executions");
                List<MarketEvent> events = new ArrayList<>();
                for (int i = 0; i < trades.size(); i++) {
                    events.add(trade(frame, product, symbol, JsonFields.requireObjectAt(trades, "message", i), i));
                }
                return FrameDecoder.emitAll(out, events);
            }
            default -> {
                JsonNode m = requireObject(params, "message");
                String code = requireText(m, "product_code");
                if (!code.equals(product)) {
                    throw new DecodeException("ticker of product '" + code + "' on the channel of " + product);
                }
                MarketEvent ev = MarketEvent.of(EventType.BBO, feed, product, symbol, frame.receiveTimeNs);
                ev.exchangeTimeMs = requireIsoTimeMs(m, "timestamp");
                ev.top(requireNumber(m, "best_bid"), requireNumber(m, "best_bid_size"), requireNumber(m, "best_ask"),
                        requireNumber(m, "best_ask_size"));
                if (ev.bidPrices[0] <= 0 || ev.askPrices[0] <= 0 || ev.bidSizes[0] < 0 || ev.askSizes[0] < 0) {
                    throw new DecodeException("ticker with a non-positive best price or a negative size");
                }
                return FrameDecoder.emit(out, ev);
            }
        }
    }

    private MarketEvent trade(RawFrame frame, String product, String symbol, JsonNode t, int i) throws DecodeException {
        String where = "message[" + i + "]";
        MarketEvent ev = MarketEvent.of(EventType.TRADE, feed, product, symbol, frame.receiveTimeNs);
        ev.tradeId = requireLong(t, "id");
        if (ev.tradeId <= 0) {
            throw new DecodeException("field '" + where + ".id' must be positive, got " + ev.tradeId);
        }
        ev.exchangeTimeMs = requireIsoTimeMs(t, "exec_date");
        String side = requireText(t, "side");
        if (side.isEmpty()) {
            throw new DecodeException("field '" + where + ".side' is empty: an itayose execution has no taker");
        }
        ev.takerBuy = JsonFields.side(side, "side", where, "BUY", "SELL");
        ev.price = requireNumber(t, "price");
        ev.size = requireNumber(t, "size");
        return EventChecks.requirePositiveTrade(ev, where, "size");
    }

    private static long[][] levels(JsonNode m, String field, boolean snapshot) throws DecodeException {
        return JsonFields.levels(requireArray(m, field, "an array of levels"), field, (level, where, prices, sizes, i) -> {
            if (!level.isObject()) {
                throw new DecodeException("field '" + where + "' must be a {price, size} object, got " + level.getNodeType());
            }
            prices[i] = number(level.get("price"), where + ".price");
            sizes[i] = number(level.get("size"), where + ".size");
            if (prices[i] <= 0 || sizes[i] < 0 || snapshot && sizes[i] == 0) {
                throw new DecodeException("field '" + where + "' has a non-positive price or "
                        + (snapshot ? "a non-positive size in a snapshot" : "a negative size"));
            }
        });
    }
}
