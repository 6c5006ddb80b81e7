package io.rrralgorithms.connectors.adapters.coinbase;

import static io.rrralgorithms.connectors.adapters.FrameDecoder.emit;
import static io.rrralgorithms.connectors.adapters.JsonFields.decimal;
import static io.rrralgorithms.connectors.adapters.JsonFields.optionalLong;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireArray;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireDecimal;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireIsoTimeMs;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireLevels;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireLong;
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
import java.util.function.Consumer;

/**
 * Decodes Coinbase WebSocket frames by their {@code type}:
 *
 * <ul>
 *   <li>{@code snapshot} → {@link EventType#BOOK_SNAPSHOT} (full book, no sequence, no time);
 *   <li>{@code l2update} → {@link EventType#BOOK_DELTA}: {@code changes} of
 *       {@code [side, price, size]}, {@code "buy"} a bid, {@code "sell"} an ask, size 0 removes;
 *   <li>{@code match} → {@link EventType#TRADE}. {@code side} is the <em>maker</em>'s side, so
 *       {@code "sell"} means the taker bought;
 *   <li>{@code ticker} → {@link EventType#BBO} ({@code best_bid_size}/{@code best_ask_size} are
 *       absent in the 2021 feed: size 0 then);
 *   <li>ignored: {@code subscriptions} (the ack), {@code heartbeat}, and {@code last_match}. A
 *       {@code last_match} is the product's last trade <em>before</em> the subscription, re-sent
 *       on every (re)subscription: counting it would double-count a trade on each reconnect and
 *       put trades of before the session into its bars. Trades are the {@code match} frames.
 * </ul>
 *
 * An {@code error} frame, an unknown type, malformed JSON, a wrong field type or a price/size
 * that is not an exact 8-decimal number is a {@link DecodeException} (a dead letter). The
 * exchange time is the frame's ISO-8601 {@code time} in ms (0 where it has none: snapshots).
 */
final class CoinbaseFrameDecoder extends JsonFrameDecoder {
    CoinbaseFrameDecoder(String feed) {
        super(feed, JsonFields::parseObject);
    }

    @Override
    protected Result decode(RawFrame frame, JsonNode root, Consumer<MarketEvent> out) throws DecodeException {
        String type = requireText(root, "type");
        MarketEvent ev;
        switch (type) {
            case "snapshot" -> ev = snapshot(frame, root);
            case "l2update" -> ev = l2update(frame, root);
            case "match" -> ev = match(frame, root);
            case "ticker" -> ev = ticker(frame, root);
            case "subscriptions", "heartbeat", "last_match" -> {
                return Result.IGNORED;
            }
            case "error" -> {
                JsonNode msg = root.get("message");
                JsonNode reason = root.get("reason");
                throw new DecodeException("venue error message: " + (msg == null ? "" : msg.asText())
                        + (reason == null ? "" : " (" + reason.asText() + ")"));
            }
            default -> throw new DecodeException("unknown message type '" + type + "'");
        }
        return emit(out, ev);
    }

    private MarketEvent base(RawFrame frame, EventType type, JsonNode root) throws DecodeException {
        String product = requireText(root, "product_id");
        if (product.isEmpty()) {
            throw new DecodeException("field 'product_id' is empty");
        }
        return MarketEvent.of(type, feed, product, product, frame.receiveTimeNs); // already BASE-QUOTE
    }

    private MarketEvent snapshot(RawFrame frame, JsonNode root) throws DecodeException {
        MarketEvent ev = base(frame, EventType.BOOK_SNAPSHOT, root);
        ev.lastUpdateId = frame.receiveTimeNs; // no sequence: receive order (UnsequencedSyncRules)
        ev.exchangeTimeMs = root.hasNonNull("time") ? requireIsoTimeMs(root, "time") : 0L;
        return ev.levels(requireLevels(root, "bids"), requireLevels(root, "asks"));
    }

    private MarketEvent l2update(RawFrame frame, JsonNode root) throws DecodeException {
        MarketEvent ev = base(frame, EventType.BOOK_DELTA, root);
        ev.lastUpdateId = frame.receiveTimeNs;
        ev.exchangeTimeMs = requireIsoTimeMs(root, "time");
        JsonNode changes = requireArray(root, "changes", "an array of [side, price, size]");
        return SidedLevels.read(changes, "changes", (c, where, levels) -> {
            if (!c.isArray() || c.size() < 3) {
                throw new DecodeException("field '" + where + "' must be a [side, price, size] array, got "
                        + (c.isArray() ? "an array of " + c.size() : c.getNodeType().toString()));
            }
            long price = decimal(c.get(1), where + ".price");
            long size = decimal(c.get(2), where + ".size");
            if (price <= 0 || size < 0) {
                throw new DecodeException("field '" + where + "' has a non-positive price or negative size");
            }
            levels.add(c.get(0), where, price, size);
        }).into(ev);
    }

    private MarketEvent match(RawFrame frame, JsonNode root) throws DecodeException {
        MarketEvent ev = base(frame, EventType.TRADE, root);
        ev.exchangeTimeMs = requireIsoTimeMs(root, "time");
        ev.tradeId = requireLong(root, "trade_id");
        ev.price = requireDecimal(root, "price");
        ev.size = requireDecimal(root, "size");
        // the maker's side: a maker that sold means the taker bought
        ev.takerBuy = !requireSide(root, "side", null, "buy", "sell");
        return EventChecks.requirePositiveTrade(ev, "trade with non-positive price or size");
    }

    private MarketEvent ticker(RawFrame frame, JsonNode root) throws DecodeException {
        MarketEvent ev = base(frame, EventType.BBO, root);
        ev.exchangeTimeMs = root.hasNonNull("time") ? requireIsoTimeMs(root, "time") : 0L;
        ev.lastUpdateId = optionalLong(root, "sequence", MarketEvent.NONE);
        // prices before sizes: the first field read wrong names the dead letter
        long bid = requireDecimal(root, "best_bid");
        long ask = requireDecimal(root, "best_ask");
        long bidSize = root.hasNonNull("best_bid_size") ? requireDecimal(root, "best_bid_size") : 0L;
        long askSize = root.hasNonNull("best_ask_size") ? requireDecimal(root, "best_ask_size") : 0L;
        return ev.top(bid, bidSize, ask, askSize);
    }
}
