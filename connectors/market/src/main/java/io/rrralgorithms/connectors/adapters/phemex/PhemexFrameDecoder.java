package io.rrralgorithms.connectors.adapters.phemex;

import static io.rrralgorithms.connectors.adapters.JsonFields.requireArray;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireLong;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireObject;
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
import java.util.function.Consumer;

/**
 * Decodes Phemex's public WebSocket ({@code wss://phemex.com/ws}), contracts and spot alike. Every
 * price and quantity is a JSON integer scaled per product ({@link PhemexScales}: contract prices
 * × 10^4, spot prices and quantities × 10^8, contract quantities in contracts), converted exactly.
 *
 * <ul>
 *   <li>{@code orderbook.subscribe}: {@code {"book":{"asks":[[priceEp,qty]],"bids":[...]},"depth":30,
 *       "sequence":S,"symbol":X,"timestamp":ns,"type":"snapshot"|"incremental"}} →
 *       {@link EventType#BOOK_SNAPSHOT} / {@link EventType#BOOK_DELTA}; a quantity of 0 removes the
 *       level; the {@code sequence} is the snapshot's update id and a delta's first and last one;
 *   <li>{@code trade.subscribe}: {@code {"sequence":S,"symbol":X,"trades":[[ns,"Buy"|"Sell",priceEp,qty]],
 *       "type":"incremental"}} → one {@link EventType#TRADE} per row (the side is the taker's). Phemex
 *       sends no trade id: the id is {@code S × 1000 + the row's index}, unique per symbol (a message's
 *       sequence is never reused) and the same for a redelivered frame. The {@code "snapshot"} sent on
 *       subscribing (the last 1,000 trades) is ignored;
 *   <li>{@code kline} frames, subscription replies and the heartbeat's {@code "result":"pong"} are ignored.
 * </ul>
 *
 * An {@code error} reply, an unknown message or type, wrong field types, a product without a known
 * scale and non-positive prices are {@link DecodeException}s. Phemex has no BBO channel on the public
 * socket.
 */
final class PhemexFrameDecoder extends JsonFrameDecoder {
    /** Trade ids are sequence × this + the row: more rows than this in one message could collide. */
    static final int TRADES_PER_SEQUENCE = 1_000;

    PhemexFrameDecoder(String feed) {
        super(feed, JsonFields::parseObject);
    }

    @Override
    protected Result decode(RawFrame frame, JsonNode root, Consumer<MarketEvent> out) throws DecodeException {
        JsonFields.refuseErrorMember(root);
        List<MarketEvent> events = new ArrayList<>();
        if (root.has("book")) {
            events.add(book(frame, root));
        } else if (root.has("trades")) {
            if (isSnapshot(root)) {
                return Result.IGNORED; // the trades before the subscription
            }
            trades(frame, root, events);
        } else if (root.has("kline") || root.has("result")) {
            return Result.IGNORED; // candles, subscription replies, pongs
        } else {
            throw new DecodeException("unknown message: neither 'book', 'trades', 'kline' nor a reply");
        }
        // decoded whole before anything is emitted: a bad frame emits nothing
        events.forEach(out);
        return events.isEmpty() ? Result.IGNORED : Result.EVENTS;
    }

    /** Whether the message is a {@code snapshot} (else an {@code incremental}). */
    private static boolean isSnapshot(JsonNode root) throws DecodeException {
        String type = requireText(root, "type");
        return switch (type) {
            case "snapshot" -> true;
            case "incremental" -> false;
            default -> throw new DecodeException("unknown type '" + type + "'");
        };
    }

    private MarketEvent base(RawFrame frame, EventType type, String nativeSymbol) throws DecodeException {
        return MarketEvent.of(type, feed, nativeSymbol, PhemexSymbols.normalize(nativeSymbol), frame.receiveTimeNs);
    }

    private MarketEvent book(RawFrame frame, JsonNode root) throws DecodeException {
        boolean snapshot = isSnapshot(root);
        String symbol = requireText(root, "symbol");
        PhemexScales.Scale scale = PhemexScales.of(symbol);
        MarketEvent ev = base(frame, snapshot ? EventType.BOOK_SNAPSHOT : EventType.BOOK_DELTA, symbol);
        ev.exchangeTimeMs = epochMs(root, "timestamp");
        EventChecks.requireSequence(ev, requireLong(root, "sequence"), "sequence", snapshot);
        JsonNode book = requireObject(root, "book");
        JsonFields.LevelReader reader = (level, where, prices, sizes, i) -> {
            JsonFields.requireTuple(level, where, 2, "[priceEp, qty]");
            prices[i] = PhemexScales.mantissa(integer(level.get(0), where + ".price"), scale.price(), where + ".price");
            sizes[i] = PhemexScales.mantissa(integer(level.get(1), where + ".qty"), scale.size(), where + ".qty");
            if (prices[i] <= 0 || sizes[i] < 0 || snapshot && sizes[i] == 0) {
                throw new DecodeException("field '" + where + "' has a non-positive price or "
                        + (snapshot ? "a non-positive quantity in a snapshot" : "a negative quantity"));
            }
        };
        return ev.levels(JsonFields.levels(requireArray(book, "bids", "an array of levels"), "bids", reader),
                JsonFields.levels(requireArray(book, "asks", "an array of levels"), "asks", reader));
    }

    private void trades(RawFrame frame, JsonNode root, List<MarketEvent> out) throws DecodeException {
        String symbol = requireText(root, "symbol");
        PhemexScales.Scale scale = PhemexScales.of(symbol);
        long sequence = requireLong(root, "sequence");
        JsonNode rows = requireArray(root, "trades", "an array of trades");
        if (sequence <= 0 || sequence > Long.MAX_VALUE / TRADES_PER_SEQUENCE) {
            throw new DecodeException("field 'sequence' out of range: " + sequence);
        }
        if (rows.size() > TRADES_PER_SEQUENCE) {
            throw new DecodeException(rows.size() + " trades in one message, more than the " + TRADES_PER_SEQUENCE
                    + " its trade ids can tell apart");
        }
        for (int i = 0; i < rows.size(); i++) {
            String where = "trades[" + i + "]";
            JsonNode t = rows.get(i);
            if (!t.isArray() || t.size() != 4) {
                throw new DecodeException("field '" + where + "' must be a [ns, side, priceEp, qty] array");
            }
            MarketEvent ev = base(frame, EventType.TRADE, symbol);
            ev.exchangeTimeMs = nanosToMs(integer(t.get(0), where + ".timestamp"), where + ".timestamp");
            if (!t.get(1).isTextual()) {
                throw new DecodeException("field '" + where + ".side' must be Buy or Sell");
            }
            ev.takerBuy = JsonFields.side(t.get(1).textValue(), "side", where, "Buy", "Sell");
            ev.price = PhemexScales.mantissa(integer(t.get(2), where + ".price"), scale.price(), where + ".price");
            ev.size = PhemexScales.mantissa(integer(t.get(3), where + ".qty"), scale.size(), where + ".qty");
            ev.tradeId = sequence * TRADES_PER_SEQUENCE + i;
            out.add(EventChecks.requirePositiveTrade(ev, "trade with a non-positive price or quantity"));
        }
    }

    private static long integer(JsonNode n, String what) throws DecodeException {
        if (n == null || !n.isIntegralNumber() || !n.canConvertToLong()) {
            throw new DecodeException("field '" + what + "' must be an integer, got "
                    + (n == null ? "nothing" : n.getNodeType().toString()));
        }
        return n.longValue();
    }

    private static long epochMs(JsonNode root, String field) throws DecodeException {
        return nanosToMs(requireLong(root, field), field);
    }

    /** An exchange time sent in ns since the epoch, in ms. */
    private static long nanosToMs(long ns, String what) throws DecodeException {
        if (ns <= 0) {
            throw new DecodeException("field '" + what + "' must be a positive epoch time in ns, got " + ns);
        }
        return ns / 1_000_000L;
    }
}
