package io.rrralgorithms.connectors.adapters.bitmex;

import static io.rrralgorithms.connectors.adapters.FrameDecoder.emitAll;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireArray;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireIsoTimeMs;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireLong;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireObjectAt;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireSide;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireText;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.adapters.EventChecks;
import io.rrralgorithms.connectors.adapters.FrameDecoder;
import io.rrralgorithms.connectors.adapters.JsonNumbers;
import io.rrralgorithms.connectors.adapters.SidedLevels;
import io.rrralgorithms.connectors.model.Decimals;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Decodes BitMEX realtime frames ({@code {"table":…,"action":…,"data":[rows]}}) by table:
 *
 * <ul>
 *   <li>{@code orderBookL2}: a book of price levels, each with a venue id. {@code partial} →
 *       {@link EventType#BOOK_SNAPSHOT}; {@code insert}/{@code update}/{@code delete} →
 *       {@link EventType#BOOK_DELTA} (a delete is size 0). In the 2021 feed only
 *       {@code partial}/{@code insert} rows carry the {@code price}; {@code update} rows carry
 *       {@code id, side, size} and {@code delete} rows {@code id, side}. The decoder therefore
 *       keeps, per symbol, the map id → (price, side) learned from the last {@code partial} and
 *       the {@code insert}s since, and resolves update/delete rows with it (a row that does carry
 *       a price, as later versions of the feed send, is taken as is). It does not use BitMEX's
 *       legacy id formula {@code price = (100000000 * index - id) * tick}: it holds for the
 *       recorded data, but with an instrument index that no metadata states and, for XBTUSD, a
 *       tick of 0.01 instead of the listed 0.5. See {@link BitmexSyncRules} for how a delta the
 *       map cannot resolve becomes a gap.
 *   <li>{@code trade}: {@code insert} rows → {@link EventType#TRADE}, one per row; {@code side} is
 *       the taker's. The {@code partial} sent on subscription holds the trades from
 *       <em>before</em> the session (the recorded one reaches back 90 minutes): ignored, like
 *       Coinbase's {@code last_match}. BitMEX's {@code trdMatchID} is a UUID, unordered, while
 *       trade bars take open and close by trade-id order; so {@link MarketEvent#tradeId} is an
 *       ordering key, {@code timestamp(ms) * 10000 + position of the row in its frame}: increasing
 *       in the venue's order, unique except for trades of the same millisecond in different frames.
 *   <li>{@code quote}: every row ({@code partial} and {@code insert}) → {@link EventType#BBO}; a
 *       side without a quote (null price) has no level.
 *   <li>ignored: the welcome {@code info}, {@code "success":true} replies, the {@code pong} of a
 *       keep-alive ping, and the tables {@code funding}, {@code instrument} (which carries the
 *       funding rate and mark price), {@code liquidation}, {@code settlement}, {@code insurance}.
 * </ul>
 *
 * A frame may hold rows of several symbols (a subscription to a whole table): book rows become one
 * event per symbol, in order of first appearance. BitMEX sends no sequence numbers (integrity
 * rests on the connection's order; no gap can be detected in the venue's stream) and no checksum.
 * Prices and sizes are JSON numbers, read exactly (see {@link JsonNumbers}); sizes are contracts.
 * A price finer than 1e-8 (TRXU21's tick is 1e-10) cannot be held exactly and makes its frame a
 * dead letter. An {@code error} frame, unknown table or action, malformed JSON or a wrong field is a
 * {@link DecodeException}. Book rows carry no time in 2021 (exchange time 0, where later feeds send
 * {@code timestamp} it is used); trades and quotes carry their {@code timestamp}.
 *
 * <p>The id map is state outside Flink's checkpoints: one decoder sees each symbol's frames in
 * order (the partition key is the symbol), several symbols may share a decoder across threads
 * (a concurrent map of per-symbol sessions).
 */
final class BitmexFrameDecoder implements FrameDecoder {
    /** The update id of a delta the decoder could not resolve to prices: it breaks the book. */
    static final long UNRESOLVED = MarketEvent.NONE;

    private static final Set<String> IGNORED_TABLES = Set.of(
            "funding", "instrument", "liquidation", "settlement", "insurance");
    private static final byte[] PONG = "pong".getBytes(StandardCharsets.US_ASCII);

    private final String feed;
    /** Per symbol: the id map of the book since its last partial. */
    private final ConcurrentHashMap<String, Session> sessions = new ConcurrentHashMap<>();

    BitmexFrameDecoder(String feed) {
        this.feed = feed;
    }

    /** The id → level map of one symbol's book since a partial. */
    private static final class Session implements Serializable {
        /** The receive time (ns) of the partial: the update id of the snapshot and its deltas. */
        final long id;
        final Map<Long, Level> levels = new HashMap<>();

        Session(long id) {
            this.id = id;
        }
    }

    /** A level's price as decoded, with the scale of that frame's decode. */
    private record Level(long price, int scale, boolean bid) implements Serializable {
        /** The price at the scale now decoded at; throws (a finer decode is then needed) if not exact there. */
        long priceAt(int decodeScale) throws DecodeException {
            try {
                return Decimals.rescale(price, scale, decodeScale);
            } catch (ArithmeticException e) {
                throw new DecodeException("known level price " + Decimals.toPlainString(price, scale)
                        + " is not exact at scale " + decodeScale,
                        Decimals.ScaleException.needs(e.getMessage(), scale, Decimals.MAX_SCALE));
            }
        }
    }

    /** One validated orderBookL2 row; price NONE where the row has none. */
    private record Row(long id, boolean bid, long price, long size, long timeMs) {}

    @Override
    public Result decode(RawFrame frame, Consumer<MarketEvent> out) throws DecodeException {
        if (Arrays.equals(frame.payload, PONG)) {
            return Result.IGNORED; // reply to a "ping" keep-alive
        }
        JsonNode root = JsonNumbers.parseObject(frame.payload);
        if (root.has("table")) {
            String table = requireText(root, "table");
            String action = requireText(root, "action");
            JsonNode data = requireArray(root, "data", "an array of rows");
            return switch (table) {
                case "orderBookL2" -> book(frame, root, action, data, out);
                case "trade" -> trades(frame, action, data, out);
                case "quote" -> quotes(frame, action, data, out);
                default -> {
                    if (IGNORED_TABLES.contains(table)) {
                        yield Result.IGNORED;
                    }
                    throw new DecodeException("unknown table '" + table + "'");
                }
            };
        }
        if (root.has("error")) {
            JsonNode status = root.get("status");
            throw new DecodeException("venue error message: " + root.get("error").asText()
                    + (status == null ? "" : " (status " + status.asText() + ")"));
        }
        if (root.has("info")) {
            return Result.IGNORED; // welcome message
        }
        if (root.has("success")) {
            if (root.get("success").asBoolean(false)) {
                return Result.IGNORED; // subscribe / unsubscribe reply
            }
            throw new DecodeException("venue refused the request: " + root);
        }
        throw new DecodeException("unknown message: no 'table', 'info', 'success' or 'error'");
    }

    // ------------------------------------------------------------------ orderBookL2

    private Result book(RawFrame frame, JsonNode root, String action, JsonNode data, Consumer<MarketEvent> out)
            throws DecodeException {
        if (!Set.of("partial", "insert", "update", "delete").contains(action)) {
            throw new DecodeException("unknown orderBookL2 action '" + action + "'");
        }
        boolean withPrice = action.equals("partial") || action.equals("insert");
        // validate every row before any state changes: a dead-lettered frame leaves the maps as they were
        Map<String, List<Row>> bySymbol = new LinkedHashMap<>();
        for (int i = 0; i < data.size(); i++) {
            JsonNode r = requireObjectAt(data, "data", i);
            String where = "data[" + i + "]";
            String symbol = symbolOf(r, where);
            long id = requireLong(r, "id");
            if (id < 0) { // BitMEX level ids are positive: a negative one would unbook the symbol's whole session
                throw new DecodeException("field '" + where + ".id' must not be negative, got " + id);
            }
            boolean bid = requireSide(r, "side", where, "Buy", "Sell");
            long price = withPrice || r.hasNonNull("price") ? JsonNumbers.requireNumber(r, "price") : MarketEvent.NONE;
            long size = action.equals("delete") ? 0L : JsonNumbers.requireNumber(r, "size");
            if ((price != MarketEvent.NONE && price <= 0) || size < 0 || (withPrice && size == 0)) {
                throw new DecodeException("field '" + where + "' has a non-positive price or size");
            }
            long timeMs = r.hasNonNull("timestamp") ? requireIsoTimeMs(r, "timestamp") : 0L;
            bySymbol.computeIfAbsent(symbol, s -> new ArrayList<>()).add(new Row(id, bid, price, size, timeMs));
        }
        if (action.equals("partial") && data.isEmpty()) {
            // an empty book: the symbol is only in the subscription filter
            JsonNode filter = root.path("filter").path("symbol");
            if (filter.isTextual()) {
                bySymbol.put(filter.textValue(), List.of());
            }
        }
        Map<String, String> normalized = new HashMap<>();
        for (String s : bySymbol.keySet()) {
            normalized.put(s, BitmexSymbols.normalize(s));
        }
        if (bySymbol.isEmpty()) {
            return Result.IGNORED;
        }
        for (Map.Entry<String, List<Row>> e : bySymbol.entrySet()) {
            String symbol = e.getKey();
            out.accept(action.equals("partial")
                    ? snapshot(frame, symbol, normalized.get(symbol), e.getValue())
                    : delta(frame, symbol, normalized.get(symbol), action, e.getValue()));
        }
        return Result.EVENTS;
    }

    private MarketEvent snapshot(RawFrame frame, String symbol, String normalized, List<Row> rows) {
        Session s = new Session(frame.receiveTimeNs);
        SidedLevels l = new SidedLevels(rows.size());
        long time = 0;
        int scale = Decimals.decodeScale();
        for (Row r : rows) {
            s.levels.put(r.id, new Level(r.price, scale, r.bid));
            l.add(r.bid, r.price, r.size);
            time = Math.max(time, r.timeMs);
        }
        sessions.put(symbol, s);
        MarketEvent ev = MarketEvent.snapshot(feed, symbol, normalized, frame.receiveTimeNs);
        ev.exchangeTimeMs = time;
        ev.lastUpdateId = s.id;
        return l.into(ev);
    }

    private MarketEvent delta(RawFrame frame, String symbol, String normalized, String action, List<Row> rows)
            throws DecodeException {
        long time = 0;
        for (Row r : rows) {
            time = Math.max(time, r.timeMs);
        }
        MarketEvent ev = MarketEvent.delta(feed, symbol, normalized, frame.receiveTimeNs);
        ev.exchangeTimeMs = time;
        Session s = sessions.get(symbol);
        SidedLevels l = s == null ? null : resolve(s, action, rows);
        if (l == null) {
            // no partial since the decoder started, or an id it never saw: the book cannot follow
            sessions.remove(symbol);
            ev.firstUpdateId = ev.lastUpdateId = ev.prevUpdateId = UNRESOLVED;
            return ev.noLevels();
        }
        ev.firstUpdateId = ev.lastUpdateId = ev.prevUpdateId = s.id;
        return l.into(ev);
    }

    /** The rows as price levels, updating the session's map; null if a row's id is unknown. */
    private static SidedLevels resolve(Session s, String action, List<Row> rows) throws DecodeException {
        int scale = Decimals.decodeScale();
        for (Row r : rows) { // before any change: a known price finer than this decode's scale needs a finer decode
            Level known = s.levels.get(r.id);
            if (known != null) {
                known.priceAt(scale);
            }
        }
        SidedLevels l = new SidedLevels(2 * rows.size()); // a side change takes two levels
        for (Row r : rows) {
            switch (action) {
                case "insert" -> {
                    s.levels.put(r.id, new Level(r.price, scale, r.bid));
                    l.add(r.bid, r.price, r.size);
                }
                case "update" -> {
                    Level known = s.levels.get(r.id);
                    if (known == null && r.price == MarketEvent.NONE) {
                        return null;
                    }
                    long price = r.price != MarketEvent.NONE ? r.price : known.priceAt(scale);
                    if (known != null && known.bid != r.bid) {
                        l.add(known.bid, known.priceAt(scale), 0L); // the level changed sides
                    }
                    s.levels.put(r.id, new Level(price, scale, r.bid));
                    l.add(r.bid, price, r.size);
                }
                default -> { // delete
                    Level known = s.levels.remove(r.id);
                    if (known == null && r.price == MarketEvent.NONE) {
                        return null;
                    }
                    l.add(known != null ? known.bid : r.bid, known != null ? known.priceAt(scale) : r.price, 0L);
                }
            }
        }
        return l;
    }

    // ------------------------------------------------------------------ trade, quote

    private Result trades(RawFrame frame, String action, JsonNode data, Consumer<MarketEvent> out)
            throws DecodeException {
        switch (action) {
            case "partial" -> {
                return Result.IGNORED; // trades from before the subscription
            }
            case "insert" -> { }
            default -> throw new DecodeException("unknown trade action '" + action + "'");
        }
        List<MarketEvent> evs = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            JsonNode r = requireObjectAt(data, "data", i);
            String where = "data[" + i + "]";
            String symbol = symbolOf(r, where);
            long timeMs = requireIsoTimeMs(r, "timestamp");
            MarketEvent t = MarketEvent.trade(feed, symbol, BitmexSymbols.normalize(symbol), frame.receiveTimeNs);
            t.exchangeTimeMs = timeMs;
            t.price = JsonNumbers.requireNumber(r, "price");
            t.size = JsonNumbers.requireNumber(r, "size");
            t.takerBuy = requireSide(r, "side", where, "Buy", "Sell");
            requireText(r, "trdMatchID");
            t.tradeId = t.exchangeTimeMs * 10_000L + Math.min(i, 9_999);
            evs.add(EventChecks.requirePositiveTrade(t, "trade with non-positive price or size"));
        }
        return emitAll(out, evs);
    }

    private Result quotes(RawFrame frame, String action, JsonNode data, Consumer<MarketEvent> out)
            throws DecodeException {
        if (!action.equals("partial") && !action.equals("insert")) {
            throw new DecodeException("unknown quote action '" + action + "'");
        }
        List<MarketEvent> evs = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            JsonNode r = requireObjectAt(data, "data", i);
            String symbol = symbolOf(r, "data[" + i + "]");
            long timeMs = requireIsoTimeMs(r, "timestamp");
            MarketEvent q = MarketEvent.bbo(feed, symbol, BitmexSymbols.normalize(symbol), frame.receiveTimeNs);
            q.exchangeTimeMs = timeMs;
            evs.add(q.levels(quoteSide(r, "bidPrice", "bidSize"), quoteSide(r, "askPrice", "askSize")));
        }
        return emitAll(out, evs);
    }

    private static long[][] quoteSide(JsonNode r, String priceField, String sizeField) throws DecodeException {
        if (!r.hasNonNull(priceField)) {
            return new long[][] {MarketEvent.NO_LEVELS, MarketEvent.NO_LEVELS}; // no quote on this side
        }
        long price = JsonNumbers.requireNumber(r, priceField);
        long size = r.hasNonNull(sizeField) ? JsonNumbers.requireNumber(r, sizeField) : 0L;
        if (price <= 0 || size < 0) {
            throw new DecodeException("field '" + priceField + "' or '" + sizeField + "' is out of range");
        }
        return new long[][] {{price}, {size}};
    }

    // ------------------------------------------------------------------ fields

    private static String symbolOf(JsonNode r, String where) throws DecodeException {
        String s = requireText(r, "symbol");
        if (s.isEmpty()) {
            throw new DecodeException("field '" + where + ".symbol' is empty");
        }
        return s;
    }

}
