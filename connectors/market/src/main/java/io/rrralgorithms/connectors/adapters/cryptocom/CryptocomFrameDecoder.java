package io.rrralgorithms.connectors.adapters.cryptocom;

import static io.rrralgorithms.connectors.adapters.JsonFields.requireEpochMs;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireText;

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
import java.util.Set;
import java.util.function.Consumer;

/**
 * Decodes Crypto.com Exchange market data ({@code wss://stream.crypto.com/v2/market}): every message
 * is {@code {"id","method","code",...}}; subscription data comes as
 * {@code {"method":"subscribe","code":0,"result":{"instrument_name","subscription","channel","depth"?,"data":[...]}}}.
 * The shapes are those of Crypto.com's documentation (Exchange API v2, and the v1 "book.update"
 * deltas) as cryptofeed ({@code cryptofeed/exchanges/cryptodotcom.py}) and ccxt
 * ({@code ccxt/pro/cryptocom}: {@code handle_order_book}) read them. Numbers come as JSON numbers
 * (v2 in 2021) or decimal strings (later): both are read exactly.
 *
 * <ul>
 *   <li>{@code book} → one {@link EventType#BOOK_SNAPSHOT} per {@code data} entry: {@code bids}/{@code asks}
 *       {@code [price, quantity, orders]}, {@code t} (ms), the book's {@code u} as update id where
 *       sent, else the receive time; {@code depth} as the book's window;
 *   <li>{@code book.update} → {@link EventType#BOOK_DELTA}: {@code update.bids}/{@code update.asks}
 *       (quantity 0 removes the level), {@code u} and its predecessor {@code pu}, {@code t};
 *   <li>{@code trade} → {@link EventType#TRADE} per entry: {@code d} the trade id, {@code s}
 *       {@code BUY}/{@code SELL} the taker's side, {@code p}, {@code q}, {@code t} (ms);
 *   <li>{@code ticker} → {@link EventType#BBO}: {@code b}/{@code k} best bid/ask, their sizes
 *       {@code bs}/{@code ks} where sent (the 2021 v2 ticker has none: 0), {@code t};
 *   <li>ignored: {@code public/heartbeat} (the live client answers it with
 *       {@code public/respond-heartbeat}), subscribe/unsubscribe acknowledgements without data,
 *       {@code candlestick}.
 * </ul>
 *
 * A {@code code} other than 0, an unknown method or channel, malformed JSON, wrong field types,
 * unknown symbols and numbers no long mantissa scale holds are {@link DecodeException}s.
 */
final class CryptocomFrameDecoder extends JsonFrameDecoder {
    private static final Set<String> CHANNELS = Set.of("book", "book.update", "trade", "ticker");

    CryptocomFrameDecoder(String feed) {
        super(feed, JsonNumbers::parseObject);
    }

    @Override
    protected Result decode(RawFrame frame, JsonNode root, Consumer<MarketEvent> out) throws DecodeException {
        String method = requireText(root, "method");
        long code = JsonFields.optionalLong(root, "code", 0L);
        if (code != 0) {
            throw new DecodeException("venue error code " + code + " on " + method + ": " + root.path("message").asText());
        }
        switch (method) {
            case "public/heartbeat" -> {
                return Result.IGNORED;
            }
            case "subscribe", "unsubscribe" -> {
                if (!root.has("result")) {
                    return Result.IGNORED; // the acknowledgement of a subscription
                }
            }
            default -> throw new DecodeException("unknown method '" + method + "'");
        }
        JsonNode result = JsonFields.requireObject(root, "result");
        String channel = requireText(result, "channel");
        if (channel.equals("candlestick")) {
            return Result.IGNORED;
        }
        if (!CHANNELS.contains(channel)) {
            throw new DecodeException("unknown channel '" + channel + "'");
        }
        String instrument = requireText(result, "instrument_name");
        String symbol = CryptocomSymbols.normalize(instrument);
        JsonNode data = JsonFields.requireArray(result, "data", "an array");
        List<MarketEvent> events = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            String where = "data[" + i + "]";
            JsonNode d = JsonFields.requireObjectAt(data, "data", i);
            MarketEvent ev = switch (channel) {
                case "book" -> book(frame, instrument, symbol, d, where, result);
                case "book.update" -> update(frame, instrument, symbol, d, where);
                case "trade" -> trade(frame, instrument, symbol, d, where);
                default -> ticker(frame, instrument, symbol, d);
            };
            events.add(ev);
        }
        return FrameDecoder.emitAll(out, events); // decoded whole first: a bad entry emits nothing
    }

    private MarketEvent book(RawFrame frame, String instrument, String symbol, JsonNode d, String where,
            JsonNode result) throws DecodeException {
        MarketEvent ev = MarketEvent.snapshot(feed, instrument, symbol, frame.receiveTimeNs);
        ev.exchangeTimeMs = requireEpochMs(d, "t");
        // the delta subscription's books carry u; snapshot-only ones may not: receive order then
        ev.lastUpdateId = d.hasNonNull("u") ? JsonFields.requireLong(d, "u") : frame.receiveTimeNs;
        ev.bookDepth = (int) Math.min(Integer.MAX_VALUE, Math.max(0, JsonFields.optionalLong(result, "depth", 0L)));
        return ev.levels(levels(d, "bids", where, true), levels(d, "asks", where, true));
    }

    private MarketEvent update(RawFrame frame, String instrument, String symbol, JsonNode d, String where)
            throws DecodeException {
        MarketEvent ev = MarketEvent.delta(feed, instrument, symbol, frame.receiveTimeNs);
        ev.exchangeTimeMs = requireEpochMs(d, "t");
        long u = JsonFields.requireLong(d, "u");
        EventChecks.requireRange(ev, u, u, "book.update");
        ev.prevUpdateId = JsonFields.requireLong(d, "pu");
        JsonNode changes = JsonFields.requireObject(d, "update");
        return ev.levels(levels(changes, "bids", where + ".update", false), levels(changes, "asks", where + ".update", false));
    }

    /** A side {@code [[price, quantity, orders], ...]} (absent: none); a whole book has no 0 quantity. */
    private static long[][] levels(JsonNode parent, String field, String where, boolean whole) throws DecodeException {
        JsonNode side = parent.get(field);
        if (side == null) {
            return new long[][] {new long[0], new long[0]};
        }
        if (!side.isArray()) {
            throw new DecodeException("field '" + where + "." + field + "' must be an array of levels, got "
                    + side.getNodeType());
        }
        return JsonFields.levels(side, where + "." + field, (level, at, prices, sizes, i) -> {
            if (!level.isArray() || level.size() < 2) {
                throw new DecodeException("field '" + at + "' must be a [price, quantity, orders] array");
            }
            prices[i] = number(level.get(0), at + ".price");
            sizes[i] = number(level.get(1), at + ".quantity");
            if (prices[i] <= 0 || sizes[i] < 0 || whole && sizes[i] == 0) {
                throw new DecodeException("field '" + at + "' has a non-positive price or "
                        + (whole ? "a non-positive quantity in a whole book" : "a negative quantity"));
            }
        });
    }

    private MarketEvent trade(RawFrame frame, String instrument, String symbol, JsonNode d, String where)
            throws DecodeException {
        MarketEvent ev = MarketEvent.trade(feed, instrument, symbol, frame.receiveTimeNs);
        ev.exchangeTimeMs = requireEpochMs(d, "t");
        ev.tradeId = integer(d, "d", where);
        ev.price = number(d.get("p"), where + ".p");
        ev.size = number(d.get("q"), where + ".q");
        ev.takerBuy = JsonFields.requireSide(d, "s", where, "BUY", "SELL");
        return EventChecks.requirePositiveTrade(ev, where, "quantity");
    }

    private MarketEvent ticker(RawFrame frame, String instrument, String symbol, JsonNode d) throws DecodeException {
        MarketEvent ev = MarketEvent.bbo(feed, instrument, symbol, frame.receiveTimeNs);
        ev.exchangeTimeMs = requireEpochMs(d, "t");
        return ev.top(number(d.get("b"), "b"), d.has("bs") ? number(d.get("bs"), "bs") : 0L,
                number(d.get("k"), "k"), d.has("ks") ? number(d.get("ks"), "ks") : 0L);
    }

    /** A decimal as a JSON number (read exactly) or a decimal string. */
    private static long number(JsonNode n, String what) throws DecodeException {
        return n != null && n.isTextual() ? JsonFields.decimal(n, what) : JsonNumbers.number(n, what);
    }

    /** A non-negative integer id sent as a JSON integer or a string of digits. */
    private static long integer(JsonNode parent, String field, String where) throws DecodeException {
        JsonNode n = parent.get(field);
        if (n != null && n.isIntegralNumber() && n.canConvertToLong() && n.longValue() >= 0) {
            return n.longValue();
        }
        if (n != null && n.isTextual() && n.textValue().matches("[0-9]{1,19}")) {
            try {
                return Long.parseLong(n.textValue());
            } catch (NumberFormatException e) {
                // above Long.MAX_VALUE: below
            }
        }
        throw new DecodeException(n == null ? "missing field '" + where + "." + field + "' (expected an id)"
                : "field '" + where + "." + field + "' is not a non-negative integer id: " + n);
    }
}
