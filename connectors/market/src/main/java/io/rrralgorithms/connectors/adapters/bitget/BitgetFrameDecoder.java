package io.rrralgorithms.connectors.adapters.bitget;

import static io.rrralgorithms.connectors.adapters.JsonFields.decimal;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireArray;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireEpochMs;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireObject;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireText;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.adapters.EventChecks;
import io.rrralgorithms.connectors.adapters.JsonFields;
import io.rrralgorithms.connectors.adapters.JsonFrameDecoder;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Decodes Bitget's public WebSocket API v1 (spot {@code wss://ws.bitget.com/spot/v1/stream}, mix
 * {@code wss://ws.bitget.com/mix/v1/stream}): {@code {"action":"snapshot"|"update","arg":{"instType":
 * "sp"|"mc","channel":C,"instId":I},"data":[...]}}, the instrument named by {@code instType} and
 * {@code instId} together ({@link BitgetSymbols#ofArg}: {@code EOSUSDT_SPBL}, {@code DASHUSDT_UMCBL}):
 *
 * <ul>
 *   <li>{@code books}: {@code snapshot} → {@link EventType#BOOK_SNAPSHOT}, {@code update} →
 *       {@link EventType#BOOK_DELTA}; each {@code data} element {@code {"asks","bids","checksum","ts"}}
 *       with levels {@code [price, size]} strings (size {@code "0"} removes), {@code ts} (ms string)
 *       the exchange time, {@code checksum} the signed CRC32 of the top 25 after the frame
 *       ({@link BitgetChecksum}). Bitget writes fixed decimals per instrument: the frame's price
 *       digits and non-zero size digits go to {@code priceDecimals}/{@code sizeDecimals} for the
 *       checksum. No sequence: the update id is the frame's receive time (ns), see
 *       {@link BitgetVenue#RULES};
 *   <li>{@code trade}: {@code update} → one {@link EventType#TRADE} per {@code [ts, price, size,
 *       side]} ({@code side} the taker's). Bitget v1 sends <em>no trade id</em>: the trades carry
 *       none ({@link MarketEvent#NONE}), so the job's id dedup passes them unchecked; the
 *       {@code snapshot} pushed on subscribing (the 50 trades before it) is ignored, not counted, so a resubscription does not count old trades again;
 *   <li>{@code ticker} → {@link EventType#BBO}: {@code bestBid}/{@code bestAsk} without sizes
 *       (stored as 0), the exchange time {@code ts} (spot) or {@code systemTime} (mix); an entry
 *       without either price has no event. Spot tickers round the prices to 6 decimals
 *       ({@code CULTUSDT} {@code "0.000036"} both sides, its book 0.0000347/0.0000353): exact as
 *       sent, coarser than the book; a perpetual's ticker entry is also a
 *       {@link EventType#DERIVATIVES} event (mark and index price, funding rate {@code capitalRate},
 *       next funding {@code nextSettleTime}, open interest {@code holding});
 *   <li>ignored: {@code candle*} data, the events {@code subscribe}/{@code unsubscribe} and the
 *       text {@code pong}.
 * </ul>
 *
 * {@code {"event":"error","code","msg"}} is a {@link DecodeException} with the venue's message; so
 * are malformed JSON, an unknown event, channel, action or instType, wrong field types, unknown
 * symbols and numbers finer than the 8-decimal scale.
 */
final class BitgetFrameDecoder extends JsonFrameDecoder {

    BitgetFrameDecoder(String feed) {
        super(feed, BitgetFrameDecoder::parse);
    }

    /** The text {@code pong} (the heartbeat's answer) as a missing node; anything else as a JSON object. */
    private static JsonNode parse(byte[] payload) throws DecodeException {
        if (payload != null && payload.length <= 8 && new String(payload, StandardCharsets.UTF_8).trim().equals("pong")) {
            return MissingNode.getInstance();
        }
        return JsonFields.parseObject(payload);
    }

    @Override
    protected Result decode(RawFrame frame, JsonNode root, Consumer<MarketEvent> out) throws DecodeException {
        if (root.isMissingNode()) {
            return Result.IGNORED; // pong
        }
        if (root.has("event")) {
            return event(root);
        }
        JsonNode arg = requireObject(root, "arg");
        String channel = requireText(arg, "channel");
        if (channel.startsWith("candle")) {
            return Result.IGNORED;
        }
        String action = requireText(root, "action");
        if (!action.equals("snapshot") && !action.equals("update")) {
            throw new DecodeException("unknown action '" + action + "'");
        }
        String instType = requireText(arg, "instType");
        String instId = requireText(arg, "instId");
        String nativeSymbol = BitgetSymbols.ofArg(instType, instId);
        if (nativeSymbol == null) {
            throw new DecodeException("unknown symbol: instType '" + instType + "', instId '" + instId
                    + "' (instType sp or mc; a perpetual's instId ends in USDT or USD)");
        }
        String symbol = BitgetSymbols.normalize(nativeSymbol);
        JsonNode data = requireArray(root, "data", "an array");
        boolean snapshot = action.equals("snapshot");
        List<MarketEvent> events = new ArrayList<>(data.size());
        switch (channel) {
            case "books" -> {
                for (int i = 0; i < data.size(); i++) {
                    events.add(book(frame, JsonFields.requireObjectAt(data, "data", i), nativeSymbol, symbol, snapshot));
                }
            }
            case "trade" -> {
                if (snapshot) {
                    return Result.IGNORED; // the trades of before the subscription
                }
                for (int i = 0; i < data.size(); i++) {
                    events.add(trade(frame, data.get(i), "data[" + i + "]", nativeSymbol, symbol));
                }
            }
            case "ticker" -> {
                boolean mix = instType.equalsIgnoreCase("mc");
                String time = mix ? "systemTime" : "ts";
                for (int i = 0; i < data.size(); i++) {
                    JsonNode t = JsonFields.requireObjectAt(data, "data", i);
                    MarketEvent ev = ticker(frame, t, time, nativeSymbol, symbol);
                    if (ev != null) {
                        events.add(ev);
                    }
                    MarketEvent d = mix ? derivatives(frame, t, nativeSymbol, symbol) : null;
                    if (d != null) {
                        events.add(d);
                    }
                }
            }
            default -> throw new DecodeException("unknown channel '" + channel + "'");
        }
        // decoded whole before anything is emitted: a bad element dead-letters the frame
        events.forEach(out);
        return events.isEmpty() ? Result.IGNORED : Result.EVENTS;
    }

    private static Result event(JsonNode root) throws DecodeException {
        String event = requireText(root, "event");
        return switch (event) {
            case "subscribe", "unsubscribe" -> Result.IGNORED;
            case "error" -> throw new DecodeException("venue error message: " + root.path("msg").asText() + " (code "
                    + root.path("code").asText() + ")");
            default -> throw new DecodeException("unknown event '" + event + "'");
        };
    }

    private MarketEvent book(RawFrame frame, JsonNode b, String nativeSymbol, String symbol, boolean snapshot)
            throws DecodeException {
        MarketEvent ev = MarketEvent.of(snapshot ? EventType.BOOK_SNAPSHOT : EventType.BOOK_DELTA, feed, nativeSymbol,
                symbol, frame.receiveTimeNs);
        int[] decimals = {-1, -1};
        JsonFields.LevelReader reader = (level, where, prices, sizes, i) -> {
            if (!level.isArray() || level.size() < 2) {
                throw new DecodeException("field '" + where + "' must be a [price, size] array, got "
                        + (level.isArray() ? "an array of " + level.size() : level.getNodeType().toString()));
            }
            prices[i] = decimal(level.get(0), where + ".price");
            sizes[i] = decimal(level.get(1), where + ".size");
            EventChecks.requireLevel(where, prices[i], sizes[i], snapshot, "price", "size");
            if (decimals[0] < 0) {
                decimals[0] = fractionDigits(level.get(0).textValue());
            }
            if (decimals[1] < 0 && sizes[i] != 0) {
                decimals[1] = fractionDigits(level.get(1).textValue());
            }
        };
        long[][] asks = JsonFields.levels(requireArray(b, "asks", "an array of levels"), "asks", reader);
        long[][] bids = JsonFields.levels(requireArray(b, "bids", "an array of levels"), "bids", reader);
        ev.levels(bids, asks);
        ev.priceDecimals = decimals[0];
        ev.sizeDecimals = decimals[1];
        ev.exchangeTimeMs = millis(b, "ts");
        ev.lastUpdateId = frame.receiveTimeNs; // receive order stands in for the missing sequence
        JsonNode c = b.get("checksum");
        if (c != null) {
            if (!c.isIntegralNumber() || c.longValue() < Integer.MIN_VALUE || c.longValue() > Integer.MAX_VALUE) {
                throw new DecodeException("field 'checksum' must be a signed 32-bit integer, got " + c);
            }
            ev.checksum = c.longValue();
        }
        return ev;
    }

    private MarketEvent trade(RawFrame frame, JsonNode t, String where, String nativeSymbol, String symbol)
            throws DecodeException {
        if (!t.isArray() || t.size() < 4) {
            throw new DecodeException("field '" + where + "' must be a [ts, price, size, side] array, got "
                    + (t.isArray() ? "an array of " + t.size() : t.getNodeType().toString()));
        }
        MarketEvent ev = MarketEvent.trade(feed, nativeSymbol, symbol, frame.receiveTimeNs);
        ev.exchangeTimeMs = digits(t.get(0), where + ".ts");
        ev.price = decimal(t.get(1), where + ".price");
        ev.size = decimal(t.get(2), where + ".size");
        if (!t.get(3).isTextual()) {
            throw new DecodeException("field '" + where + ".side' must be a string, got " + t.get(3).getNodeType());
        }
        ev.takerBuy = JsonFields.side(t.get(3).textValue(), "side", where, "buy", "sell");
        return EventChecks.requirePositiveTrade(ev, where, "size");
    }

    private MarketEvent ticker(RawFrame frame, JsonNode t, String time, String nativeSymbol, String symbol)
            throws DecodeException {
        long[][] bid = side(t.get("bestBid"), "bestBid");
        long[][] ask = side(t.get("bestAsk"), "bestAsk");
        if (bid[0].length + ask[0].length == 0) {
            return null;
        }
        MarketEvent ev = MarketEvent.bbo(feed, nativeSymbol, symbol, frame.receiveTimeNs);
        ev.levels(bid[0], bid[1], ask[0], ask[1]);
        ev.exchangeTimeMs = requireEpochMs(t, time);
        return ev;
    }

    /**
     * A perpetual's ticker entry → {@link EventType#DERIVATIVES}: {@code markPrice}, {@code indexPrice},
     * {@code capitalRate} (the funding rate), {@code nextSettleTime} (the next funding, ms),
     * {@code holding} (open interest); a field absent, null or empty is not set, an entry with none
     * of them has no event.
     */
    private MarketEvent derivatives(RawFrame frame, JsonNode t, String nativeSymbol, String symbol)
            throws DecodeException {
        MarketEvent ev = MarketEvent.derivatives(feed, nativeSymbol, symbol, frame.receiveTimeNs);
        if (present(t, "markPrice")) {
            ev.derivative(MarketEvent.MARK_PRICE, positive(t, "markPrice"));
        }
        if (present(t, "indexPrice")) {
            ev.derivative(MarketEvent.INDEX_PRICE, positive(t, "indexPrice"));
        }
        if (present(t, "capitalRate")) {
            ev.derivative(MarketEvent.FUNDING_RATE, decimal(t.get("capitalRate"), "capitalRate"));
        }
        if (present(t, "nextSettleTime")) {
            ev.derivative(MarketEvent.NEXT_FUNDING_TIME, requireEpochMs(t, "nextSettleTime"));
        }
        if (present(t, "holding")) {
            ev.openInterest = decimal(t.get("holding"), "holding");
            if (ev.openInterest < 0) {
                throw new DecodeException("field 'holding' must not be negative");
            }
            ev.derivativeFields |= MarketEvent.OPEN_INTEREST;
        }
        if (ev.derivativeFields == 0) {
            return null;
        }
        ev.exchangeTimeMs = requireEpochMs(t, "systemTime");
        return ev;
    }

    private static boolean present(JsonNode t, String field) {
        JsonNode v = t.get(field);
        return v != null && !v.isNull() && !(v.isTextual() && v.textValue().isEmpty());
    }

    private static long positive(JsonNode t, String field) throws DecodeException {
        long v = decimal(t.get(field), field);
        if (v <= 0) {
            throw new DecodeException("field '" + field + "' must be a positive price");
        }
        return v;
    }

    /** One side of a ticker: its price and a size of 0; none where the price is absent, null or empty. */
    private static long[][] side(JsonNode price, String field) throws DecodeException {
        if (price == null || price.isNull() || price.isTextual() && price.textValue().isEmpty()) {
            return new long[][] {MarketEvent.NO_LEVELS, MarketEvent.NO_LEVELS};
        }
        long p = decimal(price, field);
        if (p <= 0) {
            throw new DecodeException("field '" + field + "' must be a positive price");
        }
        return new long[][] {{p}, {0L}};
    }

    /** An exchange time in ms written as a decimal string ({@code "1649290077496"}). */
    private static long millis(JsonNode parent, String field) throws DecodeException {
        return digits(parent.get(field), field);
    }

    private static long digits(JsonNode v, String what) throws DecodeException {
        if (v == null || !v.isTextual()) {
            throw new DecodeException("field '" + what + "' must be an integer string, got "
                    + (v == null ? "nothing" : v.getNodeType()));
        }
        String s = v.textValue();
        if (s.isEmpty() || s.length() > 18 || !s.chars().allMatch(ch -> ch >= '0' && ch <= '9') || Long.parseLong(s) == 0) {
            throw new DecodeException("field '" + what + "' is not a positive epoch time in ms: '" + s + "'");
        }
        return Long.parseLong(s);
    }

    /** Digits after the point of a decimal string as the venue wrote it ({@code "2.4400"}: 4, {@code "145214"}: 0). */
    private static int fractionDigits(String s) {
        int dot = s.indexOf('.');
        return dot < 0 ? 0 : s.length() - dot - 1;
    }
}
