package io.rrralgorithms.connectors.adapters.deribit;

import static io.rrralgorithms.connectors.adapters.FrameDecoder.emitAll;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireArray;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireLong;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireObject;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireObjectAt;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireSide;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireText;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.adapters.EventChecks;
import io.rrralgorithms.connectors.adapters.JsonFields;
import io.rrralgorithms.connectors.adapters.JsonFields.LevelReader;
import io.rrralgorithms.connectors.adapters.JsonFrameDecoder;
import io.rrralgorithms.connectors.adapters.JsonNumbers;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes Deribit API v2 WebSocket frames (JSON-RPC 2.0). Notifications
 * {@code {"method":"subscription","params":{"channel":…,"data":…}}} by channel:
 *
 * <ul>
 *   <li>{@code book.<instrument>.<interval>} ({@code raw} or {@code 100ms}): {@code type}
 *       {@code snapshot} → {@link EventType#BOOK_SNAPSHOT} with {@code change_id} as its update id;
 *       {@code change} → {@link EventType#BOOK_DELTA} with {@code change_id} (first/last update
 *       id) and {@code prev_change_id}, which must equal the previous change's {@code change_id}
 *       ({@link DeribitVenue#RULES}). Levels are {@code [action, price, amount]}, action
 *       {@code new}/{@code change}/{@code delete} (a snapshot has only {@code new}); a delete is
 *       size 0;
 *   <li>{@code book.<instrument>.<group>.<depth>.<interval>} (grouped, top-N): every notification
 *       is a whole book of {@code [price, amount]} → {@link EventType#BOOK_SNAPSHOT};
 *   <li>{@code trades.<instrument>.<interval>} and {@code trades.<kind>.<currency>.<interval>}: a
 *       list of trades → one {@link EventType#TRADE} each; {@code direction} is the taker's side;
 *       {@code trade_id} is a string, digits ({@code "160744381"}) or currency-prefixed
 *       ({@code "ETH-123"}): its number is the trade id (Deribit sends no trades from before the
 *       subscription);
 *   <li>{@code ticker.<instrument>.<interval>} and {@code quote.<instrument>} → {@link EventType#BBO}
 *       from {@code best_bid_price/amount}, {@code best_ask_price/amount}; a price of 0 with amount 0
 *       (or null) is an empty side. A {@code ticker} is also a {@link EventType#DERIVATIVES}
 *       event: {@code mark_price}, {@code index_price}, {@code open_interest} and, of perpetuals,
 *       {@code funding_8h} as the funding rate (Deribit's funding is continuous: no next funding
 *       time; {@code current_funding} is not read); the option greeks and IVs are not decoded.
 *   <li>ignored: replies with a {@code result} (subscription confirmations, {@code public/test}),
 *       {@code heartbeat} notifications (including {@code test_request}, which the client answers),
 *       and the known channels the pipeline does not use (price indices, mark prices, perpetual
 *       interest, platform state, announcements, instrument state, charts).
 * </ul>
 *
 * A reply with an {@code error}, an unknown method or channel, a malformed frame or a number that
 * is not exact in 8 decimals is a {@link DecodeException}. Prices and amounts are JSON numbers
 * ({@code 0.0005}), read exactly from their text ({@link JsonNumbers}), never through a double.
 * Exchange times are the {@code timestamp} fields (ms).
 */
final class DeribitFrameDecoder extends JsonFrameDecoder {
    private static final Set<String> IGNORED_CHANNELS = Set.of(
            "deribit_price_index", "deribit_price_ranking", "deribit_price_statistics", "deribit_volatility_index",
            "estimated_expiration_price", "markprice", "perpetual", "platform_state", "announcements",
            "instrument", "chart");
    private static final Pattern TRADE_ID = Pattern.compile("(?:[A-Z]+-)?([0-9]{1,18})");
    private static final LevelReader SNAPSHOT_LEVEL = (l, where, prices, sizes, i) ->
            actionLevel(l, where, prices, sizes, i, true);
    private static final LevelReader CHANGE_LEVEL = (l, where, prices, sizes, i) ->
            actionLevel(l, where, prices, sizes, i, false);

    DeribitFrameDecoder(String feed) {
        super(feed, JsonNumbers::parseObject);
    }

    @Override
    protected Result decode(RawFrame frame, JsonNode root, Consumer<MarketEvent> out) throws DecodeException {
        if (root.has("method")) {
            String method = requireText(root, "method");
            switch (method) {
                case "subscription" -> { }
                case "heartbeat" -> {
                    return Result.IGNORED; // heartbeat or test_request (answered by the client)
                }
                default -> throw new DecodeException("unknown method '" + method + "'");
            }
            JsonNode params = requireObject(root, "params");
            String channel = requireText(params, "channel");
            JsonNode data = params.get("data");
            if (data == null || data.isNull()) {
                throw new DecodeException("missing field 'data' of channel '" + channel + "'");
            }
            String[] parts = channel.split("\\.", -1);
            List<MarketEvent> evs = new ArrayList<>();
            switch (parts[0]) {
                case "book" -> {
                    if (parts.length == 3) {
                        evs.add(book(frame, object(data)));
                    } else if (parts.length == 5) {
                        evs.add(groupedBook(frame, object(data)));
                    } else {
                        throw new DecodeException("unknown book channel '" + channel + "'");
                    }
                }
                case "trades" -> trades(frame, data, evs);
                case "quote" -> evs.add(bbo(frame, object(data)));
                case "ticker" -> {
                    JsonNode t = object(data);
                    evs.add(bbo(frame, t));
                    MarketEvent d = derivatives(frame, t);
                    if (d != null) {
                        evs.add(d);
                    }
                }
                default -> {
                    if (IGNORED_CHANNELS.contains(parts[0])) {
                        return Result.IGNORED;
                    }
                    throw new DecodeException("unknown channel '" + channel + "'");
                }
            }
            return emitAll(out, evs);
        }
        if (root.has("error")) {
            JsonNode err = root.get("error");
            throw new DecodeException("venue error message: " + err.path("message").asText(err.toString())
                    + (err.has("code") ? " (code " + err.get("code").asText() + ")" : ""));
        }
        if (root.has("result")) {
            return Result.IGNORED; // reply to a request (subscribe, set_heartbeat, test)
        }
        throw new DecodeException("unknown message: no 'method', 'result' or 'error'");
    }

    private static JsonNode object(JsonNode data) throws DecodeException {
        if (!data.isObject()) {
            throw new DecodeException("field 'data' must be an object, got " + data.getNodeType());
        }
        return data;
    }

    private MarketEvent event(RawFrame frame, EventType type, JsonNode data) throws DecodeException {
        String name = requireText(data, "instrument_name");
        MarketEvent ev = MarketEvent.of(type, feed, name, DeribitSymbols.normalize(name), frame.receiveTimeNs);
        ev.exchangeTimeMs = JsonFields.requireEpochMs(data, "timestamp");
        return ev;
    }

    // ------------------------------------------------------------------ book

    private MarketEvent book(RawFrame frame, JsonNode data) throws DecodeException {
        String type = requireText(data, "type");
        MarketEvent ev;
        switch (type) {
            case "snapshot" -> {
                ev = event(frame, EventType.BOOK_SNAPSHOT, data);
                ev.lastUpdateId = requireLong(data, "change_id");
            }
            case "change" -> {
                ev = event(frame, EventType.BOOK_DELTA, data);
                ev.firstUpdateId = ev.lastUpdateId = requireLong(data, "change_id");
                ev.prevUpdateId = requireLong(data, "prev_change_id");
            }
            default -> throw new DecodeException("unknown book type '" + type + "'");
        }
        LevelReader levels = ev.type == EventType.BOOK_SNAPSHOT ? SNAPSHOT_LEVEL : CHANGE_LEVEL;
        return ev.levels(actionLevels(data, "bids", levels), actionLevels(data, "asks", levels));
    }

    private static long[][] actionLevels(JsonNode data, String field, LevelReader level) throws DecodeException {
        return JsonFields.levels(requireArray(data, field, "an array of [action, price, amount] levels"), field, level);
    }

    /** {@code ["new"|"change"|"delete", price, amount]}; a snapshot's levels are all "new". */
    private static void actionLevel(JsonNode l, String where, long[] prices, long[] sizes, int i, boolean snapshot)
            throws DecodeException {
        if (!l.isArray() || l.size() != 3 || !l.get(0).isTextual()) {
            throw new DecodeException("field '" + where + "' must be an [action, price, amount] array");
        }
        String action = l.get(0).textValue();
        prices[i] = JsonNumbers.number(l.get(1), where + ".price");
        long amount = JsonNumbers.number(l.get(2), where + ".amount");
        switch (action) {
            case "new", "change" -> sizes[i] = amount;
            case "delete" -> sizes[i] = 0L;
            default -> throw new DecodeException("field '" + where + ".action' must be new, change or delete, got '"
                    + action + "'");
        }
        if (snapshot && !action.equals("new")) {
            throw new DecodeException("field '" + where + "': a snapshot level must be 'new', got '" + action + "'");
        }
        if (prices[i] <= 0 || amount < 0 || (!action.equals("delete") && amount == 0)) {
            throw new DecodeException("field '" + where + "' has a non-positive price or amount");
        }
    }

    private MarketEvent groupedBook(RawFrame frame, JsonNode data) throws DecodeException {
        MarketEvent ev = event(frame, EventType.BOOK_SNAPSHOT, data);
        ev.lastUpdateId = requireLong(data, "change_id");
        return ev.levels(plainLevels(data, "bids"), plainLevels(data, "asks"));
    }

    private static long[][] plainLevels(JsonNode data, String field) throws DecodeException {
        return JsonFields.levels(requireArray(data, field, "an array of [price, amount] levels"), field,
                DeribitFrameDecoder::plainLevel);
    }

    /** {@code [price, amount]} of a grouped book, which holds no empty level. */
    private static void plainLevel(JsonNode l, String where, long[] prices, long[] sizes, int i)
            throws DecodeException {
        if (!l.isArray() || l.size() != 2) {
            throw new DecodeException("field '" + where + "' must be a [price, amount] array");
        }
        prices[i] = JsonNumbers.number(l.get(0), where + ".price");
        sizes[i] = JsonNumbers.number(l.get(1), where + ".amount");
        if (prices[i] <= 0 || sizes[i] <= 0) {
            throw new DecodeException("field '" + where + "' has a non-positive price or amount");
        }
    }

    // ------------------------------------------------------------------ trades, ticker

    private void trades(RawFrame frame, JsonNode data, List<MarketEvent> out) throws DecodeException {
        if (!data.isArray()) {
            throw new DecodeException("field 'data' of a trades channel must be an array, got " + data.getNodeType());
        }
        for (int i = 0; i < data.size(); i++) {
            JsonNode r = requireObjectAt(data, "data", i);
            MarketEvent t = event(frame, EventType.TRADE, r);
            t.tradeId = tradeId(r);
            t.price = JsonNumbers.requireNumber(r, "price");
            t.size = JsonNumbers.requireNumber(r, "amount");
            t.takerBuy = requireSide(r, "direction", null, "buy", "sell");
            out.add(EventChecks.requirePositiveTrade(t, "trade with non-positive price or amount"));
        }
    }

    static long tradeId(JsonNode r) throws DecodeException {
        JsonNode n = r.get("trade_id");
        if (n != null && n.isIntegralNumber() && n.canConvertToLong()) {
            return n.longValue();
        }
        if (n == null || !n.isTextual()) {
            throw new DecodeException(n == null ? "missing field 'trade_id' (expected a string)"
                    : "field 'trade_id' must be a string, got " + n.getNodeType());
        }
        Matcher m = TRADE_ID.matcher(n.textValue());
        if (!m.matches()) {
            throw new DecodeException("field 'trade_id' is not a trade number: '" + n.textValue() + "'");
        }
        return Long.parseLong(m.group(1));
    }

    /** A ticker's mark and index price, open interest and 8 h funding rate; null when it carries none. */
    private MarketEvent derivatives(RawFrame frame, JsonNode data) throws DecodeException {
        MarketEvent ev = event(frame, EventType.DERIVATIVES, data);
        if (data.hasNonNull("mark_price")) {
            ev.derivative(MarketEvent.MARK_PRICE, JsonNumbers.requireNumber(data, "mark_price"));
        }
        if (data.hasNonNull("index_price")) {
            ev.derivative(MarketEvent.INDEX_PRICE, JsonNumbers.requireNumber(data, "index_price"));
        }
        if (data.hasNonNull("funding_8h")) {
            ev.derivative(MarketEvent.FUNDING_RATE, JsonNumbers.requireNumber(data, "funding_8h"));
        }
        if (data.hasNonNull("open_interest")) {
            ev.derivative(MarketEvent.OPEN_INTEREST, JsonNumbers.requireNumber(data, "open_interest"));
        }
        if (ev.markPrice < 0 || ev.indexPrice < 0 || ev.openInterest < 0) {
            throw new DecodeException("field 'mark_price', 'index_price' or 'open_interest' is negative");
        }
        return ev.derivativeFields == 0 ? null : ev;
    }

    private MarketEvent bbo(RawFrame frame, JsonNode data) throws DecodeException {
        return event(frame, EventType.BBO, data).levels(side(data, "best_bid_price", "best_bid_amount"),
                side(data, "best_ask_price", "best_ask_amount"));
    }

    private static long[][] side(JsonNode data, String priceField, String amountField) throws DecodeException {
        long price = data.hasNonNull(priceField) ? JsonNumbers.requireNumber(data, priceField) : 0L;
        long amount = data.hasNonNull(amountField) ? JsonNumbers.requireNumber(data, amountField) : 0L;
        if (price == 0 && amount == 0) {
            return new long[][] {MarketEvent.NO_LEVELS, MarketEvent.NO_LEVELS}; // nothing on this side
        }
        if (price <= 0 || amount < 0) {
            throw new DecodeException("field '" + priceField + "' or '" + amountField + "' is out of range");
        }
        return new long[][] {{price}, {amount}};
    }
}
