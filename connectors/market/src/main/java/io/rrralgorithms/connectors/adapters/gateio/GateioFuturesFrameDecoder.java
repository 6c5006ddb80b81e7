package io.rrralgorithms.connectors.adapters.gateio;

import static io.rrralgorithms.connectors.adapters.FrameDecoder.emit;
import static io.rrralgorithms.connectors.adapters.FrameDecoder.emitAll;
import static io.rrralgorithms.connectors.adapters.JsonFields.decimal;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireArray;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireDecimal;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireLong;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireObject;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireText;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.adapters.JsonFields;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Decodes Gate.io v4 futures WebSocket frames and REST order books
 * ({@code /api/v4/futures/usdt/order_book?contract=X&with_id=true}). Levels are objects
 * {@code {"p":"0.2983","s":814}}: price a decimal string, size a whole number of contracts.
 *
 * <ul>
 *   <li>REST order book ({@link FrameKind#REST_SNAPSHOT}, contract from the frame key) →
 *       {@link EventType#BOOK_SNAPSHOT}: {@code id} is its update id, {@code current} (seconds
 *       with a fraction) the exchange time;
 *   <li>{@code futures.order_book_update} → {@link EventType#BOOK_DELTA}: {@code U}/{@code u},
 *       {@code b}/{@code a}, size 0 removes, {@code t} (ms);
 *   <li>{@code futures.trades} → one {@link EventType#TRADE} per element of {@code result}: the
 *       sign of {@code size} is the taker's side (positive: the taker bought), its absolute value
 *       the contracts traded; {@code id}, {@code create_time_ms}. Gate.io sends no trades from
 *       before the subscription;
 *   <li>{@code futures.book_ticker} → {@link EventType#BBO} ({@code b/B/a/A}, {@code u}, {@code t}); a
 *       side with an empty price has no level;
 *   <li>ignored: subscribe/unsubscribe replies, {@code futures.pong}, {@code futures.candlesticks},
 *       {@code futures.tickers} (last price, mark/index prices and funding rate: not used yet) and
 *       {@code futures.order_book} (partial top-N books).
 * </ul>
 * Errors, unknown channels/events, malformed JSON, wrong field types (a size as a JSON float)
 * and prices not exact at 8 decimals are {@link DecodeException}s.
 */
final class GateioFuturesFrameDecoder extends GateioStreamDecoder {

    GateioFuturesFrameDecoder(String feed) {
        super(feed, Set.of("futures.candlesticks", "futures.tickers", "futures.order_book"), "contract",
                GateioSymbols::perpetual, root -> GateioFrames.secondsToMillis(root.get("current"), "current"),
                GateioFuturesFrameDecoder::levels);
    }

    @Override
    protected Result decodeChannel(RawFrame frame, JsonNode root, String channel, Consumer<MarketEvent> out)
            throws DecodeException {
        return switch (channel) {
            case "futures.order_book_update" -> {
                JsonNode r = requireObject(root, "result");
                yield emit(out, GateioFrames.update(base(frame, EventType.BOOK_DELTA, requireText(r, "s")), r,
                        GateioFuturesFrameDecoder::levels));
            }
            case "futures.book_ticker" -> {
                JsonNode r = requireObject(root, "result");
                yield emit(out, bookTicker(frame, r).levels(side(r, "b", "B"), side(r, "a", "A")));
            }
            case "futures.trades" -> emitAll(out, trades(frame, root));
            default -> throw new DecodeException("unknown channel '" + channel + "'");
        };
    }

    /** Levels {@code [{"p":"price","s":size}, ...]} into two mantissa arrays. */
    static long[][] levels(JsonNode parent, String field) throws DecodeException {
        return JsonFields.levels(requireArray(parent, field, "an array of {p, s} levels"), field,
                GateioFuturesFrameDecoder::level);
    }

    private static void level(JsonNode level, String where, long[] prices, long[] sizes, int i) throws DecodeException {
        if (!level.isObject()) {
            throw new DecodeException("field '" + where + "' must be a {p, s} object, got " + level.getNodeType());
        }
        prices[i] = decimal(level.get("p"), where + ".p");
        sizes[i] = GateioFrames.size(level.get("s"), where + ".s");
        if (prices[i] <= 0 || sizes[i] < 0) {
            throw new DecodeException("field '" + where + "' has a non-positive price or negative size");
        }
    }

    private List<MarketEvent> trades(RawFrame frame, JsonNode root) throws DecodeException {
        JsonNode result = requireArray(root, "result", "an array of trades");
        List<MarketEvent> evs = new ArrayList<>(result.size());
        for (int i = 0; i < result.size(); i++) {
            JsonNode t = result.get(i);
            if (!t.isObject()) {
                throw new DecodeException("field 'result[" + i + "]' must be an object, got " + t.getNodeType());
            }
            MarketEvent ev = base(frame, EventType.TRADE, requireText(t, "contract"));
            ev.exchangeTimeMs = GateioFrames.millis(t, "create_time_ms");
            ev.tradeId = requireLong(t, "id");
            ev.price = requireDecimal(t, "price");
            long signed = GateioFrames.size(t.get("size"), "size");
            if (ev.price <= 0 || signed == 0) {
                throw new DecodeException("trade with non-positive price or zero size");
            }
            ev.takerBuy = signed > 0; // the sign is the taker's side
            ev.size = Math.abs(signed);
            evs.add(ev);
        }
        if (evs.isEmpty()) {
            throw new DecodeException("futures.trades update without trades");
        }
        return evs;
    }


    private static long[][] side(JsonNode r, String priceField, String sizeField) throws DecodeException {
        JsonNode p = r.get(priceField);
        if (p != null && p.isTextual() && p.textValue().isEmpty()) {
            return new long[][] {MarketEvent.NO_LEVELS, MarketEvent.NO_LEVELS}; // no order on this side
        }
        return new long[][] {{requireDecimal(r, priceField)}, {GateioFrames.size(r.get(sizeField), sizeField)}};
    }
}
