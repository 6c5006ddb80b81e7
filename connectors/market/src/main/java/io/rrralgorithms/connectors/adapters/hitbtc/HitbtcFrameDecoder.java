package io.rrralgorithms.connectors.adapters.hitbtc;

import static io.rrralgorithms.connectors.adapters.JsonFields.decimal;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireArray;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireDecimal;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireEpochMs;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireIsoTimeMs;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireLong;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireObject;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireSide;
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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Decodes the public WebSocket of the HitBTC family (HitBTC, and its white labels Bequant and FMFW),
 * both API versions, told apart by the frame: JSON-RPC {@code method} notifications (v2,
 * {@code /api/2/ws/public}: the HitBTC and Bequant captures) and {@code ch} channel messages (v3,
 * {@code /api/3/ws/public}: the FMFW capture).
 *
 * <p>API v2 ({@code {"jsonrpc":"2.0","method":M,"params":{...}}}):
 * <ul>
 *   <li>{@code snapshotOrderbook} → {@link EventType#BOOK_SNAPSHOT} and {@code updateOrderbook} →
 *       {@link EventType#BOOK_DELTA}: {@code ask}/{@code bid} lists of {@code {"price","size"}} (size
 *       {@code "0"} removes the level), the book's {@code sequence} (the snapshot's update id; a
 *       delta's first and last update id) and the ISO {@code timestamp};
 *   <li>{@code updateTrades} → one {@link EventType#TRADE} per {@code data} element: {@code id},
 *       {@code price}, {@code quantity}, {@code side} (the taker's), ISO {@code timestamp};
 *       {@code snapshotTrades} (the last trades before the subscription) is ignored, not counted;
 *   <li>{@code ticker} → {@link EventType#BBO}: {@code bid}/{@code ask} without sizes (stored as 0, as
 *       Coinbase's ticker), a null side has no level;
 *   <li>{@code snapshotCandles}, {@code updateCandles} and {@code "result"} replies are ignored.
 * </ul>
 *
 * <p>API v3 ({@code {"ch":C,"snapshot"|"update"|"data":{SYMBOL:...}}}, several symbols a frame
 * possible, one event each):
 * <ul>
 *   <li>{@code orderbook/full}: {@code snapshot} → {@link EventType#BOOK_SNAPSHOT}, {@code update} →
 *       {@link EventType#BOOK_DELTA}, each {@code {"t":ms,"s":sequence,"a":[[p,q]],"b":[[p,q]]}};
 *   <li>{@code trades}: {@code update} → one {@link EventType#TRADE} per {@code {"t","i","p","q","s"}}
 *       ({@code i} the id, {@code s} the taker's side); {@code snapshot} (trades before the
 *       subscription) ignored;
 *   <li>{@code ticker/1s}, {@code ticker/3s} (and their {@code /batch}) → {@link EventType#BBO} from
 *       {@code b}/{@code B}/{@code a}/{@code A}, time {@code t};
 *   <li>{@code candles/*} and {@code "result"} replies are ignored.
 * </ul>
 *
 * An {@code error} reply, an unknown method or channel (v3's partial-book channels
 * {@code orderbook/top/*}, {@code orderbook/D5/*} are not decoded), malformed JSON, wrong field
 * types, unknown symbols and numbers no long mantissa scale holds are {@link DecodeException}s.
 * HitBTC lists ticks down to 1e-12: the books and tickers of such pairs decode at their own scale
 * ({@code ScaleFittingDecoder}), never rounded.
 */
final class HitbtcFrameDecoder extends JsonFrameDecoder {
    private static final Set<String> IGNORED_METHODS = Set.of("snapshotTrades", "snapshotCandles", "updateCandles");

    private final HitbtcSymbols symbols;

    HitbtcFrameDecoder(String feed, HitbtcSymbols symbols) {
        super(feed, JsonFields::parseObject);
        this.symbols = symbols;
    }

    @Override
    protected Result decode(RawFrame frame, JsonNode root, Consumer<MarketEvent> out) throws DecodeException {
        if (root.has("error")) {
            JsonNode e = root.get("error");
            throw new DecodeException("venue error message: code " + e.path("code").asText() + " "
                    + e.path("message").asText() + " " + e.path("description").asText());
        }
        List<MarketEvent> events = new ArrayList<>();
        if (root.has("method")) {
            v2(frame, root, events);
        } else if (root.has("ch")) {
            v3(frame, root, events);
        } else if (root.has("result")) {
            return Result.IGNORED; // a reply to a subscription
        } else {
            throw new DecodeException("unknown message: neither a 'method' (API v2) nor a 'ch' (API v3) frame");
        }
        // decoded whole before anything is emitted: a bad frame emits nothing
        events.forEach(out);
        return events.isEmpty() ? Result.IGNORED : Result.EVENTS;
    }

    private MarketEvent base(RawFrame frame, EventType type, String nativeSymbol) throws DecodeException {
        if (nativeSymbol.isEmpty()) {
            throw new DecodeException("empty symbol");
        }
        return MarketEvent.of(type, feed, nativeSymbol, symbols.normalize(nativeSymbol), frame.receiveTimeNs);
    }

    // ------------------------------------------------------------------ API v2

    private void v2(RawFrame frame, JsonNode root, List<MarketEvent> out) throws DecodeException {
        String method = requireText(root, "method");
        if (IGNORED_METHODS.contains(method)) {
            return;
        }
        JsonNode p = requireObject(root, "params");
        switch (method) {
            case "snapshotOrderbook" -> out.add(v2Book(frame, p, EventType.BOOK_SNAPSHOT));
            case "updateOrderbook" -> out.add(v2Book(frame, p, EventType.BOOK_DELTA));
            case "updateTrades" -> {
                String symbol = requireText(p, "symbol");
                JsonNode data = requireArray(p, "data", "an array of trades");
                for (int i = 0; i < data.size(); i++) {
                    JsonNode t = JsonFields.requireObjectAt(data, "data", i);
                    MarketEvent ev = base(frame, EventType.TRADE, symbol);
                    ev.tradeId = requireLong(t, "id");
                    ev.exchangeTimeMs = requireIsoTimeMs(t, "timestamp");
                    ev.price = requireDecimal(t, "price");
                    ev.size = requireDecimal(t, "quantity");
                    ev.takerBuy = requireSide(t, "side", "data[" + i + "]", "buy", "sell");
                    out.add(EventChecks.requirePositiveTrade(ev, "trade with non-positive price or quantity"));
                }
            }
            case "ticker" -> {
                MarketEvent ev = base(frame, EventType.BBO, requireText(p, "symbol"));
                ev.exchangeTimeMs = requireIsoTimeMs(p, "timestamp");
                bbo(ev, p.get("bid"), null, p.get("ask"), null);
                if (ev.bidPrices.length + ev.askPrices.length > 0) {
                    out.add(ev);
                }
            }
            default -> throw new DecodeException("unknown method '" + method + "'");
        }
    }

    private MarketEvent v2Book(RawFrame frame, JsonNode p, EventType type) throws DecodeException {
        MarketEvent ev = base(frame, type, requireText(p, "symbol"));
        ev.exchangeTimeMs = requireIsoTimeMs(p, "timestamp");
        sequence(ev, requireLong(p, "sequence"));
        boolean snapshot = type == EventType.BOOK_SNAPSHOT;
        JsonFields.LevelReader reader = (level, where, prices, sizes, i) -> {
            if (!level.isObject()) {
                throw new DecodeException("field '" + where + "' must be a {price, size} object, got " + level.getNodeType());
            }
            prices[i] = decimal(level.get("price"), where + ".price");
            sizes[i] = decimal(level.get("size"), where + ".size");
            checkLevel(where, prices[i], sizes[i], snapshot);
        };
        return ev.levels(JsonFields.levels(requireArray(p, "bid", "an array of levels"), "bid", reader),
                JsonFields.levels(requireArray(p, "ask", "an array of levels"), "ask", reader));
    }

    // ------------------------------------------------------------------ API v3

    private void v3(RawFrame frame, JsonNode root, List<MarketEvent> out) throws DecodeException {
        String ch = requireText(root, "ch");
        if (ch.startsWith("candles/")) {
            return;
        }
        switch (ch) {
            case "orderbook/full" -> {
                boolean snapshot = root.has("snapshot");
                JsonNode books = requireObject(root, snapshot ? "snapshot" : "update");
                for (Iterator<Map.Entry<String, JsonNode>> it = books.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    out.add(v3Book(frame, e.getKey(), e.getValue(), snapshot));
                }
            }
            case "trades" -> {
                if (root.has("snapshot")) {
                    return; // trades of before the subscription
                }
                JsonNode update = requireObject(root, "update");
                for (Iterator<Map.Entry<String, JsonNode>> it = update.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String where = "update." + e.getKey();
                    if (!e.getValue().isArray()) {
                        throw new DecodeException("field '" + where + "' must be an array of trades, got "
                                + e.getValue().getNodeType());
                    }
                    for (int i = 0; i < e.getValue().size(); i++) {
                        JsonNode t = JsonFields.requireObjectAt(e.getValue(), where, i);
                        MarketEvent ev = base(frame, EventType.TRADE, e.getKey());
                        ev.tradeId = requireLong(t, "i");
                        ev.exchangeTimeMs = requireEpochMs(t, "t");
                        ev.price = requireDecimal(t, "p");
                        ev.size = requireDecimal(t, "q");
                        ev.takerBuy = requireSide(t, "s", where + "[" + i + "]", "buy", "sell");
                        out.add(EventChecks.requirePositiveTrade(ev, "trade with non-positive price or quantity"));
                    }
                }
            }
            case "ticker/1s", "ticker/3s", "ticker/1s/batch", "ticker/3s/batch" -> {
                JsonNode data = requireObject(root, "data");
                for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    JsonNode d = e.getValue();
                    if (!d.isObject()) {
                        throw new DecodeException("field 'data." + e.getKey() + "' must be an object, got " + d.getNodeType());
                    }
                    MarketEvent ev = base(frame, EventType.BBO, e.getKey());
                    ev.exchangeTimeMs = requireEpochMs(d, "t");
                    bbo(ev, d.get("b"), d.get("B"), d.get("a"), d.get("A"));
                    if (ev.bidPrices.length + ev.askPrices.length > 0) {
                        out.add(ev);
                    }
                }
            }
            default -> throw new DecodeException("unknown channel '" + ch + "'");
        }
    }

    private MarketEvent v3Book(RawFrame frame, String symbol, JsonNode b, boolean snapshot) throws DecodeException {
        if (!b.isObject()) {
            throw new DecodeException("field '" + symbol + "' must be a book object, got " + b.getNodeType());
        }
        MarketEvent ev = base(frame, snapshot ? EventType.BOOK_SNAPSHOT : EventType.BOOK_DELTA, symbol);
        ev.exchangeTimeMs = requireEpochMs(b, "t");
        sequence(ev, requireLong(b, "s"));
        JsonFields.LevelReader reader = (level, where, prices, sizes, i) -> {
            JsonFields.requireTuple(level, where, 2, "[price, size]");
            prices[i] = decimal(level.get(0), where + ".price");
            sizes[i] = decimal(level.get(1), where + ".size");
            checkLevel(where, prices[i], sizes[i], snapshot);
        };
        return ev.levels(JsonFields.levels(requireArray(b, "b", "an array of levels"), "b", reader),
                JsonFields.levels(requireArray(b, "a", "an array of levels"), "a", reader));
    }

    // ------------------------------------------------------------------ shared

    /** The book's sequence: a snapshot's update id, a delta's only update (first == last). */
    private static void sequence(MarketEvent ev, long sequence) throws DecodeException {
        if (sequence < 0) {
            throw new DecodeException("negative sequence " + sequence);
        }
        ev.lastUpdateId = sequence;
        if (ev.type == EventType.BOOK_DELTA) {
            ev.firstUpdateId = sequence;
        }
    }

    private static void checkLevel(String where, long price, long size, boolean snapshot) throws DecodeException {
        if (price <= 0 || size < 0 || snapshot && size == 0) {
            throw new DecodeException("field '" + where + "' has a non-positive price or "
                    + (snapshot ? "a non-positive size in a snapshot" : "a negative size"));
        }
    }

    /** The best bid and ask; a side whose price is null or empty has no level, an absent size is 0. */
    private static void bbo(MarketEvent ev, JsonNode bid, JsonNode bidSize, JsonNode ask, JsonNode askSize)
            throws DecodeException {
        long[][] b = side(bid, bidSize, "bid");
        long[][] a = side(ask, askSize, "ask");
        ev.levels(b[0], b[1], a[0], a[1]);
    }

    private static long[][] side(JsonNode price, JsonNode size, String name) throws DecodeException {
        if (price == null || price.isNull() || price.isTextual() && price.textValue().isEmpty()) {
            return new long[][] {MarketEvent.NO_LEVELS, MarketEvent.NO_LEVELS};
        }
        long p = decimal(price, name + " price");
        long s = size == null || size.isNull() ? 0L : decimal(size, name + " size");
        if (p <= 0 || s < 0) {
            throw new DecodeException("ticker " + name + " with a non-positive price or a negative size");
        }
        return new long[][] {{p}, {s}};
    }
}
