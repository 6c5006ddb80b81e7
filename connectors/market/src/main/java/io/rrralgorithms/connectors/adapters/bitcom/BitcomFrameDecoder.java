package io.rrralgorithms.connectors.adapters.bitcom;

import static io.rrralgorithms.connectors.adapters.JsonFields.decimal;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireArray;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireDecimal;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireEpochMs;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireLong;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireObject;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireText;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.adapters.EventChecks;
import io.rrralgorithms.connectors.adapters.FrameDecoder;
import io.rrralgorithms.connectors.adapters.JsonFields;
import io.rrralgorithms.connectors.adapters.JsonFrameDecoder;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Decodes bit.com's public WebSocket, spot ({@code "module":"spot"}, instruments named by
 * {@code pair}) and linear perpetuals ({@code "module":"linear"}, by {@code instrument_id}), one
 * message shape {@code {"channel","timestamp","data","module"}}, decimals as strings:
 *
 * <ul>
 *   <li>{@code depth} {@code snapshot} {@code {"type":"snapshot","sequence","bids":[["price","qty"]],"asks"}}
 *       → {@link EventType#BOOK_SNAPSHOT} (an empty book too); {@code update}
 *       {@code {"type":"update","sequence","prev_sequence","changes":[["buy"|"sell","price","qty"]]}}
 *       → {@link EventType#BOOK_DELTA}, {@code prev_sequence} the id it follows, qty 0 removing the
 *       level; the message's {@code timestamp} is the exchange time;
 *   <li>{@code trade} {@code [{"created_at","trade_id","price","qty","side"}]} → one
 *       {@link EventType#TRADE} each, {@code side} the taker's;
 *   <li>{@code ticker} {@code {"time","best_bid","best_ask","best_bid_qty","best_ask_qty",...}} →
 *       {@link EventType#BBO}; a ticker of a book without a bid or an ask (empty strings, as for a
 *       pair no one quotes) has no top and gives none; a perpetual's ticker also gives a
 *       {@link EventType#DERIVATIVES} event ({@code mark_price}, {@code index_price},
 *       {@code funding_rate}, {@code open_interest}; no next funding time is sent);
 *   <li>{@code subscription} replies with {@code code} 0 are ignored.
 * </ul>
 *
 * A subscription reply with another code, an unknown channel or depth type, malformed JSON, wrong
 * field types, unknown symbols and numbers no long mantissa scale holds are {@link DecodeException}s.
 */
final class BitcomFrameDecoder extends JsonFrameDecoder {

    BitcomFrameDecoder(String feed) {
        super(feed, JsonFields::parseObject);
    }

    @Override
    protected Result decode(RawFrame frame, JsonNode root, Consumer<MarketEvent> out) throws DecodeException {
        String channel = requireText(root, "channel");
        switch (channel) {
            case "subscription" -> {
                long code = requireLong(requireObject(root, "data"), "code");
                if (code != 0) {
                    throw new DecodeException("venue refused a subscription (code " + code + "): " + root.get("data"));
                }
                return Result.IGNORED;
            }
            case "depth" -> {
                return FrameDecoder.emit(out, book(frame, root, requireObject(root, "data")));
            }
            case "trade" -> {
                JsonNode data = requireArray(root, "data", "an array of trades");
                List<MarketEvent> events = new ArrayList<>();
                for (int i = 0; i < data.size(); i++) {
                    events.add(trade(frame, JsonFields.requireObjectAt(data, "data", i), "data[" + i + "]"));
                }
                return FrameDecoder.emitAll(out, events);
            }
            case "ticker" -> {
                return FrameDecoder.emitAll(out, ticker(frame, requireObject(root, "data")));
            }
            default -> throw new DecodeException("unknown channel '" + channel + "'");
        }
    }

    private MarketEvent base(RawFrame frame, EventType type, JsonNode d) throws DecodeException {
        String symbol = d.has("pair") ? requireText(d, "pair") : requireText(d, "instrument_id");
        return MarketEvent.of(type, feed, symbol, BitcomSymbols.normalize(symbol), frame.receiveTimeNs);
    }

    private MarketEvent book(RawFrame frame, JsonNode root, JsonNode d) throws DecodeException {
        String type = requireText(d, "type");
        boolean snapshot = switch (type) {
            case "snapshot" -> true;
            case "update" -> false;
            default -> throw new DecodeException("unknown depth type '" + type + "'");
        };
        MarketEvent ev = base(frame, snapshot ? EventType.BOOK_SNAPSHOT : EventType.BOOK_DELTA, d);
        ev.exchangeTimeMs = requireEpochMs(root, "timestamp");
        ev.lastUpdateId = requireLong(d, "sequence");
        if (snapshot) {
            long[][] bids = JsonFields.requireLevels(d, "bids");
            long[][] asks = JsonFields.requireLevels(d, "asks");
            for (long[] sizes : List.of(bids[1], asks[1])) {
                for (long s : sizes) {
                    if (s == 0) {
                        throw new DecodeException("a snapshot level with qty 0");
                    }
                }
            }
            return ev.levels(bids, asks);
        }
        ev.prevUpdateId = requireLong(d, "prev_sequence");
        ev.firstUpdateId = ev.lastUpdateId;
        if (ev.prevUpdateId < 0 || ev.prevUpdateId >= ev.lastUpdateId) {
            throw new DecodeException("sequences out of order: prev_sequence " + ev.prevUpdateId + ", sequence "
                    + ev.lastUpdateId);
        }
        JsonNode changes = requireArray(d, "changes", "an array of [side, price, qty] changes");
        int bids = 0;
        for (JsonNode c : changes) {
            bids += c.path(0).asText().equals("buy") ? 1 : 0;
        }
        long[][] b = {new long[bids], new long[bids]};
        long[][] a = {new long[changes.size() - bids], new long[changes.size() - bids]};
        int bi = 0;
        int ai = 0;
        for (int i = 0; i < changes.size(); i++) {
            String where = "changes[" + i + "]";
            JsonNode c = changes.get(i);
            if (!c.isArray() || c.size() != 3) {
                throw new DecodeException("field '" + where + "' must be a [side, price, qty] array");
            }
            boolean bid = JsonFields.side(c.get(0).asText(), "side", where, "buy", "sell");
            long price = decimal(c.get(1), where + ".price");
            long qty = decimal(c.get(2), where + ".qty");
            if (price <= 0 || qty < 0) {
                throw new DecodeException("field '" + where + "' has a non-positive price or a negative qty");
            }
            long[][] side = bid ? b : a;
            int k = bid ? bi++ : ai++;
            side[0][k] = price;
            side[1][k] = qty;
        }
        return ev.levels(b, a);
    }

    private MarketEvent trade(RawFrame frame, JsonNode t, String where) throws DecodeException {
        MarketEvent ev = base(frame, EventType.TRADE, t);
        ev.exchangeTimeMs = requireEpochMs(t, "created_at");
        String id = requireText(t, "trade_id");
        try {
            ev.tradeId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new DecodeException("field '" + where + ".trade_id' is not an integer: '" + id + "'");
        }
        ev.price = requireDecimal(t, "price");
        ev.size = requireDecimal(t, "qty");
        ev.takerBuy = JsonFields.requireSide(t, "side", where, "buy", "sell");
        return EventChecks.requirePositiveTrade(ev, where, "qty");
    }

    private List<MarketEvent> ticker(RawFrame frame, JsonNode d) throws DecodeException {
        List<MarketEvent> events = new ArrayList<>();
        long time = requireEpochMs(d, "time");
        if (!blank(d, "best_bid") && !blank(d, "best_ask")) {
            MarketEvent bbo = base(frame, EventType.BBO, d);
            bbo.exchangeTimeMs = time;
            bbo.top(requireDecimal(d, "best_bid"), requireDecimal(d, "best_bid_qty"), requireDecimal(d, "best_ask"),
                    requireDecimal(d, "best_ask_qty"));
            if (bbo.bidPrices[0] <= 0 || bbo.askPrices[0] <= 0) {
                throw new DecodeException("ticker with a non-positive best_bid or best_ask");
            }
            events.add(bbo);
        }
        if (d.has("instrument_id")) {
            MarketEvent ev = base(frame, EventType.DERIVATIVES, d);
            ev.exchangeTimeMs = time;
            if (!blank(d, "mark_price")) {
                ev.derivative(MarketEvent.MARK_PRICE, requireDecimal(d, "mark_price"));
            }
            if (!blank(d, "index_price")) {
                ev.derivative(MarketEvent.INDEX_PRICE, requireDecimal(d, "index_price"));
            }
            if (!blank(d, "funding_rate")) {
                ev.derivative(MarketEvent.FUNDING_RATE, requireDecimal(d, "funding_rate"));
            }
            if (!blank(d, "open_interest")) {
                ev.derivative(MarketEvent.OPEN_INTEREST, requireDecimal(d, "open_interest"));
            }
            if (ev.derivativeFields != 0) {
                events.add(ev);
            }
        }
        return events;
    }

    /** A field sent as {@code ""}: no value (bit.com's way to say a book has no bid). */
    private static boolean blank(JsonNode d, String field) {
        JsonNode n = d.get(field);
        return n != null && n.isTextual() && n.textValue().isEmpty();
    }
}
