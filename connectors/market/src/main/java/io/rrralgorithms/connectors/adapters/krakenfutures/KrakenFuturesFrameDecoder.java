package io.rrralgorithms.connectors.adapters.krakenfutures;

import static io.rrralgorithms.connectors.adapters.FrameDecoder.emit;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireArray;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireLong;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireSide;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireText;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.adapters.EventChecks;
import io.rrralgorithms.connectors.adapters.JsonFields;
import io.rrralgorithms.connectors.adapters.JsonFrameDecoder;
import io.rrralgorithms.connectors.adapters.JsonNumbers;
import io.rrralgorithms.connectors.model.Decimals;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import java.util.function.Consumer;

/**
 * Decodes Kraken Futures WebSocket v1 frames ({@code wss://futures.kraken.com/ws/v1}) by their
 * {@code feed} (data) or {@code event} (control). Prices and quantities are JSON <em>numbers</em>
 * ({@code "price":439.3}); they are read as exact decimals (Jackson's BigDecimal mode, never
 * through a double) at the scale they need ({@code ScaleFittingDecoder}).
 *
 * <ul>
 *   <li>{@code book_snapshot} → {@link EventType#BOOK_SNAPSHOT}: {@code bids}/{@code asks} of
 *       {@code {"price","qty"}}, {@code seq} as its update id, {@code timestamp} (ms);
 *   <li>{@code book} → {@link EventType#BOOK_DELTA} of one level: {@code side} {@code buy} (bid) or
 *       {@code sell} (ask), {@code qty} 0 removes; {@code seq} is the product's book sequence
 *       (first = last update id), which must continue the snapshot's and the previous delta's by
 *       exactly 1 ({@link KrakenFuturesVenue#RULES});
 *   <li>{@code trade} → {@link EventType#TRADE}: {@code side} is the taker's, {@code seq} (the
 *       product's trade sequence) is the trade id ({@code uid} is a UUID that does not fit a long),
 *       {@code time} in ms. Every {@code type} counts ({@code fill}, {@code liquidation},
 *       {@code termination}, {@code block}…): each is an execution at that price;
 *   <li>{@code ticker_lite} → {@link EventType#BBO} from {@code bid}/{@code ask} (it has neither
 *       sizes nor a time: sizes 0, time 0); {@code ticker} → {@link EventType#BBO} with
 *       {@code bid_size}/{@code ask_size} and {@code time}. The full ticker's
 *       {@code funding_rate}/{@code funding_rate_prediction} are not emitted: the event model has
 *       no funding field (and the recorded capture subscribes {@code ticker_lite}, which has none);
 *   <li>ignored: {@code trade_snapshot} — the product's trades from <em>before</em> the subscription,
 *       re-sent on every (re)subscription; counting them would double-count trades on each
 *       reconnect and put pre-session trades into the session's bars (Coinbase's
 *       {@code last_match} precedent). Also ignored: {@code heartbeat} and the events
 *       {@code info}, {@code subscribed}, {@code unsubscribed}.
 * </ul>
 *
 * An {@code error}/{@code alert} event, a failed (un)subscription, an unknown feed or event,
 * malformed JSON, a wrong field type, an unknown product id or an inexact number is a
 * {@link DecodeException} (a dead letter).
 */
final class KrakenFuturesFrameDecoder extends JsonFrameDecoder {
    KrakenFuturesFrameDecoder(String feed) {
        super(feed, JsonNumbers::parseObject);
    }

    @Override
    protected Result decode(RawFrame frame, JsonNode root, Consumer<MarketEvent> out) throws DecodeException {
        if (root.has("event")) {
            String event = requireText(root, "event");
            switch (event) {
                case "info", "subscribed", "unsubscribed" -> {
                    return Result.IGNORED;
                }
                case "error", "alert", "subscribed_failed", "unsubscribed_failed" -> throw new DecodeException(
                        "venue error message: " + event + ": " + root.path("message").asText()
                                + (root.has("product_ids") ? " " + root.get("product_ids") : ""));
                default -> throw new DecodeException("unknown event '" + event + "'");
            }
        }
        if (!root.has("feed")) {
            throw new DecodeException("missing field 'feed' (expected a data frame) or 'event'");
        }
        String type = requireText(root, "feed");
        MarketEvent ev;
        switch (type) {
            case "book_snapshot" -> ev = snapshot(frame, root);
            case "book" -> ev = delta(frame, root);
            case "trade" -> ev = trade(frame, root);
            case "ticker_lite", "ticker" -> ev = ticker(frame, root, type.equals("ticker"));
            case "trade_snapshot", "heartbeat" -> {
                return Result.IGNORED;
            }
            default -> throw new DecodeException("unknown feed '" + type + "'");
        }
        return emit(out, ev);
    }

    private MarketEvent base(RawFrame frame, EventType type, JsonNode root) throws DecodeException {
        String product = requireText(root, "product_id");
        KrakenFuturesSymbols.Parsed p = KrakenFuturesSymbols.parseKnown(product);
        return MarketEvent.of(type, feed, p.nativeSymbol(), p.symbol(), frame.receiveTimeNs);
    }

    private MarketEvent snapshot(RawFrame frame, JsonNode root) throws DecodeException {
        MarketEvent ev = base(frame, EventType.BOOK_SNAPSHOT, root);
        ev.lastUpdateId = requireLong(root, "seq");
        ev.exchangeTimeMs = JsonFields.requireEpochMs(root, "timestamp");
        return ev.levels(levels(root, "bids"), levels(root, "asks"));
    }

    private static long[][] levels(JsonNode root, String field) throws DecodeException {
        return JsonFields.levels(requireArray(root, field, "an array of {price, qty}"), field,
                KrakenFuturesFrameDecoder::level);
    }

    /** {@code {"price":…,"qty":…}} of a snapshot, which holds no empty level. */
    private static void level(JsonNode l, String where, long[] prices, long[] sizes, int i) throws DecodeException {
        if (!l.isObject()) {
            throw new DecodeException("field '" + where + "' must be a {price, qty} object, got " + l.getNodeType());
        }
        prices[i] = number(l, "price", where);
        sizes[i] = number(l, "qty", where);
        if (prices[i] <= 0 || sizes[i] <= 0) {
            throw new DecodeException("field '" + where + "' has a non-positive price or qty");
        }
    }

    private MarketEvent delta(RawFrame frame, JsonNode root) throws DecodeException {
        MarketEvent ev = base(frame, EventType.BOOK_DELTA, root);
        long seq = requireLong(root, "seq");
        ev.firstUpdateId = seq;
        ev.lastUpdateId = seq;
        ev.exchangeTimeMs = JsonFields.requireEpochMs(root, "timestamp");
        long price = number(root, "price", null);
        long qty = number(root, "qty", null);
        if (price <= 0 || qty < 0) {
            throw new DecodeException("book update with a non-positive price or negative qty");
        }
        return ev.oneLevel(requireSide(root, "side", null, "buy", "sell"), price, qty);
    }

    private MarketEvent trade(RawFrame frame, JsonNode root) throws DecodeException {
        MarketEvent ev = base(frame, EventType.TRADE, root);
        ev.tradeId = requireLong(root, "seq");
        ev.exchangeTimeMs = JsonFields.requireEpochMs(root, "time");
        ev.price = number(root, "price", null);
        ev.size = number(root, "qty", null);
        ev.takerBuy = requireSide(root, "side", null, "buy", "sell"); // the taker's side
        return EventChecks.requirePositiveTrade(ev, "trade with non-positive price or qty");
    }

    private MarketEvent ticker(RawFrame frame, JsonNode root, boolean full) throws DecodeException {
        MarketEvent ev = base(frame, EventType.BBO, root);
        // prices before sizes: the first field read wrong names the dead letter
        long bid = number(root, "bid", null);
        long ask = number(root, "ask", null);
        long bidSize = full && root.hasNonNull("bid_size") ? number(root, "bid_size", null) : 0L;
        long askSize = full && root.hasNonNull("ask_size") ? number(root, "ask_size", null) : 0L;
        ev.top(bid, bidSize, ask, askSize);
        ev.exchangeTimeMs = full && root.hasNonNull("time") ? JsonFields.requireEpochMs(root, "time") : 0L;
        return ev;
    }

    /** A JSON number (or numeric string) as an exact 8-decimal mantissa. */
    static long number(JsonNode parent, String field, String where) throws DecodeException {
        String name = where == null ? field : where + "." + field;
        JsonNode n = parent.get(field);
        if (n == null || !(n.isNumber() || n.isTextual())) {
            throw new DecodeException(n == null ? "missing field '" + name + "' (expected a number)"
                    : "field '" + name + "' must be a number, got " + n.getNodeType());
        }
        String s = n.isNumber() ? n.decimalValue().toPlainString() : n.textValue();
        try {
            return Decimals.parse(s);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new DecodeException("field '" + name + "' is not an exact decimal: " + e.getMessage(), e);
        }
    }
}
