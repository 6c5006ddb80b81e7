package io.rrralgorithms.connectors.adapters.binance;

import static io.rrralgorithms.connectors.adapters.JsonFields.optionalLong;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireBoolean;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireDecimal;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireLevels;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireLong;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireObject;
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
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Decodes Binance spot and futures WebSocket frames (combined-stream envelopes or raw streams)
 * and REST depth snapshots: {@code depthUpdate}, {@code trade}, {@code aggTrade},
 * {@code bookTicker}, and on the futures feeds {@code markPriceUpdate} ({@code <symbol>@markPrice},
 * {@code @markPrice@1s}) as {@link EventType#DERIVATIVES}: mark price {@code p}, index price
 * {@code i}, funding rate {@code r} and next funding time {@code T} (COIN-M delivery contracts send
 * {@code "r":""} and {@code "T":0}: no funding, not set). Known streams the pipeline does not use
 * yet (klines, tickers, liquidations, partial depth) and subscription replies are ignored;
 * anything else is an error.
 */
final class BinanceFrameDecoder implements FrameDecoder {
    static final Set<String> IGNORED_STREAMS = Set.of(
            "kline", "ticker", "miniTicker", "forceOrder", "avgPrice", "compositeIndex",
            "contractInfo", "assetIndex", "indexPrice", "continuousKline", "depth5", "depth10", "depth20");

    private final String feed;
    private final BinanceMarket market;
    private final BinanceSymbols.SpotQuotes quotes;

    BinanceFrameDecoder(String feed, BinanceMarket market) {
        this(feed, market, BinanceSymbols.BINANCE_COM);
    }

    BinanceFrameDecoder(String feed, BinanceMarket market, BinanceSymbols.SpotQuotes quotes) {
        this.feed = feed;
        this.market = market;
        this.quotes = quotes;
    }

    @Override
    public Result decode(RawFrame frame, Consumer<MarketEvent> out) throws DecodeException {
        JsonNode root = JsonFields.parseObject(frame.payload);
        if (frame.kind == FrameKind.REST_SNAPSHOT || root.has("lastUpdateId") && root.has("bids")) {
            out.accept(snapshot(frame, root));
            return Result.EVENTS;
        }
        if (root.has("result") && root.has("id")) {
            return Result.IGNORED; // subscription reply
        }
        JsonNode stream = root.get("stream");
        if (stream != null) {
            if (!stream.isTextual()) {
                throw new DecodeException("field 'stream' must be a string, got " + stream.getNodeType());
            }
            String name = stream.textValue();
            int at = name.indexOf('@');
            if (at <= 0) {
                throw new DecodeException("unknown stream name '" + name + "'");
            }
            String streamSymbol = name.substring(0, at).toUpperCase(Locale.ROOT);
            String type = name.substring(at + 1);
            int next = type.indexOf('@');
            if (next >= 0) {
                type = type.substring(0, next);
            }
            int underscore = type.indexOf('_');
            String family = underscore > 0 ? type.substring(0, underscore) : type;
            JsonNode data = requireObject(root, "data");
            return decodeEvent(frame, data, family, streamSymbol, name, out);
        }
        JsonNode e = root.get("e");
        if (e != null && e.isTextual()) {
            return decodeEvent(frame, root, eventTypeToStream(e.textValue()), null, e.textValue(), out);
        }
        if (root.has("u") && root.has("b") && root.has("a") && root.has("B") && root.has("A")) {
            return decodeEvent(frame, root, "bookTicker", null, "bookTicker", out);
        }
        throw new DecodeException("unknown message: neither a stream envelope, an event nor a depth snapshot");
    }

    private static String eventTypeToStream(String e) {
        return switch (e) {
            case "depthUpdate" -> "depth";
            case "24hrTicker" -> "ticker";
            case "24hrMiniTicker" -> "miniTicker";
            case "markPriceUpdate" -> "markPrice";
            default -> e;
        };
    }

    private Result decodeEvent(RawFrame frame, JsonNode data, String family, String streamSymbol, String streamName,
            Consumer<MarketEvent> out) throws DecodeException {
        MarketEvent ev;
        switch (family) {
            case "depth" -> ev = depthUpdate(frame, data);
            case "trade" -> ev = trade(frame, data, false);
            case "aggTrade" -> ev = trade(frame, data, true);
            case "bookTicker" -> ev = bookTicker(frame, data);
            case "markPrice" -> {
                if (!market.isFutures()) {
                    return Result.IGNORED; // spot has no such stream
                }
                ev = markPrice(frame, data);
            }
            default -> {
                if (IGNORED_STREAMS.contains(family)) {
                    return Result.IGNORED;
                }
                throw new DecodeException("unknown stream type '" + family + "' in '" + streamName + "'");
            }
        }
        if (streamSymbol != null && !streamSymbol.equals(ev.nativeSymbol)) {
            throw new DecodeException("stream symbol " + streamSymbol + " does not match data symbol " + ev.nativeSymbol);
        }
        out.accept(ev);
        return Result.EVENTS;
    }

    private MarketEvent base(RawFrame frame, EventType type, String nativeSymbol) throws DecodeException {
        String upper = nativeSymbol.toUpperCase(Locale.ROOT);
        return MarketEvent.of(type, feed, upper, BinanceSymbols.normalize(upper, market, quotes), frame.receiveTimeNs);
    }

    private MarketEvent snapshot(RawFrame frame, JsonNode root) throws DecodeException {
        // COIN-M snapshots name their instrument ("symbol":"BTCUSD_PERP"); spot and USDⓈ-M ones do not,
        // and take the key the capture gave them
        JsonNode own = root.get("symbol");
        String symbol = own != null && own.isTextual() && !own.asText().isEmpty() ? own.asText() : frame.key;
        if (symbol == null || symbol.isEmpty()) {
            throw new DecodeException("depth snapshot without a symbol key");
        }
        MarketEvent ev = base(frame, EventType.BOOK_SNAPSHOT, symbol);
        ev.lastUpdateId = requireLong(root, "lastUpdateId");
        ev.exchangeTimeMs = optionalLong(root, "E", 0L); // futures snapshots carry E, spot ones do not
        return ev.levels(requireLevels(root, "bids"), requireLevels(root, "asks"));
    }

    private MarketEvent depthUpdate(RawFrame frame, JsonNode d) throws DecodeException {
        MarketEvent ev = base(frame, EventType.BOOK_DELTA, requireText(d, "s"));
        ev.exchangeTimeMs = JsonFields.requireEpochMs(d, "E");
        long first = requireLong(d, "U");
        long last = requireLong(d, "u");
        if (market.isFutures()) {
            ev.prevUpdateId = requireLong(d, "pu");
        }
        EventChecks.requireRange(ev, first, last, "depth update");
        return ev.levels(requireLevels(d, "b"), requireLevels(d, "a"));
    }

    private MarketEvent trade(RawFrame frame, JsonNode d, boolean aggregate) throws DecodeException {
        MarketEvent ev = base(frame, EventType.TRADE, requireText(d, "s"));
        ev.exchangeTimeMs = JsonFields.requireEpochMs(d, "T"); // trade time, not the event's send time
        ev.tradeId = requireLong(d, aggregate ? "a" : "t");
        ev.price = requireDecimal(d, "p");
        ev.size = requireDecimal(d, "q");
        // m = buyer is the maker, i.e. the taker sold
        ev.takerBuy = !requireBoolean(d, "m");
        return EventChecks.requirePositiveTrade(ev, "trade with non-positive price or size");
    }

    private MarketEvent markPrice(RawFrame frame, JsonNode d) throws DecodeException {
        MarketEvent ev = base(frame, EventType.DERIVATIVES, requireText(d, "s"));
        ev.exchangeTimeMs = JsonFields.requireEpochMs(d, "E");
        ev.markPrice = requireDecimal(d, "p");
        ev.derivativeFields = MarketEvent.MARK_PRICE;
        if (ev.markPrice <= 0) {
            throw new DecodeException("field 'p' must be a positive mark price");
        }
        JsonNode index = d.get("i");
        if (index != null && !(index.isTextual() && index.textValue().isEmpty())) {
            ev.derivative(MarketEvent.INDEX_PRICE, requireDecimal(d, "i"));
        }
        JsonNode rate = d.get("r");
        if (rate != null && !(rate.isTextual() && rate.textValue().isEmpty())) {
            ev.derivative(MarketEvent.FUNDING_RATE, requireDecimal(d, "r"));
        }
        long next = optionalLong(d, "T", 0L);
        if (next < 0) {
            throw new DecodeException("field 'T' must be an epoch time in ms, got " + next);
        }
        if (next > 0) {
            ev.derivative(MarketEvent.NEXT_FUNDING_TIME, next);
        }
        return ev;
    }

    private MarketEvent bookTicker(RawFrame frame, JsonNode d) throws DecodeException {
        MarketEvent ev = base(frame, EventType.BBO, requireText(d, "s"));
        ev.lastUpdateId = requireLong(d, "u");
        ev.exchangeTimeMs = optionalLong(d, "E", 0L); // spot bookTicker has no event time
        return ev.top(requireDecimal(d, "b"), requireDecimal(d, "B"), requireDecimal(d, "a"), requireDecimal(d, "A"));
    }
}
