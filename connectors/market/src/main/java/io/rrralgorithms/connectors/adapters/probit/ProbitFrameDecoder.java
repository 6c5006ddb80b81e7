package io.rrralgorithms.connectors.adapters.probit;

import static io.rrralgorithms.connectors.adapters.JsonFields.requireArray;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireDecimal;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireIsoTimeMs;
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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Decodes ProBit's {@code marketdata} channel ({@code {"channel":"marketdata","market_id","status":"ok",
 * "lag","reset"?,"order_books":[{"side":"buy"|"sell","price","quantity"}],"recent_trades":[{"id":"XEM-USDT:58413",
 * "price","quantity","time","side","tick_direction"}]}}):
 *
 * <ul>
 *   <li>a message with {@code "reset":true} (the first after subscribing) → a
 *       {@link EventType#BOOK_SNAPSHOT} of its {@code order_books}; its {@code recent_trades} are
 *       past trades, not read;
 *   <li>any other → a {@link EventType#BOOK_DELTA} of its {@code order_books} where it has any
 *       (quantity {@code "0"} removes the level), then one {@link EventType#TRADE} per
 *       {@code recent_trades} entry at its {@code time} ({@code side} the taker's, the number after
 *       the id's colon its trade id).
 * </ul>
 *
 * Book events carry no exchange time and take the receive time as update id ({@link ProbitVenue#RULES}).
 * A message of another channel, a status other than {@code ok}, an {@code errorCode} reply,
 * malformed JSON, wrong field types, unknown symbols and numbers no long mantissa scale holds are
 * {@link DecodeException}s; subscription replies carry no channel data and are ignored.
 */
final class ProbitFrameDecoder extends JsonFrameDecoder {

    ProbitFrameDecoder(String feed) {
        super(feed, JsonFields::parseObject);
    }

    @Override
    protected Result decode(RawFrame frame, JsonNode root, Consumer<MarketEvent> out) throws DecodeException {
        if (root.has("errorCode")) {
            throw new DecodeException("venue error message: " + root.get("errorCode").asText() + " "
                    + root.path("message").asText());
        }
        String channel = requireText(root, "channel");
        if (!channel.equals("marketdata")) {
            throw new DecodeException("unknown channel '" + channel + "'");
        }
        String status = requireText(root, "status");
        if (!status.equals("ok")) {
            throw new DecodeException("marketdata status '" + status + "'");
        }
        String market = requireText(root, "market_id");
        String symbol = ProbitSymbols.BOTH_WAYS.decode(market);
        boolean reset = root.path("reset").asBoolean(false);
        List<MarketEvent> events = new ArrayList<>();
        JsonNode levels = root.get("order_books");
        if (levels != null && (reset || !levels.isEmpty())) {
            events.add(book(frame, market, symbol, requireArray(root, "order_books", "an array of levels"), reset));
        }
        JsonNode trades = root.get("recent_trades");
        if (trades != null && !reset) {
            requireArray(root, "recent_trades", "an array of trades");
            for (int i = 0; i < trades.size(); i++) {
                events.add(trade(frame, market, symbol, JsonFields.requireObjectAt(trades, "recent_trades", i),
                        "recent_trades[" + i + "]"));
            }
        }
        // decoded whole before anything is emitted: a bad frame emits nothing
        events.forEach(out);
        return events.isEmpty() ? Result.IGNORED : Result.EVENTS;
    }

    private MarketEvent book(RawFrame frame, String market, String symbol, JsonNode levels, boolean reset)
            throws DecodeException {
        MarketEvent ev = MarketEvent.of(reset ? EventType.BOOK_SNAPSHOT : EventType.BOOK_DELTA, feed, market, symbol,
                frame.receiveTimeNs);
        ev.lastUpdateId = frame.receiveTimeNs; // no sequence: receive order (UnsequencedSyncRules)
        List<long[]> bids = new ArrayList<>();
        List<long[]> asks = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            String where = "order_books[" + i + "]";
            JsonNode l = JsonFields.requireObjectAt(levels, "order_books", i);
            boolean bid = requireSide(l, "side", where, "buy", "sell");
            long price = requireDecimal(l, "price");
            long quantity = requireDecimal(l, "quantity");
            if (price <= 0 || quantity < 0 || reset && quantity == 0) {
                throw new DecodeException("field '" + where + "' has a non-positive price or "
                        + (reset ? "a non-positive quantity in a reset" : "a negative quantity"));
            }
            (bid ? bids : asks).add(new long[] {price, quantity});
        }
        return ev.levels(SidedLevels.ofPairs(bids), SidedLevels.ofPairs(asks));
    }

    private MarketEvent trade(RawFrame frame, String market, String symbol, JsonNode t, String where)
            throws DecodeException {
        MarketEvent ev = MarketEvent.trade(feed, market, symbol, frame.receiveTimeNs);
        ev.exchangeTimeMs = requireIsoTimeMs(t, "time");
        ev.price = requireDecimal(t, "price");
        ev.size = requireDecimal(t, "quantity");
        ev.takerBuy = requireSide(t, "side", where, "buy", "sell");
        String id = requireText(t, "id");
        int colon = id.lastIndexOf(':');
        try {
            ev.tradeId = Long.parseLong(id.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new DecodeException("field '" + where + ".id' is not MARKET:NUMBER: '" + id + "'");
        }
        return EventChecks.requirePositiveTrade(ev, "trade with a non-positive price or quantity");
    }
}
