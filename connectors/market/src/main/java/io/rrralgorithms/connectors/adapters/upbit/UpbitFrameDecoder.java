package io.rrralgorithms.connectors.adapters.upbit;

import static io.rrralgorithms.connectors.adapters.JsonFields.requireArray;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireEpochMs;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireLong;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireSide;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireText;
import static io.rrralgorithms.connectors.adapters.JsonNumbers.requireNumber;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.adapters.BytesLiterals;
import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.adapters.EventChecks;
import io.rrralgorithms.connectors.adapters.JsonFrameDecoder;
import io.rrralgorithms.connectors.adapters.JsonNumbers;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Decodes Upbit's public WebSocket in the {@code SIMPLE} format. Upbit sends binary messages of
 * JSON; cryptofeed's captures store them as Python bytes literals ({@code b'{"ty":"trade",...}'}),
 * read back to their bytes by {@link BytesLiterals} (Huobi's reader of its recorded gzip frames);
 * live frames are the JSON itself.
 *
 * <ul>
 *   <li>{@code {"ty":"orderbook","cd":"KRW-LAMB","tms","obu":[{"ap","bp","as","bs"}],"tas","tbs","st"}} →
 *       a {@link EventType#BOOK_SNAPSHOT}: the whole book, the units' bids and asks (a unit's side of
 *       price 0 is an empty slot, left out), at {@code tms}, with the receive time as its version;
 *   <li>{@code {"ty":"trade","cd","tp","tv","ab":"BID"|"ASK","ttms","tms","sid","st"}} → a
 *       {@link EventType#TRADE} at {@code ttms} ({@code ab} the taker's side: {@code BID} a taker buy;
 *       {@code sid} the trade id); a trade of {@code "st":"SNAPSHOT"} (the last trade, sent on
 *       subscribing without {@code isOnlyRealtime}) is ignored.
 * </ul>
 *
 * Numbers are JSON numbers, read exactly. An {@code error} message, an unknown type, malformed JSON
 * or bytes literals, wrong field types, unknown symbols and numbers no long mantissa scale holds
 * are {@link DecodeException}s.
 */
final class UpbitFrameDecoder extends JsonFrameDecoder {

    UpbitFrameDecoder(String feed) {
        super(feed, payload -> JsonNumbers.parseObject(
                BytesLiterals.isBytesLiteral(payload) ? BytesLiterals.bytes(payload) : payload));
    }

    @Override
    protected Result decode(RawFrame frame, JsonNode root, Consumer<MarketEvent> out) throws DecodeException {
        if (root.has("error")) {
            throw new DecodeException("venue error message: " + root.get("error"));
        }
        String type = requireText(root, "ty");
        switch (type) {
            case "orderbook" -> out.accept(book(frame, root));
            case "trade" -> {
                if (requireText(root, "st").equals("SNAPSHOT")) {
                    return Result.IGNORED;
                }
                out.accept(trade(frame, root));
            }
            default -> throw new DecodeException("unknown message type '" + type + "'");
        }
        return Result.EVENTS;
    }

    private MarketEvent base(RawFrame frame, EventType type, JsonNode root, String time) throws DecodeException {
        String code = requireText(root, "cd");
        MarketEvent ev = MarketEvent.of(type, feed, code, UpbitSymbols.BOTH_WAYS.decode(code), frame.receiveTimeNs);
        ev.exchangeTimeMs = requireEpochMs(root, time);
        return ev;
    }

    private MarketEvent book(RawFrame frame, JsonNode root) throws DecodeException {
        MarketEvent ev = base(frame, EventType.BOOK_SNAPSHOT, root, "tms");
        ev.lastUpdateId = frame.receiveTimeNs;
        JsonNode units = requireArray(root, "obu", "an array of order-book units");
        long[][] bids = side(units, "bp", "bs");
        long[][] asks = side(units, "ap", "as");
        return ev.levels(bids, asks);
    }

    /** One side of the units, best first as sent; a price of 0 is an empty slot. */
    private static long[][] side(JsonNode units, String priceField, String sizeField) throws DecodeException {
        long[] prices = new long[units.size()];
        long[] sizes = new long[units.size()];
        int n = 0;
        for (int i = 0; i < units.size(); i++) {
            JsonNode u = units.get(i);
            String where = "obu[" + i + "]";
            if (!u.isObject()) {
                throw new DecodeException("field '" + where + "' must be an object, got " + u.getNodeType());
            }
            long p = JsonNumbers.number(u.get(priceField), where + "." + priceField);
            long s = JsonNumbers.number(u.get(sizeField), where + "." + sizeField);
            if (p < 0 || s < 0 || p > 0 && s == 0) {
                throw new DecodeException("field '" + where + "' has a negative price or size, or a price without a size");
            }
            if (p > 0) {
                prices[n] = p;
                sizes[n++] = s;
            }
        }
        return new long[][] {Arrays.copyOf(prices, n), Arrays.copyOf(sizes, n)};
    }

    private MarketEvent trade(RawFrame frame, JsonNode root) throws DecodeException {
        MarketEvent ev = base(frame, EventType.TRADE, root, "ttms");
        ev.price = requireNumber(root, "tp");
        ev.size = requireNumber(root, "tv");
        ev.takerBuy = requireSide(root, "ab", null, "BID", "ASK");
        ev.tradeId = requireLong(root, "sid");
        if (ev.tradeId <= 0) {
            throw new DecodeException("field 'sid' must be positive, got " + ev.tradeId);
        }
        return EventChecks.requirePositiveTrade(ev, "trade with a non-positive price or volume");
    }
}
