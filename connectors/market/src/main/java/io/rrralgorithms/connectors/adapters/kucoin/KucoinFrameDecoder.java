package io.rrralgorithms.connectors.adapters.kucoin;

import static io.rrralgorithms.connectors.adapters.FrameDecoder.emit;
import static io.rrralgorithms.connectors.adapters.JsonFields.decimal;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireDecimal;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireLevels;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireObject;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireSide;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireText;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.adapters.EventChecks;
import io.rrralgorithms.connectors.adapters.RestSnapshotFrameDecoder;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Decodes KuCoin spot WebSocket frames and REST level2 snapshots.
 *
 * <ul>
 *   <li>REST {@code /api/v3/market/orderbook/level2?symbol=X} ({@link FrameKind#REST_SNAPSHOT},
 *       symbol from the frame key) → {@link EventType#BOOK_SNAPSHOT}: {@code data.sequence} is the
 *       book's sequence, {@code data.time} the exchange time; a {@code code} other than
 *       {@code 200000} is an error response (dead letter).
 *   <li>{@code /market/level2:X} ({@code trade.l2update}) → one {@link EventType#BOOK_DELTA}
 *       <em>per change</em>, in sequence order, each with {@code firstUpdateId == lastUpdateId ==}
 *       the change's own sequence. Why per change: a frame spans
 *       {@code sequenceStart..sequenceEnd} and each change {@code [price, size, sequence]} carries
 *       its own sequence; when the REST snapshot's sequence falls inside a frame's span, only the
 *       changes above it may be applied (the ones at or below it are already in the snapshot, and
 *       re-applying an older size would overwrite a newer one). The book operator applies whole
 *       events, so splitting the frame into its changes lets the generic sync protocol drop
 *       exactly the contained changes and chain the rest by {@code sequence + 1}
 *       ({@link KucoinVenue#RULES}); no venue state is needed in the decoder. The changes of a frame
 *       must be exactly the sequences {@code sequenceStart..sequenceEnd}, once each; a frame that
 *       contradicts its own span is malformed. A change with price {@code "0"} (KuCoin's
 *       sequence-only change, e.g. an order change that does not touch an L2 level) becomes a
 *       delta with no level that still advances the sequence. Size {@code "0"} removes the level.
 *       The 2021 l2update has no time (exchange time 0 → receive time); a {@code time} field, as
 *       newer feeds send, is used when present.
 *   <li>{@code /market/match:X} ({@code trade.l3match}) → {@link EventType#TRADE}: {@code side} is
 *       the taker's side; the exchange time is {@code time} in ns (a string), truncated to ms.
 *       KuCoin's {@code tradeId} is a 24-hex-digit (96-bit) object id, which does not fit the
 *       event's {@code long} and is not ordered, so {@link MarketEvent#tradeId} is the match's
 *       {@code sequence}: its position in the symbol's book sequence, unique per symbol and
 *       increasing in the venue's order (what trade bars need for open/close). KuCoin sends no
 *       trades from before the subscription.
 *   <li>{@code /market/ticker:X} ({@code trade.ticker}) → {@link EventType#BBO} with sizes,
 *       {@code sequence} as the update id and {@code time} (ms).
 *   <li>ignored: {@code welcome}, {@code ack} (subscription replies), {@code pong}, and the
 *       channels the pipeline does not use ({@code /market/candles}, {@code /market/snapshot}).
 * </ul>
 *
 * An {@code error} frame, unknown types/topics, malformed JSON, wrong field types, a topic whose
 * symbol differs from the data's, and numbers that are not exact at 8 decimals are
 * {@link DecodeException}s. Note that KuCoin lists ticks of 1e-10 for many BTC-quoted pairs and
 * its books can hold sizes finer than the lot (quote-funded market orders): such frames are
 * dead letters, never rounded.
 */
final class KucoinFrameDecoder extends RestSnapshotFrameDecoder {
    private static final Set<String> IGNORED_TYPES = Set.of("welcome", "ack", "pong");
    private static final Set<String> IGNORED_TOPICS = Set.of("/market/candles", "/market/snapshot");

    KucoinFrameDecoder(String feed) {
        super(feed);
    }

    @Override
    protected Result decodeStream(RawFrame frame, JsonNode root, Consumer<MarketEvent> out) throws DecodeException {
        String type = requireText(root, "type");
        switch (type) {
            case "message" -> {
                return message(frame, root, out);
            }
            case "error" -> throw new DecodeException("venue error message: code " + root.path("code").asText()
                    + " " + root.path("data").asText());
            default -> {
                if (IGNORED_TYPES.contains(type)) {
                    return Result.IGNORED;
                }
                throw new DecodeException("unknown message type '" + type + "'");
            }
        }
    }

    private Result message(RawFrame frame, JsonNode root, Consumer<MarketEvent> out) throws DecodeException {
        String topic = requireText(root, "topic");
        int colon = topic.indexOf(':');
        if (colon <= 0 || colon == topic.length() - 1) {
            throw new DecodeException("topic '" + topic + "' is not '/market/<channel>:<symbol>'");
        }
        String channel = topic.substring(0, colon);
        String topicSymbol = topic.substring(colon + 1);
        if (IGNORED_TOPICS.contains(channel)) {
            return Result.IGNORED;
        }
        String subject = requireText(root, "subject");
        JsonNode data = requireObject(root, "data");
        switch (channel) {
            case "/market/level2" -> {
                expectSubject(subject, "trade.l2update", topic);
                l2update(frame, data, topicSymbol, out);
                return Result.EVENTS;
            }
            case "/market/match" -> {
                expectSubject(subject, "trade.l3match", topic);
                return emit(out, match(frame, data, topicSymbol));
            }
            case "/market/ticker" -> {
                expectSubject(subject, "trade.ticker", topic);
                return emit(out, ticker(frame, data, topicSymbol));
            }
            default -> throw new DecodeException("unknown topic '" + channel + "' in '" + topic + "'");
        }
    }

    private static void expectSubject(String subject, String expected, String topic) throws DecodeException {
        if (!subject.equals(expected)) {
            throw new DecodeException("unknown subject '" + subject + "' on topic '" + topic + "' (expected "
                    + expected + ")");
        }
    }

    private MarketEvent base(RawFrame frame, EventType type, String nativeSymbol) throws DecodeException {
        return MarketEvent.of(type, feed, nativeSymbol, KucoinSymbols.normalize(nativeSymbol), frame.receiveTimeNs);
    }

    private static String dataSymbol(JsonNode data, String topicSymbol) throws DecodeException {
        String s = requireText(data, "symbol");
        if (!s.equals(topicSymbol)) {
            throw new DecodeException("topic symbol " + topicSymbol + " does not match data symbol " + s);
        }
        return s;
    }

    /** An integer sent as a JSON number or, as KuCoin does for sequences and times, as a string of digits. */
    static long integer(JsonNode parent, String field) throws DecodeException {
        return integerValue(parent.get(field), field);
    }

    static long integerValue(JsonNode n, String what) throws DecodeException {
        if (n == null) {
            throw new DecodeException("missing field '" + what + "' (expected an integer)");
        }
        if (n.isIntegralNumber() && n.canConvertToLong()) {
            return n.longValue();
        }
        if (n.isTextual()) {
            String s = n.textValue();
            if (!s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9')) {
                try {
                    return Long.parseLong(s);
                } catch (NumberFormatException e) {
                    // too long: below
                }
            }
            throw new DecodeException("field '" + what + "' is not an integer: '" + s + "'");
        }
        throw new DecodeException("field '" + what + "' must be an integer, got " + n.getNodeType());
    }

    @Override
    protected MarketEvent snapshot(RawFrame frame, JsonNode root) throws DecodeException {
        if (frame.key == null || frame.key.isEmpty()) {
            throw new DecodeException("level2 snapshot without a symbol key");
        }
        String code = root.path("code").asText("");
        if (!code.equals("200000")) {
            throw new DecodeException("venue error response: code '" + code + "' " + root.path("msg").asText(""));
        }
        JsonNode data = requireObject(root, "data");
        MarketEvent ev = base(frame, EventType.BOOK_SNAPSHOT, frame.key);
        ev.lastUpdateId = integer(data, "sequence");
        ev.exchangeTimeMs = data.hasNonNull("time") ? integer(data, "time") : 0L;
        return ev.levels(requireLevels(data, "bids"), requireLevels(data, "asks"));
    }

    private void l2update(RawFrame frame, JsonNode data, String topicSymbol, Consumer<MarketEvent> out)
            throws DecodeException {
        String symbol = dataSymbol(data, topicSymbol);
        long start = integer(data, "sequenceStart");
        long end = integer(data, "sequenceEnd");
        if (start > end) {
            throw new DecodeException("l2update with sequenceStart " + start + " > sequenceEnd " + end);
        }
        long timeMs = data.hasNonNull("time") ? integer(data, "time") : 0L;
        JsonNode changes = requireObject(data, "changes");
        JsonNode bids = changes.get("bids");
        JsonNode asks = changes.get("asks");
        int nb = sideSize(bids, "bids");
        int na = sideSize(asks, "asks");
        int n = nb + na;
        if (end - start + 1 != n) {
            throw new DecodeException("l2update spans sequences " + start + ".." + end + " but has " + n + " changes");
        }
        // decode every change before emitting any: a bad frame emits nothing
        MarketEvent[] bySequence = new MarketEvent[n];
        for (int i = 0; i < n; i++) {
            boolean bid = i < nb;
            int k = bid ? i : i - nb;
            JsonNode c = bid ? bids.get(k) : asks.get(k);
            String where = "changes." + (bid ? "bids" : "asks") + "[" + k + "]";
            if (!c.isArray() || c.size() < 3) {
                throw new DecodeException("field '" + where + "' must be a [price, size, sequence] array, got "
                        + (c.isArray() ? "an array of " + c.size() : c.getNodeType().toString()));
            }
            long price = decimal(c.get(0), where + ".price");
            long size = decimal(c.get(1), where + ".size");
            long seq = integerValue(c.get(2), where + ".sequence");
            if (seq < start || seq > end) {
                throw new DecodeException("field '" + where + ".sequence' " + seq + " is outside the frame's "
                        + start + ".." + end);
            }
            int slot = (int) (seq - start);
            if (bySequence[slot] != null) {
                throw new DecodeException("l2update has two changes with sequence " + seq);
            }
            if (price < 0 || size < 0 || price == 0 && size != 0) {
                throw new DecodeException("field '" + where + "' has a negative number or a size at price 0");
            }
            MarketEvent ev = base(frame, EventType.BOOK_DELTA, symbol);
            ev.exchangeTimeMs = timeMs;
            ev.firstUpdateId = seq;
            ev.lastUpdateId = seq;
            // price 0: a change that only moves the sequence
            bySequence[slot] = price == 0 ? ev.noLevels() : ev.oneLevel(bid, price, size);
        }
        Arrays.stream(bySequence).forEach(out);
    }

    private static int sideSize(JsonNode side, String name) throws DecodeException {
        if (side == null || !side.isArray()) {
            throw new DecodeException(side == null
                    ? "missing field 'changes." + name + "' (expected an array of [price, size, sequence])"
                    : "field 'changes." + name + "' must be an array, got " + side.getNodeType());
        }
        return side.size();
    }

    private MarketEvent match(RawFrame frame, JsonNode data, String topicSymbol) throws DecodeException {
        MarketEvent ev = base(frame, EventType.TRADE, dataSymbol(data, topicSymbol));
        ev.exchangeTimeMs = integer(data, "time") / 1_000_000L; // ns
        ev.tradeId = integer(data, "sequence");
        ev.price = requireDecimal(data, "price");
        ev.size = requireDecimal(data, "size");
        ev.takerBuy = requireSide(data, "side", null, "buy", "sell"); // the taker's side
        return EventChecks.requirePositiveTrade(ev, "trade with non-positive price or size");
    }

    private MarketEvent ticker(RawFrame frame, JsonNode data, String topicSymbol) throws DecodeException {
        MarketEvent ev = base(frame, EventType.BBO, topicSymbol); // the ticker data names no symbol
        ev.exchangeTimeMs = integer(data, "time");
        ev.lastUpdateId = integer(data, "sequence");
        return ev.top(requireDecimal(data, "bestBid"), requireDecimal(data, "bestBidSize"),
                requireDecimal(data, "bestAsk"), requireDecimal(data, "bestAskSize"));
    }
}
