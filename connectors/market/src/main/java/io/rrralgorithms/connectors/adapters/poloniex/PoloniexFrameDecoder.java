package io.rrralgorithms.connectors.adapters.poloniex;

import static io.rrralgorithms.connectors.adapters.JsonFields.decimal;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireArray;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireDecimal;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireEpochMs;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireLong;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireSide;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireText;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.adapters.EventChecks;
import io.rrralgorithms.connectors.adapters.JsonFields;
import io.rrralgorithms.connectors.adapters.JsonFrameDecoder;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Decodes Poloniex's public WebSocket, API v3 ({@code wss://ws.poloniex.com/ws/public}):
 *
 * <ul>
 *   <li>{@code book_lv2}: {@code {"channel":"book_lv2","action":"snapshot"|"update","data":[{"symbol",
 *       "createTime","asks":[["price","qty"]],"bids":[...],"lastId","id","ts"}]}} → one
 *       {@link EventType#BOOK_SNAPSHOT} / {@link EventType#BOOK_DELTA} per {@code data} element; a
 *       quantity {@code "0"} removes the level; the snapshot's update id is its {@code id}, an
 *       update's {@code id} is its first and last update id and its {@code lastId} the id it
 *       follows ({@link MarketEvent#prevUpdateId}); the exchange time is an update's
 *       {@code createTime}, a snapshot's {@code ts};
 *   <li>{@code trades}: {@code {"channel":"trades","data":[{"symbol","amount","quantity","takerSide",
 *       "createTime","price","id","ts"}]}} → one {@link EventType#TRADE} each ({@code id} the
 *       trade id, a decimal string; {@code amount}, the quote value, is not read);
 *   <li>{@code subscribe}/{@code unsubscribe} acknowledgements and the heartbeat's
 *       {@code {"event":"pong"}} are ignored.
 * </ul>
 *
 * An {@code {"event":"error"}} reply, an unknown event, channel or action, malformed JSON, wrong
 * field types, unknown symbols and numbers no long mantissa scale holds are {@link DecodeException}s
 * (MDT_BTC ticks at 1e-9: its book decodes at scale 9, {@code ScaleFittingDecoder}).
 */
final class PoloniexFrameDecoder extends JsonFrameDecoder {
    private static final Set<String> IGNORED_EVENTS = Set.of("subscribe", "unsubscribe", "unsubscribe_all",
            "list_subscriptions", "pong");

    PoloniexFrameDecoder(String feed) {
        super(feed, JsonFields::parseObject);
    }

    @Override
    protected Result decode(RawFrame frame, JsonNode root, Consumer<MarketEvent> out) throws DecodeException {
        if (root.has("event")) {
            String event = requireText(root, "event");
            if (event.equals("error")) {
                throw new DecodeException("venue error message: " + root.path("message").asText());
            }
            if (IGNORED_EVENTS.contains(event)) {
                return Result.IGNORED;
            }
            throw new DecodeException("unknown event '" + event + "'");
        }
        String channel = requireText(root, "channel");
        JsonNode data = requireArray(root, "data", "an array of " + channel + " messages");
        List<MarketEvent> events = new ArrayList<>();
        switch (channel) {
            case "book_lv2" -> {
                String action = requireText(root, "action");
                boolean snapshot = switch (action) {
                    case "snapshot" -> true;
                    case "update" -> false;
                    default -> throw new DecodeException("unknown action '" + action + "'");
                };
                for (int i = 0; i < data.size(); i++) {
                    events.add(book(frame, JsonFields.requireObjectAt(data, "data", i), snapshot));
                }
            }
            case "trades" -> {
                for (int i = 0; i < data.size(); i++) {
                    events.add(trade(frame, JsonFields.requireObjectAt(data, "data", i), "data[" + i + "]"));
                }
            }
            default -> throw new DecodeException("unknown channel '" + channel + "'");
        }
        // decoded whole before anything is emitted: a bad frame emits nothing
        events.forEach(out);
        return events.isEmpty() ? Result.IGNORED : Result.EVENTS;
    }

    /**
     * The event with its exchange time: a trade's or an update's {@code createTime} (when it
     * happened); a snapshot's {@code ts} (when it was sent: its {@code createTime} is the book's last
     * change, hours old for a quiet pair).
     */
    private MarketEvent base(RawFrame frame, EventType type, JsonNode d) throws DecodeException {
        String symbol = requireText(d, "symbol");
        MarketEvent ev = MarketEvent.of(type, feed, symbol, PoloniexSymbols.BOTH_WAYS.decode(symbol), frame.receiveTimeNs);
        ev.exchangeTimeMs = requireEpochMs(d, type == EventType.BOOK_SNAPSHOT ? "ts" : "createTime");
        return ev;
    }

    private MarketEvent book(RawFrame frame, JsonNode d, boolean snapshot) throws DecodeException {
        MarketEvent ev = base(frame, snapshot ? EventType.BOOK_SNAPSHOT : EventType.BOOK_DELTA, d);
        long id = requireLong(d, "id");
        if (id <= 0) {
            throw new DecodeException("field 'id' must be positive, got " + id);
        }
        ev.lastUpdateId = id;
        if (!snapshot) { // a snapshot's lastId is not needed: the first update names the snapshot's id
            long lastId = requireLong(d, "lastId");
            if (lastId < 0 || lastId >= id) {
                throw new DecodeException("ids out of order: lastId " + lastId + ", id " + id);
            }
            ev.firstUpdateId = id;
            ev.prevUpdateId = lastId;
        }
        JsonFields.LevelReader reader = (level, where, prices, sizes, i) -> {
            JsonFields.requireTuple(level, where, 2, "[price, quantity]");
            prices[i] = decimal(level.get(0), where + ".price");
            sizes[i] = decimal(level.get(1), where + ".quantity");
            EventChecks.requireLevel(where, prices[i], sizes[i], snapshot, "price", "quantity");
        };
        return ev.levels(JsonFields.levels(requireArray(d, "bids", "an array of levels"), "bids", reader),
                JsonFields.levels(requireArray(d, "asks", "an array of levels"), "asks", reader));
    }

    private MarketEvent trade(RawFrame frame, JsonNode t, String where) throws DecodeException {
        MarketEvent ev = base(frame, EventType.TRADE, t);
        String id = requireText(t, "id");
        try {
            ev.tradeId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new DecodeException("field '" + where + ".id' is not an integer: '" + id + "'");
        }
        if (ev.tradeId <= 0) {
            throw new DecodeException("field '" + where + ".id' must be positive, got " + id);
        }
        ev.price = requireDecimal(t, "price");
        ev.size = requireDecimal(t, "quantity");
        ev.takerBuy = requireSide(t, "takerSide", where, "buy", "sell");
        return EventChecks.requirePositiveTrade(ev, "trade with a non-positive price or quantity");
    }
}
