package io.rrralgorithms.connectors.adapters.gateio;

import static io.rrralgorithms.connectors.adapters.FrameDecoder.emit;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireDecimal;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireLong;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireObject;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireSide;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireText;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.adapters.EventChecks;
import io.rrralgorithms.connectors.adapters.JsonFields;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Decodes Gate.io v4 spot WebSocket frames ({@code {"time","channel","event","result"}}) and REST
 * order books ({@code /api/v4/spot/order_book?currency_pair=X&with_id=true}).
 *
 * <ul>
 *   <li>REST order book ({@link FrameKind#REST_SNAPSHOT}, pair from the frame key) →
 *       {@link EventType#BOOK_SNAPSHOT} with {@code id} as its update id; {@code current} (ms) as
 *       exchange time where the response has it (newer API), else 0;
 *   <li>{@code spot.order_book_update} → {@link EventType#BOOK_DELTA}: {@code U}/{@code u},
 *       {@code b}/{@code a} levels {@code [price, size]} (size 0 removes), {@code t} (ms);
 *   <li>{@code spot.trades} → {@link EventType#TRADE}: {@code side} is the taker's side,
 *       {@code id} the trade id, {@code create_time_ms} (a decimal ms string) truncated to ms.
 *       Gate.io sends no trades from before the subscription;
 *   <li>{@code spot.book_ticker} → {@link EventType#BBO} ({@code b/B/a/A}, {@code u}, {@code t});
 *   <li>{@code spot.tickers} → {@link EventType#BBO} from {@code highest_bid}/{@code lowest_ask}:
 *       the ticker has no sizes (0, as Coinbase's 2021 ticker) and no update id; exchange time
 *       from the envelope's {@code time_ms} where sent (the 2021 capture has only whole seconds:
 *       0 then, so event time falls back to the receive time);
 *   <li>ignored: subscribe/unsubscribe replies, {@code spot.pong}, {@code spot.candlesticks} and
 *       {@code spot.order_book} (the partial top-N book channel, not used).
 * </ul>
 *
 * An {@code error} in the envelope, a failed subscription, an unknown channel or event, malformed
 * JSON, wrong field types and numbers not exact at 8 decimals are {@link DecodeException}s. Gate.io
 * books hold sizes finer than the pair's {@code amount_precision} (quote-funded market orders, up
 * to 10 decimals in the capture): such frames are dead letters, never rounded.
 */
final class GateioFrameDecoder extends GateioStreamDecoder {

    GateioFrameDecoder(String feed) {
        super(feed, Set.of("spot.candlesticks", "spot.order_book"), "currency pair", GateioSymbols::spot,
                root -> GateioFrames.millis(root, "current"), JsonFields::requireLevels);
    }

    @Override
    protected Result decodeChannel(RawFrame frame, JsonNode root, String channel, Consumer<MarketEvent> out)
            throws DecodeException {
        JsonNode r = requireObject(root, "result");
        return emit(out, switch (channel) {
            case "spot.order_book_update" -> GateioFrames.update(base(frame, EventType.BOOK_DELTA, requireText(r, "s")),
                    r, JsonFields::requireLevels);
            case "spot.trades" -> trade(frame, r);
            case "spot.book_ticker" -> bookTicker(frame, r).top(requireDecimal(r, "b"), requireDecimal(r, "B"),
                    requireDecimal(r, "a"), requireDecimal(r, "A"));
            case "spot.tickers" -> ticker(frame, root, r);
            default -> throw new DecodeException("unknown channel '" + channel + "'");
        });
    }

    private MarketEvent trade(RawFrame frame, JsonNode r) throws DecodeException {
        MarketEvent ev = base(frame, EventType.TRADE, requireText(r, "currency_pair"));
        ev.exchangeTimeMs = GateioFrames.millis(r, "create_time_ms");
        ev.tradeId = requireLong(r, "id");
        ev.price = requireDecimal(r, "price");
        ev.size = requireDecimal(r, "amount");
        ev.takerBuy = requireSide(r, "side", null, "buy", "sell"); // the taker's side
        return EventChecks.requirePositiveTrade(ev, "trade with non-positive price or size");
    }

    private MarketEvent ticker(RawFrame frame, JsonNode root, JsonNode r) throws DecodeException {
        MarketEvent ev = base(frame, EventType.BBO, requireText(r, "currency_pair"));
        ev.exchangeTimeMs = GateioFrames.envelopeTimeMs(root);
        // the ticker has no sizes
        return ev.top(requireDecimal(r, "highest_bid"), 0L, requireDecimal(r, "lowest_ask"), 0L);
    }
}
