package io.rrralgorithms.connectors.adapters.bitstamp;

import static io.rrralgorithms.connectors.adapters.FrameDecoder.emit;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireDecimal;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireLevels;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireLong;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireObject;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireText;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.adapters.EventChecks;
import io.rrralgorithms.connectors.adapters.RestSnapshotFrameDecoder;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import java.util.function.Consumer;

/**
 * Decodes Bitstamp WebSocket v2 frames ({@code wss://ws.bitstamp.net}) by {@code event} and
 * channel, and the REST book snapshots {@code /api/v2/order_book/<pair>} recorded with them:
 *
 * <ul>
 *   <li>{@code data} on {@code diff_order_book_<pair>} → {@link EventType#BOOK_DELTA}: the
 *       {@code bids}/{@code asks} levels that changed, amount 0 removes; update id and exchange
 *       time from {@code microtimestamp} (µs; the channel has no sequence number);
 *   <li>a REST snapshot ({@link FrameKind#REST_SNAPSHOT}, keyed by the URL's pair) →
 *       {@link EventType#BOOK_SNAPSHOT}, update id its {@code microtimestamp};
 *   <li>{@code trade} on {@code live_trades_<pair>} → {@link EventType#TRADE}: {@code type} 0 is
 *       a buy, 1 a sell, of the taker (the order that executed last); price and amount from the
 *       exact {@code price_str}/{@code amount_str} (the numeric fields are doubles); trade id
 *       {@code id}; time from {@code microtimestamp};
 *   <li>{@code bts:subscription_succeeded}, {@code bts:unsubscription_succeeded},
 *       {@code bts:heartbeat} → IGNORED. {@code bts:request_reconnect} (the server is about to
 *       drop the connection) → IGNORED here: the capture service must reconnect, resubscribe
 *       and take fresh snapshots; the book notices nothing until then. None is in the capture;
 *   <li>{@code bts:error} → a dead letter with the venue's message; so is any other channel
 *       ({@code order_book_}, {@code detail_order_book_}, {@code live_orders_}: not decoded —
 *       a top-100 {@code order_book_} snapshot must not replace the full diff book) or event.
 * </ul>
 */
final class BitstampFrameDecoder extends RestSnapshotFrameDecoder {
    private static final String DIFF = "diff_order_book_";
    private static final String TRADES = "live_trades_";

    BitstampFrameDecoder(String feed) {
        super(feed);
    }

    @Override
    protected Result decodeStream(RawFrame frame, JsonNode root, Consumer<MarketEvent> out) throws DecodeException {
        String event = requireText(root, "event");
        switch (event) {
            case "bts:subscription_succeeded", "bts:unsubscription_succeeded", "bts:heartbeat",
                    "bts:request_reconnect" -> {
                return Result.IGNORED;
            }
            case "bts:error" -> {
                JsonNode data = root.get("data");
                JsonNode msg = data == null ? null : data.get("message");
                throw new DecodeException("venue error message: " + (msg == null ? String.valueOf(data) : msg.asText()));
            }
            case "data" -> {
                String channel = requireText(root, "channel");
                if (!channel.startsWith(DIFF)) {
                    throw new DecodeException("unsupported channel '" + channel + "' (only " + DIFF + "<pair>)");
                }
                return emit(out, diff(frame, root, channel.substring(DIFF.length())));
            }
            case "trade" -> {
                String channel = requireText(root, "channel");
                if (!channel.startsWith(TRADES)) {
                    throw new DecodeException("trade on unexpected channel '" + channel + "'");
                }
                return emit(out, trade(frame, root, channel.substring(TRADES.length())));
            }
            default -> throw new DecodeException("unknown event '" + event + "'");
        }
    }

    private MarketEvent base(RawFrame frame, EventType type, String pair) throws DecodeException {
        if (pair == null || pair.isEmpty()) {
            throw new DecodeException("frame names no pair");
        }
        return MarketEvent.of(type, feed, pair, BitstampSymbols.normalize(pair), frame.receiveTimeNs);
    }

    /** {@code microtimestamp}, a decimal string of µs since the epoch. */
    private static long micros(JsonNode parent) throws DecodeException {
        String s = requireText(parent, "microtimestamp");
        if (s.isEmpty() || s.length() > 18 || !s.chars().allMatch(Character::isDigit)) {
            throw new DecodeException("field 'microtimestamp' must be a string of digits, got '" + s + "'");
        }
        return Long.parseLong(s);
    }

    @Override
    protected MarketEvent snapshot(RawFrame frame, JsonNode root) throws DecodeException {
        MarketEvent ev = base(frame, EventType.BOOK_SNAPSHOT, frame.key);
        levels(ev, root);
        ev.lastUpdateId = micros(root);
        ev.exchangeTimeMs = ev.lastUpdateId / 1000;
        return ev;
    }

    private MarketEvent diff(RawFrame frame, JsonNode root, String pair) throws DecodeException {
        MarketEvent ev = base(frame, EventType.BOOK_DELTA, pair);
        JsonNode data = requireObject(root, "data");
        levels(ev, data);
        ev.firstUpdateId = ev.lastUpdateId = micros(data);
        ev.exchangeTimeMs = ev.lastUpdateId / 1000;
        return ev;
    }

    private static void levels(MarketEvent ev, JsonNode parent) throws DecodeException {
        ev.levels(requireLevels(parent, "bids"), requireLevels(parent, "asks"));
    }

    private MarketEvent trade(RawFrame frame, JsonNode root, String pair) throws DecodeException {
        MarketEvent ev = base(frame, EventType.TRADE, pair);
        JsonNode data = requireObject(root, "data");
        ev.tradeId = requireLong(data, "id");
        ev.price = requireDecimal(data, "price_str");
        ev.size = requireDecimal(data, "amount_str");
        EventChecks.requirePositiveTrade(ev, "trade with non-positive price or amount");
        long type = requireLong(data, "type");
        if (type != 0 && type != 1) {
            throw new DecodeException("field 'type' must be 0 (buy) or 1 (sell), got " + type);
        }
        ev.takerBuy = type == 0;
        ev.exchangeTimeMs = micros(data) / 1000;
        return ev;
    }
}
