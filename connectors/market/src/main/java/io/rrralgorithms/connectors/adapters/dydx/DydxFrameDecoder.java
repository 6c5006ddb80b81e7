package io.rrralgorithms.connectors.adapters.dydx;

import static io.rrralgorithms.connectors.adapters.JsonFields.decimal;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireArray;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireDecimal;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireIsoTimeMs;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireObject;
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
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Decodes dYdX v3's public WebSocket ({@code wss://api.dydx.exchange/v3/ws}):
 *
 * <ul>
 *   <li>{@code {"type":"subscribed","channel":"v3_orderbook","id":"ETH-USD","contents":{"bids":[{"price",
 *       "offset","size"}],"asks":[...]}}} → a {@link EventType#BOOK_SNAPSHOT} of the levels of
 *       non-zero size; every level's {@code offset} (zero sizes too) is remembered;
 *   <li>{@code {"type":"channel_data","channel":"v3_orderbook","id",
 *       "contents":{"offset":"N","bids":[["price","size"]],"asks":[...]}}} → a
 *       {@link EventType#BOOK_DELTA} of the levels whose price holds no newer offset than
 *       {@code N} (an older one is dropped, cryptofeed's rule; the level then takes offset
 *       {@code N}); size {@code "0"} removes the level; an update whose every level is older is
 *       ignored;
 *   <li>{@code channel_data} of {@code v3_trades}: {@code {"contents":{"trades":[{"size","side":"BUY"|"SELL",
 *       "price","createdAt"}]}}} → one {@link EventType#TRADE} each (the taker's side; no trade id),
 *       at its {@code createdAt}; the {@code subscribed} message's 100 past trades are ignored;
 *   <li>{@code connected}, {@code unsubscribed} are ignored.
 * </ul>
 *
 * Book frames carry no exchange time; book events take the receive time as update id
 * ({@link DydxVenue#RULES}). An {@code error} message, an unknown type or channel, malformed JSON,
 * wrong field types, unknown symbols and numbers no long mantissa scale holds are
 * {@link DecodeException}s. Keeps per-stream state (the offsets): one decoder per stream.
 */
final class DydxFrameDecoder extends JsonFrameDecoder {
    /** Per market, the offset of every price seen (snapshot levels and applied updates). */
    private final Map<String, Map<BigDecimal, Long>> offsets = new HashMap<>();

    DydxFrameDecoder(String feed) {
        super(feed, JsonFields::parseObject);
    }

    @Override
    protected Result decode(RawFrame frame, JsonNode root, Consumer<MarketEvent> out) throws DecodeException {
        String type = requireText(root, "type");
        switch (type) {
            case "connected", "unsubscribed" -> {
                return Result.IGNORED;
            }
            case "error" -> throw new DecodeException("venue error message: " + root.path("message").asText());
            case "subscribed", "channel_data" -> { }
            default -> throw new DecodeException("unknown message type '" + type + "'");
        }
        boolean snapshot = type.equals("subscribed");
        String channel = requireText(root, "channel");
        String market = requireText(root, "id");
        JsonNode contents = requireObject(root, "contents");
        List<MarketEvent> events = new ArrayList<>();
        switch (channel) {
            case "v3_orderbook" -> {
                MarketEvent ev = snapshot ? snapshot(frame, market, contents) : update(frame, market, contents);
                if (ev != null) {
                    events.add(ev);
                }
            }
            case "v3_trades" -> {
                JsonNode trades = requireArray(contents, "trades", "an array of trades");
                for (int i = 0; i < trades.size() && !snapshot; i++) { // a snapshot's past trades are not read
                    events.add(trade(frame, market, JsonFields.requireObjectAt(trades, "trades", i), "trades[" + i + "]"));
                }
            }
            default -> throw new DecodeException("unknown channel '" + channel + "'");
        }
        // decoded whole before anything is emitted: a bad frame emits nothing
        events.forEach(out);
        return events.isEmpty() ? Result.IGNORED : Result.EVENTS;
    }

    private MarketEvent book(RawFrame frame, EventType type, String market) throws DecodeException {
        MarketEvent ev = MarketEvent.of(type, feed, market, DydxSymbols.BOTH_WAYS.decode(market), frame.receiveTimeNs);
        ev.lastUpdateId = frame.receiveTimeNs; // no book sequence: receive order (UnsequencedSyncRules)
        return ev;
    }

    /** The snapshot's levels of non-zero size; the offsets of all its levels replace the market's. */
    private MarketEvent snapshot(RawFrame frame, String market, JsonNode contents) throws DecodeException {
        MarketEvent ev = book(frame, EventType.BOOK_SNAPSHOT, market);
        Map<BigDecimal, Long> seen = new HashMap<>();
        long[][] bids = snapshotSide(contents, "bids", seen);
        long[][] asks = snapshotSide(contents, "asks", seen);
        offsets.put(market, seen); // only once the whole frame decoded (a retry at another scale decodes it again)
        return ev.levels(bids, asks);
    }

    private static long[][] snapshotSide(JsonNode contents, String side, Map<BigDecimal, Long> seen)
            throws DecodeException {
        JsonNode levels = requireArray(contents, side, "an array of {price, offset, size} levels");
        List<long[]> kept = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            String where = side + "[" + i + "]";
            JsonNode l = JsonFields.requireObjectAt(levels, side, i);
            long price = decimal(l.get("price"), where + ".price");
            long size = decimal(l.get("size"), where + ".size");
            if (price <= 0 || size < 0) {
                throw new DecodeException("field '" + where + "' has a non-positive price or a negative size");
            }
            seen.put(new BigDecimal(l.get("price").textValue()).stripTrailingZeros(), offset(l.get("offset"), where + ".offset"));
            if (size > 0) { // a zero size only says when the level went
                kept.add(new long[] {price, size});
            }
        }
        return SidedLevels.ofPairs(kept);
    }

    /** The update's levels not older than the offset their price holds; null where none is left. */
    private MarketEvent update(RawFrame frame, String market, JsonNode contents) throws DecodeException {
        MarketEvent ev = book(frame, EventType.BOOK_DELTA, market);
        long offset = offset(contents.get("offset"), "offset");
        Map<BigDecimal, Long> seen = offsets.computeIfAbsent(market, m -> new HashMap<>());
        List<BigDecimal> applied = new ArrayList<>();
        long[][] bids = updateSide(contents, "bids", offset, seen, applied);
        long[][] asks = updateSide(contents, "asks", offset, seen, applied);
        for (BigDecimal p : applied) {
            seen.put(p, offset);
        }
        return bids[0].length + asks[0].length == 0 ? null : ev.levels(bids, asks);
    }

    private static long[][] updateSide(JsonNode contents, String side, long offset, Map<BigDecimal, Long> seen,
            List<BigDecimal> applied) throws DecodeException {
        JsonNode levels = requireArray(contents, side, "an array of [price, size] levels");
        List<long[]> kept = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            String where = side + "[" + i + "]";
            JsonNode l = levels.get(i);
            JsonFields.requireTuple(l, where, 2, "[price, size]");
            long price = decimal(l.get(0), where + ".price");
            long size = decimal(l.get(1), where + ".size");
            if (price <= 0 || size < 0) {
                throw new DecodeException("field '" + where + "' has a non-positive price or a negative size");
            }
            BigDecimal key = new BigDecimal(l.get(0).textValue()).stripTrailingZeros();
            Long held = seen.get(key);
            if (held == null || offset >= held) {
                kept.add(new long[] {price, size});
                applied.add(key);
            }
        }
        return SidedLevels.ofPairs(kept);
    }

    /** An offset, sent as a decimal integer string. */
    private static long offset(JsonNode n, String where) throws DecodeException {
        if (n == null || !n.isTextual()) {
            throw new DecodeException("field '" + where + "' must be a decimal integer string");
        }
        try {
            long offset = Long.parseLong(n.textValue());
            if (offset < 0) {
                throw new NumberFormatException();
            }
            return offset;
        } catch (NumberFormatException e) {
            throw new DecodeException("field '" + where + "' is not a non-negative integer: '" + n.textValue() + "'");
        }
    }

    private MarketEvent trade(RawFrame frame, String market, JsonNode t, String where) throws DecodeException {
        MarketEvent ev = MarketEvent.trade(feed, market, DydxSymbols.BOTH_WAYS.decode(market), frame.receiveTimeNs);
        ev.exchangeTimeMs = requireIsoTimeMs(t, "createdAt");
        ev.price = requireDecimal(t, "price");
        ev.size = requireDecimal(t, "size");
        ev.takerBuy = requireSide(t, "side", where, "BUY", "SELL");
        return EventChecks.requirePositiveTrade(ev, "trade with a non-positive price or size");
    }
}
