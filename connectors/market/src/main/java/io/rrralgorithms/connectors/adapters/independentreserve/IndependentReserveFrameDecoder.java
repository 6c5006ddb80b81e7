package io.rrralgorithms.connectors.adapters.independentreserve;

import static io.rrralgorithms.connectors.adapters.JsonFields.requireArray;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireEpochMs;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireIsoTimeMs;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireLong;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireObject;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireSide;
import static io.rrralgorithms.connectors.adapters.JsonFields.requireText;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.adapters.EventChecks;
import io.rrralgorithms.connectors.adapters.JsonFrameDecoder;
import io.rrralgorithms.connectors.adapters.JsonNumbers;
import io.rrralgorithms.connectors.adapters.SidedLevels;
import io.rrralgorithms.connectors.model.Decimals;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.FrameKind;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Decodes Independent Reserve's public WebSocket and its REST order-book snapshots, keeping the
 * order-by-order book of every pair it has a snapshot of and giving the pipeline its L2 changes:
 *
 * <ul>
 *   <li>REST {@code GetAllOrders?primaryCurrencyCode=dot&secondaryCurrencyCode=nzd}:
 *       {@code {"BuyOrders":[{"Guid","Price","Volume"}],"SellOrders":[...],"PrimaryCurrencyCode":"Dot",
 *       "SecondaryCurrencyCode":"Nzd","CreatedTimestampUtc"}} → the pair's orders, and a
 *       {@link EventType#BOOK_SNAPSHOT} of their sums per price, at {@code CreatedTimestampUtc},
 *       with the last {@code Nonce} seen on {@code orderbook-dot} as its update id;
 *   <li>{@code {"Channel":"orderbook-dot","Nonce","Data":{"OrderType":"LimitBid"|"LimitOffer","OrderGuid",
 *       "Price":{"aud":..,"nzd":..},"Volume"},"Time","Event":"NewOrder"|"OrderChanged"|"OrderCanceled"}}
 *       → for every pair of the base with a snapshot, one {@link EventType#BOOK_DELTA} at
 *       {@code Time} with the {@code Nonce} as its first and last id, holding the new total of each
 *       price the message changed (none where it changed nothing: a cancel or change of an order
 *       the pair does not hold); a new order is priced in the pair's quote; a message before any
 *       snapshot of its base is ignored (no orders to apply it to);
 *   <li>{@code {"Channel":"ticker-dot-nzd","Event":"Trade","Data":{"TradeGuid","Pair","TradeDate",
 *       "Price","Volume","Side":"Buy"|"Sell"}}} → a {@link EventType#TRADE} at {@code TradeDate}
 *       (the GUID is not kept);
 *   <li>{@code Heartbeat}, {@code Subscriptions}, {@code Unsubscribe} are ignored.
 * </ul>
 *
 * Numbers are JSON numbers, read exactly ({@link JsonNumbers}). An unknown event, malformed JSON,
 * wrong field types, unknown symbols and numbers no long mantissa scale holds are
 * {@link DecodeException}s; the orders change only once a frame decoded whole.
 */
final class IndependentReserveFrameDecoder extends JsonFrameDecoder {
    /** An order; one at price 0 (a bid of nothing: MATIC-USD's snapshot holds one) is kept but is no level. */
    private record Order(boolean bid, BigDecimal price, BigDecimal volume) {
        boolean isLevel() {
            return price.signum() > 0;
        }
    }

    /** One pair's orders and their sums per price. */
    private static final class Book {
        final String quote;
        final Map<String, Order> orders = new HashMap<>();
        final Map<BigDecimal, BigDecimal> bids = new TreeMap<>(Comparator.reverseOrder()); // best first
        final Map<BigDecimal, BigDecimal> asks = new TreeMap<>();

        Book(String quote) {
            this.quote = quote;
        }

        Map<BigDecimal, BigDecimal> side(boolean bid) {
            return bid ? bids : asks;
        }

        BigDecimal total(boolean bid, BigDecimal price) {
            return side(bid).getOrDefault(price, BigDecimal.ZERO);
        }

        void add(Order o, int sign) {
            if (!o.isLevel()) {
                return;
            }
            BigDecimal t = total(o.bid, o.price).add(sign > 0 ? o.volume : o.volume.negate());
            if (t.signum() == 0) {
                side(o.bid).remove(o.price);
            } else {
                side(o.bid).put(o.price, t);
            }
        }
    }

    /** Base currency → its pairs' books (by pair). */
    private final Map<String, Map<String, Book>> books = new HashMap<>();
    /** Channel base → the last nonce seen. */
    private final Map<String, Long> lastNonce = new HashMap<>();

    IndependentReserveFrameDecoder(String feed) {
        super(feed, JsonNumbers::parseObject);
    }

    @Override
    protected Result decode(RawFrame frame, JsonNode root, Consumer<MarketEvent> out) throws DecodeException {
        if (frame.kind == FrameKind.REST_SNAPSHOT) {
            out.accept(snapshot(frame, root));
            return Result.EVENTS;
        }
        String event = requireText(root, "Event");
        switch (event) {
            case "Heartbeat", "Subscriptions", "Unsubscribe" -> {
                return Result.IGNORED;
            }
            case "Trade" -> {
                out.accept(trade(frame, requireObject(root, "Data")));
                return Result.EVENTS;
            }
            case "NewOrder", "OrderChanged", "OrderCanceled" -> {
                return order(frame, root, event, out);
            }
            case "Error" -> throw new DecodeException("venue error message: " + root.path("Data").asText());
            default -> throw new DecodeException("unknown event '" + event + "'");
        }
    }

    private MarketEvent snapshot(RawFrame frame, JsonNode root) throws DecodeException {
        String base = IndependentReserveSymbols.asset(requireText(root, "PrimaryCurrencyCode")).toLowerCase(Locale.ROOT);
        String quote = requireText(root, "SecondaryCurrencyCode").toLowerCase(Locale.ROOT);
        String nativeBase = base.equals("btc") ? "xbt" : base;
        String pair = nativeBase + "-" + quote;
        Book book = new Book(quote);
        for (String field : List.of("BuyOrders", "SellOrders")) {
            JsonNode orders = requireArray(root, field, "an array of orders");
            for (int i = 0; i < orders.size(); i++) {
                JsonNode o = orders.get(i);
                String where = field + "[" + i + "]";
                Order order = new Order(field.equals("BuyOrders"), nonNegative(o.get("Price"), where + ".Price"),
                        positive(o.get("Volume"), where + ".Volume"));
                if (book.orders.put(requireText(o, "Guid"), order) != null) {
                    throw new DecodeException("order " + o.get("Guid").textValue() + " listed twice");
                }
                book.add(order, 1);
            }
        }
        MarketEvent ev = MarketEvent.snapshot(feed, pair, IndependentReserveSymbols.BOTH_WAYS.decode(pair),
                frame.receiveTimeNs);
        ev.exchangeTimeMs = requireIsoTimeMs(root, "CreatedTimestampUtc");
        ev.lastUpdateId = lastNonce.getOrDefault(nativeBase, 0L);
        ev.levels(levels(book.bids, book.bids.keySet()), levels(book.asks, book.asks.keySet()));
        books.computeIfAbsent(nativeBase, b -> new HashMap<>()).put(pair, book); // once it decoded whole
        return ev;
    }

    private Result order(RawFrame frame, JsonNode root, String event, Consumer<MarketEvent> out) throws DecodeException {
        String channel = requireText(root, "Channel");
        if (!channel.startsWith("orderbook-") || channel.length() == "orderbook-".length()) {
            throw new DecodeException("unknown channel '" + channel + "' of a " + event);
        }
        String base = channel.substring("orderbook-".length());
        long nonce = requireLong(root, "Nonce");
        long time = requireEpochMs(root, "Time");
        JsonNode data = requireObject(root, "Data");
        String guid = requireText(data, "OrderGuid");
        boolean bid = requireSide(data, "OrderType", "Data", "LimitBid", "LimitOffer");
        BigDecimal volume = event.equals("OrderCanceled") ? null : nonNegative(data.get("Volume"), "Data.Volume");
        JsonNode prices = event.equals("NewOrder") ? requireObject(data, "Price") : null;
        List<MarketEvent> events = new ArrayList<>();
        List<Runnable> commits = new ArrayList<>();
        for (Map.Entry<String, Book> e : books.getOrDefault(base, Map.of()).entrySet()) {
            Book book = e.getValue();
            Order held = book.orders.get(guid);
            Order next = switch (event) {
                case "NewOrder" -> new Order(bid, nonNegative(prices.get(book.quote), "Data.Price." + book.quote), volume);
                case "OrderChanged" -> held == null || volume.signum() == 0 ? null
                        : new Order(held.bid, held.price, volume);
                default -> null;
            };
            if (held == null && next == null) {
                events.add(delta(frame, e.getKey(), nonce, time, Map.of(), Map.of()));
                continue;
            }
            // the new totals of the prices the message changes, before anything changes
            Map<BigDecimal, BigDecimal> bids = new TreeMap<>(Comparator.reverseOrder());
            Map<BigDecimal, BigDecimal> asks = new TreeMap<>();
            if (held != null && held.isLevel()) {
                (held.bid ? bids : asks).put(held.price, book.total(held.bid, held.price).subtract(held.volume));
            }
            if (next != null && next.isLevel()) {
                Map<BigDecimal, BigDecimal> side = next.bid ? bids : asks;
                side.put(next.price, side.getOrDefault(next.price, book.total(next.bid, next.price)).add(next.volume));
            }
            events.add(delta(frame, e.getKey(), nonce, time, bids, asks));
            commits.add(() -> {
                if (held != null) {
                    book.add(held, -1);
                    book.orders.remove(guid);
                }
                if (next != null) {
                    book.add(next, 1);
                    book.orders.put(guid, next);
                }
            });
        }
        // decoded whole: now the orders change and the events go out
        commits.forEach(Runnable::run);
        lastNonce.put(base, nonce);
        events.forEach(out);
        return events.isEmpty() ? Result.IGNORED : Result.EVENTS;
    }

    private MarketEvent delta(RawFrame frame, String pair, long nonce, long time, Map<BigDecimal, BigDecimal> bids,
            Map<BigDecimal, BigDecimal> asks) throws DecodeException {
        MarketEvent ev = MarketEvent.delta(feed, pair, IndependentReserveSymbols.BOTH_WAYS.decode(pair),
                frame.receiveTimeNs);
        ev.exchangeTimeMs = time;
        ev.firstUpdateId = nonce;
        ev.lastUpdateId = nonce;
        return ev.levels(levels(bids, bids.keySet()), levels(asks, asks.keySet()));
    }

    /** The levels of {@code prices} with their totals in {@code totals} (0 for a price emptied). */
    private static long[][] levels(Map<BigDecimal, BigDecimal> totals, Iterable<BigDecimal> prices)
            throws DecodeException {
        List<long[]> out = new ArrayList<>();
        for (BigDecimal p : prices) {
            BigDecimal size = totals.getOrDefault(p, BigDecimal.ZERO);
            if (size.signum() < 0) {
                throw new DecodeException("the orders at " + p.toPlainString() + " sum to a negative volume");
            }
            out.add(new long[] {exact(p), exact(size)});
        }
        return SidedLevels.ofPairs(out);
    }

    private static long exact(BigDecimal d) throws DecodeException {
        try {
            return Decimals.of(d);
        } catch (Decimals.ScaleException e) {
            throw new DecodeException("a level of " + d.toPlainString() + " is not an exact decimal: " + e.getMessage(), e);
        }
    }

    private static BigDecimal positive(JsonNode n, String what) throws DecodeException {
        BigDecimal d = nonNegative(n, what);
        if (d.signum() == 0) {
            throw new DecodeException("field '" + what + "' must be positive");
        }
        return d;
    }

    /** A JSON number as an exact decimal, its trailing zeros stripped (one key per price). */
    private static BigDecimal nonNegative(JsonNode n, String what) throws DecodeException {
        JsonNumbers.number(n, what); // the dead-letter reasons of a missing, non-number or unholdable value
        BigDecimal d = n.decimalValue().stripTrailingZeros();
        if (d.signum() < 0) {
            throw new DecodeException("field '" + what + "' must not be negative");
        }
        return d;
    }

    private MarketEvent trade(RawFrame frame, JsonNode d) throws DecodeException {
        String pair = requireText(d, "Pair");
        MarketEvent ev = MarketEvent.trade(feed, pair, IndependentReserveSymbols.BOTH_WAYS.decode(pair),
                frame.receiveTimeNs);
        String date = requireText(d, "TradeDate");
        try {
            ev.exchangeTimeMs = OffsetDateTime.parse(date).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new DecodeException("field 'Data.TradeDate' is not an ISO-8601 time: '" + date + "'");
        }
        ev.price = JsonNumbers.requireNumber(d, "Price");
        ev.size = JsonNumbers.requireNumber(d, "Volume");
        ev.takerBuy = requireSide(d, "Side", "Data", "Buy", "Sell");
        return EventChecks.requirePositiveTrade(ev, "trade with a non-positive price or volume");
    }
}
