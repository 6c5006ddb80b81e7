package io.rrralgorithms.connectors.adapters.okx;

import static io.rrralgorithms.connectors.adapters.JsonFields.decimal;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.adapters.EventChecks;
import io.rrralgorithms.connectors.adapters.FrameDecoder;
import io.rrralgorithms.connectors.adapters.JsonFields;
import io.rrralgorithms.connectors.adapters.JsonFields.LevelReader;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Decodes OKX public WebSocket v5 frames {@code {"arg":{"channel":C,"instId":I},("action":A,)"data":[...]}}
 * by channel:
 *
 * <ul>
 *   <li>{@code books} (400 levels), {@code books-l2-tbt} (400), {@code books50-l2-tbt} (50):
 *       {@code "action":"snapshot"} → {@link EventType#BOOK_SNAPSHOT} with the window in
 *       {@link MarketEvent#bookDepth} (for {@link OkxSyncRules#maxDepth}); {@code "update"} →
 *       {@link EventType#BOOK_DELTA}. Levels {@code [price, size, liquidatedOrders, orders]}
 *       strings, size 0 removes. {@code ts} (ms) is the exchange time; {@code checksum} (signed
 *       32-bit integer, snapshot and update) is carried for {@link OkxChecksum}. OKX writes its
 *       numbers in canonical shortest form (no trailing zeros), so the decimals stay unknown (-1)
 *       and the checksum rebuilds the shortest strings. The recorded (early 2022) frames carry no
 *       venue sequence: the update id is then the frame's receive time (ns). Frames with
 *       {@code seqId}/{@code prevSeqId} (OKX added them in 2022) carry them as
 *       {@code lastUpdateId}/{@code prevUpdateId} instead ({@code prevSeqId} -1 on a snapshot),
 *       see {@link OkxSyncRules};
 *   <li>{@code books5}: every push is the whole top 5 → {@link EventType#BOOK_SNAPSHOT}, depth 5;
 *   <li>{@code trades} → one {@link EventType#TRADE} per entry {@code {instId, tradeId, px, sz,
 *       side, ts}}: {@code side} is the taker's ({@code buy}: the aggressor bought), {@code tradeId}
 *       numeric. On subscription OKX pushes the instrument's last trade from <em>before</em> the
 *       session (in the capture 25 s, 10 s and 0.7 s old, ahead of any live trade); like Coinbase's
 *       {@code last_match} it is not counted: the decoder remembers, per instrument, the receive
 *       time of the {@code trades} subscription ack and skips entries whose exchange time is
 *       earlier (a frame of only such entries is IGNORED). This compares the venue's clock with
 *       the local one, so it assumes the skew is below the latency; without receive times (0) no
 *       trade is skipped. The ack and the trades of an instrument share the partition key
 *       ({@code instId}), so they reach the same decoder in order; the memory is per instrument,
 *       not per connection (two sockets subscribing the same instrument share it);
 *   <li>{@code tickers} ({@code bidPx/bidSz/askPx/askSz}) and {@code bbo-tbt} (one level per
 *       side) → {@link EventType#BBO}; a side without orders (a ticker's {@code "bidPx":""}, an
 *       empty {@code bbo-tbt} array) is a BBO without that side;
 *   <li>ignored: {@code funding-rate}, {@code mark-price}, {@code index-tickers},
 *       {@code open-interest}, {@code price-limit}, {@code opt-summary}, {@code estimated-price}
 *       and {@code candle*} data (no normalized event type carries them; none is in the capture),
 *       the events {@code subscribe}/{@code unsubscribe} (acks) and the text {@code pong}.
 * </ul>
 *
 * {@code {"event":"error","code","msg"}} is a {@link DecodeException} with the venue's message;
 * so are malformed JSON, an unknown event, channel or action, a wrong field type, a number that is
 * not an exact decimal at any long mantissa scale and an instId that the feed's symbols refuse.
 *
 * <p>OKCoin runs the same v5 API ({@code adapters/okcoin}): it declares this decoder with its own
 * feed id and symbols (spot only), hence the public constructor.
 */
public final class OkxFrameDecoder implements FrameDecoder {
    private static final LevelReader BOOK_LEVEL = (l, where, prices, sizes, i) ->
            level(l, where, prices, sizes, i, true);
    private static final LevelReader UPDATE_LEVEL = (l, where, prices, sizes, i) ->
            level(l, where, prices, sizes, i, false);

    private final String feed;
    private final InstIdSymbols symbols;
    /** instId → receive time (ms) of its latest {@code trades} subscription ack. */
    private final Map<String, Long> tradesSubscribedAtMs = new ConcurrentHashMap<>();

    /** A feed's instId → normalized symbol rule, kept (and serialized) with the decoder. */
    @FunctionalInterface
    public interface InstIdSymbols extends Serializable {
        String normalize(String instId) throws DecodeException;
    }

    OkxFrameDecoder(String feed) {
        this(feed, OkxSymbols::normalize);
    }

    /**
     * A decoder of a feed speaking OKX's v5 protocol.
     *
     * @param symbols the feed's instId → normalized symbol rule; a refusal (a {@link DecodeException}
     *     or an {@link IllegalArgumentException}) is the frame's dead-letter reason
     */
    public OkxFrameDecoder(String feed, InstIdSymbols symbols) {
        this.feed = feed;
        this.symbols = symbols;
    }

    @Override
    public Result decode(RawFrame frame, Consumer<MarketEvent> out) throws DecodeException {
        byte[] payload = frame.payload;
        if (payload == null || payload.length == 0) {
            throw new DecodeException("empty frame");
        }
        if (payload.length <= 8 && new String(payload, StandardCharsets.UTF_8).trim().equals("pong")) {
            return Result.IGNORED;
        }
        JsonNode root = JsonFields.parseObject(payload);
        if (root.has("event")) {
            return event(frame, root);
        }
        JsonNode arg = root.get("arg");
        if (arg == null || !arg.isObject()) {
            throw new DecodeException("missing field 'arg' (expected {\"channel\",\"instId\"}) and no 'event'");
        }
        String channel = text(arg, "channel");
        JsonNode data = root.get("data");
        if (data == null || !data.isArray()) {
            throw new DecodeException("field 'data' must be an array, got " + (data == null ? "nothing" : data.getNodeType()));
        }
        switch (channel) {
            case "funding-rate", "mark-price", "index-tickers", "open-interest", "price-limit", "opt-summary",
                    "estimated-price" -> {
                return Result.IGNORED;
            }
            default -> {
                if (channel.startsWith("candle") || channel.startsWith("mark-price-candle")
                        || channel.startsWith("index-candle")) {
                    return Result.IGNORED;
                }
            }
        }
        String instId = text(arg, "instId");
        String symbol = symbol(instId);
        List<MarketEvent> evs = new ArrayList<>(data.size());
        switch (channel) {
            case "trades" -> trades(frame, data, instId, symbol, evs);
            case "tickers" -> {
                for (int i = 0; i < data.size(); i++) {
                    evs.add(ticker(frame, data.get(i), instId, symbol));
                }
            }
            case "bbo-tbt" -> {
                for (int i = 0; i < data.size(); i++) {
                    evs.add(book(frame, data.get(i), "data[" + i + "]", instId, symbol, EventType.BBO, 0));
                }
            }
            case "books", "books-l2-tbt", "books50-l2-tbt" -> {
                String action = text(root, "action");
                EventType type = switch (action) {
                    case "snapshot" -> EventType.BOOK_SNAPSHOT;
                    case "update" -> EventType.BOOK_DELTA;
                    default -> throw new DecodeException("unknown book action '" + action + "'");
                };
                int depth = channel.equals("books50-l2-tbt") ? 50 : 400;
                for (int i = 0; i < data.size(); i++) {
                    evs.add(book(frame, data.get(i), "data[" + i + "]", instId, symbol, type, depth));
                }
            }
            case "books5" -> {
                for (int i = 0; i < data.size(); i++) {
                    evs.add(book(frame, data.get(i), "data[" + i + "]", instId, symbol, EventType.BOOK_SNAPSHOT, 5));
                }
            }
            default -> throw new DecodeException("unknown channel '" + channel + "'");
        }
        if (evs.isEmpty()) {
            if (channel.equals("trades") && !data.isEmpty()) {
                return Result.IGNORED; // only trades from before the subscription
            }
            throw new DecodeException("field 'data' is empty");
        }
        evs.forEach(out); // all or nothing: a bad entry dead-letters the whole frame
        return Result.EVENTS;
    }

    private Result event(RawFrame frame, JsonNode root) throws DecodeException {
        String event = text(root, "event");
        switch (event) {
            case "subscribe" -> {
                JsonNode arg = root.get("arg");
                if (arg != null && arg.isObject() && "trades".equals(arg.path("channel").asText())
                        && arg.path("instId").isTextual() && frame.receiveTimeNs > 0) {
                    tradesSubscribedAtMs.merge(arg.get("instId").textValue(), frame.receiveTimeNs / 1_000_000L, Math::max);
                }
                return Result.IGNORED;
            }
            case "unsubscribe" -> {
                return Result.IGNORED;
            }
            case "error" -> throw new DecodeException("venue error message: " + root.path("msg").asText()
                    + " (code " + root.path("code").asText() + ")");
            default -> throw new DecodeException("unknown event '" + event + "'");
        }
    }

    private String symbol(String instId) throws DecodeException {
        try {
            return symbols.normalize(instId);
        } catch (IllegalArgumentException e) {
            throw new DecodeException(e.getMessage());
        }
    }

    private MarketEvent base(RawFrame frame, EventType type, String instId, String symbol) {
        return MarketEvent.of(type, feed, instId, symbol, frame.receiveTimeNs);
    }

    private void trades(RawFrame frame, JsonNode data, String instId, String symbol, List<MarketEvent> evs)
            throws DecodeException {
        Long subscribedAt = tradesSubscribedAtMs.get(instId);
        for (int i = 0; i < data.size(); i++) {
            JsonNode t = data.get(i);
            String where = "data[" + i + "]";
            if (!t.isObject()) {
                throw new DecodeException("field '" + where + "' must be a trade object, got " + t.getNodeType());
            }
            MarketEvent ev = base(frame, EventType.TRADE, instId, symbol);
            ev.price = decimal(t.get("px"), where + ".px");
            ev.size = decimal(t.get("sz"), where + ".sz");
            ev.exchangeTimeMs = millis(t, "ts", where);
            ev.tradeId = digits(t, "tradeId", where);
            ev.takerBuy = JsonFields.side(text(t, "side"), "side", where, "buy", "sell"); // the taker's side
            EventChecks.requirePositiveTrade(ev, where, "size");
            if (t.has("instId") && !instId.equals(t.get("instId").asText())) {
                throw new DecodeException("field '" + where + ".instId' differs from the arg's '" + instId + "'");
            }
            if (subscribedAt != null && ev.exchangeTimeMs < subscribedAt) {
                continue; // the last trade before the subscription, re-sent on subscribe: not counted
            }
            evs.add(ev);
        }
    }

    private MarketEvent ticker(RawFrame frame, JsonNode t, String instId, String symbol) throws DecodeException {
        if (!t.isObject()) {
            throw new DecodeException("ticker must be an object, got " + t.getNodeType());
        }
        MarketEvent ev = base(frame, EventType.BBO, instId, symbol).levels(tickerSide(t, "bidPx", "bidSz"),
                tickerSide(t, "askPx", "askSz"));
        ev.exchangeTimeMs = millis(t, "ts", "ticker");
        return ev;
    }

    /**
     * One side of a ticker: OKX writes {@code ""} for the price (and {@code ""} or {@code "0"} for
     * the size) of a side without orders (an illiquid option, a new listing): no level there, not a
     * dead letter.
     */
    private static long[][] tickerSide(JsonNode t, String priceField, String sizeField) throws DecodeException {
        JsonNode px = t.get(priceField);
        JsonNode sz = t.get(sizeField);
        if (px != null && px.isTextual() && px.textValue().isEmpty()) {
            if (sz != null && sz.isTextual() && !sz.textValue().isEmpty() && !sz.textValue().equals("0")) {
                throw new DecodeException("field '" + sizeField + "' is " + sz.textValue() + " on a side without a price");
            }
            return new long[][] {MarketEvent.NO_LEVELS, MarketEvent.NO_LEVELS};
        }
        return new long[][] {{decimal(px, priceField)}, {decimal(sz, sizeField)}};
    }

    private MarketEvent book(RawFrame frame, JsonNode b, String where, String instId, String symbol, EventType type,
            int depth) throws DecodeException {
        if (!b.isObject()) {
            throw new DecodeException("field '" + where + "' must be a book object, got " + b.getNodeType());
        }
        MarketEvent ev = base(frame, type, instId, symbol);
        LevelReader level = type == EventType.BOOK_DELTA ? UPDATE_LEVEL : BOOK_LEVEL;
        long[][] asks = levels(b, "asks", level); // before the bids: the first side read wrong names the dead letter
        ev.levels(levels(b, "bids", level), asks);
        ev.exchangeTimeMs = millis(b, "ts", where);
        if (type == EventType.BBO) {
            if (ev.askPrices.length > 1 || ev.bidPrices.length > 1) {
                throw new DecodeException("bbo-tbt must hold at most one level per side");
            }
            return ev;
        }
        JsonNode seq = b.get("seqId");
        if (seq != null) { // frames since mid-2022: the venue's sequence (see OkxSyncRules)
            ev.lastUpdateId = integer(seq, where + ".seqId");
            ev.firstUpdateId = ev.lastUpdateId;
            JsonNode prev = b.get("prevSeqId");
            ev.prevUpdateId = prev == null ? MarketEvent.NONE : integer(prev, where + ".prevSeqId");
            if (type == EventType.BOOK_DELTA && ev.prevUpdateId < 0) {
                throw new DecodeException("field '" + where + ".prevSeqId' must be a non-negative integer on an update");
            }
        } else {
            ev.lastUpdateId = frame.receiveTimeNs; // receive order stands in for the missing sequence
        }
        if (type == EventType.BOOK_SNAPSHOT) {
            ev.bookDepth = depth;
        }
        JsonNode c = b.get("checksum");
        if (c != null) {
            if (!c.isIntegralNumber() || c.longValue() < Integer.MIN_VALUE || c.longValue() > Integer.MAX_VALUE) {
                throw new DecodeException("field '" + where + ".checksum' must be a signed 32-bit integer, got " + c);
            }
            ev.checksum = c.longValue();
        }
        return ev;
    }

    private static long integer(JsonNode n, String what) throws DecodeException {
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw new DecodeException("field '" + what + "' must be an integer, got " + n);
        }
        return n.longValue();
    }

    private static long[][] levels(JsonNode b, String field, LevelReader level) throws DecodeException {
        JsonNode ls = b.get(field);
        if (ls == null || !ls.isArray()) {
            throw new DecodeException("field '" + field + "' must be an array of [price, size, liquidated, orders] levels, got "
                    + (ls == null ? "nothing" : ls.getNodeType()));
        }
        return JsonFields.levels(ls, field, level);
    }

    /** {@code [price, size, liquidated, orders]}; a book (not an update) holds no empty level. */
    private static void level(JsonNode l, String where, long[] prices, long[] sizes, int i, boolean book)
            throws DecodeException {
        if (!l.isArray() || l.size() < 2) {
            throw new DecodeException("field '" + where + "' must be a [price, size, liquidated, orders] array");
        }
        prices[i] = decimal(l.get(0), where + ".price");
        sizes[i] = decimal(l.get(1), where + ".size");
        if (prices[i] <= 0 || sizes[i] < 0 || (book && sizes[i] == 0)) {
            throw new DecodeException("field '" + where + "' has a non-positive price or "
                    + (book ? "non-positive" : "negative") + " size");
        }
    }

    private static String text(JsonNode n, String field) throws DecodeException {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new DecodeException("field '" + field + "' must be a string, got " + (v == null ? "nothing" : v.getNodeType()));
        }
        return v.textValue();
    }

    private static long millis(JsonNode n, String field, String where) throws DecodeException {
        return digits(n, field, where);
    }

    /** A non-negative integer written as a decimal string ({@code "1652459224818"}). */
    private static long digits(JsonNode n, String field, String where) throws DecodeException {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new DecodeException("field '" + where + "." + field + "' must be an integer string, got "
                    + (v == null ? "nothing" : v.getNodeType()));
        }
        String s = v.textValue();
        if (s.isEmpty() || s.length() > 18 || !s.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw new DecodeException("field '" + where + "." + field + "' is not an integer: '" + s + "'");
        }
        return Long.parseLong(s);
    }
}
