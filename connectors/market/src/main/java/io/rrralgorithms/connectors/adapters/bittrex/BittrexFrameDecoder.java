package io.rrralgorithms.connectors.adapters.bittrex;

import static io.rrralgorithms.connectors.adapters.JsonFields.requireArray;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireDecimal;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireIsoTimeMs;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireLong;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireText;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.adapters.EventChecks;
import io.rrralgorithms.connectors.adapters.FrameDecoder;
import io.rrralgorithms.connectors.adapters.JsonFields;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decodes Bittrex's WebSocket API v3, SignalR 1.5 frames of the hub {@code c3}
 * ({@code wss://socket-v3.bittrex.com/signalr}), and its REST book snapshots:
 *
 * <ul>
 *   <li>{@code {"C":cursor,"M":[{"H":"C3","M":method,"A":[base64]}]}}: each argument is base64 of
 *       raw-deflated JSON; one frame may carry several messages, of several markets;
 *   <li>{@code orderBook} {@code {"marketSymbol","depth","sequence","bidDeltas":[{"quantity","rate"}],
 *       "askDeltas"}} → one {@link EventType#BOOK_DELTA}, {@code sequence} its first and last id, a
 *       quantity {@code "0"} removing the level; no exchange time is sent;
 *   <li>{@code trade} {@code {"deltas":[{"id","executedAt","quantity","rate","takerSide"}],"sequence",
 *       "marketSymbol"}} → one {@link EventType#TRADE} each; the venue's ids are UUIDs, so the trade id
 *       is {@code sequence × 1000 + position} (made up: the venue declares it);
 *   <li>{@code ticker} {@code {"symbol","lastTradeRate","bidRate","askRate"}} → {@link EventType#BBO}
 *       without sizes (0);
 *   <li>a REST {@code /v3/markets/<market>/orderbook} response as recorded by cryptofeed,
 *       {@code <body> header: <response headers>}: {@code {"bid":[{"quantity","rate"}],"ask":[...]}}
 *       → one {@link EventType#BOOK_SNAPSHOT} at the {@code Sequence} header, of the market the
 *       frame is keyed by (its URL's);
 *   <li>ignored: {@code candle} and {@code heartbeat} messages, frames with no message (the
 *       connection's init and group-token frames), the keep-alive {@code {}}, and the invocation
 *       results {@code {"R":[{"Success":true,...}],"I":n}}.
 * </ul>
 *
 * A failed invocation, a SignalR error ({@code "E"}), an unknown hub method, an argument that is
 * not base64 deflate, malformed JSON (outside or inside), wrong field types, unknown symbols and
 * numbers no long mantissa scale holds are {@link DecodeException}s.
 */
final class BittrexFrameDecoder implements FrameDecoder {
    private static final Set<String> IGNORED = Set.of("candle", "heartbeat");
    private static final byte[] HEADER = " header: ".getBytes(StandardCharsets.US_ASCII);
    private final String feed;

    BittrexFrameDecoder(String feed) {
        this.feed = feed;
    }

    @Override
    public Result decode(RawFrame frame, Consumer<MarketEvent> out) throws DecodeException {
        if (frame.kind == FrameKind.REST_SNAPSHOT) {
            return FrameDecoder.emit(out, snapshot(frame));
        }
        JsonNode root = JsonFields.parseObject(frame.payload);
        if (root.has("E")) {
            throw new DecodeException("venue error message: " + root.get("E"));
        }
        if (root.has("R")) {
            for (JsonNode r : root.get("R")) {
                if (!r.path("Success").asBoolean(false)) {
                    throw new DecodeException("venue refused invocation " + root.path("I").asText() + ": " + r);
                }
            }
            return Result.IGNORED;
        }
        if (root.isEmpty()) {
            return Result.IGNORED; // keep-alive
        }
        JsonNode messages = requireArray(root, "M", "an array of hub messages");
        List<MarketEvent> events = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = JsonFields.requireObjectAt(messages, "M", i);
            String method = requireText(m, "M");
            JsonNode args = requireArray(m, "A", "an array of compressed messages");
            if (IGNORED.contains(method)) {
                continue;
            }
            for (int k = 0; k < args.size(); k++) {
                JsonNode a = args.get(k);
                if (!a.isTextual()) {
                    throw new DecodeException("field 'M[" + i + "].A[" + k + "]' must be a base64 string, got "
                            + a.getNodeType());
                }
                JsonNode data = JsonFields.parseObject(inflate(a.textValue(), "M[" + i + "].A[" + k + "]"));
                switch (method) {
                    case "orderBook" -> events.add(delta(frame, data));
                    case "trade" -> trades(frame, data, events);
                    case "ticker" -> events.add(ticker(frame, data));
                    default -> throw new DecodeException("unknown hub method '" + method + "'");
                }
            }
        }
        return FrameDecoder.emitAll(out, events);
    }

    /** Base64 of raw deflate, as Bittrex compresses every message. */
    static byte[] inflate(String base64, String where) throws DecodeException {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(Base64.getDecoder().decode(base64));
            ByteArrayOutputStream out = new ByteArrayOutputStream(base64.length() * 3);
            byte[] buf = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DecodeException("field '" + where + "' is truncated deflate data");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (IllegalArgumentException e) {
            throw new DecodeException("field '" + where + "' is not base64: " + e.getMessage());
        } catch (DataFormatException e) {
            throw new DecodeException("field '" + where + "' is not deflate data: " + e.getMessage());
        } finally {
            inflater.end();
        }
    }

    private MarketEvent base(RawFrame frame, EventType type, String symbol) throws DecodeException {
        return MarketEvent.of(type, feed, symbol, BittrexSymbols.normalize(symbol), frame.receiveTimeNs);
    }

    private MarketEvent delta(RawFrame frame, JsonNode d) throws DecodeException {
        MarketEvent ev = base(frame, EventType.BOOK_DELTA, requireText(d, "marketSymbol"));
        long sequence = requireLong(d, "sequence");
        if (sequence <= 0) {
            throw new DecodeException("field 'sequence' must be positive, got " + sequence);
        }
        ev.firstUpdateId = sequence;
        ev.lastUpdateId = sequence;
        return ev.levels(levels(d, "bidDeltas", false), levels(d, "askDeltas", false));
    }

    private void trades(RawFrame frame, JsonNode d, List<MarketEvent> events) throws DecodeException {
        String symbol = requireText(d, "marketSymbol");
        long sequence = requireLong(d, "sequence");
        JsonNode deltas = requireArray(d, "deltas", "an array of trades");
        if (sequence <= 0 || deltas.size() >= 1000) {
            throw new DecodeException("trade message with sequence " + sequence + " and " + deltas.size()
                    + " trades: ids are sequence × 1000 + position");
        }
        for (int i = 0; i < deltas.size(); i++) {
            JsonNode t = JsonFields.requireObjectAt(deltas, "deltas", i);
            MarketEvent ev = base(frame, EventType.TRADE, symbol);
            ev.exchangeTimeMs = requireIsoTimeMs(t, "executedAt");
            ev.tradeId = sequence * 1000 + i;
            ev.price = requireDecimal(t, "rate");
            ev.size = requireDecimal(t, "quantity");
            ev.takerBuy = JsonFields.requireSide(t, "takerSide", "deltas[" + i + "]", "BUY", "SELL");
            events.add(EventChecks.requirePositiveTrade(ev, "deltas[" + i + "]", "quantity"));
        }
    }

    private MarketEvent ticker(RawFrame frame, JsonNode d) throws DecodeException {
        MarketEvent ev = base(frame, EventType.BBO, requireText(d, "symbol"));
        ev.top(requireDecimal(d, "bidRate"), 0L, requireDecimal(d, "askRate"), 0L);
        if (ev.bidPrices[0] <= 0 || ev.askPrices[0] <= 0) {
            throw new DecodeException("ticker with a non-positive bidRate or askRate");
        }
        return ev;
    }

    /** A recorded REST snapshot: the body, then {@code " header: "} and the response headers. */
    private MarketEvent snapshot(RawFrame frame) throws DecodeException {
        if (frame.key == null) {
            throw new DecodeException("REST snapshot without its market (the frame has no key)");
        }
        int at = lastIndexOf(frame.payload, HEADER);
        if (at < 0) {
            throw new DecodeException("REST snapshot without its response headers: the Sequence header is the book's id");
        }
        JsonNode body = JsonFields.parseObject(Arrays.copyOf(frame.payload, at));
        JsonNode headers = JsonFields.parseObject(Arrays.copyOfRange(frame.payload, at + HEADER.length,
                frame.payload.length));
        String sequence = requireText(headers, "Sequence");
        MarketEvent ev = base(frame, EventType.BOOK_SNAPSHOT, frame.key);
        try {
            ev.lastUpdateId = Long.parseLong(sequence);
        } catch (NumberFormatException e) {
            throw new DecodeException("header 'Sequence' is not an integer: '" + sequence + "'");
        }
        if (ev.lastUpdateId <= 0) {
            throw new DecodeException("header 'Sequence' must be positive, got " + sequence);
        }
        return ev.levels(levels(body, "bid", true), levels(body, "ask", true));
    }

    private static long[][] levels(JsonNode parent, String field, boolean snapshot) throws DecodeException {
        return JsonFields.levels(requireArray(parent, field, "an array of levels"), field, (level, where, prices, sizes, i) -> {
            if (!level.isObject()) {
                throw new DecodeException("field '" + where + "' must be a {quantity, rate} object, got " + level.getNodeType());
            }
            prices[i] = JsonFields.decimal(level.get("rate"), where + ".rate");
            sizes[i] = JsonFields.decimal(level.get("quantity"), where + ".quantity");
            EventChecks.requireLevel(where, prices[i], sizes[i], snapshot, "rate", "quantity");
        });
    }

    private static int lastIndexOf(byte[] payload, byte[] marker) {
        outer:
        for (int i = payload.length - marker.length; i >= 0; i--) {
            for (int k = 0; k < marker.length; k++) {
                if (payload[i + k] != marker[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
