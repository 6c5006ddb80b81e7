package io.rrralgorithms.connectors.adapters.gateio;

import com.fasterxml.jackson.databind.JsonNode;
import io.rrralgorithms.connectors.adapters.RawCounts;
import io.rrralgorithms.connectors.testkit.CaptureLines;
import io.rrralgorithms.connectors.testkit.ReferenceBook;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

/**
 * The raw-line oracle of the Gate.io captures with their REST order books, for both venue
 * contracts: spot of 2021-04-22 (10 pairs, ~30 s) and USDT perpetuals of 2023-05-24 (10 contracts,
 * ~20 s; no trade). Frames per {@code channel/event}, those no long mantissa scale holds dead letters,
 * and per book Gate.io's documented join (drop {@code u <= id}, bridge, chain). The spot REST books
 * of OMG_USDT, INK_USDT, DIS_USDT and BTC_USDC hold sizes of 9-10 decimals, decoded at those scales.
 * Gate.io sends no checksum.
 */
public final class GateioOracle {
    private GateioOracle() {}

    public static RawCounts spot(List<Path> files) throws Exception {
        return count(files, "spot", "/spot/order_book?", "currency_pair");
    }

    public static RawCounts futures(List<Path> files) throws Exception {
        return count(files, "futures", "/futures/usdt/order_book?", "contract");
    }

    /** A level's price and size: spot's {@code [price, size]} arrays, futures' {@code {"p":..,"s":..}} objects. */
    private static String[] level(JsonNode l) {
        return new String[] {(l.isArray() ? l.get(0) : l.get("p")).asText(), (l.isArray() ? l.get(1) : l.get("s")).asText()};
    }

    private static void set(ReferenceBook b, boolean bid, JsonNode levels) {
        levels.forEach(l -> b.set(bid, level(l)[0], level(l)[1]));
    }

    /** The prices and sizes a decoder reads from a result: trade price/amount/size, the levels of a/b/asks/bids. */
    private static List<BigDecimal> decodedNumbers(JsonNode res) {
        List<BigDecimal> out = RawCounts.decimals(res, "price", "amount", "size");
        for (JsonNode r : res.isArray() ? res : List.of(res)) {
            for (String side : List.of("a", "b", "asks", "bids")) {
                r.path(side).forEach(l -> List.of(level(l)).forEach(v -> out.add(new BigDecimal(v))));
            }
        }
        return out;
    }

    /** {@code market} is spot or futures; {@code key} the REST URL's instrument parameter. */
    private static RawCounts count(List<Path> files, String market, String rest, String key) throws Exception {
        RawCounts raw = new RawCounts();
        Path http = RawCounts.http(files);
        raw.count("REST books", CaptureLines.rest(http, rest).size());
        for (CaptureLines.Rest r : raw.restBooks(http, rest)) {
            JsonNode s = RawCounts.JSON.readTree(r.body());
            ReferenceBook b = raw.book(r.url().replaceAll(".*" + key + "=([A-Z0-9_]+)&.*", "$1")).snapshot(s.get("id").asLong());
            set(b, true, s.get("bids"));
            set(b, false, s.get("asks"));
        }
        for (JsonNode j : raw.json(files)) {
            String channel = j.get("channel").asText();
            String kind = channel + "/" + j.get("event").asText();
            raw.count(kind, 1);
            if (!j.get("event").asText().equals("update") || channel.equals(market + ".candlesticks")) {
                raw.ignored++; // subscribe replies, candlesticks
                continue;
            }
            JsonNode res = j.get("result");
            // the numbers the decoder reads: a spot ticker's best bid/ask only (its volumes are not decoded)
            if (raw.dead(kind, kind.equals("spot.tickers/update") ? RawCounts.decimals(res, "highest_bid", "lowest_ask")
                    : decodedNumbers(res))) {
                continue;
            }
            switch (channel.substring(market.length() + 1)) {
                case "trades" -> raw.trades += market.equals("spot") ? 1 : res.size();
                case "tickers", "book_ticker" -> raw.bbo++;
                case "order_book_update" -> {
                    raw.deltas++;
                    String name = res.get("s").asText();
                    ReferenceBook b = raw.books.get(name);
                    if (b != null && join(raw, b, res.get("U").asLong(), res.get("u").asLong())) {
                        set(b, true, res.get("b"));
                        set(b, false, res.get("a"));
                        raw.syncedTop(name);
                    }
                }
                default -> throw new AssertionError(channel);
            }
        }
        raw.count("books", raw.books.size());
        raw.books.keySet().retainAll(raw.syncedTops.keySet());
        return raw;
    }

    /**
     * Gate.io's documented join, whether the update is applied: before the first, one ending at or
     * below the snapshot's id is stale and one starting after id + 1 a gap; then a chain of
     * {@code U == previous u + 1}.
     */
    private static boolean join(RawCounts raw, ReferenceBook b, long first, long last) {
        if (!b.applied) {
            if (last <= b.lastUpdateId) {
                raw.stale++;
                return false;
            }
            if (first > b.lastUpdateId + 1) {
                raw.gaps++;
                return false;
            }
            b.applied = true;
            b.lastUpdateId = last;
        } else {
            raw.link(b, last, first == b.lastUpdateId + 1);
        }
        return true;
    }
}
