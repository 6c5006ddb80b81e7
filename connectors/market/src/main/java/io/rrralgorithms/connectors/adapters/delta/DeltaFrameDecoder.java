package io.rrralgorithms.connectors.adapters.delta;

import static io.rrralgorithms.connectors.adapters.JsonFields.requireArray;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireLong;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireText;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.adapters.EventChecks;
import io.rrralgorithms.connectors.adapters.JsonFields;
import io.rrralgorithms.connectors.adapters.JsonFrameDecoder;
import io.rrralgorithms.connectors.adapters.JsonNumbers;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import java.util.function.Consumer;

/**
 * Decodes Delta Exchange's public WebSocket ({@code wss://socket.delta.exchange}):
 *
 * <ul>
 *   <li>{@code {"type":"l2_orderbook","symbol","buy":[{"limit_price":"1241.00","size":1432,"depth"}],
 *       "sell":[...],"last_sequence_no","last_updated_at","timestamp"}} → a {@link EventType#BOOK_SNAPSHOT}:
 *       the whole book, with {@code last_sequence_no} as its update id, at {@code timestamp} (µs);
 *       {@code depth} (the running sum) is not read;
 *   <li>{@code {"type":"all_trades","symbol","price","size","buyer_role":"taker"|"maker","timestamp"}} →
 *       a {@link EventType#TRADE} (the buyer the taker: a taker buy); no trade id;
 *   <li>{@code all_trades_snapshot} (past trades), {@code candlestick_*} and {@code subscriptions}
 *       are ignored.
 * </ul>
 *
 * Sizes are whole contracts sent as JSON integers (decimal strings where a product trades
 * fractions), prices decimal strings. An {@code error} message, an unknown type, malformed JSON,
 * wrong field types, unknown symbols and numbers no long mantissa scale holds are
 * {@link DecodeException}s.
 */
final class DeltaFrameDecoder extends JsonFrameDecoder {

    DeltaFrameDecoder(String feed) {
        super(feed, JsonNumbers::parseObject);
    }

    @Override
    protected Result decode(RawFrame frame, JsonNode root, Consumer<MarketEvent> out) throws DecodeException {
        String type = requireText(root, "type");
        switch (type) {
            case "l2_orderbook" -> out.accept(book(frame, root));
            case "all_trades" -> out.accept(trade(frame, root));
            case "subscriptions", "all_trades_snapshot", "heartbeat" -> {
                return Result.IGNORED;
            }
            case "error" -> throw new DecodeException("venue error message: " + root.path("message").asText());
            default -> {
                if (type.startsWith("candlestick_")) {
                    return Result.IGNORED;
                }
                throw new DecodeException("unknown message type '" + type + "'");
            }
        }
        return Result.EVENTS;
    }

    private MarketEvent base(RawFrame frame, EventType type, JsonNode root) throws DecodeException {
        String symbol = requireText(root, "symbol");
        MarketEvent ev = MarketEvent.of(type, feed, symbol, DeltaSymbols.normalize(symbol), frame.receiveTimeNs);
        ev.exchangeTimeMs = JsonFields.requireEpochUsAsMs(root, "timestamp");
        return ev;
    }

    private MarketEvent book(RawFrame frame, JsonNode root) throws DecodeException {
        MarketEvent ev = base(frame, EventType.BOOK_SNAPSHOT, root);
        ev.lastUpdateId = requireLong(root, "last_sequence_no");
        if (ev.lastUpdateId <= 0) {
            throw new DecodeException("field 'last_sequence_no' must be positive, got " + ev.lastUpdateId);
        }
        JsonFields.LevelReader reader = (level, where, prices, sizes, i) -> {
            if (!level.isObject()) {
                throw new DecodeException("field '" + where + "' must be a {limit_price, size} object, got "
                        + level.getNodeType());
            }
            prices[i] = JsonFields.decimal(level.get("limit_price"), where + ".limit_price");
            sizes[i] = size(level.get("size"), where + ".size");
            if (prices[i] <= 0 || sizes[i] <= 0) {
                throw new DecodeException("field '" + where + "' has a non-positive price or size");
            }
        };
        return ev.levels(JsonFields.levels(requireArray(root, "buy", "an array of levels"), "buy", reader),
                JsonFields.levels(requireArray(root, "sell", "an array of levels"), "sell", reader));
    }

    private MarketEvent trade(RawFrame frame, JsonNode root) throws DecodeException {
        MarketEvent ev = base(frame, EventType.TRADE, root);
        ev.price = JsonFields.requireDecimal(root, "price");
        ev.size = size(root.get("size"), "size");
        ev.takerBuy = JsonFields.requireSide(root, "buyer_role", null, "taker", "maker");
        return EventChecks.requirePositiveTrade(ev, "trade with a non-positive price or size");
    }

    /** A size: a JSON integer (contracts) or a decimal string. */
    private static long size(JsonNode n, String what) throws DecodeException {
        return n != null && n.isTextual() ? JsonFields.decimal(n, what) : JsonNumbers.number(n, what);
    }
}
