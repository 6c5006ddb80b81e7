package io.rrralgorithms.connectors.adapters.ascendex;

import static io.rrralgorithms.connectors.adapters.JsonFields.requireArray;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireBoolean;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireDecimal;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireEpochMs;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireLong;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireObject;
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
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Decodes AscendEX's public WebSocket (spot API v1 {@code wss://ascendex.com/1/api/pro/v1/stream},
 * futures API v2 {@code wss://ascendex.com/api/pro/v2/stream}; one message shape):
 *
 * <ul>
 *   <li>{@code {"m":"depth-snapshot","symbol","data":{"ts","seqnum","asks":[["price","size"]],"bids"}}}
 *       → one {@link EventType#BOOK_SNAPSHOT} at {@code seqnum} (the reply to the client's
 *       {@code depth-snapshot} request);
 *   <li>{@code {"m":"depth",...}} (same fields) → one {@link EventType#BOOK_DELTA}, {@code seqnum}
 *       its first and last update id; a size {@code "0"} removes the level;
 *   <li>{@code {"m":"trades","symbol","data":[{"p","q","ts","bm","seqnum"}]}} → one
 *       {@link EventType#TRADE} each: {@code bm} (the buyer is the maker) means the taker sold;
 *       {@code seqnum} is the trade id;
 *   <li>{@code connected}, {@code sub} acknowledgements with {@code code} 0, the server's
 *       {@code ping} and the {@code pong} answering the client's are ignored.
 * </ul>
 *
 * An {@code error} message or a {@code sub} reply with a non-zero {@code code}, an unknown
 * {@code m}, malformed JSON, wrong field types, unknown symbols and numbers no long mantissa
 * scale holds are {@link DecodeException}s. The futures feed takes only {@code BASE-PERP}
 * symbols, the spot feed only {@code BASE/QUOTE} ones.
 */
final class AscendexFrameDecoder extends JsonFrameDecoder {
    private static final Set<String> IGNORED = Set.of("connected", "ping", "pong");
    private final boolean futures;

    private AscendexFrameDecoder(String feed, boolean futures) {
        super(feed, JsonFields::parseObject);
        this.futures = futures;
    }

    static AscendexFrameDecoder spot(String feed) {
        return new AscendexFrameDecoder(feed, false);
    }

    static AscendexFrameDecoder futures(String feed) {
        return new AscendexFrameDecoder(feed, true);
    }

    @Override
    protected Result decode(RawFrame frame, JsonNode root, Consumer<MarketEvent> out) throws DecodeException {
        String m = requireText(root, "m");
        switch (m) {
            case "depth", "depth-snapshot" -> {
                out.accept(book(frame, root, m.equals("depth-snapshot")));
                return Result.EVENTS;
            }
            case "trades" -> {
                return trades(frame, root, out);
            }
            case "sub", "unsub" -> {
                if (requireLong(root, "code") != 0) {
                    throw new DecodeException("venue refused a subscription: " + root);
                }
                return Result.IGNORED;
            }
            case "error" -> throw new DecodeException("venue error message: " + root);
            default -> {
                if (IGNORED.contains(m)) {
                    return Result.IGNORED;
                }
                throw new DecodeException("unknown message 'm':'" + m + "'");
            }
        }
    }

    private MarketEvent base(RawFrame frame, EventType type, JsonNode root) throws DecodeException {
        String symbol = requireText(root, "symbol");
        if (futures != symbol.endsWith("-PERP")) {
            throw new DecodeException("unknown symbol '" + symbol + "': the " + feed + " feed carries "
                    + (futures ? "BASE-PERP perpetuals" : "BASE/QUOTE spot pairs"));
        }
        return MarketEvent.of(type, feed, symbol, AscendexSymbols.normalize(symbol), frame.receiveTimeNs);
    }

    private MarketEvent book(RawFrame frame, JsonNode root, boolean snapshot) throws DecodeException {
        MarketEvent ev = base(frame, snapshot ? EventType.BOOK_SNAPSHOT : EventType.BOOK_DELTA, root);
        JsonNode data = requireObject(root, "data");
        ev.exchangeTimeMs = requireEpochMs(data, "ts");
        EventChecks.requireSequence(ev, requireLong(data, "seqnum"), "seqnum", snapshot);
        long[][] bids = JsonFields.requireLevels(data, "bids");
        long[][] asks = JsonFields.requireLevels(data, "asks");
        if (snapshot && (hasZero(bids[1]) || hasZero(asks[1]))) {
            throw new DecodeException("a depth-snapshot level with size 0");
        }
        return ev.levels(bids, asks);
    }

    private static boolean hasZero(long[] sizes) {
        for (long s : sizes) {
            if (s == 0) {
                return true;
            }
        }
        return false;
    }

    private Result trades(RawFrame frame, JsonNode root, Consumer<MarketEvent> out) throws DecodeException {
        JsonNode data = requireArray(root, "data", "an array of trades");
        List<MarketEvent> events = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            JsonNode t = JsonFields.requireObjectAt(data, "data", i);
            MarketEvent ev = base(frame, EventType.TRADE, root);
            ev.exchangeTimeMs = requireEpochMs(t, "ts");
            ev.tradeId = requireLong(t, "seqnum");
            ev.price = requireDecimal(t, "p");
            ev.size = requireDecimal(t, "q");
            ev.takerBuy = !requireBoolean(t, "bm");
            events.add(EventChecks.requirePositiveTrade(ev, "data[" + i + "]", "q"));
        }
        events.forEach(out); // decoded whole before anything is emitted: a bad frame emits nothing
        return events.isEmpty() ? Result.IGNORED : Result.EVENTS;
    }
}
