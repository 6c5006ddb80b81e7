package io.rrralgorithms.connectors.adapters.huobi;

import static io.rrralgorithms.connectors.adapters.JsonFields.requireArray;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireEpochMs;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireLong;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireObject;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireObjectAt;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireSide;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireText;
import static io.rrralgorithms.connectors.adapters.JsonNumbers.number;
import static io.rrralgorithms.connectors.adapters.JsonNumbers.requireNumber;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.adapters.EventChecks;
import io.rrralgorithms.connectors.adapters.JsonFields;
import io.rrralgorithms.connectors.adapters.JsonFrameDecoder;
import io.rrralgorithms.connectors.adapters.JsonNumbers;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Decodes Huobi's public market WebSocket, spot ({@code wss://api.huobi.pro/ws}, feed {@code huobi})
 * and perpetual swaps ({@code wss://api.hbdm.com/swap-ws} coin-margined, {@code .../linear-swap-ws}
 * USDT-margined; feed {@code huobi-swap}), whose messages have one shape,
 * {@code {"ch":"market.<symbol>.<channel>","ts":ms,"tick":{...}}}. The payload is gzip, a Python bytes
 * literal of gzip (cryptofeed's captures) or the inflated JSON (the live capture's): see
 * {@link HuobiPayloads}. Prices and sizes are JSON numbers ({@code 9.121E-7} too), read exactly.
 *
 * <ul>
 *   <li>{@code depth.step0} → {@link EventType#BOOK_SNAPSHOT}: the whole book, its top 150 levels
 *       a side ({@code tick.bids}, {@code tick.asks}, {@code [price, size]}), in every message;
 *       the update id is the book's version: spot {@code tick.version} (one more per change), swap
 *       {@code tick.mrid} (the last order id: the same mrid repeats the same book, where the
 *       swaps' {@code version} is only the second); time {@code tick.ts}. A tick without levels
 *       (Huobi keeps pushing them for a delisted contract) is ignored;
 *   <li>{@code trade.detail} → one {@link EventType#TRADE} per {@code tick.data} element:
 *       {@code price}, {@code amount} (base currency on spot, contracts on swaps; the swaps'
 *       {@code quantity} in coins is not read), {@code direction} (the taker's), {@code ts}; the id
 *       is spot's {@code tradeId} (its {@code id} is a 27-digit number beyond a long) or the swaps'
 *       {@code id}. The first message after subscribing repeats the last trade before it;
 *   <li>{@code bbo} → {@link EventType#BBO} (not in the recordings; as Huobi documents it): spot
 *       {@code bid}/{@code bidSize}/{@code ask}/{@code askSize}, time {@code quoteTime}; swaps
 *       {@code bid}/{@code ask} {@code [price, size]}, time {@code ts};
 *   <li>{@code {"ping":ms}} (Huobi's heartbeat, answered by the live capture), {@code status:"ok"}
 *       replies, {@code kline.*} and {@code detail} ticks are ignored; a {@code status:"error"}
 *       reply, other channels ({@code mbp.*}, the aggregated {@code depth.step1}..{@code step5})
 *       and any other message are {@link DecodeException}s, as are wrong field types,
 *       unknown symbols and numbers finer than the 8-decimal scale (spot pairs ticking at 1e-10:
 *       dead letters until the scale widens, never rounded).
 * </ul>
 */
final class HuobiFrameDecoder extends JsonFrameDecoder {
    private static final String MARKET = "market.";

    private final boolean swap;

    HuobiFrameDecoder(String feed, boolean swap) {
        super(feed, payload -> JsonNumbers.parseObject(HuobiPayloads.json(payload)));
        this.swap = swap;
    }

    @Override
    protected Result decode(RawFrame frame, JsonNode root, Consumer<MarketEvent> out) throws DecodeException {
        if (root.has("ping")) {
            return Result.IGNORED;
        }
        if (root.has("status")) {
            String status = requireText(root, "status");
            if (status.equals("ok")) {
                return Result.IGNORED; // a reply to a subscription
            }
            throw new DecodeException("venue error reply: status " + status + " " + root.path("err-code").asText() + " "
                    + root.path("err-msg").asText());
        }
        if (!root.has("ch")) {
            throw new DecodeException("unknown message: no 'ch', 'ping' or 'status'");
        }
        String ch = requireText(root, "ch");
        int dot = ch.indexOf('.', MARKET.length());
        if (!ch.startsWith(MARKET) || dot < 0) {
            throw new DecodeException("unknown channel '" + ch + "' (market.<symbol>.<channel> expected)");
        }
        String nativeSymbol = ch.substring(MARKET.length(), dot);
        String channel = ch.substring(dot + 1);
        if (channel.startsWith("kline.") || channel.equals("detail")) {
            return Result.IGNORED; // candles and 24 h statistics: not used
        }
        List<MarketEvent> events = new ArrayList<>();
        switch (channel) {
            case "depth.step0" -> book(frame, nativeSymbol, requireObject(root, "tick"), events);
            case "trade.detail" -> trades(frame, nativeSymbol, requireObject(root, "tick"), events);
            case "bbo" -> bbo(frame, nativeSymbol, requireObject(root, "tick"), events);
            default -> throw new DecodeException("unsupported channel '" + channel + "' of " + nativeSymbol);
        }
        // decoded whole before anything is emitted: a bad frame emits nothing
        events.forEach(out);
        return events.isEmpty() ? Result.IGNORED : Result.EVENTS;
    }

    private MarketEvent base(RawFrame frame, EventType type, String nativeSymbol) throws DecodeException {
        if (nativeSymbol.isEmpty()) {
            throw new DecodeException("empty symbol in 'ch'");
        }
        String symbol = swap ? HuobiSymbols.normalizeSwap(nativeSymbol) : HuobiSymbols.normalizeSpot(nativeSymbol);
        return MarketEvent.of(type, feed, nativeSymbol, symbol, frame.receiveTimeNs);
    }

    private void book(RawFrame frame, String nativeSymbol, JsonNode tick, List<MarketEvent> out) throws DecodeException {
        if (!tick.has("bids") && !tick.has("asks")) {
            return; // a delisted contract's empty tick
        }
        MarketEvent ev = base(frame, EventType.BOOK_SNAPSHOT, nativeSymbol);
        ev.exchangeTimeMs = requireEpochMs(tick, "ts");
        String version = swap ? "mrid" : "version";
        ev.lastUpdateId = requireLong(tick, version);
        if (ev.lastUpdateId < 0) {
            throw new DecodeException("negative '" + version + "' " + ev.lastUpdateId);
        }
        JsonFields.LevelReader reader = (level, where, prices, sizes, i) -> {
            JsonFields.requireTuple(level, where, 2, "[price, size]");
            prices[i] = number(level.get(0), where + ".price");
            sizes[i] = number(level.get(1), where + ".size");
            if (prices[i] <= 0 || sizes[i] <= 0) {
                throw new DecodeException("field '" + where + "' has a non-positive price or size");
            }
        };
        out.add(ev.levels(JsonFields.levels(requireArray(tick, "bids", "an array of levels"), "bids", reader),
                JsonFields.levels(requireArray(tick, "asks", "an array of levels"), "asks", reader)));
    }

    /**
     * The best bid and offer: spot {@code bid}, {@code bidSize}, {@code ask}, {@code askSize} numbers
     * and {@code quoteTime}; swaps {@code bid}, {@code ask} as {@code [price, size]} and {@code ts}. A
     * side without a price (null or an empty array) has no level.
     */
    private void bbo(RawFrame frame, String nativeSymbol, JsonNode tick, List<MarketEvent> out) throws DecodeException {
        MarketEvent ev = base(frame, EventType.BBO, nativeSymbol);
        ev.exchangeTimeMs = requireEpochMs(tick, swap ? "ts" : "quoteTime");
        long[] bid = swap ? pair(tick.get("bid"), "bid") : side(tick, "bid", "bidSize");
        long[] ask = swap ? pair(tick.get("ask"), "ask") : side(tick, "ask", "askSize");
        ev.levels(bid.length == 0 ? MarketEvent.NO_LEVELS : new long[] {bid[0]},
                bid.length == 0 ? MarketEvent.NO_LEVELS : new long[] {bid[1]},
                ask.length == 0 ? MarketEvent.NO_LEVELS : new long[] {ask[0]},
                ask.length == 0 ? MarketEvent.NO_LEVELS : new long[] {ask[1]});
        if (bid.length + ask.length > 0) {
            out.add(ev);
        }
    }

    private static long[] side(JsonNode tick, String price, String size) throws DecodeException {
        JsonNode p = tick.get(price);
        if (p == null || p.isNull()) {
            return new long[0];
        }
        return level(number(p, price), requireNumber(tick, size), price);
    }

    private static long[] pair(JsonNode level, String where) throws DecodeException {
        if (level == null || level.isNull() || level.isArray() && level.isEmpty()) {
            return new long[0];
        }
        JsonFields.requireTuple(level, where, 2, "[price, size]");
        return level(number(level.get(0), where + ".price"), number(level.get(1), where + ".size"), where);
    }

    private static long[] level(long price, long size, String where) throws DecodeException {
        if (price <= 0 || size < 0) {
            throw new DecodeException("field '" + where + "' has a non-positive price or a negative size");
        }
        return new long[] {price, size};
    }

    private void trades(RawFrame frame, String nativeSymbol, JsonNode tick, List<MarketEvent> out) throws DecodeException {
        JsonNode data = requireArray(tick, "data", "an array of trades");
        for (int i = 0; i < data.size(); i++) {
            JsonNode t = requireObjectAt(data, "data", i);
            MarketEvent ev = base(frame, EventType.TRADE, nativeSymbol);
            ev.tradeId = requireLong(t, swap ? "id" : "tradeId");
            ev.exchangeTimeMs = requireEpochMs(t, "ts");
            ev.price = requireNumber(t, "price");
            ev.size = requireNumber(t, "amount");
            ev.takerBuy = requireSide(t, "direction", "data[" + i + "]", "buy", "sell");
            out.add(EventChecks.requirePositiveTrade(ev, "data[" + i + "]", "amount"));
        }
    }
}
