package io.rrralgorithms.connectors.adapters.bitfinex;

import static io.rrralgorithms.connectors.adapters.FrameDecoder.emit;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.adapters.JsonFrameDecoder;
import io.rrralgorithms.connectors.adapters.JsonNumbers;
import io.rrralgorithms.connectors.adapters.SidedLevels;
import io.rrralgorithms.connectors.model.Decimals;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.Consumer;

/**
 * Decodes Bitfinex WebSocket v2 frames (public {@code book} P0–P4, {@code trades}, {@code ticker}
 * of trading symbols, flag {@code SEQ_ALL} as cryptofeed sets it, {@code OB_CHECKSUM} if set).
 *
 * <p>Event objects: {@code info} (including the 2005x reconnect / maintenance notices: the
 * capture service, not the pipeline, acts on them), {@code conf}, {@code subscribed},
 * {@code unsubscribed}, {@code pong} → {@link Result#IGNORED}; {@code error} → a dead letter.
 *
 * <p>Channel frames {@code [chanId, payload, seq]} name no symbol: the native symbol is the
 * frame's Kafka key, which {@link BitfinexConnectionKeyer} assigns at capture from the
 * connection's {@code subscribed} acks (see there why the decoder keeps no channel map). The
 * channel is recognised by the payload's shape, which for trading symbols is unambiguous:
 *
 * <ul>
 *   <li>{@code "hb"} heartbeat → IGNORED (also before the channel's ack: such frames have no key);
 *   <li>{@code [[price, count, amount], …]} book snapshot → {@link EventType#BOOK_SNAPSHOT},
 *       amount &gt; 0 a bid, &lt; 0 an ask of size |amount|;
 *   <li>{@code [price, count, amount]} book update → {@link EventType#BOOK_DELTA}: count &gt; 0
 *       sets the level, count 0 deletes it (amount 1 from the bids, -1 from the asks);
 *   <li>{@code "cs", checksum} → an empty {@link EventType#BOOK_DELTA} carrying the checksum,
 *       which the book verifies ({@link BitfinexChecksum}). This capture has none: cryptofeed
 *       enabled flags 65536 (SEQ_ALL) only, not 131072 (OB_CHECKSUM);
 *   <li>{@code "te", [id, mts, amount, price]} → {@link EventType#TRADE}: amount &gt; 0 the taker
 *       bought, &lt; 0 sold; exchange time mts. {@code "tu"} is the same trade sent again a
 *       moment later (execution update, same id): IGNORED, so that each trade counts once (as
 *       cryptofeed does);
 *   <li>{@code [[id, mts, amount, price], …]} trades snapshot: the channel's last trades
 *       <em>before</em> the subscription → IGNORED (as Coinbase's {@code last_match});
 *   <li>{@code [bid, bidSize, ask, askSize, change, changePct, last, volume, high, low]} ticker
 *       → {@link EventType#BBO}. The two sizes are the venue's sums of the level amounts, sent
 *       as binary doubles ({@code 1.7023900800000002}); they are rounded to 8 decimals when the
 *       difference is within the double's own precision (16 ulps), else refused;
 *   <li>{@code []} an empty snapshot: an empty book and a trades channel without history look
 *       alike. IGNORED: treating it as an empty book would wipe a live book on a trades
 *       resubscription; an empty book that is ignored only stays unsynced.
 * </ul>
 *
 * The trailing {@code seq} (SEQ_ALL) numbers all frames of the <em>connection</em> 1, 2, 3… across
 * channels; it is each book event's update id (see {@link BitfinexSyncRules}); frames without it
 * (flag off) have none. More trailing elements (the TIMESTAMP flag) are refused. Prices and amounts
 * are JSON numbers, read as exact decimals (never doubles); a value with more than 8 decimals is
 * a dead letter, except the ticker sizes above. Funding symbols ({@code f…}) are dead letters.
 */
final class BitfinexFrameDecoder extends JsonFrameDecoder {
    BitfinexFrameDecoder(String feed) {
        super(feed, JsonNumbers::parseTree);
    }

    @Override
    protected Result decode(RawFrame frame, JsonNode root, Consumer<MarketEvent> out) throws DecodeException {
        if (root == null) {
            throw new DecodeException("empty frame");
        }
        if (root.isObject()) {
            return event(root);
        }
        if (!root.isArray() || root.size() < 2) {
            throw new DecodeException("frame is neither an event object nor a [chanId, ...] array");
        }
        JsonNode chan = root.get(0);
        if (!chan.isIntegralNumber()) {
            throw new DecodeException("field '[0]' (chanId) must be an integer, got " + chan.getNodeType());
        }
        JsonNode body = root.get(1);
        if (body.isTextual()) {
            return labelled(frame, root, body.textValue(), out);
        }
        if (!body.isArray()) {
            throw new DecodeException("field '[1]' must be an array or a message label, got " + body.getNodeType());
        }
        long seq = sequence(root, 2);
        if (body.isEmpty()) {
            return Result.IGNORED; // empty book or empty trade history: indistinguishable (see above)
        }
        if (body.get(0).isArray()) {
            int width = body.get(0).size();
            if (width == 4) {
                return Result.IGNORED; // trades snapshot: trades of before the subscription
            }
            if (width != 3) {
                throw new DecodeException("snapshot rows of " + width + " fields: neither a book ([price, count, amount])"
                        + " nor a trades snapshot ([id, mts, amount, price])");
            }
            return emit(out, bookSnapshot(frame, body, seq));
        }
        return emit(out, switch (body.size()) {
            case 3 -> bookUpdate(frame, body, seq);
            case 10 -> ticker(frame, body, seq);
            default -> throw new DecodeException("channel update of " + body.size()
                    + " fields: neither a book update (3) nor a trading ticker (10)");
        });
    }

    private static Result event(JsonNode root) throws DecodeException {
        JsonNode e = root.get("event");
        if (e == null || !e.isTextual()) {
            throw new DecodeException(e == null ? "missing field 'event' (expected a string)"
                    : "field 'event' must be a string, got " + e.getNodeType());
        }
        switch (e.textValue()) {
            case "info", "conf", "subscribed", "unsubscribed", "pong" -> {
                return Result.IGNORED;
            }
            case "error" -> {
                JsonNode msg = root.get("msg");
                JsonNode code = root.get("code");
                throw new DecodeException("venue error message: " + (msg == null ? "" : msg.asText())
                        + (code == null ? "" : " (code " + code.asText() + ")"));
            }
            default -> throw new DecodeException("unknown event '" + e.textValue() + "'");
        }
    }

    private Result labelled(RawFrame frame, JsonNode root, String label, Consumer<MarketEvent> out)
            throws DecodeException {
        switch (label) {
            case "hb", "tu" -> {
                return Result.IGNORED;
            }
            case "te" -> {
                return emit(out, trade(frame, root));
            }
            case "cs" -> {
                return emit(out, checksum(frame, root));
            }
            case "fte", "ftu" -> throw new DecodeException("funding trade '" + label + "': funding channels are not decoded");
            default -> throw new DecodeException("unknown message label '" + label + "'");
        }
    }

    /** The SEQ_ALL sequence at {@code index}, NONE where the frame ends before it. */
    private static long sequence(JsonNode root, int index) throws DecodeException {
        if (root.size() <= index) {
            return MarketEvent.NONE;
        }
        if (root.size() > index + 1) {
            throw new DecodeException("frame has " + (root.size() - index)
                    + " trailing fields; only the SEQ_ALL sequence is supported (not the TIMESTAMP flag)");
        }
        JsonNode s = root.get(index);
        if (!s.isIntegralNumber() || !s.canConvertToLong() || s.longValue() < 0) {
            throw new DecodeException("field '[" + index + "]' (sequence) must be a non-negative integer, got "
                    + s.getNodeType());
        }
        return s.longValue();
    }

    private MarketEvent base(RawFrame frame, EventType type, long seq) throws DecodeException {
        if (frame.key == null) {
            throw new DecodeException("channel frame without a symbol key: its channel id was not subscribed on this"
                    + " connection before, or is a channel this feed does not decode (the capture keys Bitfinex"
                    + " frames by the symbol of their channel's subscribed ack)");
        }
        String symbol = BitfinexSymbols.normalize(frame.key);
        MarketEvent ev = MarketEvent.of(type, feed, frame.key, symbol, frame.receiveTimeNs);
        ev.firstUpdateId = seq;
        ev.lastUpdateId = seq;
        return ev;
    }

    private MarketEvent bookSnapshot(RawFrame frame, JsonNode rows, long seq) throws DecodeException {
        MarketEvent ev = base(frame, EventType.BOOK_SNAPSHOT, seq);
        return SidedLevels.read(rows, "[1]", (r, where, levels) -> {
            if (!r.isArray() || r.size() != 3) {
                throw new DecodeException("field '" + where + "' must be a [price, count, amount] array");
            }
            long price = positive(r.get(0), where + ".price");
            long count = count(r.get(1), where + ".count");
            long amount = exact(r.get(2), where + ".amount");
            if (count <= 0 || amount == 0) {
                throw new DecodeException("field '" + where + "' is not a level: count " + count + ", amount "
                        + Decimals.toPlainString(amount));
            }
            levels.add(amount > 0, price, Math.abs(amount));
        }).into(ev);
    }

    private MarketEvent bookUpdate(RawFrame frame, JsonNode r, long seq) throws DecodeException {
        MarketEvent ev = base(frame, EventType.BOOK_DELTA, seq);
        long price = positive(r.get(0), "[1].price");
        long count = count(r.get(1), "[1].count");
        long amount = exact(r.get(2), "[1].amount");
        boolean bid;
        long size;
        if (count == 0) {
            long one = Decimals.ofUnits(1);
            if (amount == one) {
                bid = true;
            } else if (amount == -one) {
                bid = false;
            } else {
                throw new DecodeException("field '[1].amount' of a deletion (count 0) must be 1 or -1, got "
                        + Decimals.toPlainString(amount));
            }
            size = 0L;
        } else {
            if (count < 0 || amount == 0) {
                throw new DecodeException("book update with count " + count + " and amount " + Decimals.toPlainString(amount));
            }
            bid = amount > 0;
            size = Math.abs(amount);
        }
        return ev.oneLevel(bid, price, size);
    }

    private MarketEvent checksum(RawFrame frame, JsonNode root) throws DecodeException {
        if (root.size() < 3) {
            throw new DecodeException("checksum frame without a checksum");
        }
        JsonNode c = root.get(2);
        if (!c.isIntegralNumber() || c.longValue() < Integer.MIN_VALUE || c.longValue() > Integer.MAX_VALUE) {
            throw new DecodeException("field '[2]' (checksum) must be a signed 32-bit integer, got " + c);
        }
        MarketEvent ev = base(frame, EventType.BOOK_DELTA, sequence(root, 3));
        ev.noLevels().checksum = c.longValue();
        return ev;
    }

    private MarketEvent trade(RawFrame frame, JsonNode root) throws DecodeException {
        if (root.size() < 3 || !root.get(2).isArray() || root.get(2).size() != 4) {
            throw new DecodeException("field '[2]' of a trade must be [id, mts, amount, price]");
        }
        JsonNode t = root.get(2);
        MarketEvent ev = base(frame, EventType.TRADE, sequence(root, 3));
        ev.tradeId = integer(t.get(0), "[2].id");
        ev.exchangeTimeMs = integer(t.get(1), "[2].mts");
        long amount = exact(t.get(2), "[2].amount");
        ev.price = positive(t.get(3), "[2].price");
        if (amount == 0) {
            throw new DecodeException("trade with amount 0");
        }
        ev.takerBuy = amount > 0;
        ev.size = Math.abs(amount);
        return ev;
    }

    private MarketEvent ticker(RawFrame frame, JsonNode t, long seq) throws DecodeException {
        return base(frame, EventType.BBO, seq).top(positive(t.get(0), "[1].bid"), summedSize(t.get(1), "[1].bidSize"),
                positive(t.get(2), "[1].ask"), summedSize(t.get(3), "[1].askSize"));
    }

    private static long count(JsonNode n, String what) throws DecodeException {
        if (n == null || !n.isIntegralNumber() || !n.canConvertToLong()) {
            throw new DecodeException("field '" + what + "' must be an integer, got " + (n == null ? "nothing" : n.getNodeType()));
        }
        return n.longValue();
    }

    private static long integer(JsonNode n, String what) throws DecodeException {
        long v = count(n, what);
        if (v < 0) {
            throw new DecodeException("field '" + what + "' must not be negative");
        }
        return v;
    }

    private static long positive(JsonNode n, String what) throws DecodeException {
        long v = exact(n, what);
        if (v <= 0) {
            throw new DecodeException("field '" + what + "' must be positive, got " + Decimals.toPlainString(v));
        }
        return v;
    }

    private static BigDecimal number(JsonNode n, String what) throws DecodeException {
        if (n == null || !n.isNumber()) {
            throw new DecodeException("field '" + what + "' must be a number, got " + (n == null ? "nothing" : n.getNodeType()));
        }
        if (n.isFloatingPointNumber() && !n.isBigDecimal()) {
            throw new DecodeException("field '" + what + "' was read as a binary floating-point number");
        }
        return n.decimalValue();
    }

    /** A JSON number as an exact 8-decimal mantissa; more decimals or overflow is a dead letter. */
    static long exact(JsonNode n, String what) throws DecodeException {
        return mantissa(number(n, what).stripTrailingZeros(), what);
    }

    private static long mantissa(BigDecimal d, String what) throws DecodeException {
        try {
            return Decimals.of(d);
        } catch (Decimals.ScaleException e) {
            throw new DecodeException("field '" + what + "' is not an exact decimal: " + e.getMessage(), e);
        }
    }

    /**
     * A ticker size: a sum the venue computed in binary floating point. Rounded to 8 decimals only
     * when the rounding is within 16 ulps of the double at that magnitude, i.e. the extra digits
     * are the double's noise and not a finer value (the capture's worst is 7 ulps:
     * {@code 86.2067634199999}, printed to 15 significant digits, for 86.20676342).
     */
    static long summedSize(JsonNode n, String what) throws DecodeException {
        BigDecimal d = number(n, what).stripTrailingZeros();
        if (d.signum() < 0) {
            throw new DecodeException("field '" + what + "' must not be negative");
        }
        if (d.scale() <= Decimals.SCALE) {
            return mantissa(d, what);
        }
        BigDecimal r = d.setScale(Decimals.SCALE, RoundingMode.HALF_EVEN);
        double ulp = Math.ulp(d.doubleValue());
        if (d.subtract(r).abs().compareTo(new BigDecimal(16 * ulp)) > 0) {
            throw new DecodeException("field '" + what + "' is not an 8-decimal size up to double noise: "
                    + d.toPlainString());
        }
        return mantissa(r, what);
    }
}
