package io.rrralgorithms.connectors.adapters.gemini;

import static io.rrralgorithms.connectors.adapters.FrameDecoder.emit;
import static io.rrralgorithms.connectors.adapters.JsonFields.decimal;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireArray;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireDecimal;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireLong;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireSide;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireText;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.adapters.EventChecks;
import io.rrralgorithms.connectors.adapters.JsonFields;
import io.rrralgorithms.connectors.adapters.JsonFrameDecoder;
import io.rrralgorithms.connectors.adapters.SidedLevels;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import java.util.function.Consumer;

/**
 * Decodes Gemini market data v2 ({@code wss://api.gemini.com/v2/marketdata}, subscription
 * {@code l2}) by {@code type}:
 *
 * <ul>
 *   <li>{@code l2_updates} with a {@code trades} field → {@link EventType#BOOK_SNAPSHOT}: the first
 *       message of each symbol after subscribing holds the whole book as {@code changes}, plus the
 *       symbol's last 50 trades and its {@code auction_events}. Those trades happened
 *       <em>before</em> the subscription and are not counted (as Coinbase's {@code last_match});
 *   <li>{@code l2_updates} without it → {@link EventType#BOOK_DELTA}: {@code changes} of
 *       {@code [side, price, quantity]}, {@code "buy"} a bid, {@code "sell"} an ask, quantity 0
 *       removes the level. No time and no sequence number (v2 has neither; v1's
 *       {@code socket_sequence} does not exist here);
 *   <li>{@code trade} → {@link EventType#TRADE}: {@code side} is the taker's, trade id
 *       {@code event_id}, exchange time {@code timestamp} (ms);
 *   <li>{@code heartbeat} → IGNORED;
 *   <li>{@code error} (or {@code result: "error"}) → a dead letter with the venue's reason, as is
 *       any other type (candles, auction messages: not subscribed by this feed).
 * </ul>
 */
final class GeminiFrameDecoder extends JsonFrameDecoder {
    GeminiFrameDecoder(String feed) {
        super(feed, JsonFields::parseObject);
    }

    @Override
    protected Result decode(RawFrame frame, JsonNode root, Consumer<MarketEvent> out) throws DecodeException {
        JsonNode typeNode = root.get("type");
        if (typeNode == null && root.has("result")) {
            throw new DecodeException("venue error message: " + root.path("reason").asText() + " "
                    + root.path("message").asText());
        }
        String type = requireText(root, "type");
        return switch (type) {
            case "l2_updates" -> emit(out, l2(frame, root));
            case "trade" -> emit(out, trade(frame, root));
            case "heartbeat" -> Result.IGNORED;
            case "error" -> throw new DecodeException("venue error message: " + root.path("reason").asText()
                    + " " + root.path("message").asText());
            default -> throw new DecodeException("unknown message type '" + type + "'");
        };
    }

    private MarketEvent base(RawFrame frame, EventType type, JsonNode root) throws DecodeException {
        String symbol = requireText(root, "symbol");
        if (symbol.isEmpty()) {
            throw new DecodeException("field 'symbol' is empty");
        }
        return MarketEvent.of(type, feed, symbol, GeminiSymbols.normalize(symbol), frame.receiveTimeNs);
    }

    private MarketEvent l2(RawFrame frame, JsonNode root) throws DecodeException {
        JsonNode trades = root.get("trades");
        boolean snapshot = trades != null;
        if (snapshot && !trades.isArray()) {
            throw new DecodeException("field 'trades' must be an array, got " + trades.getNodeType());
        }
        MarketEvent ev = base(frame, snapshot ? EventType.BOOK_SNAPSHOT : EventType.BOOK_DELTA, root);
        ev.lastUpdateId = frame.receiveTimeNs; // no sequence: receive order (UnsequencedSyncRules)
        JsonNode changes = requireArray(root, "changes", "an array of [side, price, quantity]");
        return SidedLevels.read(changes, "changes", (c, where, levels) -> {
            JsonFields.requireTuple(c, where, 3, "[side, price, quantity]");
            long price = decimal(c.get(1), where + ".price");
            long size = decimal(c.get(2), where + ".quantity");
            EventChecks.requireLevel(where, price, size, snapshot, "price", "quantity");
            levels.add(c.get(0), where, price, size);
        }).into(ev);
    }

    private MarketEvent trade(RawFrame frame, JsonNode root) throws DecodeException {
        MarketEvent ev = base(frame, EventType.TRADE, root);
        ev.tradeId = requireLong(root, "event_id");
        ev.exchangeTimeMs = JsonFields.requireEpochMs(root, "timestamp");
        ev.price = requireDecimal(root, "price");
        ev.size = requireDecimal(root, "quantity");
        EventChecks.requirePositiveTrade(ev, "trade with non-positive price or quantity");
        ev.takerBuy = requireSide(root, "side", null, "buy", "sell");
        return ev;
    }
}
