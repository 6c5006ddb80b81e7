package io.rrralgorithms.connectors.adapters.independentreserve;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.adapters.RawCounts;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.ReferenceBook;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The raw-line oracle of the Independent Reserve capture ({@code INDEPENDENT_RESERVE.ws.1.0} with
 * its REST snapshots {@code INDEPENDENT_RESERVE.http.0.0}, April 2022: the order-by-order channels
 * of 5 bases, about 30 s; no trade), read with Jackson and {@link BigDecimal}, never with the
 * decoder or the synchronizer. The REST books and the frames are merged by receive time (as the
 * capture reader does); per pair:
 *
 * <ul>
 *   <li>the snapshot's orders (by GUID) start the pair's book, its nonce being the last one of its
 *       base's channel received before it;
 *   <li>each later message of the base's channel is a delta of every pair with a book: a new order
 *       (priced in the pair's quote) replaces the order of its GUID, a change sets an order's
 *       volume, a cancel removes it (an order the pair does not hold: nothing); the first delta
 *       must carry the snapshot's nonce + 1, each next the previous + 1, else a gap; each applied
 *       delta is a synced top of the sorted map of the per-price sums;
 *   <li>a message of a base without a book is ignored, as are heartbeats and subscription lists;
 *       an order at price 0 is no level.
 * </ul>
 */
public final class IndependentReserveOracle {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private IndependentReserveOracle() {}

    private record Line(BigDecimal seconds, String url, String payload) {}

    private static final class Pair {
        final String quote;
        final Map<String, Object[]> orders = new HashMap<>(); // GUID → {bid?, price, volume}
        long nonce;
        boolean synced = true;

        Pair(String quote) {
            this.quote = quote;
        }

        ReferenceBook book() {
            ReferenceBook b = new ReferenceBook();
            for (Object[] o : orders.values()) {
                boolean bid = (Boolean) o[0];
                BigDecimal p = (BigDecimal) o[1];
                if (p.signum() == 0) {
                    continue; // a bid at 0 (MATIC-USD's snapshot) is an order, not a price level
                }
                b.set(bid, p, b.side(bid).getOrDefault(p, BigDecimal.ZERO).add((BigDecimal) o[2]));
            }
            return b;
        }
    }

    public static RawCounts count(List<Path> files) throws Exception {
        RawCounts raw = new RawCounts();
        List<Line> lines = new ArrayList<>();
        for (Path f : files) {
            CaptureLines.received(f).forEach(r -> lines.add(new Line(new BigDecimal(r.seconds()), null, r.payload())));
            Path http = f.resolveSibling(f.getFileName().toString().replace(".ws.1.0", ".http.0.0"));
            CaptureLines.rest(http, "/Public/GetAllOrders").forEach(r ->
                    lines.add(new Line(new BigDecimal(r.seconds()), r.url(), r.body())));
        }
        lines.sort(Comparator.comparing(Line::seconds)); // stable: file order within one time
        Map<String, Long> lastNonce = new HashMap<>();
        Map<String, Map<String, Pair>> byBase = new TreeMap<>();
        for (Line line : lines) {
            raw.frames++;
            JsonNode j = JSON.readTree(line.payload());
            if (line.url() != null) {
                raw.snapshots++;
                String base = line.url().replaceAll(".*primaryCurrencyCode=([a-z0-9]+).*", "$1");
                String quote = line.url().replaceAll(".*secondaryCurrencyCode=([a-z0-9]+).*", "$1");
                Pair p = new Pair(quote);
                j.get("BuyOrders").forEach(o -> p.orders.put(o.get("Guid").asText(),
                        new Object[] {true, o.get("Price").decimalValue(), o.get("Volume").decimalValue()}));
                j.get("SellOrders").forEach(o -> p.orders.put(o.get("Guid").asText(),
                        new Object[] {false, o.get("Price").decimalValue(), o.get("Volume").decimalValue()}));
                p.nonce = lastNonce.getOrDefault(base, 0L);
                byBase.computeIfAbsent(base, b -> new TreeMap<>()).put(base + "-" + quote, p);
                continue;
            }
            String event = j.get("Event").asText();
            raw.count(event, 1);
            switch (event) {
                case "Heartbeat", "Subscriptions" -> raw.ignored++;
                case "Trade" -> raw.trades++;
                case "NewOrder", "OrderChanged", "OrderCanceled" -> {
                    String base = j.get("Channel").asText().substring("orderbook-".length());
                    long nonce = j.get("Nonce").asLong();
                    Long before = lastNonce.put(base, nonce);
                    if (before != null && nonce != before + 1) {
                        raw.count("channel nonce breaks", 1);
                    }
                    Map<String, Pair> pairs = byBase.getOrDefault(base, Map.of());
                    if (pairs.isEmpty()) {
                        raw.ignored++;
                        raw.count("before the base's snapshot", 1);
                    }
                    for (Map.Entry<String, Pair> e : pairs.entrySet()) {
                        raw.deltas++;
                        apply(raw, e.getKey(), e.getValue(), j, event, nonce);
                    }
                }
                default -> throw new AssertionError("unknown event " + line.payload());
            }
        }
        byBase.values().forEach(pairs -> pairs.forEach((name, p) -> {
            if (p.synced && raw.syncedTops.containsKey(name)) {
                ReferenceBook b = p.book();
                b.lastUpdateId = p.nonce;
                raw.books.put(name, b);
            }
        }));
        raw.count("books", raw.books.size());
        return raw;
    }

    private static void apply(RawCounts raw, String name, Pair p, JsonNode j, String event, long nonce) {
        if (!p.synced) {
            return;
        }
        if (nonce != p.nonce + 1) {
            raw.gaps++;
            p.synced = false;
            return;
        }
        p.nonce = nonce;
        JsonNode d = j.get("Data");
        String guid = d.get("OrderGuid").asText();
        switch (event) {
            case "NewOrder" -> p.orders.put(guid, new Object[] {d.get("OrderType").asText().endsWith("Bid"),
                    d.get("Price").get(p.quote).decimalValue(), d.get("Volume").decimalValue()});
            case "OrderChanged" -> {
                Object[] o = p.orders.get(guid);
                if (o != null && d.get("Volume").decimalValue().signum() == 0) {
                    p.orders.remove(guid);
                } else if (o != null) {
                    o[2] = d.get("Volume").decimalValue();
                }
            }
            default -> {
                if (p.orders.remove(guid) == null) {
                    raw.count("cancels of orders not in the book", 1);
                }
            }
        }
        raw.syncedTop(name);
    }
}
