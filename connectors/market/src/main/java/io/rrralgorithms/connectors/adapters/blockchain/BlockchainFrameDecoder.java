package io.rrralgorithms.connectors.adapters.blockchain;

import static io.rrralgorithms.connectors.adapters.JsonFields.requireArray;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireIsoTimeMs;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireLong;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireSide;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireText;
import static io.rrralgorithms.connectors.adapters.JsonNumbers.requireNumber;

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
 * Decodes Blockchain.com Exchange's Mercury WebSocket:
 *
 * <ul>
 *   <li>{@code {"seqnum","event":"snapshot"|"updated","channel":"l2","symbol","bids":[{"num","px","qty"}],
 *       "asks":[...],"timestamp"}} → a {@link EventType#BOOK_SNAPSHOT} / {@link EventType#BOOK_DELTA}
 *       with {@code seqnum} as its update id (an update's first and last), at {@code timestamp};
 *       {@code qty} 0 removes the level ({@code num}, the order count, is not read);
 *   <li>{@code {"seqnum","event":"updated","channel":"trades","symbol","timestamp","side","qty","price",
 *       "trade_id"}} → a {@link EventType#TRADE} ({@code side} the taker's; {@code trade_id} a decimal
 *       string);
 *   <li>{@code subscribed}, {@code unsubscribed} and the {@code heartbeat} channel are ignored.
 * </ul>
 *
 * Numbers are JSON numbers ({@code 2.452E-5} too), read exactly. A {@code rejected} event, an
 * unknown event or channel, malformed JSON, wrong field types, unknown symbols and numbers no long
 * mantissa scale holds are {@link DecodeException}s.
 */
final class BlockchainFrameDecoder extends JsonFrameDecoder {

    BlockchainFrameDecoder(String feed) {
        super(feed, JsonNumbers::parseObject);
    }

    @Override
    protected Result decode(RawFrame frame, JsonNode root, Consumer<MarketEvent> out) throws DecodeException {
        String event = requireText(root, "event");
        String channel = requireText(root, "channel");
        switch (event) {
            case "subscribed", "unsubscribed" -> {
                return Result.IGNORED;
            }
            case "rejected" -> throw new DecodeException("venue rejected: " + root.path("text").asText());
            case "snapshot", "updated" -> { }
            default -> throw new DecodeException("unknown event '" + event + "'");
        }
        switch (channel) {
            case "l2" -> out.accept(book(frame, root, event.equals("snapshot")));
            case "trades" -> out.accept(trade(frame, root));
            case "heartbeat" -> {
                return Result.IGNORED;
            }
            default -> throw new DecodeException("unknown channel '" + channel + "'");
        }
        return Result.EVENTS;
    }

    private MarketEvent base(RawFrame frame, EventType type, JsonNode root) throws DecodeException {
        String symbol = requireText(root, "symbol");
        MarketEvent ev = MarketEvent.of(type, feed, symbol, BlockchainSymbols.BOTH_WAYS.decode(symbol), frame.receiveTimeNs);
        ev.exchangeTimeMs = requireIsoTimeMs(root, "timestamp");
        return ev;
    }

    private MarketEvent book(RawFrame frame, JsonNode root, boolean snapshot) throws DecodeException {
        MarketEvent ev = base(frame, snapshot ? EventType.BOOK_SNAPSHOT : EventType.BOOK_DELTA, root);
        long seq = requireLong(root, "seqnum");
        if (seq < 0) {
            throw new DecodeException("field 'seqnum' must not be negative, got " + seq);
        }
        ev.lastUpdateId = seq;
        if (!snapshot) {
            ev.firstUpdateId = seq;
        }
        JsonFields.LevelReader reader = (level, where, prices, sizes, i) -> {
            if (!level.isObject()) {
                throw new DecodeException("field '" + where + "' must be a {num, px, qty} object, got " + level.getNodeType());
            }
            prices[i] = JsonNumbers.number(level.get("px"), where + ".px");
            sizes[i] = JsonNumbers.number(level.get("qty"), where + ".qty");
            EventChecks.requireLevel(where, prices[i], sizes[i], snapshot, "price", "quantity");
        };
        return ev.levels(JsonFields.levels(requireArray(root, "bids", "an array of levels"), "bids", reader),
                JsonFields.levels(requireArray(root, "asks", "an array of levels"), "asks", reader));
    }

    private MarketEvent trade(RawFrame frame, JsonNode root) throws DecodeException {
        MarketEvent ev = base(frame, EventType.TRADE, root);
        ev.price = requireNumber(root, "price");
        ev.size = requireNumber(root, "qty");
        ev.takerBuy = requireSide(root, "side", null, "buy", "sell");
        String id = requireText(root, "trade_id");
        try {
            ev.tradeId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new DecodeException("field 'trade_id' is not an integer: '" + id + "'");
        }
        return EventChecks.requirePositiveTrade(ev, "trade with a non-positive price or quantity");
    }
}
