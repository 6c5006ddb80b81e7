package io.rrralgorithms.connectors.adapters.kraken;

import static io.rrralgorithms.connectors.adapters.FrameDecoder.emit;
import static io.rrralgorithms.connectors.adapters.JsonFields.decimal;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireText;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.adapters.EventChecks;
import io.rrralgorithms.connectors.adapters.JsonFields;
import io.rrralgorithms.connectors.adapters.JsonFrameDecoder;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Decodes Kraken spot WebSocket v1 frames. Data frames are arrays
 * {@code [channelID, payload..., channelName, pair]}; everything else is an {@code event} object.
 *
 * <ul>
 *   <li>{@code book-N} snapshot {@code {"as":[...],"bs":[...]}} → {@link EventType#BOOK_SNAPSHOT}.
 *       Entries are {@code [price, volume, timestamp]} strings. The exchange time is the newest
 *       level timestamp. Its {@link MarketEvent#lastUpdateId} (as every book update's) is the frame's
 *       receive time in ns: Kraken v1 has no sequence, and {@link KrakenVenue#RULES} uses it to drop
 *       diffs received before a snapshot. N (the subscribed depth, the window the venue maintains) is carried in
 *       {@link MarketEvent#bookDepth} for the depth window of {@link KrakenVenue#RULES};
 *   <li>{@code book-N} update → one {@link EventType#BOOK_DELTA} per frame: {@code a} asks and/or
 *       {@code b} bids, which may come in one object or in two ({@code [id, {"a":..}, {"b":..,"c":..},
 *       "book-10", pair]}); entries {@code [price, volume, timestamp(, "r")]} ({@code "r"}: a level
 *       republished because it entered the window), volume 0 removes. {@code c} is the CRC32
 *       checksum of the book after the update ({@link KrakenChecksum}); it is carried with the
 *       number of fractional digits of the frame's price and volume strings
 *       ({@code priceDecimals}/{@code sizeDecimals}), which the checksum needs to rebuild the
 *       venue's strings and which differ from AssetPairs' {@code pair_decimals} on some pairs.
 *       The exchange time is the newest entry timestamp;
 *   <li>{@code trade} → one {@link EventType#TRADE} per entry {@code [price, volume, time, side,
 *       orderType, misc]}: {@code side} is the taker's ({@code "b"}: the aggressor bought). Kraken
 *       v1 trades carry no trade id ({@code tradeId} stays {@link MarketEvent#NONE});
 *   <li>{@code ticker} → {@link EventType#BBO} from {@code a}/{@code b} = {@code [price,
 *       wholeLotVolume, lotVolume]} (size = lotVolume; the ticker has no time: 0);
 *   <li>{@code spread} → {@link EventType#BBO} from {@code [bid, ask, timestamp, bidVolume,
 *       askVolume]} (volumes absent in old versions: size 0);
 *   <li>ignored: {@code ohlc-N} data, and the events {@code heartbeat}, {@code systemStatus},
 *       {@code subscriptionStatus} (unless its status is {@code error}) and {@code pong}.
 * </ul>
 *
 * An {@code error} event, a failed subscription, an unknown channel or event, malformed JSON, a
 * wrong field type or a price/volume that is not an exact 8-decimal number is a
 * {@link DecodeException} (a dead letter). Pairs are the {@code wsname}s ({@code XBT/USD}), the
 * native symbol; normalized as {@code BTC-USD} by {@link NormalizedSymbols}.
 */
final class KrakenFrameDecoder extends JsonFrameDecoder {
    KrakenFrameDecoder(String feed) {
        super(feed, JsonFields::parseTree);
    }

    @Override
    protected Result decode(RawFrame frame, JsonNode root, Consumer<MarketEvent> out) throws DecodeException {
        if (root == null || !(root.isObject() || root.isArray())) {
            throw new DecodeException("frame is neither a JSON object nor an array");
        }
        if (root.isObject()) {
            return event(root);
        }
        int n = root.size();
        if (n < 4) {
            throw new DecodeException("data frame must be [channelID, payload, channelName, pair], got an array of " + n);
        }
        JsonNode id = root.get(0);
        if (!id.isIntegralNumber()) {
            throw new DecodeException("field 'channelID' must be an integer, got " + id.getNodeType());
        }
        String channel = text(root.get(n - 2), "channelName");
        String pair = text(root.get(n - 1), "pair");
        String symbol = KrakenSymbols.normalize(pair);
        if (channel.equals("trade")) {
            single(n, channel);
            trades(frame, root.get(1), pair, symbol, out);
            return Result.EVENTS;
        }
        if (channel.equals("ticker")) {
            single(n, channel);
            return emit(out, ticker(frame, root.get(1), pair, symbol));
        }
        if (channel.equals("spread")) {
            single(n, channel);
            return emit(out, spread(frame, root.get(1), pair, symbol));
        }
        if (channel.startsWith("book-")) {
            int depth = depthOf(channel);
            return emit(out, book(frame, root, n, depth, pair, symbol));
        }
        if (channel.startsWith("ohlc-")) {
            return Result.IGNORED; // candles: not used by the pipeline
        }
        throw new DecodeException("unknown channel '" + channel + "'");
    }

    private static Result event(JsonNode root) throws DecodeException {
        String event = requireText(root, "event");
        switch (event) {
            case "heartbeat", "systemStatus", "pong" -> {
                return Result.IGNORED;
            }
            case "subscriptionStatus" -> {
                if ("error".equals(root.path("status").asText())) {
                    throw new DecodeException("venue error message: subscription failed: "
                            + root.path("errorMessage").asText() + " (" + root.path("pair").asText() + ")");
                }
                return Result.IGNORED;
            }
            case "error" -> throw new DecodeException("venue error message: " + root.path("errorMessage").asText());
            default -> throw new DecodeException("unknown event '" + event + "'");
        }
    }

    private static void single(int n, String channel) throws DecodeException {
        if (n != 4) {
            throw new DecodeException(channel + " frame must be [channelID, payload, channelName, pair], got an array of " + n);
        }
    }

    private static String text(JsonNode n, String what) throws DecodeException {
        if (!n.isTextual()) {
            throw new DecodeException("field '" + what + "' must be a string, got " + n.getNodeType());
        }
        return n.textValue();
    }

    private static int depthOf(String channel) throws DecodeException {
        try {
            int d = Integer.parseInt(channel.substring("book-".length()));
            if (d > 0) {
                return d;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new DecodeException("channel '" + channel + "' must be book-N with a positive depth N");
    }

    private MarketEvent base(RawFrame frame, EventType type, String pair, String symbol) {
        return MarketEvent.of(type, feed, pair, symbol, frame.receiveTimeNs);
    }

    // ---- trades

    private void trades(RawFrame frame, JsonNode entries, String pair, String symbol, Consumer<MarketEvent> out)
            throws DecodeException {
        if (!entries.isArray() || entries.isEmpty()) {
            throw new DecodeException("trade payload must be a non-empty array of trades, got "
                    + (entries.isArray() ? "an empty array" : entries.getNodeType().toString()));
        }
        MarketEvent[] evs = new MarketEvent[entries.size()];
        for (int i = 0; i < evs.length; i++) {
            JsonNode t = entries.get(i);
            String where = "trade[" + i + "]";
            if (!t.isArray() || t.size() < 5) {
                throw new DecodeException("field '" + where + "' must be [price, volume, time, side, orderType, misc], got "
                        + (t.isArray() ? "an array of " + t.size() : t.getNodeType().toString()));
            }
            MarketEvent ev = base(frame, EventType.TRADE, pair, symbol);
            ev.price = decimal(t.get(0), where + ".price");
            ev.size = decimal(t.get(1), where + ".volume");
            ev.exchangeTimeMs = secondsToMs(t.get(2), where + ".time");
            // b: the taker (triggering order) bought
            ev.takerBuy = JsonFields.side(text(t.get(3), where + ".side"), "side", where, "b", "s");
            evs[i] = EventChecks.requirePositiveTrade(ev, where, "volume");
        }
        for (MarketEvent ev : evs) { // all or nothing: a bad entry dead-letters the whole frame
            out.accept(ev);
        }
    }

    // ---- BBO

    private MarketEvent ticker(RawFrame frame, JsonNode t, String pair, String symbol) throws DecodeException {
        if (!t.isObject()) {
            throw new DecodeException("ticker payload must be an object, got " + t.getNodeType());
        }
        MarketEvent ev = base(frame, EventType.BBO, pair, symbol);
        JsonNode a = t.get("a");
        JsonNode b = t.get("b");
        for (String f : new String[] {"a", "b"}) {
            JsonNode n = t.get(f);
            if (n == null || !n.isArray() || n.size() < 3) {
                throw new DecodeException(n == null ? "missing field '" + f + "' (expected [price, wholeLotVolume, lotVolume])"
                        : "field '" + f + "' must be [price, wholeLotVolume, lotVolume]");
            }
        }
        long ask = decimal(a.get(0), "a.price"); // read before b: a frame with both wrong names a's field
        long askSize = decimal(a.get(2), "a.lotVolume");
        return ev.top(decimal(b.get(0), "b.price"), decimal(b.get(2), "b.lotVolume"), ask, askSize);
    }

    private MarketEvent spread(RawFrame frame, JsonNode s, String pair, String symbol) throws DecodeException {
        if (!s.isArray() || s.size() < 3) {
            throw new DecodeException("spread payload must be [bid, ask, timestamp, bidVolume, askVolume]");
        }
        MarketEvent ev = base(frame, EventType.BBO, pair, symbol);
        long bid = decimal(s.get(0), "spread.bid");
        long ask = decimal(s.get(1), "spread.ask");
        ev.exchangeTimeMs = secondsToMs(s.get(2), "spread.timestamp");
        long bidSize = s.size() > 3 ? decimal(s.get(3), "spread.bidVolume") : 0L;
        long askSize = s.size() > 4 ? decimal(s.get(4), "spread.askVolume") : 0L;
        return ev.top(bid, bidSize, ask, askSize);
    }

    // ---- book

    /** Levels of one side with the newest timestamp and the strings' fractional digits. */
    private static final class Side {
        long[] prices = new long[0];
        long[] sizes = new long[0];
        int n;
        long maxTimeMs;
        int priceDecimals = -1;
        int sizeDecimals = -1;

        void add(JsonNode levels, String field, boolean snapshot) throws DecodeException {
            if (!levels.isArray()) {
                throw new DecodeException("field '" + field + "' must be an array of [price, volume, timestamp] levels, got "
                        + levels.getNodeType());
            }
            int need = n + levels.size();
            if (need > prices.length) {
                prices = Arrays.copyOf(prices, need);
                sizes = Arrays.copyOf(sizes, need);
            }
            for (int i = 0; i < levels.size(); i++) {
                JsonNode l = levels.get(i);
                String where = field + "[" + i + "]";
                if (!l.isArray() || l.size() < 3 || l.size() > 4) {
                    throw new DecodeException("field '" + where + "' must be a [price, volume, timestamp(, \"r\")] array, got "
                            + (l.isArray() ? "an array of " + l.size() : l.getNodeType().toString()));
                }
                if (l.size() == 4 && !(l.get(3).isTextual() && l.get(3).textValue().equals("r"))) {
                    throw new DecodeException("field '" + where + "[3]' must be the republish flag \"r\"");
                }
                long price = decimal(l.get(0), where + ".price");
                long size = decimal(l.get(1), where + ".volume");
                if (price <= 0 || size < 0 || (snapshot && size == 0)) {
                    throw new DecodeException("field '" + where + "' has a non-positive price or "
                            + (snapshot ? "non-positive" : "negative") + " volume");
                }
                if (priceDecimals < 0) {
                    priceDecimals = fractionDigits(l.get(0).textValue());
                    sizeDecimals = fractionDigits(l.get(1).textValue());
                }
                maxTimeMs = Math.max(maxTimeMs, secondsToMs(l.get(2), where + ".timestamp"));
                prices[n] = price;
                sizes[n++] = size;
            }
        }
    }

    private MarketEvent book(RawFrame frame, JsonNode root, int n, int depth, String pair, String symbol)
            throws DecodeException {
        JsonNode first = root.get(1);
        if (!first.isObject()) {
            throw new DecodeException("book payload must be an object, got " + first.getNodeType());
        }
        Side bids = new Side();
        Side asks = new Side();
        MarketEvent ev;
        if (first.has("as") || first.has("bs")) {
            if (n != 4) {
                throw new DecodeException("book snapshot frame must hold one object, got " + (n - 3));
            }
            for (String f : new String[] {"as", "bs"}) {
                if (!first.has(f)) {
                    throw new DecodeException("missing field '" + f + "' (expected the snapshot's levels)");
                }
            }
            asks.add(first.get("as"), "as", true);
            bids.add(first.get("bs"), "bs", true);
            ev = base(frame, EventType.BOOK_SNAPSHOT, pair, symbol);
            ev.bookDepth = depth; // the window N of book-N, for KrakenSyncRules.maxDepth
        } else {
            ev = base(frame, EventType.BOOK_DELTA, pair, symbol);
            for (int k = 1; k <= n - 3; k++) {
                JsonNode o = root.get(k);
                if (!o.isObject()) {
                    throw new DecodeException("book update payload must be objects, got " + o.getNodeType());
                }
                if (!o.has("a") && !o.has("b")) {
                    throw new DecodeException("book update object has neither 'a' nor 'b' levels");
                }
                if (o.has("a")) {
                    asks.add(o.get("a"), "a", false);
                }
                if (o.has("b")) {
                    bids.add(o.get("b"), "b", false);
                }
                if (o.has("c")) {
                    ev.checksum = checksum(o.get("c"));
                }
            }
        }
        ev.exchangeTimeMs = Math.max(asks.maxTimeMs, bids.maxTimeMs);
        ev.lastUpdateId = frame.receiveTimeNs; // receive order stands in for the missing sequence
        ev.levels(Arrays.copyOf(bids.prices, bids.n), Arrays.copyOf(bids.sizes, bids.n),
                Arrays.copyOf(asks.prices, asks.n), Arrays.copyOf(asks.sizes, asks.n));
        ev.priceDecimals = asks.priceDecimals >= 0 ? asks.priceDecimals : bids.priceDecimals;
        ev.sizeDecimals = asks.sizeDecimals >= 0 ? asks.sizeDecimals : bids.sizeDecimals;
        return ev;
    }

    /** {@code "c":"2583817756"}: an unsigned 32-bit value as a decimal string. */
    private static long checksum(JsonNode c) throws DecodeException {
        if (!c.isTextual()) {
            throw new DecodeException("field 'c' must be a checksum string, got " + c.getNodeType());
        }
        String s = c.textValue();
        if (s.isEmpty() || s.length() > 10 || !s.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw new DecodeException("field 'c' is not an unsigned 32-bit checksum: '" + s + "'");
        }
        long v = Long.parseLong(s);
        if (v > 0xFFFF_FFFFL) {
            throw new DecodeException("field 'c' is not an unsigned 32-bit checksum: '" + s + "'");
        }
        return v;
    }

    // ---- numbers

    private static int fractionDigits(String s) {
        int dot = s.indexOf('.');
        return dot < 0 ? 0 : s.length() - dot - 1;
    }

    /** Kraken's {@code "1618678142.557535"} seconds → ms (truncated), exactly, without floating point. */
    static long secondsToMs(JsonNode n, String what) throws DecodeException {
        if (n == null || !n.isTextual()) {
            throw new DecodeException("field '" + what + "' must be a seconds string, got "
                    + (n == null ? "nothing" : n.getNodeType().toString()));
        }
        String s = n.textValue();
        int dot = s.indexOf('.');
        String whole = dot < 0 ? s : s.substring(0, dot);
        String frac = dot < 0 ? "" : s.substring(dot + 1);
        if (whole.isEmpty() || whole.length() > 12 || !digits(whole) || !digits(frac)) {
            throw new DecodeException("field '" + what + "' is not a time in seconds: '" + s + "'");
        }
        long ms = Long.parseLong(whole) * 1000L;
        for (int i = 0; i < 3; i++) {
            ms += (i < frac.length() ? frac.charAt(i) - '0' : 0) * (i == 0 ? 100 : i == 1 ? 10 : 1);
        }
        return ms;
    }

    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
